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


def _stem_all(words: set[str]) -> None:
    """Stem unseen words in one native call (the tokenizer maps each [a-z0-9]+ word to one token)."""
    missing = [w for w in words if w not in _STEMS]
    if not missing:
        return
    if len(_STEMS) > _CACHE_LIMIT:
        _STEMS.clear()
    stems = _tokenizer().tokenize(" ".join(missing))
    if len(stems) != len(missing):  # never expected; stay correct word by word if it happens
        stems = [(_tokenizer().tokenize(w) or [w])[0] for w in missing]
    _STEMS.update(zip(missing, stems))


def tokens(text: str) -> list[str]:
    """Stemmed lower-case alphanumeric tokens of ``text``."""
    words = _WORD.findall(text.lower())
    _stem_all(set(words))
    return [_STEMS[w] for w in words]


@lru_cache(maxsize=1)
def stemmed_stop() -> frozenset[str]:
    """Stop words and their stems."""
    return STOP | frozenset(tokens(" ".join(STOP)))

