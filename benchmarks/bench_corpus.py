"""Benchmark read + extract + check over the whole corpus, against bare pypdfium2 text extraction.

Every document of the corpus manifest (PDF, XLSX, XLS) runs in a fresh child process, as in
:mod:`benchmarks.bench_pdf_read`, so that each peak RSS is the document's own: the child runs
the pipeline once to warm up, then ``--repeat`` times, and reports the median milliseconds of
each step, the peak RSS after those runs, and (PDFs only) the median time of bare pypdfium2
text extraction of the same file (:func:`benchmarks.bench_pdf_read.bare_text`).

Targets (issue "Corpus benchmark"): median ≤ 5 ms per page, ≤ 3× bare text extraction, peak
memory ≤ 300 MB on the largest document. Printed, never asserted by the tests.

Usage::

    .venv/bin/python -m benchmarks.bench_corpus [CORPUS_DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.bench_pdf_read import DEFAULT_CORPUS, ROOT, bare_text

#: The corpus folder holding MANIFEST.csv (the reader benchmark defaults to its ``real`` part).
CORPUS = DEFAULT_CORPUS.parent
TARGET_MS_PER_PAGE = 5.0
TARGET_RATIO = 3.0
TARGET_RSS_MB = 300.0
STEPS = ("read", "extract", "check")


def corpus_files(corpus: Path) -> list[Path]:
    """The documents the manifest lists (every file under ``corpus`` when it has none)."""
    manifest = corpus / "MANIFEST.csv"
    if not manifest.exists():
        return sorted(
            p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in (".pdf", ".xlsx", ".xls")
        )
    with manifest.open(encoding="utf-8", newline="") as stream:
        return [corpus / row["file"] for row in csv.DictReader(stream)]


def measure_one(path: Path, repeat: int) -> dict[str, object]:
    """Time each pipeline step and bare text extraction on one file (run in a child process)."""
    sys.path.insert(0, str(ROOT))
    from juesuan import pipeline
    from juesuan.errors import InputError

    result: dict[str, object] = {"file": str(path), "pages": 0, "error": ""}
    try:
        pipeline.run(path)  # warm-up: imports and first-use caches are not the document's cost
    except InputError as problem:
        result["error"] = problem.message
        result["rss_mb"] = _peak_rss_mb()
        return result
    steps: dict[str, list[float]] = {step: [] for step in STEPS}
    for _ in range(repeat):
        outcome = pipeline.run(path)
        for name, seconds in outcome.timings:
            steps[name].append(1000 * seconds)
        result["pages"] = outcome.document.pages
    for step in STEPS:
        result[f"{step}_ms"] = statistics.median(steps[step])
    result["rss_mb"] = _peak_rss_mb()  # before the bare extraction, so it is the pipeline's
    if path.suffix.lower() == ".pdf":
        bare: list[float] = []
        for _ in range(repeat):
            started = time.perf_counter()
            bare_text(path)
            bare.append(1000 * (time.perf_counter() - started))
        result["bare_ms"] = statistics.median(bare)
    return result


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(path: Path, repeat: int) -> dict[str, object]:
    """Measure ``path`` in a fresh interpreter; a crash becomes an error row, not an abort."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_corpus", "--one", str(path), "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"file": str(path), "pages": 0, "error": f"child failed: {last}", "rss_mb": 0.0}
    row: dict[str, object] = json.loads(done.stdout)
    return row


def _number(row: dict[str, object], key: str) -> float:
    return float(str(row.get(key, 0.0)))


def per_page(row: dict[str, object]) -> tuple[float, float | None]:
    """(read+extract+check ms per page, bare text ms per page or None)."""
    pages = max(int(_number(row, "pages")), 1)
    total = sum(_number(row, f"{step}_ms") for step in STEPS) / pages
    bare = _number(row, "bare_ms") / pages if "bare_ms" in row else None
    return total, bare


def print_row(row: dict[str, object], corpus: Path) -> None:
    name = str(Path(str(row["file"])).relative_to(corpus))
    if row["error"]:
        print(
            f"{'-':>5} {'':>8} {'':>8} {'':>8} {'':>8} {'':>8} {'':>6} {_number(row, 'rss_mb'):>7.1f}  {name}  [{row['error']}]"
        )
        return
    total, bare = per_page(row)
    bare_text_ = f"{bare:>8.2f}" if bare else f"{'—':>8}"
    ratio = f"{total / bare:>6.2f}" if bare else f"{'—':>6}"
    print(
        f"{int(_number(row, 'pages')):>5} {_number(row, 'read_ms'):>8.1f} {_number(row, 'extract_ms'):>8.1f} "
        f"{_number(row, 'check_ms'):>8.1f} {total:>8.2f} {bare_text_} {ratio} {_number(row, 'rss_mb'):>7.1f}  {name}"
    )


def summary(results: list[dict[str, object]]) -> list[str]:
    """The median lines, the largest document's figures and the verdict on each target."""
    good = [r for r in results if not r["error"]]
    if not good:
        return ["no document could be measured"]
    totals = [per_page(r)[0] for r in good]
    pdfs = [(t, b) for t, b in map(per_page, good) if b]
    ratios = [t / b for t, b in pdfs]
    median_ms, median_ratio = statistics.median(totals), statistics.median(ratios) if ratios else 0.0
    pages = sum(int(_number(r, "pages")) for r in good)
    all_ms = sum(t * int(_number(r, "pages")) for t, r in zip(totals, good, strict=True)) / pages
    largest = max(good, key=lambda r: int(_number(r, "pages")))
    large_ms, large_bare = per_page(largest)
    large_rss = _number(largest, "rss_mb")
    verdict = {True: "met", False: "NOT met"}
    return [
        f"documents: {len(good)} measured, {len(results) - len(good)} unreadable; {pages} pages",
        f"median over documents: {median_ms:.2f} ms/page read+extract+check "
        f"(all pages together: {all_ms:.2f} ms/page); median ratio to bare pypdfium2 text: "
        f"{median_ratio:.2f}x over {len(ratios)} PDFs",
        f"largest ({int(_number(largest, 'pages'))} pages, {Path(str(largest['file'])).name}): "
        f"{large_ms:.2f} ms/page, ratio {large_ms / large_bare if large_bare else 0:.2f}x, "
        f"peak RSS {large_rss:.1f} MB",
        f"target median <= {TARGET_MS_PER_PAGE:g} ms/page: {verdict[median_ms <= TARGET_MS_PER_PAGE]}",
        f"target <= {TARGET_RATIO:g}x bare text extraction (median): {verdict[median_ratio <= TARGET_RATIO]}",
        f"target peak RSS <= {TARGET_RSS_MB:g} MB on the largest document: {verdict[large_rss <= TARGET_RSS_MB]}",
    ]


def main(argv: list[str] | None = None) -> int:
    """Measure every corpus document in its own process and print the table and the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one, args.repeat)))
        return 0
    files = corpus_files(args.corpus)
    if not files:
        print(f"no corpus documents under {args.corpus}", file=sys.stderr)
        return 1
    print(
        f"{'pages':>5} {'read ms':>8} {'extr ms':>8} {'check ms':>8} {'ms/page':>8} "
        f"{'bare/p':>8} {'ratio':>6} {'RSS MB':>7}  file"
    )
    results = []
    for file in files:
        row = run_child(file, args.repeat)
        results.append(row)
        print_row(row, args.corpus)
    print()
    for line in summary(results):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
