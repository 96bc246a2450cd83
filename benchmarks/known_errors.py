"""Recall on the mistakes found by reading 20 documents as an inspector does (known-errors.csv).

Matched as ``../shared/corpus/LABELS.md`` describes and ``../shared/tools/recall.py`` judges: a
mistake is found when one finding of an accepted severity (an error row: error only; a warning
row: any severity) holds every marker of the row, thousands separators ignored, anywhere in its
JSON. This runs the pipeline in-process instead of the CLI, on the same findings, so the two
agree; it prints recall per severity and category, the totals, and with ``--missed`` each
mistake not found.

Usage::

    .venv/bin/python -m benchmarks.known_errors [--missed]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bench_pdf_read import DEFAULT_CORPUS

KNOWN = DEFAULT_CORPUS.parent / "known-errors.csv"


@dataclass(frozen=True)
class Recall:
    """What was found of known-errors.csv."""

    rows: tuple[dict[str, str], ...]
    found: tuple[bool, ...]

    @property
    def count(self) -> int:
        return sum(self.found)

    def by(self, *fields: str) -> dict[tuple[str, ...], tuple[int, int]]:
        """(found, total) per value of ``fields``."""
        hit: Counter[tuple[str, ...]] = Counter()
        total: Counter[tuple[str, ...]] = Counter()
        for row, ok in zip(self.rows, self.found, strict=True):
            key = tuple(row[f] for f in fields)
            total[key] += 1
            hit[key] += ok
        return {key: (hit[key], total[key]) for key in sorted(total)}


def _plain(text: str) -> str:
    return text.replace(",", "").replace("，", "")


def _findings(path: Path) -> list[dict[str, object]]:
    from juesuan import pipeline
    from juesuan.errors import InputError

    try:
        return [f.to_json() for f in pipeline.run(path).report.findings]
    except InputError:
        return []


def matches(row: dict[str, str], findings: list[dict[str, object]]) -> bool:
    """Whether one finding of an accepted severity holds every marker of ``row``."""
    markers = [_plain(m) for m in row["markers"].split("|") if m]
    accepted = ("error",) if row["severity"] == "error" else ("error", "warning", "info")
    return any(
        f.get("severity") in accepted and all(m in _plain(json.dumps(f, ensure_ascii=False)) for m in markers)
        for f in findings
    )


def recall(known: Path = KNOWN) -> Recall:
    """Recall over every row of ``known``."""
    rows = tuple(csv.DictReader(known.open(encoding="utf-8")))
    corpus = known.parent
    found = {name: _findings(corpus / name) for name in sorted({r["file"] for r in rows})}
    return Recall(rows, tuple(matches(r, found[r["file"]]) for r in rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--known", type=Path, default=KNOWN)
    parser.add_argument("--missed", action="store_true")
    args = parser.parse_args(argv)
    if not args.known.exists():
        print(f"no known-errors.csv at {args.known}")
        return 0
    result = recall(args.known)
    for (severity, category), (hit, total) in result.by("severity", "category").items():
        print(f"  {severity:7} {category:24} {hit:3}/{total}")
    sure = [
        ok
        for row, ok in zip(result.rows, result.found, strict=True)
        if row["severity"] == "error" and row["confidence"] == "sure"
    ]
    print(
        f"recall {result.count}/{len(result.rows)} ({result.count / len(result.rows):.0%}; target 80%), "
        f"sure errors {sum(sure)}/{len(sure)} ({sum(sure) / max(1, len(sure)):.0%}; target 90%)"
    )
    if args.missed:
        for row, ok in zip(result.rows, result.found, strict=True):
            if not ok:
                print(
                    f"missed: {row['file']} p.{row['page']} [{row['severity']}/{row['category']}] {row['what']}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
