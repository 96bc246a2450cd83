"""Single-figure mutations injected into real published documents must become errors.

A figure of a statement that reconciled is raised by 100 in the read document (the PDF's cells,
before extraction), and the document is extracted and checked again: a new error-level finding
must appear. The documents are ones whose statements all reconcile as published; the sites are
every non-zero figure of their standard statements, taken at a fixed stride so the test stays quick.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache

import pytest

from juesuan import pipeline
from juesuan.document import Document, Table
from juesuan.findings import Severity
from tests.conftest import CORPUS

DOCUMENTS = (
    "real/zxj-GOV/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf",
    "real/zxj-tianbaoxitong/上海市普陀区财政局部门25年预算.pdf",
    "real/calinchow-renwu/006_苏州/生态环境局_2026年部门预算.pdf",
)
SITES_PER_DOCUMENT = 12
#: The standard statements, whose figures all take part in identities (a procurement list's
#: quantities, for one, need not).
NINE_STATEMENTS = {
    "summary",
    "income",
    "expenditure",
    "appropriation_summary",
    "general_budget_expenditure",
    "basic_expenditure",
    "government_fund",
    "state_capital",
    "three_public",
}
_FIGURE_RE = re.compile(r"^-?\d{1,3}(?:,\d{3})*\.\d+$|^-?\d+\.\d+$")

Site = tuple[int, int, int]  # block, row, cell


@cache
def _read(name: str) -> Document:
    return pipeline.read_document(CORPUS / name)


def _errors(document: Document) -> set[tuple[str, str]]:
    report = pipeline.check(pipeline.extract_document(document))
    return {(f.rule, f.source.location()) for f in report.findings if f.severity is Severity.ERROR}


def _sites(name: str) -> list[Site]:
    document = _read(name)
    statements = pipeline.extract_document(document).statements
    tables = {s.source.table for s in statements if s.key in NINE_STATEMENTS}
    sites = [
        (b, r, c)
        for b, block in enumerate(document.blocks)
        if isinstance(block, Table) and block.source.table in tables
        for r, row in enumerate(block.rows)
        for c, cell in enumerate(row.cells)
        if _FIGURE_RE.match(cell.text.strip()) and Decimal(cell.text.strip().replace(",", "")) != 0
    ]
    stride = max(1, len(sites) // SITES_PER_DOCUMENT)
    return sites[::stride][:SITES_PER_DOCUMENT]


def _raised(document: Document, site: Site) -> Document:
    b, r, c = site
    block = document.blocks[b]
    assert isinstance(block, Table)
    cell = block.rows[r].cells[c]
    printed = cell.text.strip()
    value = Decimal(printed.replace(",", "")) + 100
    cells = list(block.rows[r].cells)
    cells[c] = cell._replace(text=f"{value:.{len(printed.split('.')[1])}f}")
    rows = list(block.rows)
    rows[r] = replace(rows[r], cells=tuple(cells))
    blocks = list(document.blocks)
    blocks[b] = replace(block, rows=tuple(rows))
    return replace(document, blocks=tuple(blocks))


CASES = [(name, i) for name in DOCUMENTS for i in range(SITES_PER_DOCUMENT)]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_a_raised_statement_figure_gives_a_new_error(name: str, index: int) -> None:
    if not (CORPUS / name).exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    sites = _sites(name)
    assert len(sites) == SITES_PER_DOCUMENT
    document = _read(name)
    before = _errors(document)
    after = _errors(_raised(document, sites[index]))
    assert after - before, f"no new error after raising the figure at {sites[index]}"


if __name__ == "__main__":
    for name in DOCUMENTS:
        document = _read(name)
        for index, site in enumerate(_sites(name)):
            b, r, c = site
            block = document.blocks[b]
            assert isinstance(block, Table)
            caught = bool(_errors(_raised(document, site)) - _errors(document))
            row = " / ".join(cell.text[:14] for cell in block.rows[r].cells)
            print(
                caught, index, name[-30:], block.rows[r].cells[c].text, "|", row, "| page", block.source.page
            )
