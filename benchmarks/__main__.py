"""Run every benchmark: ``python -m benchmarks`` (each prints per-document figures and ratios)."""

from __future__ import annotations

import sys

from benchmarks import bench_check, bench_corpus, bench_pdf_read, bench_render, findings, known_errors


def main() -> int:
    print("== read + extract + check of text disclosures ==")
    code = bench_check.main([])
    print("\n== PDF reading against bare pypdfium2 text extraction ==")
    code = code or bench_pdf_read.main([])
    print("\n== read + extract + check of every corpus document against bare text extraction ==")
    code = code or bench_corpus.main([])
    print("\n== rendering one seed-sized disclosure to each format ==")
    code = code or bench_render.main([])
    print("\n== recall on the mistakes an inspector found (known-errors.csv) ==")
    code = code or known_errors.main([])
    print("\n== error findings per rule and document over real/ and wide/, and warnings to read ==")
    return code or findings.main([])


if __name__ == "__main__":
    sys.exit(main())
