"""The ``newsbrief`` command: a thin layer over the Python API, one module per command."""

from __future__ import annotations

import importlib

from newsbrief.cli.app import app

COMMANDS = ("brief", "summarize", "evaluate")


def main() -> None:
    """Entry point of the ``newsbrief`` console script."""
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}")
    app()
