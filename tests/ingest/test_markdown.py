"""The Markdown reader: headings, paragraphs and pipe tables."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from juesuan.document import Paragraph, Table
from juesuan.ingest.markdown import parse


def test_headings_paragraphs_and_a_pipe_table() -> None:
    text = (
        "第一部分 部门概况\n========\n\n## 一、主要职能\n\n负责测试。\n\n"
        "| 科目编码 | 科目名称 | 合计 |\n|---|---|---:|\n| 2010301 | 行政运行 | 1,234.50 |\n| a\\|b | 两行<br>文字 |  |\n"
    )
    document = parse(text, "t.md")
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["第一部分 部门概况", "一、主要职能", "负责测试。"]
    [table] = [b for b in document.blocks if isinstance(b, Table)]
    assert [row.texts for row in table.rows] == [
        ("科目编码", "科目名称", "合计"),
        ("2010301", "行政运行", "1,234.50"),
        ("a|b", "两行\n文字", ""),
    ]
    cell = table.rows[1].cells[2]
    line = text.splitlines()[cell.source.line - 1]
    assert cell.source.offset is not None and line[cell.source.offset :].startswith("1,234.50")


cell_text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="|\\<>"),
        min_size=1,
        max_size=10,
    )
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(st.lists(cell_text, min_size=2, max_size=5), min_size=1, max_size=6))
def test_any_grid_written_as_a_pipe_table_reads_back(rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    grid = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(grid[0]) + " |", "|" + "---|" * width] + [
        "| " + " | ".join(r) + " |" for r in grid[1:]
    ]
    [table] = [b for b in parse("\n".join(lines) + "\n", "t.md").blocks if isinstance(b, Table)]
    assert [list(row.texts) for row in table.rows] == grid
