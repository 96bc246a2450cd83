#!/usr/bin/env python3
"""Set up juesuan and run its jobs, on a fresh machine with nothing but Python 3.11.

    python3 dev.py demo    set up, then check the bundled example disclosure
    python3 dev.py test    set up, then lint, type-check and run the tests
    python3 dev.py bench   set up, then run the benchmarks

Setting up means: a virtual environment in .venv with juesuan and its development tools
(re-installed when pyproject.toml changes), plus the Debian packages listed below when they
are missing and the machine lets us install them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".juesuan-installed"
#: Debian packages the project needs at run or test time: the Chinese fonts PDF output embeds.
DEBIAN_PACKAGES: tuple[str, ...] = ("fonts-noto-cjk",)
EXAMPLE = ROOT / "examples" / "qinghe_archives_2023_final.txt"


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(*command: str | Path, check: bool = True) -> int:
    say(" ".join(str(part) for part in command))
    return subprocess.run([str(part) for part in command], cwd=ROOT, check=check).returncode


def debian_packages() -> None:
    missing = [
        name
        for name in DEBIAN_PACKAGES
        if subprocess.run(["dpkg", "-s", name], capture_output=True, check=False).returncode != 0
    ]
    if not missing:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        say(f"missing Debian packages {missing}: install them with apt-get (needs root)")
        return
    run("apt-get", "update", "-qq")
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing)


def setup() -> None:
    debian_packages()
    if not (BIN / "python").exists():
        say(f"creating {VENV}")
        venv.create(VENV, with_pip=True)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(digest)


def demo() -> int:
    setup()
    code = run(BIN / "juesuan", "check", EXAMPLE, check=False)
    if code in (0, 1):  # 1 means the example's deliberate mistakes were found, as they should be
        say("demo finished: the report above lists the example's deliberate mistakes")
        return 0
    return code


def test() -> int:
    setup()
    run(BIN / "ruff", "check", "juesuan", "tests", "benchmarks", "dev.py")
    run(BIN / "ruff", "format", "--check", "juesuan", "tests", "benchmarks", "dev.py")
    run(BIN / "mypy")
    workers = "2" if (os.cpu_count() or 1) >= 2 else "0"
    return run(BIN / "python", "-m", "pytest", "-n", workers, "-p", "no:cacheprovider", check=False)


def bench() -> int:
    setup()
    return run(BIN / "python", "-m", "benchmarks", check=False)


def main() -> int:
    jobs = {"demo": demo, "test": test, "bench": bench}
    if len(sys.argv) != 2 or sys.argv[1] not in jobs:
        print(__doc__)
        return 2
    try:
        return jobs[sys.argv[1]]()
    except subprocess.CalledProcessError as error:
        say(f"failed: {' '.join(str(p) for p in error.cmd)} (exit {error.returncode})")
        return error.returncode or 1


if __name__ == "__main__":
    sys.exit(main())
