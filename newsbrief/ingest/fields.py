"""The fields of an article record and the types each may hold, and how a wrong one is named.

A record comes from JSON a user wrote by hand or a tool wrote for another purpose:
a title that is a number, an id that is a list, a text that is a list of
paragraphs. Such a record is refused with the field named, rather than read with
the field quietly dropped (a briefing whose article lost its title without a word)
or, over HTTP, rather than the whole request refused for one article.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from newsbrief.model import squash

FIELD_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "id": ((str, int), "a string or an integer"),
    "text": ((str,), "a string"),
    "title": ((str,), "a string"),
    "url": ((str,), "a string"),
    "time": ((str, int, float, datetime), "a date string or a number"),
}
"""Each field a record is read by: the types it may hold (or null, ``text`` aside) and how to say so."""

_JSON_NAMES: tuple[tuple[type, str], ...] = (
    (bool, "a boolean"), (int, "a number"), (float, "a number"), (str, "a string"),
    (list, "an array"), (tuple, "an array"), (Mapping, "an object"), (type(None), "null"),
)
"""What a value is called in JSON's words, which is what the people who write records read (bool before int:
it is one in Python)."""


def json_type(value: Any) -> str:
    """``value``'s kind as JSON names it ("a number", "an array", "null"); a Python type's name otherwise."""
    return next((name for kind, name in _JSON_NAMES if isinstance(value, kind)), f"a {type(value).__name__}")


SHOWN_FIELDS = 8
"""At most this many of a record's fields are listed when it has no text."""


def wrong_field(record: Mapping[str, Any]) -> tuple[str, str] | None:
    """The field that keeps ``record`` from being read as an article and why (``("title", "'title' is a
    number, not a string")``), or None. ``text`` must be there; the other fields may be missing or null."""
    if record.get("text") is None:
        names = [str(k) for k in record][:SHOWN_FIELDS + 1]
        shown = ", ".join(names[:SHOWN_FIELDS]) + (", ..." if len(names) > SHOWN_FIELDS else "")
        return "text", f"article has no 'text' (its fields: {shown or 'none'})"
    for name, (kinds, wanted) in FIELD_TYPES.items():
        value = record.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, kinds)):
            return name, f"'{name}' is {json_type(value)}, not {wanted}"
    return None


def record_problem(record: Any) -> tuple[str, str] | None:
    """What keeps ``record`` from being read as an article: ``("", why)`` when it is no object at all, else
    :func:`wrong_field`'s answer; None when it can be read."""
    if not isinstance(record, Mapping):
        return "", f"article is {json_type(record)}, not an object"
    return wrong_field(record)


def record_id(value: Any, fallback: str) -> str:
    """The id a record gives (:func:`wrong_field` has checked its type), its whitespace (a line break
    included) made single spaces, so that every message it is named in stays one line; ``fallback`` when
    it gives none."""
    return squash(str(value)) or fallback if value is not None else fallback
