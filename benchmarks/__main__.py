"""Run every benchmark: ``python -m benchmarks``."""

from __future__ import annotations

import sys

from benchmarks import bench_check


def main() -> int:
    print("== read + extract + check of text disclosures ==")
    code = bench_check.main([])
    try:
        from benchmarks import bench_pdf_read
    except ImportError:  # pragma: no cover - the PDF benchmark arrives with the PDF reader
        return code
    print("\n== PDF reading against bare pypdfium2 text extraction ==")
    return code or bench_pdf_read.main([])


if __name__ == "__main__":
    sys.exit(main())
