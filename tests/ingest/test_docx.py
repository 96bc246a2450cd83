"""Word reader: documents built with python-docx in the test, read back exactly."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juesuan.document import Cell, Document, Paragraph, Row, Table, TextLine
from juesuan.errors import InputError
from juesuan.ingest.docx import read
from juesuan.ingest.xlsx import ENCRYPTION_STREAM, OLE_MAGIC
from juesuan.source import Source

docx = pytest.importorskip("docx")

FILE = "决算.docx"


def _line(text: str, line: int) -> TextLine:
    return TextLine(text, Source(file=FILE, line=line, text=text))


def _cell(text: str, line: int, row: int, column: int, *, col_span: int = 1, row_span: int = 1) -> Cell:
    source = Source(file=FILE, line=line, table=1, row=row, column=column, text=text)
    return Cell(text, source, col_span=col_span, row_span=row_span)


def _budget_docx(path: Path) -> None:
    """A small disclosure: heading, an empty paragraph, a line break, a merged header table."""
    document = docx.Document()
    document.add_heading("上海市XX局2025年部门决算", level=1)  # block line 1
    document.add_paragraph("")  # line 2: empty, counted but not emitted
    paragraph = document.add_paragraph("　　一、收入支出决算总体情况")  # line 3
    paragraph.add_run().add_break()
    paragraph.add_run("收入总计29,262.45万元。")
    table = document.add_table(rows=4, cols=4)  # rows are lines 4–7
    table.cell(0, 0).merge(table.cell(1, 1)).text = "项目"  # 2×2: gridSpan + vMerge
    table.cell(0, 2).merge(table.cell(0, 3)).text = "决算数"
    table.cell(1, 2).text = "合计"
    table.cell(1, 3).text = "基本支出"
    for column, text in enumerate(["2010301", "行政运行", "1,701.31", "1,200.00"]):
        table.cell(2, column).text = text
    table.cell(3, 0).merge(table.cell(3, 1)).text = "合计"
    table.cell(3, 2).text = "1,701.31"
    cell = table.cell(3, 3)
    cell.text = "1,200.00"
    cell.add_paragraph("（含结转）")
    document.add_paragraph("二、说明")  # line 8
    document.save(path)


def test_budget_document_is_read_exactly(tmp_path: Path) -> None:
    path = tmp_path / "budget.docx"
    _budget_docx(path)
    document = read(path, display_path=FILE)
    rows = (
        (
            _cell("项目", 4, 1, 1, col_span=2, row_span=2),
            _cell("", 4, 1, 2),
            _cell("决算数", 4, 1, 3, col_span=2),
            _cell("", 4, 1, 4),
        ),
        (_cell("", 5, 2, 1), _cell("", 5, 2, 2), _cell("合计", 5, 2, 3), _cell("基本支出", 5, 2, 4)),
        (
            _cell("2010301", 6, 3, 1),
            _cell("行政运行", 6, 3, 2),
            _cell("1,701.31", 6, 3, 3),
            _cell("1,200.00", 6, 3, 4),
        ),
        (
            _cell("合计", 7, 4, 1, col_span=2),
            _cell("", 7, 4, 2),
            _cell("1,701.31", 7, 4, 3),
            _cell("1,200.00\n（含结转）", 7, 4, 4),
        ),
    )
    table = Table(
        rows=tuple(
            Row(cells, Source(file=FILE, line=4 + index, table=1, row=index + 1))
            for index, cells in enumerate(rows)
        ),
        source=Source(file=FILE, line=4, table=1, row=1),
    )
    expected = Document(
        path=FILE,
        format="docx",
        blocks=(
            Paragraph((_line("上海市XX局2025年部门决算", 1),)),
            Paragraph((_line("一、收入支出决算总体情况", 3), _line("收入总计29,262.45万元。", 3))),
            table,
            Paragraph((_line("二、说明", 8),)),
        ),
    )
    assert document == expected


def test_nine_tables_keep_body_order(tmp_path: Path) -> None:
    document = docx.Document()
    for number in range(1, 10):
        document.add_paragraph(f"表{number}")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = f"标题{number}"
        table.cell(1, 1).text = str(number)
    path = tmp_path / "nine.docx"
    document.save(path)
    read_back = read(path)
    kinds = ["P" if isinstance(block, Paragraph) else "T" for block in read_back.blocks]
    assert kinds == ["P", "T"] * 9
    assert [table.source.table for table in read_back.tables] == list(range(1, 10))
    assert [table.rows[1].texts for table in read_back.tables][8] == ("", "9")
    # Each paragraph takes one block line, each table row one: 表9 is on line 8 * 3 + 1.
    assert read_back.paragraphs[8].source.line == 25


_TEXT = st.text(
    alphabet=st.sampled_from("财政拨款收入支出决算合计基本项目一二三〇0123456789.,%（）() "),
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(1, 4).flatmap(
        lambda width: st.lists(st.lists(_TEXT, min_size=width, max_size=width), min_size=1, max_size=5)
    )
)
def test_random_grid_round_trips(tmp_path: Path, grid: list[list[str]]) -> None:
    document = docx.Document()
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    for r, values in enumerate(grid):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "grid.docx"
    document.save(path)
    (read_table,) = read(path).tables
    assert [[cell.text for cell in row.cells] for row in read_table.rows] == [
        [value.strip() for value in values] for values in grid
    ]


def test_zip_without_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(InputError, match=r"缺少 word/document\.xml") as caught:
        read(path, display_path="empty.docx")
    assert caught.value.path == "empty.docx"


def test_text_file_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("纯文本", encoding="utf-8")
    with pytest.raises(InputError, match="不是有效的 Word 文档"):
        read(path)


def test_corrupt_xml(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body>")
    with pytest.raises(InputError, match="不是有效的 XML"):
        read(path)


def test_legacy_doc_and_password(tmp_path: Path) -> None:
    legacy = tmp_path / "old.docx"
    legacy.write_bytes(OLE_MAGIC + b"\x00" * 600)
    with pytest.raises(InputError, match=r"旧版 Word 文档（\.doc）"):
        read(legacy)
    locked = tmp_path / "locked.docx"
    locked.write_bytes(OLE_MAGIC + b"\x00" * 504 + ENCRYPTION_STREAM)
    with pytest.raises(InputError, match="密码"):
        read(locked)


def test_missing_and_empty(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="文件不存在"):
        read(tmp_path / "nope.docx")
    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    with pytest.raises(InputError, match="没有可读取的文字或表格"):
        read(path)
