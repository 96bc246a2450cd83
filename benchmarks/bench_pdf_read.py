"""Benchmark the PDF reader against bare pypdfium2 text extraction, file by file.

For every PDF under the corpus folder (default ``../shared/corpus/real`` beside the
repository) a fresh child process reads the file with :func:`juesuan.ingest.pdf.read` and
with bare pypdfium2 (``get_text_range`` on every page), each ``--repeat`` times, and reports
the median milliseconds per page of each, their ratio, and the child's peak RSS after the
``read()`` runs (so the figure covers the reader, not the comparison).

Usage::

    .venv/bin/python benchmarks/bench_pdf_read.py [CORPUS_DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def bare_text(path: Path) -> int:
    """Extract every page's text with pypdfium2 alone; returns the page count."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def measure_one(path: Path, repeat: int) -> dict[str, object]:
    """Time read() and bare extraction on one file (run in a child process)."""
    sys.path.insert(0, str(ROOT))
    from juesuan.errors import InputError
    from juesuan.ingest.pdf import read

    read_times: list[float] = []
    pages = 0
    tables = 0
    error = ""
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            document = read(path)
            pages, tables = document.pages, len(document.tables)
        except InputError as problem:
            error = problem.message
        read_times.append(time.perf_counter() - start)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    bare_times: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        pages = bare_text(path)
        bare_times.append(time.perf_counter() - start)
    read_ms = 1000 * statistics.median(read_times) / max(pages, 1)
    bare_ms = 1000 * statistics.median(bare_times) / max(pages, 1)
    return {
        "file": str(path),
        "pages": pages,
        "tables": tables,
        "read_ms": read_ms,
        "bare_ms": bare_ms,
        "ratio": read_ms / bare_ms if bare_ms else 0.0,
        "rss_mb": rss_mb,
        "error": error,
    }


def main(argv: list[str] | None = None) -> int:
    """Run every corpus PDF in its own process and print a table with medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one, args.repeat)))
        return 0
    files = sorted(args.corpus.rglob("*.pdf"))
    if not files:
        print(f"no PDF under {args.corpus}")
        return 1
    results = []
    print(f"{'pages':>5} {'tables':>6} {'read ms/p':>9} {'bare ms/p':>9} {'ratio':>5} {'RSS MB':>6}  file")
    for file in files:
        output = subprocess.run(
            [sys.executable, __file__, "--one", str(file), "--repeat", str(args.repeat)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        row = json.loads(output)
        results.append(row)
        name = str(file.relative_to(args.corpus))
        note = f"  [{row['error']}]" if row["error"] else ""
        print(
            f"{row['pages']:>5} {row['tables']:>6} {row['read_ms']:>9.2f} {row['bare_ms']:>9.2f} "
            f"{row['ratio']:>5.2f} {row['rss_mb']:>6.1f}  {name}{note}"
        )
    largest = max(results, key=lambda r: int(str(r["pages"])))

    def median(key: str) -> float:
        return statistics.median(float(str(r[key])) for r in results)

    print(
        f"\nmedian over {len(results)} files: read {median('read_ms'):.2f} ms/page,"
        f" bare {median('bare_ms'):.2f} ms/page, ratio {median('ratio'):.2f},"
        f" peak RSS {median('rss_mb'):.1f} MB"
    )
    total_pages = sum(int(str(r["pages"])) for r in results)
    total_read = sum(float(str(r["read_ms"])) * int(str(r["pages"])) for r in results)
    total_bare = sum(float(str(r["bare_ms"])) * int(str(r["pages"])) for r in results)
    print(
        f"all {total_pages} pages: read {total_read / total_pages:.2f} ms/page,"
        f" bare {total_bare / total_pages:.2f} ms/page, ratio {total_read / total_bare:.2f}"
    )
    print(
        f"largest ({largest['pages']} pages): read {float(str(largest['read_ms'])):.2f} ms/page,"
        f" peak RSS {float(str(largest['rss_mb'])):.1f} MB"
    )
    print(f"files with tables: {sum(1 for r in results if int(str(r['tables'])) > 0)}/{len(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
