"""The ``newsbrief`` command: a thin layer over the Python API, one module per command."""

from __future__ import annotations

import importlib

import typer

from newsbrief.cli.app import app, run

COMMANDS = ("brief", "summarize", "evaluate", "serve", "group")


def load_commands() -> typer.Typer:
    """The app with every command in COMMANDS registered (each module registers itself on import)."""
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}")
    return app


def main() -> None:
    """Entry point of the ``newsbrief`` console script."""
    run(load_commands())
