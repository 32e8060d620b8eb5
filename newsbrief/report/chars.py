"""The characters a report may hand on: what reaches a file, a terminal or a browser must be valid text.

Article text is input newsbrief does not control. A lone surrogate (``"\\ud800"``
is valid JSON, and the Python API can pass any ``str``) cannot be encoded as
UTF-8, so writing any output format would fail; a terminal control character
(``ESC [ 2 J`` clears the screen, a carriage return overwrites the line) would
act on the reader's terminal when a text or Markdown briefing is printed.

Each character is replaced by U+FFFD, one for one, so every offset into a text
stays valid: the reader sees that something was there, and nothing shifts.
"""

from __future__ import annotations

import re

from newsbrief.model import REPLACEMENT

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls but tab and newline, DEL, and the C1 controls (which some terminals obey too)."""


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline replaced, for a terminal."""
    return _CONTROL.sub(REPLACEMENT, text)
