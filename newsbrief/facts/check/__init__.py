"""Checking: mentions -> the briefing's typed facts, conflicts, off-event decisions and timeline."""
