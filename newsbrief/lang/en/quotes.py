"""Quotation marks of English news text: typeset (“ ”), typed (") and the Penn Treebank's of tokenized wire
copy (`` ''). Every reader of quotations (claims, agency, the timeline, the summary's passages) takes them
from here."""

from __future__ import annotations

import re

OPENING_QUOTES = ("“", "``")
"""Double marks that only open a quotation."""

CLOSING_QUOTES = ("”", "''")
"""Double marks that only close one."""

STRAIGHT_QUOTE = '"'
"""The typed double mark: it opens or closes, by its place."""

QUOTE_MARK = re.compile("|".join(re.escape(m) for m in (*OPENING_QUOTES, *CLOSING_QUOTES, STRAIGHT_QUOTE)))
"""Any double quotation mark."""

OPENING_CHARACTERS = "".join(m for m in (*OPENING_QUOTES, STRAIGHT_QUOTE) if len(m) == 1)
CLOSING_CHARACTERS = "".join(m for m in (*CLOSING_QUOTES, STRAIGHT_QUOTE) if len(m) == 1)
DOUBLE_CHARACTERS = OPENING_CHARACTERS + CLOSING_CHARACTERS
"""The double marks written as one character, for character classes and strip sets."""

SINGLE_QUOTES = "‘’'"
"""Single marks. Each is an apostrophe too ("don't", "the players’"), so they are sought only at the ends of
a phrase."""

QUOTE_CHARACTERS = DOUBLE_CHARACTERS + SINGLE_QUOTES + "`"
"""Every character of a quotation mark, double or single: what is stripped from the ends of words said."""

OPENINGS = (*OPENING_QUOTES, STRAIGHT_QUOTE)
"""Every mark that may open a quotation."""

CLOSINGS = (*CLOSING_QUOTES, STRAIGHT_QUOTE)
"""Every mark that may close one."""

PAIRS = {**dict(zip(OPENING_QUOTES, CLOSING_QUOTES)), STRAIGHT_QUOTE: STRAIGHT_QUOTE}
"""The closing mark of each opening mark."""
