"""Shared fixtures. Tests that read ../shared carry the ``shared`` marker and skip without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLE = REPO / "examples" / "harbour-fire"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not there")
    return SHARED


@pytest.fixture
def seeds(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture
def multinews(shared_dir: Path) -> list[dict]:
    with (shared_dir / "data" / "multinews_val.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]
