"""Spreadsheet reader: the real budget templates of the corpus, plus generated edge cases."""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan.document import Cell, Table
from juesuan.errors import InputError
from juesuan.ingest import read as read_any
from juesuan.ingest.xlsx import ENCRYPTION_STREAM, OLE_MAGIC, number_text, read
from juesuan.source import Source

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
TEMPLATES = CORPUS / "real" / "zxj-tianbaoxitong"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not found at {CORPUS}")

DEPARTMENT_SHEETS = [
    "封面",
    "目录",
    "部门主要职能",
    "部门机构设置",
    "名词解释",
    "部门编制说明",
    "部门收支总表",
    "部门收入总表",
    "部门支出总表",
    "部门财政拨款收支总表",
    "部门一般公共预算拨款表",
    "部门政府性基金拨款表",
    "部门国有资本经营预算拨款表 ",  # the trailing space is in the workbook
    "部门一般公共预算拨款基本支出明细表",
    "部门“三公”经费和机关运行费预算表",
    "其他相关情况说明",
    "项目经费情况说明",
]


def _row(table: Table, sheet_row: int) -> tuple[str, ...]:
    """The texts of the row that is ``sheet_row`` in the spreadsheet."""
    (row,) = [row for row in table.rows if row.source.row == sheet_row]
    return tuple(cell.text for cell in row.cells)


def _cell(table: Table, sheet_row: int, sheet_column: int) -> Cell:
    (row,) = [row for row in table.rows if row.source.row == sheet_row]
    (cell,) = [cell for cell in row.cells if cell.source.column == sheet_column]
    return cell


@needs_corpus
def test_department_template_sheets_become_captioned_tables() -> None:
    path = TEMPLATES / "department_budget_template.xlsx"
    document = read(path, display_path="部门预算.xlsx")
    assert document.format == "xlsx"
    assert document.path == "部门预算.xlsx"
    assert document.pages == 17
    assert document.notes == ()
    assert [table.caption for table in document.tables] == DEPARTMENT_SHEETS
    assert [table.source.page for table in document.tables] == list(range(1, 18))


@needs_corpus
def test_department_income_sheet_headers_merges_and_codes() -> None:
    table = read(TEMPLATES / "department_budget_template.xlsx").tables[7]
    assert table.caption == "部门收入总表"
    # Leading blank row 1 is dropped; the table starts at the title on row 2.
    assert table.source == Source(
        file=str(TEMPLATES / "department_budget_template.xlsx"), page=8, line=2, table=8, row=2
    )
    title = _cell(table, 2, 1)
    assert (title.text, title.col_span, title.row_span) == ("2026年部门收入预算总表", 9, 1)  # A2:I2
    # The two header rows: A6:D6 项目 over A7:C7 功能分类科目编码, D7:D8 名称 spanning two rows.
    assert _row(table, 6) == ("项目", "", "", "", "收入预算", "", "", "", "")
    assert (_cell(table, 6, 1).col_span, _cell(table, 6, 5).col_span) == (4, 5)
    assert _row(table, 7) == (
        "功能分类科目编码",
        "",
        "",
        "功能分类科目名称",
        "合计",
        "财政拨款收入",
        "事业收入",
        "事业单位\n经营收入",
        "其他收入",
    )
    code = _cell(table, 7, 1)
    assert (code.col_span, code.row_span) == (3, 1)
    name = _cell(table, 7, 4)
    assert (name.col_span, name.row_span) == (1, 2)
    # Codes: the class is a number in the sheet (205.0 → "205"), 款/项 are text and keep "02".
    assert _row(table, 11)[:4] == ("205", "02", "05", "高等教育")
    cell = _cell(table, 11, 2)
    assert cell.source == Source(
        file=str(TEMPLATES / "department_budget_template.xlsx"),
        page=8,
        line=11,
        table=8,
        row=11,
        column=2,
        text="02",
    )
    # Blank rows at the end are trimmed: the last row is the 合计 row 20.
    assert table.rows[-1].source.row == 20
    assert _row(table, 20)[0] == "合计"


@needs_corpus
def test_merges_are_clipped_to_the_used_range() -> None:
    document = read(TEMPLATES / "department_budget_template.xlsx")
    cover = document.tables[0]
    # A3:M3 is merged, but only column A holds anything: the grid is one column wide.
    assert [row.source.row for row in cover.rows] == [3, 4, 5, 6, 7, 8, 9]
    assert _cell(cover, 3, 1).text == "上海市普陀区2026年区级部门预算"
    assert _cell(cover, 3, 1).col_span == 1
    functions = document.tables[2]
    # A3:A17 is merged down into blank rows; the table ends at row 3.
    assert functions.rows[-1].source.row == 3
    assert _cell(functions, 3, 1).row_span == 1


@needs_corpus
def test_unit_template_two_level_header() -> None:
    table = read(TEMPLATES / "unit_budget_template.xlsx").tables[6]
    assert table.caption == "单位收支总表"
    assert _row(table, 7) == ("项目", "预算数", "项目", "预算数", "", "", "")
    assert [(c.col_span, c.row_span) for c in table.rows[5].cells[:4]] == [(1, 3), (1, 3), (1, 3), (4, 1)]
    assert _row(table, 8) == ("", "", "", "合计", "基本支出", "", "项目支出")
    assert _row(table, 9) == ("", "", "", "", "人员经费", "公用经费", "")


@needs_corpus
def test_xls_reads_like_xlsx_including_merges() -> None:
    document = read(TEMPLATES / "budget_template.xls")
    assert document.pages == 16
    assert len(document.tables) == 16
    assert document.tables[12].caption == "单位国有资本经营预算拨款表 "
    table = document.tables[7]
    assert table.caption == "单位收入总表"
    assert (_cell(table, 7, 1).text, _cell(table, 7, 1).col_span) == ("功能分类科目编码", 3)
    assert (_cell(table, 7, 4).text, _cell(table, 7, 4).row_span) == ("功能分类科目名称", 2)
    assert _row(table, 11)[:4] == ("205", "02", "05", "高等教育")
    three = document.tables[14]
    assert (_cell(three, 4, 7).text, _cell(three, 4, 7).row_span) == ("机关运行经费预算数", 3)


@needs_corpus
def test_registry_dispatches_xls_and_xlsx() -> None:
    assert read_any(TEMPLATES / "budget_template.xls").format == "xlsx"
    assert read_any(TEMPLATES / "unit_budget_template.xlsx").tables[0].caption == "封面"


def test_values_are_rendered_as_a_person_reads_them(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "支出"
    sheet["B2"] = "2010301"
    sheet["C2"] = 29262.45
    sheet["D2"] = 3.0
    sheet["E2"] = 1701.31
    sheet["B3"] = True
    sheet["C3"] = dt.date(2025, 12, 31)
    sheet["D3"] = dt.datetime(2025, 1, 2, 8, 30)
    sheet["E3"] = 1e-05
    sheet.merge_cells("B4:E4")
    sheet["B4"] = "合计"
    workbook.create_sheet("空表")
    path = tmp_path / "values.xlsx"
    workbook.save(path)

    document = read(path)
    (table,) = document.tables
    assert document.pages == 2
    assert document.notes == ("工作表“空表”（第2张）为空，已跳过",)
    assert [row.texts for row in table.rows] == [
        ("2010301", "29262.45", "3", "1701.31"),
        ("TRUE", "2025-12-31", "2025-01-02 08:30:00", "0.00001"),
        ("合计", "", "", ""),
    ]
    first = table.rows[0].cells[0]
    assert first.source == Source(file=str(path), page=1, line=2, table=1, row=2, column=2, text="2010301")
    assert table.rows[2].cells[0].col_span == 4


def test_number_text_examples() -> None:
    assert [number_text(v) for v in (29262.45, 3.0, -0.0, 0.1 + 0.2, 1e16, -12.5)] == [
        "29262.45",
        "3",
        "0",
        "0.30000000000000004",
        "10000000000000000",
        "-12.5",
    ]


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_number_text_round_trips_without_exponent(value: float) -> None:
    text = number_text(value)
    assert "e" not in text.lower()
    assert float(text) == value
    assert not text.endswith(".0")
    if not value.is_integer():
        assert Decimal(text) == Decimal(repr(value))
    assert math.isfinite(float(text))


def test_text_file_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "假表格.xlsx"
    path.write_text("这不是表格", encoding="utf-8")
    with pytest.raises(InputError, match="不是有效的 Excel 文件") as caught:
        read(path, display_path="假表格.xlsx")
    assert caught.value.path == "假表格.xlsx"


def test_zip_without_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "x")
    with pytest.raises(InputError, match="不是有效的 Excel 文件"):
        read(path)


def test_password_protected_workbook(tmp_path: Path) -> None:
    # An encrypted .xlsx is an OLE2 container holding EncryptionInfo/EncryptedPackage streams.
    path = tmp_path / "locked.xlsx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504 + ENCRYPTION_STREAM + b"\x00" * 64)
    with pytest.raises(InputError, match="密码"):
        read(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="文件不存在"):
        read(tmp_path / "nope.xlsx")


def test_workbook_without_content(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(InputError, match="所有工作表均为空"):
        read(path)


@needs_corpus
def test_misnamed_xls_is_detected_by_content(tmp_path: Path) -> None:
    # Downloads are often misnamed; a symlink gives the real .xls a .xlsx name without copying it.
    link = tmp_path / "实际是xls.xlsx"
    link.symlink_to(TEMPLATES / "budget_template.xls")
    document = read(link)
    assert len(document.tables) == 16
    assert document.tables[7].caption == "单位收入总表"


def _filled_expenditure_template(tmp_path: Path, project: int) -> Path:
    """The reporting system's 部门支出总表 filled in: 合计 = 基本支出 + 项目支出 on every line."""
    import openpyxl

    book = openpyxl.load_workbook(TEMPLATES / "department_budget_template.xlsx")
    sheet = book["部门支出总表"]
    for row, (basic, project_part) in {
        9: (300, 20),
        10: (300, 20),
        11: (300, 20),
        13: (50, 0),
        14: (50, 0),
    }.items():
        sheet.cell(row, 5).value = basic + project_part
        sheet.cell(row, 6).value = basic
        sheet.cell(row, 7).value = project_part
    sheet.cell(20, 5).value, sheet.cell(20, 6).value, sheet.cell(20, 7).value = 370, 350, project
    path = tmp_path / "filled.xlsx"
    book.save(path)
    return path


@needs_corpus
def test_a_filled_reporting_system_template_has_its_columns_checked(tmp_path: Path) -> None:
    """The template prints "编制部门：… 单位：元" inside its grid: a form line, not column labels."""
    from juesuan import pipeline

    report = pipeline.run(_filled_expenditure_template(tmp_path, 20)).report
    [outcome] = [o for o in report.outcomes if o.rule == "STMT-001"]
    assert outcome.status.value == "passed" and outcome.checked >= 6
    wrong = pipeline.run(_filled_expenditure_template(tmp_path, 25)).report
    assert [f.rule for f in wrong.findings if f.rule == "STMT-001"] == ["STMT-001"]
