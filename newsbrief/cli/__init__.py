"""The ``newsbrief`` command: a thin layer over the Python API, one module per command."""

from __future__ import annotations

import gc
import importlib
import os

# Before anything imports numpy: OpenBLAS starts a pool of threads when numpy is imported, and they spin
# about 0.1 CPU s in every process, a tenth of a whole 15-cluster `summarize` run. No command does dense
# products big enough to gain from them (the summary's one is a matrix-vector product, 2 ms at 200,000
# concepts; grouping's products are sparse, which BLAS does not do). A user's own setting wins. Set on importing
# this package (the command line's): the processes it starts inherit it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import typer  # noqa: E402 - after the BLAS default above

from newsbrief.cli.app import app, run  # noqa: E402

COMMANDS = ("brief", "summarize", "evaluate", "serve", "group")


def load_commands() -> typer.Typer:
    """The app with every command in COMMANDS registered (each module registers itself on import)."""
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}")
    return app


def main() -> None:
    """Entry point of the ``newsbrief`` console script."""
    try:
        run(load_commands())
    finally:
        # The process ends here. On the way out the interpreter makes a full pass of the cyclic garbage
        # collector over every object the run imported and made, to free memory the OS takes back anyway:
        # 0.04 of the 0.32 CPU s of summarizing one cluster. Frozen objects are left out of that pass; the rest
        # of the exit (atexit handlers, flushing and closing streams, freeing by reference counts) is as before.
        # A garbage cycle still uncollected here keeps its finalizers unrun: the commands close what they write
        # (``open_output``, ``run``) rather than leave it to them.
        gc.freeze()
