"""Time read + extract + check of text disclosures, in-process and as a whole ``juesuan check`` process.

Targets (issue "Foundation"): under 5 ms per document in-process, under 250 ms for the whole
process. Prints one line per document and the medians; never asserted by the tests.

Usage::

    .venv/bin/python -m benchmarks.bench_check [FILE ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from juesuan import pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = (
    ROOT.parent / "shared" / "corpus" / "seed" / "000_ee3d802a371028c5.txt",
    ROOT / "examples" / "qinghe_archives_2023_final.txt",
)


def in_process(path: Path, repeat: int) -> dict[str, float]:
    """Median milliseconds of each pipeline step over ``repeat`` runs (after one warm-up)."""
    pipeline.run(path)
    steps: dict[str, list[float]] = {}
    totals: list[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        outcome = pipeline.run(path)
        totals.append((time.perf_counter() - started) * 1000)
        for name, seconds in outcome.timings:
            steps.setdefault(name, []).append(seconds * 1000)
    result = {name: statistics.median(values) for name, values in steps.items()}
    result["total"] = statistics.median(totals)
    return result


def whole_process(path: Path, repeat: int) -> float:
    """Median milliseconds of ``python -m juesuan check PATH`` as a fresh process."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "juesuan", "check", str(path)], capture_output=True, check=False
        )
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def bare_python(repeat: int) -> float:
    """Median milliseconds of starting Python itself, the floor of any process figure."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=False)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[p for p in DEFAULT_FILES if p.exists()])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    floor = bare_python(10)
    print(
        f"{'document':<44} {'read':>7} {'extract':>8} {'check':>7} {'total':>7} {'process':>8}  (ms, median)"
    )
    for path in args.files:
        steps = in_process(path, args.repeat)
        process = whole_process(path, max(5, args.repeat // 5))
        print(
            f"{path.name[:44]:<44} {steps['read']:7.2f} {steps['extract']:8.2f} {steps['check']:7.2f} "
            f"{steps['total']:7.2f} {process:8.1f}"
        )
        print(
            f"{'':<44} in-process / 5 ms target = {steps['total'] / 5:.2f}; "
            f"process / 250 ms target = {process / 250:.2f}; bare python start {floor:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
