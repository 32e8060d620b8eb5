"""English language data: word lists read from the files beside this module, and calendar words from the
standard library. Data only: the algorithms that use it are elsewhere."""

from __future__ import annotations

import calendar
from functools import lru_cache
from importlib.resources import files


def word_list(name: str) -> frozenset[str]:
    """The words of ``name``.txt in this folder, one a line; ``#`` starts a comment."""
    text = files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.split("#", 1)[0].strip()))


STOP_WORDS = word_list("stop_words")
"""Function words, reporting verbs and words too common in news to tell one story from another."""

FUNCTION_WORDS = word_list("function_words")
"""Words with no content of their own: what near-duplicate detection leaves out when it compares sentences."""

QUESTION_WORDS = word_list("question_words")
"""Words that ask or instruct ("Describe", "What", "Give examples of"), not what a question is about."""

MONTHS = tuple(calendar.month_name[1:])
"""January ... December, in the C locale of the standard library (not the machine's)."""
MONTH_ABBREVIATIONS = tuple(calendar.month_abbr[1:])
"""Jan ... Dec."""
WEEKDAYS = tuple(calendar.day_name)
"""Monday ... Sunday."""
CALENDAR_WORDS = frozenset(w.lower() for w in (*MONTHS, *MONTH_ABBREVIATIONS, "Sept", *WEEKDAYS))
"""Month and weekday names and abbreviations, lower case: capitalised, but names of no one and nowhere."""


@lru_cache(maxsize=65536)
def word_frequency(term: str) -> float:
    """How often ``term`` (a word or a phrase) occurs in English text, per word (wordfreq's lists)."""
    from wordfreq import word_frequency as frequency  # its word lists load on first use (0.2 s)

    return frequency(term, "en")
