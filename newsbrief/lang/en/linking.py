"""The words that tie a sentence to the one before it (``connectives.txt``, ``droppable_connectives.txt``),
and the two checks every reader of sentences makes with them: whether a sentence can be read alone, and
which connective opening it only links it to the sentence before and can be dropped."""

from __future__ import annotations

import re

from newsbrief.lang.en import word_list
from newsbrief.lang.en.attribution import PRONOUNS
from newsbrief.lang.en.quotes import QUOTE_CHARACTERS

CONNECTIVES = word_list("connectives")
"""Words that open a sentence carrying on from the one before ("But", "However", "Meanwhile")."""

DROPPABLE_CONNECTIVES = word_list("droppable_connectives")
"""Connectives that only link a sentence to the one before it: what follows them reads alone."""

DROPPABLE_OPENING = re.compile(rf"^(?:{'|'.join(sorted(DROPPABLE_CONNECTIVES))})\b,?\s+(?=\S)", re.I)
"""A droppable connective opening a text, with its comma and the space after it ("But, ", "And ")."""


def leans_back(sentence: str) -> bool:
    """Whether ``sentence`` opens, past any quotation marks, with a capitalised pronoun or connective, so
    that it cannot be read without the sentence before it ("It was one of close to 100 accidents", "But
    there's no need")."""
    opening = sentence.lstrip(" " + QUOTE_CHARACTERS).split(" ", 1)[0]
    word = opening.lower()
    return opening[:1].isupper() and (word in PRONOUNS or word.rstrip(",") in CONNECTIVES)
