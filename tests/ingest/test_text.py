"""The plain-text reader (Word's "save as text" layout)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan.document import Paragraph, Table
from juesuan.errors import InputError
from juesuan.ingest import read
from juesuan.ingest.text import parse
from tests.builders import table


def test_paragraphs_and_a_table_with_a_two_line_cell() -> None:
    text = "标题\n\t项目资金\n（万元）\n\t年初预算数\n\n\t年度资金总额\n\t1.44\n\n正文。\n"
    document = parse(text, "t.txt")
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    grid = document.tables[0]
    assert [row.texts for row in grid.rows] == [
        ("项目资金\n（万元）", "年初预算数"),
        ("年度资金总额", "1.44"),
    ]
    cell = grid.rows[1].cells[1]
    assert (cell.source.line, cell.source.table, cell.source.row, cell.source.column) == (7, 1, 2, 2)


def test_gb18030_files_are_read(tmp_path: Path) -> None:
    file = tmp_path / "gbk.txt"
    file.write_bytes("部门决算\n本年收入1.00万元。\n".encode("gb18030"))
    document = read(file)
    assert isinstance(document.blocks[1], Paragraph) and document.blocks[1].text == "本年收入1.00万元。"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00\x01\x02binary", "二进制"), ("正文".encode("utf-16"), "")],
)
def test_unreadable_files_give_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    file = tmp_path / "bad.txt"
    file.write_bytes(content)
    with pytest.raises(InputError) as error:
        read(file)
    assert str(file) in str(error.value) and message in str(error.value)


def test_missing_files_and_unknown_formats_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="不存在"):
        read(tmp_path / "none.txt")
    other = tmp_path / "x.odt"
    other.write_text("x")
    with pytest.raises(InputError, match="不支持"):
        read(other)


cell_text = (
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(st.lists(cell_text, min_size=1, max_size=6), min_size=1, max_size=8))
def test_any_grid_written_as_word_text_reads_back_cell_for_cell(rows: list[list[str]]) -> None:
    document = parse("前言\n" + table(rows) + "\n结语\n", "t.txt")
    [grid] = [block for block in document.blocks if isinstance(block, Table)]
    assert [list(row.texts) for row in grid.rows] == rows
