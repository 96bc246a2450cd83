"""Tests of the PDF reader on the real corpus and on small generated PDFs.

Facts asserted on corpus pages were read off the pages themselves (pdftotext -layout and the
rendered page); totals come from labels.csv, which was made by hand, independently of this code.
"""

from __future__ import annotations

import csv
import hashlib
import struct
from functools import cache
from pathlib import Path

import pytest

from juesuan.document import Document, Paragraph, Table
from juesuan.errors import InputError
from juesuan.ingest import pdf
from juesuan.ingest import read as read_any

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus folder {CORPUS} not present")

FINANCE_2024 = "real/zxj-GOV/上海市普陀区财政局2024年度部门决算.pdf"
SHENZHEN = "real/calinchow-renwu/003_深圳/2026年深圳市信访局部门预算.pdf"
SHENZHEN_FINANCE = "real/calinchow-renwu/003_深圳/2026年深圳市财政局部门预算.pdf"
BEIJING_SHEET = (
    "real/calinchow-renwu/002_北京/"
    "政府办公厅_附件2：中共北京市委军民融合发展委员会办公室2026年度部门预算报表.pdf"
)
BEIJING_AUDIT = "real/calinchow-renwu/002_北京/2026年北京市审计局部门预算.pdf"
YANTAI_EDU = "real/calinchow-renwu/025_烟台/2026年烟台市教育局部门预算.pdf"
XIAN_HEALTH = "real/calinchow-renwu/020_西安/卫生健康委员会_2026年部门预算.pdf"
#: Documents that are prose only: their statements, if any, are narrative (checked by hand).
PROSE_ONLY = {
    "real/ae86jack-open-budget/江苏省委办公厅/江苏省委办公厅2017年部门预算.pdf",
    "real/ae86jack-open-budget/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开文件.pdf",
    "real/ae86jack-open-budget/江苏省委办公厅/江苏省委办公厅2019年度部门预算公开文件.pdf",
    "real/ae86jack-open-budget/江苏省政协办公厅/江苏省政协办公厅2017年度部门预算.pdf",
    "real/ae86jack-open-budget/江苏省政协办公厅/江苏省政协办公厅2018年度部门预算.pdf",
    "real/calinchow-renwu/002_北京/2026年北京市信访办公室部门预算.pdf",
    "real/calinchow-renwu/002_北京/2026年北京市审计局部门预算.pdf",
    "real/calinchow-renwu/002_北京/政府办公厅_附件1：北京城市副中心工程建设管理办公室2026年度部门预算情况说明.pdf",
    "real/calinchow-renwu/002_北京/政府办公厅_附件1：北京市重大项目建设指挥部办公室2026年度部门预算情况说明.pdf",
    # Not prose: a one-page form whose grid is drawn as filled shapes, which the reader does
    # not yet turn into rules (known weakness); its text comes out as lines.
    "real/calinchow-renwu/005_广州/生态环境局_广州市生态环境局2026年部门整体预算绩效目标申报表.pdf.pdf",
}


@cache
def document(relative: str) -> Document:
    """Read a corpus PDF once per test session."""
    return pdf.read(CORPUS / relative, display_path=relative)


def tables_on(doc: Document, page: int) -> list[Table]:
    return [table for table in doc.tables if table.source.page == page]


def rows_of(doc: Document, page: int) -> list[tuple[str, ...]]:
    return [row.texts for table in tables_on(doc, page) for row in table.rows]


def corpus_pdfs() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(str(path.relative_to(CORPUS)) for path in (CORPUS / "real").rglob("*.pdf"))


def printed_forms(amount: str) -> set[str]:
    """An amount as labels.csv records it, with and without thousands separators."""
    whole, _, fraction = amount.partition(".")
    grouped = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    return {amount, grouped}


# --- every corpus PDF ---------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("relative", corpus_pdfs())
def test_every_corpus_pdf_reads(relative: str) -> None:
    doc = document(relative)
    assert doc.format == "pdf" and doc.path == relative and doc.pages > 0
    assert doc.blocks
    if relative not in PROSE_ONLY:
        assert doc.tables, "a PDF with statements must produce tables"
    for table in doc.tables:
        widths = {len(row.cells) for row in table.rows}
        assert len(widths) == 1, "every row keeps one cell per grid column"
        for row in table.rows:
            for column, cell in enumerate(row.cells, start=1):
                assert cell.source.table == table.source.table and cell.source.column == column
                assert cell.source.page == table.source.page and cell.box is not None
    for paragraph in doc.paragraphs:
        for line in paragraph.lines:
            assert line.text and line.source.line and line.source.page and line.box


@needs_corpus
def test_labelled_totals_are_table_cells() -> None:
    """income_total from labels.csv is printed in some table cell of the document."""
    with (CORPUS / "labels.csv").open(encoding="utf-8") as handle:
        labels = list(csv.DictReader(handle))
    checked = 0
    for label in labels:
        amount = label["income_total"]
        if label["has_text"] != "yes" or not amount or amount == "?":
            continue
        doc = document(label["file"])
        forms = printed_forms(amount)
        in_cells = any(cell.text in forms for table in doc.tables for row in table.rows for cell in row.cells)
        if label["file"] in PROSE_ONLY or "发展和改革局_2026" in label["file"]:
            # No statement tables in these files: the figure is in the prose.
            assert any(form in p.text for p in doc.paragraphs for form in forms), label["file"]
        else:
            assert in_cells, f"{label['file']}: {amount} not in any table cell"
        checked += 1
    assert checked >= 25


# --- specific pages, checked by eye -------------------------------------------------------


@needs_corpus
def test_summary_table_keeps_income_and_expenditure_apart() -> None:
    doc = document(FINANCE_2024)
    rows = rows_of(doc, 6)
    assert ("一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66") in rows
    assert ("八、其他收入", "6.20", "八、社会保障和就业支出", "326.71") in rows
    assert ("", "", "九、卫生健康支出", "60.99") in rows
    # income_total 2946.25 and expenditure_total 2940.05 of labels.csv, beside their captions
    assert ("本年收入合计", "2,946.25", "本年支出合计", "2,940.05") in rows
    header = tables_on(doc, 6)[0].rows[0].cells
    assert header[0].text == "收入" and header[0].col_span == 2 and header[1].text == ""
    assert header[2].text == "支出" and header[2].col_span == 2


@needs_corpus
def test_titles_and_units_stay_paragraphs() -> None:
    doc = document(FINANCE_2024)
    page6 = [block for block in doc.blocks if block.source.page == 6]
    assert isinstance(page6[1], Paragraph) and page6[1].text == "收入支出决算总表"
    assert page6[1].source.line == 2
    assert isinstance(page6[2], Paragraph) and page6[2].text == "单位：万元"
    assert isinstance(page6[3], Table)
    assert all("单位：万元" not in cell.text for row in page6[3].rows for cell in row.cells)
    title_box, table_box = page6[1].lines[0].box, page6[3].box
    assert title_box and table_box and title_box.bottom < table_box.top


@needs_corpus
def test_statement_rows_codes_and_multiline_cells() -> None:
    doc = document(FINANCE_2024)
    rows = rows_of(doc, 8)
    assert ("201", "06", "01", "行政运行", "1,511.90", "1,511.89", "", "", "", "", "0.01") in rows
    assert (
        "208",
        "05",
        "05",
        "机关事业单位基本养老保险\n缴费支出",
        "160.75",
        "160.75",
        "",
        "",
        "",
        "",
        "",
    ) in rows
    table = tables_on(doc, 8)[0]
    first = table.rows[0].cells
    assert first[0].text == "项目" and first[0].col_span == 4
    assert first[4].text == "本年收入合\n计" and first[4].row_span == 3
    cell = table.rows[6].cells[4]
    assert cell.text == "1,511.90"
    assert (cell.source.page, cell.source.table, cell.source.row, cell.source.column) == (
        8,
        table.source.table,
        7,
        5,
    )
    assert cell.source.text == "1,511.90" and cell.source.line is not None


@needs_corpus
def test_page_without_text_is_noted() -> None:
    doc = document(FINANCE_2024)
    assert "第14页无文字层" in doc.notes
    assert not [block for block in doc.blocks if block.source.page == 14]


@needs_corpus
def test_tables_inside_form_objects() -> None:
    """Shenzhen PDFs draw every page inside a form XObject."""
    rows = rows_of(document(SHENZHEN), 15)
    assert ("1.一般公共预算拨款", "4,676.96", "信访事务", "3,459.13") in rows
    assert ("五、其他收入", "", "", "") not in rows
    rows16 = rows_of(document(SHENZHEN), 16)
    assert ("收入总计", "4,684.30", "支出总计", "4,684.30") in rows16


@needs_corpus
def test_negative_numbers_are_kept_as_printed() -> None:
    rows = rows_of(document(SHENZHEN_FINANCE), 38)
    change = [row for row in rows if "增减变化金额" in row]
    assert change and change[0][2] == "-1.20"


@needs_corpus
def test_white_rules_do_not_pull_titles_into_tables() -> None:
    """This spreadsheet export draws white rules around the title and unit cells."""
    doc = document(BEIJING_SHEET)
    page1 = [block for block in doc.blocks if block.source.page == 1]
    assert [block.text for block in page1[:2] if isinstance(block, Paragraph)] == [
        "预算01表 收支总表",
        "金额单位：万元",
    ]
    table = tables_on(doc, 1)[0]
    assert table.rows[0].texts == ("收 入", "", "支 出", "")
    assert table.rows[2].texts == (
        "一、一般公共预算拨款收入",
        "9,142.554971",
        "一、一般公共服务支出",
        "6,770.499100",
    )


@needs_corpus
def test_rotated_pages_read_upright() -> None:
    doc = document(YANTAI_EDU)
    rows = rows_of(doc, 10)  # /Rotate 90
    assert rows[4][:7] == ("", "01", "", "教育管理事务", "2,244.37", "2,244.37", "2,244.37")
    table = tables_on(doc, 10)[0]
    assert table.box and table.box.x1 > table.box.bottom  # landscape once rotated


@needs_corpus
def test_wrapped_prose_lines_join_into_paragraphs() -> None:
    doc = document(BEIJING_AUDIT)
    texts = [p.text for p in doc.paragraphs if p.source.page == 3]
    joined = [t for t in texts if t.startswith("北京市审计局贯彻落实党中央")]
    assert joined and "方针政策、决策部署和市委市政府有关工作要求" in joined[0]
    assert joined[0].endswith("主要职责是：")
    assert "（一）本部门职责情况" in texts  # a heading stays its own paragraph


@needs_corpus
def test_a_line_starting_with_a_decimal_figure_continues_its_paragraph() -> None:
    """ "23.8%；日常公用支出…" and "5973.01 万元。" start like "2." but are the wrapped tail of a sentence."""
    doc = document("real/calinchow-renwu/079_湖州/2026年湖州市退役军人事务局部门预算.pdf")
    texts = [p.text for p in doc.paragraphs if p.source.page == 5]
    assert any(
        t.startswith("2.按支出用途分类") and t.endswith("项目支出4651.90 万元，占 74.4%。") for t in texts
    )
    assert not any(t.startswith(("23.8%", "5973.01")) for t in texts)


@needs_corpus
def test_large_document_sample() -> None:
    doc = document(XIAN_HEALTH)
    assert doc.pages == 171
    assert len(doc.tables) > 100
    numbers = {cell.text for t in doc.tables for row in t.rows for cell in row.cells}
    assert {"2,015,094.22"} & numbers or {"2015094.22"} & numbers


@needs_corpus
def test_registry_reads_pdf() -> None:
    doc = read_any(CORPUS / FINANCE_2024)
    assert doc.format == "pdf" and doc.pages == 25


# --- generated inputs ---------------------------------------------------------------------


def blank_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF with pages but no text, as a scanner without OCR produces."""
    import pypdfium2 as pdfium

    new = pdfium.PdfDocument.new()
    for _ in range(pages):
        new.new_page(595, 842)
    new.save(str(path))
    new.close()
    return path


def test_scanned_pdf_is_refused(tmp_path: Path) -> None:
    file = blank_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError) as raised:
        pdf.read(file, display_path="扫描件.pdf")
    assert raised.value.path == "扫描件.pdf"
    assert raised.value.message == "扫描件（无文字层），无法读取文字；需要先做文字识别（OCR）"


def test_corpus_has_no_scanned_document() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus folder {CORPUS} not present")
    with (CORPUS / "labels.csv").open(encoding="utf-8") as handle:
        assert {row["has_text"] for row in csv.DictReader(handle)} == {"yes"}


def test_not_a_pdf(tmp_path: Path) -> None:
    file = tmp_path / "fake.pdf"
    file.write_bytes(b"<html>this is not a pdf</html>")
    with pytest.raises(InputError, match="损坏或不是有效的 PDF"):
        pdf.read(file)


def test_truncated_pdf(tmp_path: Path) -> None:
    source = blank_pdf(tmp_path / "whole.pdf").read_bytes()
    file = tmp_path / "cut.pdf"
    file.write_bytes(source[:40])
    with pytest.raises(InputError, match="损坏"):
        pdf.read(file)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="无法打开"):
        pdf.read(tmp_path / "none.pdf")


def test_encrypted_pdf(tmp_path: Path) -> None:
    file = tmp_path / "locked.pdf"
    file.write_bytes(encrypted_pdf(user_password=b"secret"))
    with pytest.raises(InputError, match="已加密") as raised:
        pdf.read(file, display_path="locked.pdf")
    assert str(raised.value).startswith("locked.pdf: ")


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes) -> bytes:
    """A one-page PDF under the standard security handler (RC4 40-bit, revision 2)."""
    file_id = b"0123456789abcdef"
    owner_key = hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5]
    owner = _rc4(owner_key, (user_password + _PAD)[:32])
    permissions = -4
    key = hashlib.md5(
        (user_password + _PAD)[:32] + owner + struct.pack("<i", permissions) + file_id
    ).digest()[:5]
    user = _rc4(key, _PAD)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + owner.hex().encode()
        + b"> /U <"
        + user.hex().encode()
        + b"> /P "
        + str(permissions).encode()
        + b" >>",
    ]
    body = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        file_id.hex().encode(),
        file_id.hex().encode(),
    )
    body += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(body)


@needs_corpus
def test_a_column_of_notes_beside_the_text_is_not_the_margin_of_its_lines() -> None:
    """深圳气象局 p18: a performance table's text column runs further right than the body; the body's
    lines, double-spaced, still join into their paragraphs."""
    from juesuan.extract.reflow import reflow

    doc = reflow(document("wide/calinchow-renwu/003_深圳/2026年深圳市气象局部门预算.pdf"))
    texts = [p.text for p in doc.paragraphs if p.source.page == 18]
    assert any("共有车辆 4 辆" in t and "其他用车 0 辆" in t for t in texts)
