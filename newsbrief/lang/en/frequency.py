"""How often words and phrases occur in English text: wordfreq's large English list, looked up many at once.

``wordfreq.word_frequency`` gives the same figures, but its first call imports
wordfreq (langcodes, ftfy and a large Unicode tokenizing expression: 0.1-0.15 s)
and turns all 321,180 words of the list into a dictionary (0.15 s), which was a
fifth of a briefing's start-up, to ask about a few hundred words. Here the list's
frequency bands are read once and searched for just the words asked about, and
wordfreq itself is imported only for a term its tokenizer may split in a way the
plain rule below does not cover (digits, accents, "o'hare"). The figures are
wordfreq's own, bit for bit (``tests/test_startup.py`` compares them).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.util import find_spec
from math import floor, log
from pathlib import Path

import msgpack

LIST = "large_en.msgpack.gz"
"""wordfreq's large English list (frequencies down to one in 10^8 words), in its ``data`` folder."""

_WORD = r"[a-z]+(?:['’][b-df-gj-np-tv-xz][a-z]*)?['’]*"
_PLAIN = re.compile(rf"[ -]*{_WORD}(?:[ -]+{_WORD})*[ -]*")
"""A term wordfreq's tokenizer (Unicode word boundaries) splits only at its spaces and hyphens: ASCII
lower-case words, each with at most one apostrophe inside, before a consonant ("it's", "don’t": an apostrophe
before a vowel splits "o'hare"), and apostrophes at the end, which are dropped ("victims'"). The words must
be apart, so that matching takes linear time on any term."""
_SEPARATORS = re.compile(r"[ -]+")


def word_frequencies(terms: Iterable[str]) -> dict[str, float]:
    """How often each of ``terms`` (a word or a phrase) occurs in English text, per word, as
    ``wordfreq.word_frequency(term, "en")`` gives it: a phrase's words combined (1/f = 1/f1 + 1/f2 + ...), 0
    when a word is not in the list, rounded to three significant digits."""
    tokens = {term: _tokens(term) for term in set(terms)}
    found = _frequencies({_smashed(t) for words in tokens.values() for t in words})
    return {term: _combined(words, found) for term, words in tokens.items()}


def _tokens(term: str) -> list[str]:
    """The words wordfreq looks ``term`` up by: split at spaces and hyphens when plain, else by wordfreq."""
    if _PLAIN.fullmatch(term):
        return [w.rstrip("'’").replace("’", "'") for w in _SEPARATORS.split(term) if w]
    from wordfreq.tokens import lossy_tokenize  # loads wordfreq's tokenizer (0.1 s): only for such terms

    return lossy_tokenize(term, "en")


def _smashed(token: str) -> str:
    """The form wordfreq keeps a token with digits under (digits as zeros)."""
    if not any(c.isdigit() for c in token):
        return token
    from wordfreq.numbers import smash_numbers  # with wordfreq's tokenizer, which gave the token

    return smash_numbers(token)


def _combined(tokens: list[str], found: dict[str, float]) -> float:
    """wordfreq's frequency of a term of these tokens, computed in its order of operations."""
    if not tokens:
        return 0.0
    one_over_result = 0.0
    for token in tokens:
        smashed = _smashed(token)
        if smashed not in found:
            return 0.0
        freq = found[smashed]
        if smashed != token:
            from wordfreq.numbers import digit_freq  # with wordfreq's tokenizer, which gave the token

            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    return round(freq, floor(-log(freq, 10)) + 3)


def _frequencies(words: set[str]) -> dict[str, float]:
    """Each of ``words`` that the list holds, with its frequency: band ``i`` holds the words of frequency
    10^(-i/100) (a later band wins, as in wordfreq's own dictionary)."""
    found: dict[str, float] = {}
    for index, band in enumerate(_bands()):
        hits = words.intersection(band)
        if hits:
            found.update(dict.fromkeys(hits, 10 ** (-index / 100)))
    return found


@lru_cache(maxsize=1)
def _bands() -> tuple[list[str], ...]:
    """The list's frequency bands (wordfreq's "cBpack": a header, then one list of words per centibel), read
    from the installed wordfreq's data without importing wordfreq."""
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / LIST
    with gzip.open(path, "rb") as infile:
        header, *bands = msgpack.load(infile, raw=False)
    if header != {"format": "cB", "version": 1}:
        raise ValueError(f"{path}: not a wordfreq word list of a known version ({header})")
    return tuple(bands)


__all__ = ["word_frequencies"]
