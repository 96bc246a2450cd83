"""Run every benchmark: ``python -m benchmarks`` (each prints per-document figures and ratios)."""

from __future__ import annotations

import sys

from benchmarks import bench_check, bench_corpus, bench_pdf_read, bench_render


def main() -> int:
    print("== read + extract + check of text disclosures ==")
    code = bench_check.main([])
    print("\n== PDF reading against bare pypdfium2 text extraction ==")
    code = code or bench_pdf_read.main([])
    print("\n== read + extract + check of every corpus document against bare text extraction ==")
    code = code or bench_corpus.main([])
    print("\n== rendering one seed-sized disclosure to each format ==")
    return code or bench_render.main([])


if __name__ == "__main__":
    sys.exit(main())
