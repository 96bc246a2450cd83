"""``juesuan debug``: the page inspection, its text and JSON views, and the picture.

The facts about page 8 of 上海市普陀区财政局2024年度部门决算.pdf were read off the page
itself (rendered and looked at): the title 收入决算表, a unit line, and one ruled table
whose columns are 类/款/项, 科目名称, 本年收入合计, 财政拨款收入, 上级补助收入, 事业收入,
经营收入, 附属单位上缴收入, 其他收入, with the row 201 06 01 行政运行 1,511.90 1,511.89 … 0.01.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from juesuan.cli import main
from juesuan.inspection import ParagraphInspection, TableInspection, inspect_page
from tests.conftest import CORPUS, EXAMPLE

PUTUO = CORPUS / "real" / "zxj-GOV" / "上海市普陀区财政局2024年度部门决算.pdf"
needs_putuo = pytest.mark.skipif(not PUTUO.exists(), reason=f"corpus file {PUTUO} not present")
INCOME_COLUMNS = [
    "total",
    "appropriation",
    "superior_subsidy",
    "service",
    "business",
    "affiliate_remittance",
    "other",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@needs_putuo
def test_inspection_assigns_the_income_table_and_its_column_roles() -> None:
    inspection = inspect_page(PUTUO, 8)
    titles = [b for b in inspection.blocks if isinstance(b, ParagraphInspection)]
    tables = [b for b in inspection.blocks if isinstance(b, TableInspection)]
    assert titles[0].paragraph.text == "收入决算表" and titles[0].roles == ("statement_title",)
    assert titles[0].statement_key == "income"
    (table,) = tables
    assert table.statement_key == "income" and table.agrees and not table.continuation
    roles = [column.role for column in table.columns]
    assert roles == ["code", "code", "code", "name"] + ["value"] * 7
    assert [c.column_id for c in table.columns if c.role == "value"] == INCOME_COLUMNS
    read = {row.code: row for _, row in table.readings}
    assert read["2010601"].name == "行政运行"
    assert str(read["2010601"].value("appropriation").value) == "1511.89"  # type: ignore[union-attr]


@needs_putuo
def test_text_view_names_the_statement_the_columns_and_the_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "debug", str(PUTUO), "--page", "8", "--image", str(tmp_path / "p8.png"))
    assert code == 0
    assert "第8页/共25页" in out
    assert "[报表标题 → income] 收入决算表" in out
    assert "报表：income 收入决算表" in out
    for column_id in INCOME_COLUMNS:
        assert f"数值 {column_id}  ←" in out
    assert "第1列  编码" in out and "第4列  名称" in out
    assert "→ 2010601 行政运行  total=1511.90 appropriation=1511.89 other=0.01" in out
    assert "图片已写入" in err


@needs_putuo
def test_the_picture_is_a_png_of_the_page_with_its_aspect_ratio(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from PIL import Image

    output = tmp_path / "out" / "page.png"
    code, _, _ = run(capsys, "debug", str(PUTUO), "--page", "8", "--image", str(output))
    assert code == 0
    with Image.open(output) as image:
        assert image.format == "PNG"
        width, height = image.size
        # Coloured boxes were drawn: a rendered page alone is nearly all grey levels.
        data = image.convert("RGB").resize((width // 4, height // 4)).tobytes()
        pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
        tinted = 16 * sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > 40)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(PUTUO))
    page_width, page_height = pdf[7].get_size()
    pdf.close()
    assert abs(width / height - page_width / page_height) < 0.01
    assert tinted > 0.02 * width * height
    assert not [p for p in output.parent.iterdir() if p.name != "page.png"]  # no temporary left


@needs_putuo
def test_the_picture_goes_to_the_current_directory_by_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(capsys, "debug", str(PUTUO), "--page", "8")
    assert code == 0
    assert (tmp_path / f"{PUTUO.stem}-p8.png").is_file()


@needs_putuo
def test_json_view_has_blocks_columns_and_readings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "debug", str(PUTUO), "--page", "8", "--format", "json", "--image", str(tmp_path / "p.png")
    )
    assert code == 0
    data = json.loads(out)
    table = next(b for b in data["blocks"] if b["type"] == "table")
    assert table["statement"]["key"] == "income"
    assert [c["id"] for c in table["columns"] if c["role"] == "value"] == INCOME_COLUMNS
    row = next(r for r in table["rows"] if r["read"] and r["read"][0]["code"] == "2010601")
    assert row["read"][0]["values"]["total"] == "1511.90"
    assert len(table["box"]) == 4


@needs_putuo
def test_a_page_out_of_range_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "debug", str(PUTUO), "--page", "99")
    assert code == 2 and not out
    assert err.strip().count("\n") == 0
    assert "没有第99页（文件共25页）" in err and str(PUTUO) in err
    assert "Traceback" not in err


def test_an_unreadable_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")
    code, _, err = run(capsys, "debug", str(broken), "--page", "1")
    assert code == 2 and str(broken) in err and err.strip().count("\n") == 0
    code, _, err = run(capsys, "debug", str(tmp_path / "missing.pdf"), "--page", "1")
    assert code == 2 and "文件不存在" in err


def test_a_text_file_gives_the_text_view_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "debug", str(EXAMPLE), "--page", "1")
    assert code == 0
    assert "第1页/共1页（text）" in out
    assert "[1级标题 第一部分]" in out and "[2级标题 一]" in out
    assert "图片需要 PDF" in err
    assert not list(tmp_path.iterdir())


def test_text_tables_are_inspected_too(tmp_path: Path) -> None:
    rows = [
        ("项目", "本年收入合计", "财政拨款收入", "其他收入"),
        ("合计", "10.00", "8.00", "2.00"),
        ("2010601 行政运行", "10.00", "8.00", "2.00"),
    ]
    # The text reader's table layout: one tab-led line per cell, a blank line after each row.
    grid = "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows)
    text = f"收入决算表\n单位：万元\n{grid}"
    file = tmp_path / "doc.txt"
    file.write_text(text, encoding="utf-8")
    inspection = inspect_page(file, 1)
    roles = [b.roles for b in inspection.blocks if isinstance(b, ParagraphInspection)]
    assert roles == [("statement_title",), ("unit",)]
    table = next(b for b in inspection.blocks if isinstance(b, TableInspection))
    assert table.statement_key == "income"
    assert [c.column_id for c in table.columns if c.role == "value"] == ["total", "appropriation", "other"]
    assert [(index, row.code, row.name) for index, row in table.readings][-1] == (2, "2010601", "行政运行")
