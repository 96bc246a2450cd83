"""HTML reader: small realistic pages written in the test, read back exactly."""

from __future__ import annotations

import html as html_escape
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juesuan.document import Cell, Document, Paragraph, Row, Table, TextLine
from juesuan.errors import InputError
from juesuan.ingest.html import decode, read
from juesuan.source import Source

FILE = "预算.html"

# Line numbers matter: Source.line is the line of the source where the element starts.
GBK_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>上海市XX局2025年部门预算</title>
<script>document.write("<p>脚本</p>");</script></head>
<body>
<h1>上海市XX局2025年部门预算</h1>
<div class="content">一、部门主要职能<br>
（一）负责  本区
财政工作；<br/><span>（二）<b>其他</b>职责。</span></div>
<p>&nbsp;&nbsp;　　本部门收入预算29,262.45万元。</p>
<table border="1"><caption>表1 收支总表</caption>
<tr><th colspan="2" rowspan="2">项目</th><th colspan="2">预算数</th></tr>
<tr><th>合计</th><th>基本支出</th></tr>
<tr><td>2010301</td><td>行政<br>运行</td><td>1,701.31</td><td>1,200.00</td></tr>
<tr><td colspan="2">合计</td><td>1,701.31</td></tr>
</table>
<!-- <p>注释</p> -->
</body></html>
"""


def _line(text: str, line: int) -> TextLine:
    return TextLine(text, Source(file=FILE, line=line, text=text))


def _cell(text: str, line: int, row: int, column: int, *, col_span: int = 1, row_span: int = 1) -> Cell:
    source = Source(file=FILE, line=line, table=1, row=row, column=column, text=text)
    return Cell(text, source, col_span=col_span, row_span=row_span)


def test_gbk_page_is_read_exactly(tmp_path: Path) -> None:
    path = tmp_path / "gbk.html"
    path.write_bytes(GBK_PAGE.encode("gbk"))
    rows = (
        (
            _cell("项目", 12, 1, 1, col_span=2, row_span=2),
            _cell("", 12, 1, 2),
            _cell("预算数", 12, 1, 3, col_span=2),
            _cell("", 12, 1, 4),
        ),
        (_cell("", 13, 2, 1), _cell("", 13, 2, 2), _cell("合计", 13, 2, 3), _cell("基本支出", 13, 2, 4)),
        (
            _cell("2010301", 14, 3, 1),
            _cell("行政\n运行", 14, 3, 2),
            _cell("1,701.31", 14, 3, 3),
            _cell("1,200.00", 14, 3, 4),
        ),
        (
            _cell("合计", 15, 4, 1, col_span=2),
            _cell("", 15, 4, 2),
            _cell("1,701.31", 15, 4, 3),
            _cell("", 15, 4, 4),
        ),
    )
    table = Table(
        rows=tuple(
            Row(cells, Source(file=FILE, line=12 + i, table=1, row=i + 1)) for i, cells in enumerate(rows)
        ),
        source=Source(file=FILE, line=11, table=1),
        caption="表1 收支总表",
    )
    expected = Document(
        path=FILE,
        format="html",
        blocks=(
            Paragraph((_line("上海市XX局2025年部门预算", 6),)),
            Paragraph(
                (
                    _line("一、部门主要职能", 7),
                    _line("（一）负责 本区 财政工作；", 8),
                    _line("（二）其他职责。", 9),
                )
            ),
            Paragraph((_line("本部门收入预算29,262.45万元。", 10),)),
            table,
        ),
    )
    assert read(path, display_path=FILE) == expected


def test_utf8_page_without_declaration(tmp_path: Path) -> None:
    path = tmp_path / "utf8.htm"
    path.write_text("<p>财政拨款收入</p><ul><li>一般公共预算</li><li>政府性基金</li></ul>", encoding="utf-8")
    document = read(path)
    assert [p.text for p in document.paragraphs] == ["财政拨款收入", "一般公共预算", "政府性基金"]
    assert document.notes == ()


def test_gbk_page_without_declaration_falls_back_to_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "nodecl.html"
    path.write_bytes("<p>部门决算公开</p>".encode("gbk"))
    document = read(path)
    assert document.paragraphs[0].text == "部门决算公开"
    assert document.notes == ("按 gb18030 解码（页面声明的编码为 无）",)


def test_wrong_declaration_and_broken_bytes() -> None:
    text, notes = decode('<meta charset="gbk"><p>决算</p>'.encode(), "x.html")
    assert "决算" in text
    assert notes == ["按 utf-8 解码（页面声明的编码为 gbk）"]
    text, notes = decode("<p>决算</p>\n<p>".encode("gbk") + b"\xff\xfe\xfd</p>", "x.html")
    assert text.startswith("<p>决算</p>")
    assert len(notes) == 1
    assert notes[0].startswith("第2行起有无法按")


def test_layout_table_is_unwrapped_and_inner_table_kept(tmp_path: Path) -> None:
    page = """<table width="100%"><tr><td>
<p>部门概况</p>
<table><tr><td>收入</td><td rowspan="0">备注</td></tr><tr><td>100</td></tr></table>
</td></tr></table>"""
    path = tmp_path / "layout.html"
    path.write_text(page, encoding="utf-8")
    document = read(path)
    assert [type(block).__name__ for block in document.blocks] == ["Paragraph", "Table"]
    (table,) = document.tables
    assert [row.texts for row in table.rows] == [("收入", "备注"), ("100", "")]
    assert table.rows[0].cells[1].row_span == 2
    assert table.source.line == 3


_TEXT = st.text(alphabet=st.sampled_from("财政拨款收入支出决算合计一二三0123456789.,%（）<>& "), max_size=12)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(1, 5).flatmap(
        lambda width: st.lists(st.lists(_TEXT, min_size=width, max_size=width), min_size=1, max_size=6)
    )
)
def test_random_grid_round_trips(tmp_path: Path, grid: list[list[str]]) -> None:
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html_escape.escape(value)}</td>" for value in values) + "</tr>"
        for values in grid
    )
    path = tmp_path / "grid.html"
    path.write_text(f"<p>表</p><table>\n{body}\n</table>", encoding="utf-8")
    (table,) = read(path).tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        [re.sub(" +", " ", value).strip() for value in values] for values in grid
    ]
    assert [row.source.line for row in table.rows] == list(range(2, 2 + len(grid)))


def test_binary_and_other_formats_are_refused(tmp_path: Path) -> None:
    png = tmp_path / "image.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="含二进制内容") as caught:
        read(png, display_path="image.html")
    assert caught.value.path == "image.html"
    pdf = tmp_path / "report.htm"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(InputError, match="看起来是 PDF 文件"):
        read(pdf)


def test_missing_and_empty(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="文件不存在"):
        read(tmp_path / "nope.html")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>只有标题</title></head><body> </body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="没有可读取的文字或表格"):
        read(empty)
