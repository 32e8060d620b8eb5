"""JSON output: the briefing dataclass as is (schema in the README), ids and offsets included."""

from __future__ import annotations

import json

from newsbrief.model import Briefing


def render(briefing: Briefing) -> str:
    """The briefing as indented JSON (non-ASCII kept as is, dates as ISO strings)."""
    return json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
