"""Time the generator: one seed-sized disclosure rendered to each format.

Targets (issue "Generate a complete, self-consistent disclosure from data"): HTML ≤ 20 ms,
DOCX ≤ 100 ms, PDF ≤ 1.5 s per document. The document is the seed's model (corrected) when
the corpus is beside the repository, else a synthetic one of the same size. Prints the
median of each step; never asserted by the tests.

Usage::

    .venv/bin/python -m benchmarks.bench_render [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from juesuan.model.input import DisclosureInput
from juesuan.render import render
from juesuan.render.narrative import describe
from juesuan.render.synthetic import example

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "000_ee3d802a371028c5.txt"
TARGETS = {"html": 20.0, "docx": 100.0, "pdf": 1500.0}


def document() -> tuple[str, DisclosureInput]:
    """The seed's corrected input, or a synthetic one when the corpus is absent."""
    if SEED.exists():
        sys.path.insert(0, str(ROOT))
        from tests.render.seed_input import corrected_seed_input

        return "seed (corrected)", corrected_seed_input(SEED)
    return "synthetic example(1)", example(1)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of ``action`` over ``repeat`` runs after one warm-up."""
    action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args(argv)
    name, data = document()
    description = describe(data)
    print(f"document: {name}, {len(description.blocks)} blocks")
    print(
        f"  describe (input → document description)  {median_ms(lambda: describe(data), arguments.repeat):8.1f} ms"
    )
    for output_format in ("text", "markdown", "html", "docx", "pdf"):
        repeat = max(1, arguments.repeat // 2) if output_format == "pdf" else arguments.repeat
        ms = median_ms(lambda f=output_format: render(description, f), repeat)  # type: ignore[misc]
        target = TARGETS.get(output_format)
        verdict = (
            "" if target is None else f"  target ≤ {target:.0f} ms: {'met' if ms <= target else 'MISSED'}"
        )
        print(f"  {output_format:<8} {ms:8.1f} ms{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
