"""Words as ROUGE and readers see them: lower case, alphanumeric, Porter-stemmed; the stuff concepts are made of.

Stemming uses rouge-score-rs's native tokenizer (the Porter stemmer of
rouge-score), word by word through a cache, so "reports" and "reported" are one
concept, exactly as the evaluation counts them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[a-z0-9]+")
_STEMS: dict[str, str] = {}
_CACHE_LIMIT = 200_000

STOP = frozenset(
    "a about above after again against all am an and any are as at be because been before being below between "
    "both but by can could did do does doing down during each few for from further had has have having he her "
    "here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not "
    "now of off on once only or other our ours ourselves out over own same she should so some such than that the "
    "their theirs them themselves then there these they this those through to too under until up very was we "
    "were what when where which while who whom why will with would you your yours yourself yourselves said says "
    "say also mr ms mrs one two new like get got us told tell".split()
)


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from rouge_score_rs.tokenizers import DefaultTokenizer

    return DefaultTokenizer(use_stemmer=True)


def _stems(words: set[str]) -> dict[str, str]:
    """word -> stem for ``words``; unseen ones stemmed in one native call (one token per [a-z0-9]+ word).

    Returns its own dict, so a thread clearing the shared cache cannot pull a stem from under another.
    """
    known = {w: _STEMS[w] for w in words if w in _STEMS}
    missing = [w for w in words if w not in known]
    if missing:
        known.update(zip(missing, _tokenizer().tokenize(" ".join(missing))))
        if len(_STEMS) > _CACHE_LIMIT:
            _STEMS.clear()
        _STEMS.update(known)
    return known


def tokens(text: str) -> list[str]:
    """Stemmed lower-case alphanumeric tokens of ``text``."""
    words = _WORD.findall(text.lower())
    stems = _stems(set(words))
    return [stems[w] for w in words]


@lru_cache(maxsize=1)
def stemmed_stop() -> frozenset[str]:
    """Stop words and their stems."""
    return STOP | frozenset(tokens(" ".join(STOP)))

