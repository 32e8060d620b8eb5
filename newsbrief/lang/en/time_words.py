"""Words of time that the calendar module does not give: parts of the day and what they stand for."""

PARTS_OF_DAY = {"last night": "yesterday", "tonight": "today", "this morning": "today",
                "this afternoon": "today", "this evening": "today"}
"""A part of the day named alone stands for a day ("last night" is yesterday)."""
