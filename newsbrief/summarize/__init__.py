"""Stage 5, summarize: extractive multi-document summarizers, one per module.

Adding an algorithm is adding a module here with a :class:`Summarizer`
subclass that sets ``name``; it is found by :func:`get_summarizer` by that name.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from newsbrief.summarize.base import Summarizer, candidates, order

DEFAULT = "concepts"


@lru_cache(maxsize=1)
def available() -> dict[str, type[Summarizer]]:
    """Every summarizer in this package, by name."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    found: dict[str, type[Summarizer]] = {}
    stack = list(Summarizer.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if getattr(cls, "name", None):
            found[cls.name] = cls
    return found


def get_summarizer(name: str = DEFAULT) -> Summarizer:
    """An instance of the summarizer called ``name`` (ValueError listing the choices if unknown)."""
    classes = available()
    if name not in classes:
        raise ValueError(f"unknown summarizer {name!r}; choose from {', '.join(sorted(classes))}")
    return classes[name]()


__all__ = ["DEFAULT", "Summarizer", "available", "candidates", "get_summarizer", "order"]
