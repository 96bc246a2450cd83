"""Single-figure mutations injected into real published documents must become errors.

A figure of a statement that reconciled is raised by 100 in the read document (the PDF's cells,
before extraction), and the document is extracted and checked again: a new error-level finding
must appear. The documents are ones whose statements all reconcile as published; the sites are
every non-zero figure of their standard statements, taken at a fixed stride so the test stays quick.
"""

from __future__ import annotations

from functools import cache

import pytest

from benchmarks.mutation_recall import Site, figure_sites, findings, raised
from juesuan import pipeline
from juesuan.document import Document
from juesuan.findings import Severity
from tests.conftest import CORPUS

DOCUMENTS = (
    "real/zxj-GOV/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf",
    "real/zxj-tianbaoxitong/上海市普陀区财政局部门25年预算.pdf",
    "real/calinchow-renwu/006_苏州/生态环境局_2026年部门预算.pdf",
)
SITES_PER_DOCUMENT = 12


@cache
def _published(name: str) -> tuple[Document, list[Site], frozenset[tuple[str, str]]]:
    """The document as published, its mutation sites and its errors (read once per document)."""
    document = pipeline.read_document(CORPUS / name)
    return document, figure_sites(document, SITES_PER_DOCUMENT), frozenset(findings(document, Severity.ERROR))


CASES = [(name, i) for name in DOCUMENTS for i in range(SITES_PER_DOCUMENT)]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_a_raised_statement_figure_gives_a_new_error(name: str, index: int) -> None:
    if not (CORPUS / name).exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    document, sites, before = _published(name)
    assert len(sites) == SITES_PER_DOCUMENT
    after = findings(raised(document, sites[index]), Severity.ERROR)
    assert after - before, f"no new error after raising the figure at {sites[index]}"
