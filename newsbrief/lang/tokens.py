"""Words as ROUGE and readers see them: lower case, alphanumeric, Porter-stemmed.

Stemming uses rouge-score-rs's native tokenizer (the Porter stemmer of
rouge-score), word by word through a cache, so "reports" and "reported" are one
word, exactly as the evaluation counts them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsbrief.lang.en import STOP_WORDS

WORD = re.compile(r"[a-z0-9]+")
"""A word, in lower-cased text: a run of ASCII letters and digits (what rouge-score counts)."""
_WITH_CLITIC = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

_STEMS: dict[str, str] = {}
_CACHE_LIMIT = 200_000


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from rouge_score_rs.tokenizers import DefaultTokenizer  # native Porter stemmer, loaded on first use

    return DefaultTokenizer(use_stemmer=True)


def words(text: str, clitics: bool = False) -> list[str]:
    """The lower-case words of ``text``, unstemmed; with ``clitics``, "don't" and "Turkey's" stay one word
    (near-duplicate detection compares exact wording)."""
    return (_WITH_CLITIC if clitics else WORD).findall(text.lower())


def _stems(found: set[str]) -> dict[str, str]:
    """word -> stem for ``found``; unseen ones stemmed in one native call (one token per [a-z0-9]+ word).

    Returns its own dict, so a thread clearing the shared cache cannot pull a stem from under another.
    """
    known = {w: _STEMS[w] for w in found if w in _STEMS}
    missing = [w for w in found if w not in known]
    if missing:
        known.update(zip(missing, _stemmer().tokenize(" ".join(missing))))
        if len(_STEMS) > _CACHE_LIMIT:
            _STEMS.clear()
        _STEMS.update(known)
    return known


def tokens(text: str) -> list[str]:
    """Stemmed lower-case alphanumeric tokens of ``text``."""
    found = words(text)
    stems = _stems(set(found))
    return [stems[w] for w in found]


@lru_cache(maxsize=1)
def stemmed_stop() -> frozenset[str]:
    """Stop words and their stems."""
    return STOP_WORDS | frozenset(tokens(" ".join(STOP_WORDS)))
