"""What the bench scripts say about the machine they ran on."""

from __future__ import annotations

import compileall
import importlib.util
import os
import resource
from pathlib import Path


def load_average(when: str) -> str:
    """The machine's load averages (1, 5, 15 minutes): on a shared machine, what the wall times compete with."""
    return f"load average {when}: " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def children_cpu() -> float:
    """CPU seconds of the finished child processes of this one (a child's workers count as its own)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cache_bytecode() -> str:
    """Write the cached bytecode of the newsbrief package that the timed processes import, as ``pip install``
    does, and say which. ``python -m newsbrief.cli`` run from a tree imports the tree's own copy (the working
    directory comes first on its path), else the installed one. A tree whose modules were never imported with
    bytecode writing on (``PYTHONDONTWRITEBYTECODE=1``) is otherwise compiled from source in every process:
    0.06 of the 0.45 CPU s of summarizing one cluster on this machine, a cost no installed copy pays."""
    package = Path.cwd() / "newsbrief"
    if not (package / "__init__.py").is_file():
        spec = importlib.util.find_spec("newsbrief")
        package = Path(spec.origin).parent if spec and spec.origin else package
    compileall.compile_dir(package, quiet=1)
    return f"bytecode cached for {package}"
