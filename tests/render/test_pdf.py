"""PDF output: Typst with the Noto CJK fonts, read back by juesuan's PDF reader."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juesuan.render import pdf
from juesuan.render.document import Description, Paragraph
from juesuan.render.synthetic import example
from tests.render.helpers import has_cjk_font, printed, read_back, rendered

pytestmark = pytest.mark.skipif(
    not has_cjk_font(), reason="fonts-noto-cjk is not installed (python3 dev.py installs it)"
)


@pytest.mark.parametrize("seed", [2, 11])
def test_a_generated_pdf_reads_back_into_the_same_model_with_no_findings(seed: int, tmp_path: Path) -> None:
    data = example(seed)
    back, report = read_back(rendered(data, "pdf", tmp_path))
    assert [(f.rule, f.message) for f in report.findings] == []
    assert printed(back) == printed(data)


def test_the_pdf_embeds_the_chinese_fonts(tmp_path: Path) -> None:
    pdf = rendered(example(1), "pdf", tmp_path)
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils not installed")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJKsc-Regular" in fonts and "NotoSansCJKsc-Bold" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # embedded


def test_statements_are_landscape_and_the_contents_gives_each_part_its_page(tmp_path: Path) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(rendered(example(3), "pdf", tmp_path))
    texts = [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in document]
    landscape = [page.get_width() > page.get_height() for page in document]
    statement_pages = [n for n, text in enumerate(texts) if "公开0" in text and "金额单位" in text]
    assert statement_pages and all(landscape[n] for n in statement_pages)
    assert not landscape[0] and not any(landscape[n] for n, t in enumerate(texts) if "主要职能" in t)
    assert "第 " not in texts[0] and all(f"第 {n + 1} 页" in texts[n] for n in range(1, len(texts)))
    contents = texts[1]
    for title in ("第一部分 部门单位概况", "第三部分 专业名词解释", "第四部分 部门决算报表"):
        line = next(line for line in contents.splitlines() if line.startswith(title))
        page = int(line.rstrip().split(".")[-1].strip(". "))
        assert any(line.strip() == title for line in texts[page - 1].splitlines()), title
    document.close()


@settings(max_examples=15, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(
            list("abcXYZ019#*_$@<>[]{}()=-+/~\"\\'`.,;:!?%&") + list("收入支出合计万元（）《》“”、。：；")
        ),
        min_size=1,
        max_size=40,
    )
)
def test_any_text_is_printed_as_it_is_never_as_markup(text: str) -> None:
    """Typst markup characters in a department's text (#, *, $, quotes …) print literally."""
    import pypdfium2

    description = Description("t", (Paragraph(text),))
    document = pypdfium2.PdfDocument(pdf.render(description))
    printed = document[0].get_textpage().get_text_range()
    document.close()
    assert "".join(printed.split()) == "".join(text.split())
