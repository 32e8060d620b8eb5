"""Size of the ``.venv`` a fresh ``make demo`` (and ``make test``) builds, beside an empty venv, in one run.

The repository's tracked files are copied to a temporary folder, as a fresh
clone would be, and the Makefile's own install targets run there: ``install``
(what ``make demo`` needs) and then the development extras (what ``make test``
adds). Sizes are ``du`` of the venv; the baseline is an empty venv made the
same way (``python3.11 -m venv`` and pip upgraded). The largest packages are
listed, and torch must be absent::

    .venv/bin/python bench/install_size.py
    .venv/bin/python bench/install_size.py --keep /tmp/fresh    # leave the copy and its venv there
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def size_mb(path: Path) -> float:
    """Disk usage of ``path`` in MB (``du``, so shared blocks and sparse files count as the system sees them)."""
    return int(subprocess.run(["du", "-sk", str(path)], check=True, capture_output=True, text=True)
               .stdout.split()[0]) / 1024


def fresh_copy(target: Path) -> None:
    """The tracked files of this repository, copied to ``target`` as a clone would have them."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True,
                           text=True).stdout.split("\0")
    for name in filter(None, files):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target / name)


def make(target: Path, goal: str) -> float:
    """Run ``make goal`` in ``target``; its seconds."""
    start = time.perf_counter()
    subprocess.run(["make", "-s", goal], cwd=target, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def largest(venv: Path, count: int = 8) -> list[tuple[str, float]]:
    """The ``count`` largest entries of the venv's site-packages, in MB."""
    site = next(venv.glob("lib/python*/site-packages"))
    sizes = [(p.name, size_mb(p)) for p in site.iterdir() if p.is_dir() and not p.name.endswith("-info")]
    return sorted(sizes, key=lambda item: -item[1])[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, default=None, help="Build here and leave it (default: a temp dir).")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsbrief-install-"))
    try:
        empty = work / "empty-venv"
        subprocess.run(["python3.11", "-m", "venv", str(empty)], check=True)
        subprocess.run([str(empty / "bin" / "python"), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        base = size_mb(empty)
        repo = work / "newsbrief"
        repo.mkdir(exist_ok=True)
        fresh_copy(repo)
        venv = repo / ".venv"
        demo_s = make(repo, "install")
        demo = size_mb(venv)
        test_s = make(repo, ".venv/.installed-dev")
        test = size_mb(venv)
        torch = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "show", "-q", "torch"],
                               capture_output=True).returncode == 0
        print(f"{'venv':<34} {'MB':>7} {'ratio to empty':>15} {'install s':>10}")
        print(f"{'empty (python -m venv, pip)':<34} {base:>7.0f} {1:>15.1f} {'':>10}")
        print(f"{'make demo (the package)':<34} {demo:>7.0f} {demo / base:>15.1f} {demo_s:>10.1f}")
        print(f"{'make test (+ dask, bench, test)':<34} {test:>7.0f} {test / base:>15.1f} {test_s:>10.1f}")
        print(f"torch installed: {'YES' if torch else 'no'}")
        print("largest packages: " + ", ".join(f"{name} {mb:.0f} MB" for name, mb in largest(venv)))
        return 1 if torch else 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
