"""JSON from untrusted input: one exception type with a one-line message, and strings every output can
write.

``json.loads`` alone lets three things through that end a run: a ``RecursionError``
on deeply nested input (100,000 ``[`` on one line), a ``UnicodeDecodeError`` on bytes
that are not UTF-8, and lone surrogates (``"\\ud800"`` is valid JSON, but no UTF-8
output can hold it). Every reader of JSON in newsbrief (files, stdin, batch lines, HTTP
bodies) goes through :func:`parse_json` instead.
"""

from __future__ import annotations

import json
from typing import Any

from newsbrief.model import encodable


class JSONError(ValueError):
    """Input that cannot be read as JSON; ``str()`` is the one-line reason."""


def parse_json(data: str | bytes) -> Any:
    """The value of a JSON document, its strings (keys included) free of lone surrogates.

    Raises :class:`JSONError` for bad syntax, bytes that are not UTF-8, or nesting too deep
    for the parser, never anything else.
    """
    try:
        value = json.loads(data)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        raise JSONError(f"invalid JSON: {exc.msg} ({where})") from None
    except UnicodeDecodeError:
        raise JSONError("not UTF-8 JSON") from None
    except RecursionError:
        raise JSONError("JSON nested too deeply to read") from None
    return _scrubbed(value)


def _scrubbed(value: Any) -> Any:
    """``value`` with :func:`~newsbrief.model.encodable` applied to every string in it.

    Surrogates come from ``\\ud800`` escapes and, in bytes, from encoded surrogates the parser
    lets pass; checking every string is cheaper than telling them apart. Iterative, not
    recursive: the parser accepted this depth, a recursive walk could still exceed the limit.
    """
    root = [value]
    stack: list[tuple[list[Any] | dict[str, Any], Any]] = [(root, 0)]
    while stack:
        holder, key = stack.pop()
        item = holder[key]
        if isinstance(item, str):
            holder[key] = encodable(item)
        elif isinstance(item, list):
            stack.extend((item, i) for i in range(len(item)))
        elif isinstance(item, dict):
            if any(encodable(k) is not k for k in item):
                holder[key] = item = {encodable(k): v for k, v in item.items()}
            stack.extend((item, k) for k in item)
    return root[0]
