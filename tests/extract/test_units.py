"""Documents of several units: each unit's part is found and checked by itself.

The documents are real ones of the corpus, put one after the other into one PDF the way a
department's 部门预算 carries its units' disclosures (written to a temporary folder, never
into the repository).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from juesuan import pipeline
from juesuan.extract.units import unit_parts
from juesuan.findings import Severity
from juesuan.model.summary import summary
from tests.conftest import CORPUS, require_corpus

SHENZHEN_FINANCE = "real/calinchow-renwu/003_深圳/2026年深圳市财政局部门预算.pdf"
SHENZHEN_PETITION = "real/calinchow-renwu/003_深圳/2026年深圳市信访局部门预算.pdf"
FUZHOU_POLICE = "real/calinchow-renwu/017_福州/2026年福州市公安局部门预算.pdf"
FUZHOU_CIVILIAN = "real/calinchow-renwu/017_福州/公安局_2026年度福州市公安局文职人员管理中心单位预算.pdf.pdf"
HUZHOU_VETERANS = "real/calinchow-renwu/079_湖州/2026年湖州市退役军人事务局部门预算.pdf"
SUZHOU_SCIENCE = "wide/calinchow-renwu/006_苏州/科技创新局_2026年部门预算.pdf"
SUZHOU_TRANSPORT = "wide/calinchow-renwu/006_苏州/交通运输局_2026年部门预算.pdf"
BEIJING_PROJECTS = "real/calinchow-renwu/002_北京/政府办公厅_附件1：北京市重大项目建设指挥部办公室2026年度部门预算情况说明.pdf"
BEIJING_SUBCENTRE = "real/calinchow-renwu/002_北京/政府办公厅_附件1：北京城市副中心工程建设管理办公室2026年度部门预算情况说明.pdf"


def _joined(folder: Path, *names: str) -> tuple[Path, list[int]]:
    """The documents as one PDF, and the page each one starts on."""
    joined = pdfium.PdfDocument.new()
    starts = []
    for name in names:
        starts.append(len(joined) + 1)
        joined.import_pages(pdfium.PdfDocument(CORPUS / name))
    path = folder / "joined.pdf"
    joined.save(path)
    return path, starts


def _errors(path: Path) -> list[str]:
    report = pipeline.run(path).report
    return sorted(f.message for f in report.findings if f.severity is Severity.ERROR)


@pytest.mark.parametrize(
    ("first", "second", "named"),
    [(SHENZHEN_FINANCE, SHENZHEN_PETITION, True), (FUZHOU_POLICE, FUZHOU_CIVILIAN, False)],
    ids=["named-on-form-lines", "series-starts-again"],
)
def test_each_unit_is_its_own_part(tmp_path: Path, first: str, second: str, named: bool) -> None:
    require_corpus()
    path, starts = _joined(tmp_path, first, second)
    parts = unit_parts(pipeline.read_document(path))
    assert len(parts) == 2
    second_pages = {b.source.page for b in parts[1].document.blocks}
    first_pages = {b.source.page for b in parts[0].document.blocks}
    assert min(second_pages) >= starts[1] - 1 and max(first_pages) <= starts[1]
    if named:
        assert [p.name for p in parts] == ["深圳市财政局（本级）", "深圳市信访局"]


@pytest.mark.parametrize(
    "names",
    [
        (SHENZHEN_FINANCE, SHENZHEN_PETITION),
        (FUZHOU_POLICE, FUZHOU_CIVILIAN),
        (HUZHOU_VETERANS, FUZHOU_CIVILIAN),
    ],
)
def test_a_document_of_several_units_has_exactly_its_units_errors(
    tmp_path: Path, names: tuple[str, ...]
) -> None:
    """Read as one, the 福州 pair gave six false errors: one unit's narrative against the other's
    statements. Split, the errors are each document's own, no more and no fewer."""
    require_corpus()
    path, _ = _joined(tmp_path, *names)
    assert _errors(path) == sorted(m for name in names for m in _errors(CORPUS / name))


def test_the_summary_lists_the_units(tmp_path: Path) -> None:
    require_corpus()
    path, _ = _joined(tmp_path, SHENZHEN_FINANCE, SHENZHEN_PETITION)
    data = summary(pipeline.extract_file(path))
    units = data["units"]
    assert isinstance(units, list)
    assert [(u["department"], u["income_total"]) for u in units] == [
        ("深圳市财政局（本级）", "36989.05"),
        ("深圳市信访局", "4676.96"),
    ]
    assert data["income_total"] == "36989.05"  # the first unit's


@pytest.mark.parametrize("name", [SHENZHEN_FINANCE, HUZHOU_VETERANS, FUZHOU_POLICE])
def test_one_unit_with_its_title_printed_on_every_page_is_one_part(name: str) -> None:
    """深圳 prints 收支总表 again over each page it runs to: a continuation, not a new series."""
    require_corpus()
    assert unit_parts(pipeline.read_document(CORPUS / name)) == []


def test_narratives_of_two_organisations_are_parted_by_their_covers(tmp_path: Path) -> None:
    """Two 北京 情况说明 without statements: nothing but their covers tells the units apart."""
    require_corpus()
    path, starts = _joined(tmp_path, BEIJING_PROJECTS, BEIJING_SUBCENTRE)
    parts = unit_parts(pipeline.read_document(path))
    assert [p.name for p in parts] == ["北京市重大项目建设指挥部办公室", "北京城市副中心工程建设管理办公室"]
    assert min(b.source.page for b in parts[1].document.blocks) == starts[1]
