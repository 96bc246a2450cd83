"""Error findings per rule and per document over real/ and wide/, and a sample of warnings to read.

Every error is listed with its document, rule and page, so that each can be read against the
page (pdftoppm); the documents of ``wide/`` are split into the cities development looked at
and the cities kept unread until the end (``--held-out`` names them), and both halves are
reported. ``--sample N`` prints N warnings drawn at random (``--seed``) over both folders,
with file, page and message, for reading and counting how many are true.

Usage::

    .venv/bin/python -m benchmarks.findings [--jobs 2] [--sample 50] [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.bench_pdf_read import DEFAULT_CORPUS

CORPUS = DEFAULT_CORPUS.parent
#: The wide corpus's cities kept unread while developing (half of its documents).
HELD_OUT = ("003_深圳", "005_广州", "008_杭州", "014_无锡", "020_西安", "025_烟台")


def documents(corpus: Path) -> list[str]:
    """Every document of MANIFEST.csv and WIDE.csv, as the listings name them."""
    names: list[str] = []
    for listing in ("MANIFEST.csv", "WIDE.csv"):
        path = corpus / listing
        if path.exists():
            names.extend(row["file"] for row in csv.DictReader(path.open(encoding="utf-8")))
    return names


def half(name: str) -> str:
    """``real``, ``wide (developed on)`` or ``wide (held out)``."""
    if not name.startswith("wide/"):
        return "real"
    return "wide (held out)" if any(f"/{city}/" in name for city in HELD_OUT) else "wide (developed on)"


def findings_of(path: str) -> tuple[str, list[tuple[str, str, int | None, str]]]:
    """(path, [(severity, rule, page, message)]) for one document; an unreadable one gives none."""
    from juesuan import pipeline
    from juesuan.errors import InputError

    try:
        report = pipeline.run(path).report
    except InputError:
        return path, []
    return path, [(f.severity.value, f.rule, f.source.page, f.message) for f in report.findings]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    names = documents(args.corpus)
    if not names:
        print(f"no corpus at {args.corpus}")
        return 0
    with ProcessPoolExecutor(args.jobs) as pool:
        results = dict(pool.map(findings_of, [str(args.corpus / n) for n in names]))
    per_half: Counter[str] = Counter()
    per_rule: Counter[tuple[str, str]] = Counter()
    documents_per_half: Counter[str] = Counter(half(n) for n in names)
    warnings: list[tuple[str, int | None, str, str]] = []
    print("errors per document (every one to be read against its page):")
    for name in names:
        found = results[str(args.corpus / name)]
        errors = [f for f in found if f[0] == "error"]
        warnings.extend(
            (name, page, rule, message) for severity, rule, page, message in found if severity == "warning"
        )
        for _, rule, page, message in errors:
            per_half[half(name)] += 1
            per_rule[(half(name), rule)] += 1
            print(f"  {half(name):20} {name}  {rule} p{page}  {message[:120]}")
    print("\nerrors per half:")
    for part in ("real", "wide (developed on)", "wide (held out)"):
        rules = ", ".join(f"{rule} {count}" for (h, rule), count in sorted(per_rule.items()) if h == part)
        print(f"  {part:20} {documents_per_half[part]:3} documents  {per_half[part]:3} errors  {rules}")
    sample = random.Random(args.seed).sample(warnings, min(args.sample, len(warnings)))
    print(f"\n{len(sample)} of {len(warnings)} warnings, drawn at random (seed {args.seed}), to read:")
    for name, page, rule, message in sample:
        print(f"  {name}  p{page}  {rule}  {message[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
