"""The one tokenizer and stemmer (``newsbrief.lang.tokens``): whole-cluster numbering agrees with it word for word."""

from __future__ import annotations

import pytest

from newsbrief.lang import tokens as tokens_mod
from newsbrief.lang.tokens import numbered, tokens

TEXTS = [
    "Rescuers reported 33 deaths; the reports were confirmed.",
    "",
    "Reporting from Idlib, Turkey's officials said: don't panic!",
    "Rescuers reported 33 deaths; the reports were confirmed.",  # wire copy: the same text again
    "Ça a 12 morts — 12!",
]


def _in_turn(texts: list[str]) -> tuple[dict[str, int], list[list[int]]]:
    """What numbered() must give: tokens() of each text, stems numbered in order of first use."""
    vocabulary: dict[str, int] = {}
    return vocabulary, [[vocabulary.setdefault(t, len(vocabulary)) for t in tokens(text)] for text in texts]


def test_numbered_gives_the_ids_of_tokens_in_turn() -> None:
    vocabulary, ids = numbered(TEXTS)
    assert (vocabulary, ids) == _in_turn(TEXTS)
    assert list(vocabulary)[:3] == ["rescuer", "report", "33"]  # "reported" and "reports" are one stem
    assert ids[1] == [] and ids[3] is ids[0]  # wire copy: read once
    assert numbered([]) == ({}, [])


def test_a_full_stem_cache_is_replaced_without_losing_a_stem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens_mod, "_CACHE_LIMIT", 3)
    monkeypatch.setattr(tokens_mod, "_STEMS", {})
    expected = _in_turn(TEXTS)
    every_word = {w for text in TEXTS for w in tokens_mod.words(text)}
    full = {f"filler{n}": "filler" for n in range(5)}
    monkeypatch.setattr(tokens_mod, "_STEMS", full)  # over its limit, none of these words known
    assert numbered(TEXTS) == expected
    assert set(tokens_mod._STEMS) == every_word and set(full) == {f"filler{n}" for n in range(5)}  # replaced


def test_words_are_the_runs_of_letters_and_digits_of_the_lower_cased_text() -> None:
    """words() splits a byte translation of the text, not a pattern's matches: it must find what WORD finds in
    the lower-cased text, whatever the punctuation, white space, control or non-ASCII characters (one that
    lower-cases to ASCII, like the Kelvin sign, or to two characters, like a dotted capital I)."""
    every_ascii = "".join(map(chr, range(128)))
    odd = "U.S.-led\tTALKS\x1cend_of 3,000\x7fdays — Ça, Erdoğan’s 5\u212a İstanbul \ud800x 😀y ２３"
    for text in (*TEXTS, every_ascii, every_ascii[::-1], odd, "a'b don't"):
        assert tokens_mod.words(text) == tokens_mod.WORD.findall(text.lower())
    assert tokens_mod.words("Ça a 12 morts") == ["a", "a", "12", "morts"]
    assert tokens_mod.words("5\u212a") == ["5k"]  # the Kelvin sign lower-cases to an ASCII k
    assert tokens_mod.words("DON'T stop", clitics=True) == ["don't", "stop"]


def test_words_with_clitics_are_what_the_clitic_pattern_finds() -> None:
    """words(clitics=True) splits a byte translation that keeps the ASCII apostrophe and reads only the pieces
    holding one with the pattern: it must find what _WITH_CLITIC finds in the lower-cased text, whatever the
    apostrophes (straight, curly, doubled, leading, trailing, before a digit) and other characters."""
    every_ascii = "".join(map(chr, range(128)))
    odd = "U.S.-led\tTALKS\x1cend_of 3,000\x7fdays — Ça, Erdoğan’s 5\u212a İstanbul \ud800x 😀y ２３"
    apostrophes = "''Don't'' 'tis rock'n'roll x'1 o'clock's '90s a'b'c ''' ab'12 it's' ’twas"
    # a text with a curly apostrophe goes to the pattern whole: each is also tested with straight ones only
    for text in (*TEXTS, every_ascii, every_ascii[::-1], odd, odd.replace("’", "'"), apostrophes,
                 apostrophes.replace("’", "'")):
        assert tokens_mod.words(text, clitics=True) == tokens_mod._WITH_CLITIC.findall(text.lower())
    assert tokens_mod.words("rock'n'roll x'1", clitics=True) == ["rock'n", "roll", "x", "1"]
