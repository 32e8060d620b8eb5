"""The Python API is documented: every public function has a docstring, and the README's examples
use names that exist."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from conftest import REPO

import newsbrief


def modules() -> Iterator[ModuleType]:
    for info in pkgutil.walk_packages(newsbrief.__path__, "newsbrief."):
        if not info.name.endswith("__main__"):  # running it is what importing it does
            yield importlib.import_module(info.name)


def public_callables(module: ModuleType) -> Iterator[tuple[str, Any]]:
    """Functions, methods and properties defined in ``module`` whose names do not start with ``_``."""
    for name, obj in vars(module).items():
        if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(obj):
            yield name, obj
        elif inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if not attr.startswith("_") and (inspect.isfunction(member) or isinstance(member, property)):
                    yield f"{name}.{attr}", getattr(obj, attr) if inspect.isfunction(member) else member


def test_every_public_function_has_a_docstring() -> None:
    missing = [f"{m.__name__}.{name}" for m in modules() for name, obj in public_callables(m)
               if not inspect.getdoc(obj)]  # getdoc finds an overridden method's docstring on its base
    assert not missing, "public functions without a docstring: " + ", ".join(missing)


def test_readme_python_examples_use_the_public_api() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"```python\n(.*?)```", readme, re.S))
    used = set(re.findall(r"\bnewsbrief\.(\w+)\(", code))
    assert {"brief", "group"} <= used
    assert all(callable(getattr(newsbrief, name)) for name in used)
