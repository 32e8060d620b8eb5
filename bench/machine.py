"""What the bench scripts say about the machine they ran on."""

from __future__ import annotations

import os
import resource


def load_average(when: str) -> str:
    """The machine's load averages (1, 5, 15 minutes): on a shared machine, what the wall times compete with."""
    return f"load average {when}: " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def children_cpu() -> float:
    """CPU seconds of the finished child processes of this one (a child's workers count as its own)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
