"""PDF output: WeasyPrint with the Noto CJK fonts, read back by juesuan's PDF reader."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from juesuan.render.synthetic import example
from tests.render.helpers import printed, read_back, rendered

weasyprint = pytest.importorskip("weasyprint")


def _has_cjk_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout
    return "Noto" in fonts


pytestmark = pytest.mark.skipif(
    not _has_cjk_font(), reason="fonts-noto-cjk is not installed (python3 dev.py installs it)"
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
    assert "Noto-Serif-CJK-SC" in fonts and "Noto-Sans-CJK-SC" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # embedded
