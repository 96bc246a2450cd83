"""Golden files of the rendered output: Markdown, HTML, the text of the DOCX, the PDF's Typst source.

Regenerate after an intended change with ``JUESUAN_UPDATE_GOLDEN=1 pytest tests/render/test_golden.py``
and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from juesuan.document import Paragraph, Table
from juesuan.ingest import docx as docx_reader
from juesuan.render import render, typeset
from juesuan.render.narrative import describe
from juesuan.render.synthetic import example

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = os.environ.get("JUESUAN_UPDATE_GOLDEN") == "1"


def docx_text(path: Path) -> str:
    """What juesuan's DOCX reader sees: paragraphs, and table rows as | cells |."""
    lines: list[str] = []
    for block in docx_reader.read(path).blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(
                "| " + " | ".join(c.text.replace("\n", "⏎") for c in row.cells) + " |" for row in block.rows
            )
            lines.append("")
    return "\n".join(lines) + "\n"


def compare(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if UPDATE or not golden.exists():
        golden.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden file {golden} was missing and has been written: review it")
    assert actual == golden.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.fixture(scope="module")
def description():  # type: ignore[no-untyped-def]
    return describe(example(1, year=2023))


def test_markdown_matches_its_golden_file(description) -> None:  # type: ignore[no-untyped-def]
    compare("example1.md", render(description, "markdown").decode("utf-8"))


def test_text_matches_its_golden_file(description) -> None:  # type: ignore[no-untyped-def]
    compare("example1.txt", render(description, "text").decode("utf-8"))


def test_html_matches_its_golden_file(description) -> None:  # type: ignore[no-untyped-def]
    compare("example1.html", render(description, "html").decode("utf-8"))


def test_docx_text_matches_its_golden_file(description, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "example1.docx"
    path.write_bytes(render(description, "docx"))
    compare("example1.docx.txt", docx_text(path))


def test_docx_is_reproducible_byte_for_byte(description) -> None:  # type: ignore[no-untyped-def]
    assert render(description, "docx") == render(description, "docx")


def test_pdf_source_matches_its_golden_file(description) -> None:  # type: ignore[no-untyped-def]
    compare("example1.typ", typeset.source(description, lambda chart: f"chart-{chart.key}.png"))
