"""Regenerate the bundled example from its data: ``python examples/make_example.py``.

Writes ``examples/qinghe_archives_2023_final.txt`` — the narrative as a department exports
it from Word, statements published separately — with its four deliberate mistakes (see
:mod:`juesuan.render.synthetic_qinghe`). ``tests/render/test_example_generated.py`` checks
that the committed file is exactly what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from juesuan.render import render
from juesuan.render.narrative import WORD_EXPORT, describe
from juesuan.render.synthetic_qinghe import falsify, qinghe

EXAMPLE = Path(__file__).resolve().parent / "qinghe_archives_2023_final.txt"


def example_text() -> str:
    """The example's text: generated from its data, then its two rates falsified."""
    description = falsify(describe(qinghe(mistakes=True), WORD_EXPORT))
    return render(description, "text").decode("utf-8")


def main() -> int:
    EXAMPLE.write_text(example_text(), encoding="utf-8")
    print(f"wrote {EXAMPLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
