"""Words as ROUGE and readers see them: lower case, alphanumeric, Porter-stemmed.

Stemming uses rouge-score-rs's native tokenizer (the Porter stemmer of
rouge-score), word by word through a cache, so "reports" and "reported" are one
word, exactly as the evaluation counts them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from itertools import chain, count
from typing import Any

from newsbrief.lang.en import STOP_WORDS

WORD = re.compile(r"[a-z0-9]+")
"""A word, in lower-cased text: a run of ASCII letters and digits (what rouge-score counts)."""
_WITH_CLITIC = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789"
"""What :data:`WORD` matches, character by character."""


def _keeping(kept: str) -> bytes:
    """A ``bytes.translate`` table that keeps the bytes of ``kept`` and makes any other a space."""
    return bytes(c if chr(c) in kept else 32 for c in range(256))


_WORD_BYTES = _keeping(_ALPHANUMERIC)
"""A byte of [a-z0-9] kept, any other made a space: what :func:`words` splits. Lower-cased text encoded to
ASCII is one byte a character ("?" for any other), so its runs of kept bytes are what :data:`WORD` finds in
it; ``bytes.translate`` is a C loop over this table, 1.3 times as fast as ``findall`` on Multi-News text and
2.3 times on newswire, and every stage reads every word of a cluster (line keys, concepts)."""
_CLITIC_BYTES = _keeping(_ALPHANUMERIC + "'")
"""As :data:`_WORD_BYTES`, with the ASCII apostrophe kept: the pieces between spaces are where
:data:`_WITH_CLITIC` can match (it matches nothing else), and most are plain words, taken as they are."""

_STEMS: dict[str, str] = {}
_CACHE_LIMIT = 200_000


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from rouge_score_rs.tokenizers import DefaultTokenizer  # native Porter stemmer, loaded on first use

    return DefaultTokenizer(use_stemmer=True)


def words(text: str, clitics: bool = False) -> list[str]:
    """The lower-case words of ``text``, unstemmed; with ``clitics``, "don't" and "Turkey's" stay one word
    (near-duplicate detection compares exact wording)."""
    lower = text.lower()
    if not clitics:
        return lower.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii").split()
    if "’" in lower:  # a curly apostrophe is not one byte: the pattern reads the whole text
        return _WITH_CLITIC.findall(lower)
    pieces = lower.encode("ascii", "replace").translate(_CLITIC_BYTES).decode("ascii").split()
    if "'" not in lower:
        return pieces
    return [word for piece in pieces for word in ((piece,) if "'" not in piece else _WITH_CLITIC.findall(piece))]


def _stems(found: Collection[str]) -> dict[str, str]:
    """word -> stem for the distinct words ``found``; unseen ones stemmed in one native call (one token per
    [a-z0-9]+ word), the lookups done by C loops (a cluster has tens of thousands of words).

    A full cache is replaced, never cleared, and each call reads the one it started with: a thread
    starting a new cache cannot pull a stem from under another.
    """
    global _STEMS
    cache = _STEMS
    known = dict(zip(found, map(cache.get, found)))
    missing = list(set(found).difference(cache))
    if missing:
        new = dict(zip(missing, _stemmer().tokenize(" ".join(missing))))
        known.update(new)
        if len(cache) > _CACHE_LIMIT:
            _STEMS = new
        else:
            cache.update(new)
    return known


def tokens(text: str) -> list[str]:
    """Stemmed lower-case alphanumeric tokens of ``text``."""
    found = words(text)
    stems = _stems(set(found))
    return [stems[w] for w in found]


def numbered(texts: Sequence[str]) -> tuple[dict[str, int], list[list[int]]]:
    """The stems of ``texts`` numbered in order of first use (stem -> id), and each text's tokens as ids.

    The ids are those of numbering :func:`tokens` of each text in turn, but a text repeated word for word
    (wire copy) is read once and shares its list of ids, and each word is stemmed and numbered once, by
    C loops, not at each use: whole clusters go through here.
    """
    found = {text: words(text) for text in dict.fromkeys(texts)}
    distinct = list(dict.fromkeys(chain.from_iterable(found.values())))  # words in order of first use
    stems = list(map(_stems(distinct).__getitem__, distinct))
    vocabulary = dict(zip(dict.fromkeys(stems), count()))
    word_id = dict(zip(distinct, map(vocabulary.__getitem__, stems)))
    ids = {text: list(map(word_id.__getitem__, words_of)) for text, words_of in found.items()}
    return vocabulary, list(map(ids.__getitem__, texts))


@lru_cache(maxsize=1)
def stemmed_stop() -> frozenset[str]:
    """Stop words and their stems."""
    return STOP_WORDS | frozenset(tokens(" ".join(STOP_WORDS)))
