"""What the bench scripts say about the machine they ran on."""

from __future__ import annotations

import os


def load_average(when: str) -> str:
    """The machine's load averages (1, 5, 15 minutes): on a shared machine, what the wall times compete with."""
    return f"load average {when}: " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
