"""The one located-annotation type: a span of an article's original text, as spaCy's ``Span`` is of a Doc.

Every located thing newsbrief produces (a sentence, a removed boilerplate line,
a number read in a sentence, a name, a claim, the place a fact was read, a
summary line) extends :class:`Span`, so any of them can be highlighted in its
source the same way: ``article.text[span.start:span.end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with every lone surrogate (``"\\ud800"``, valid in JSON and in a Python str, but not in
    UTF-8) replaced by U+FFFD, one character for one, so every offset into the text still holds: ingest
    scrubs articles with it, and the reports what they write."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(REPLACEMENT, text)


def squash(text: str) -> str:
    r"""Collapse runs of whitespace, so that offsets can stay on raw text while shown text is tidy.

    ``str.split`` splits on the very characters ``\s`` matches (both use Python's ``isspace``), at a third
    of the regex's cost: every sentence of every article is squashed.
    """
    return " ".join(text.split())


def clipped(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, the last an ellipsis when it was cut (a label that must fit)."""
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of the original text of article ``article``; ``text`` is that span as shown
    (whitespace tidied, or as the annotation words it)."""

    article: str
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        """Length in words, the unit of summary budgets."""
        return len(self.text.split())
