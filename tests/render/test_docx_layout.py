"""The DOCX as a reader sees it: the contents' page numbers, filled in when pages are laid out."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from juesuan.render.synthetic import example
from tests.render.helpers import rendered


def test_every_contents_page_number_is_a_field_on_a_heading_bookmark(tmp_path: Path) -> None:
    with zipfile.ZipFile(rendered(example(4), "docx", tmp_path)) as package:
        body = package.read("word/document.xml").decode("utf-8")
        settings = package.read("word/settings.xml").decode("utf-8")
    targets = re.findall(r"PAGEREF (\S+) \\h", body)
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"/>', body))
    assert len(targets) >= 20 and set(targets) <= bookmarks
    assert '<w:updateFields w:val="true"/>' in settings  # Word fills the fields in on opening


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("seed", [3, 4])  # 3 once left a blank page after its self-evaluation tables
def test_laid_out_by_libreoffice_no_page_is_blank_and_the_contents_points_at_each_part(
    seed: int, tmp_path: Path
) -> None:
    import pypdfium2

    source = rendered(example(seed), "docx", tmp_path)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    document = pypdfium2.PdfDocument(tmp_path / "doc.pdf")
    texts = [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in document]
    document.close()
    assert "第 1 页" not in texts[0]  # the cover
    assert all(
        f"第 {n + 1} 页" in text and len(text) > 20 for n, text in enumerate(texts[1:], 1)
    )  # none blank
    entries = [line for line in texts[1].splitlines() if line.startswith("第") and "部分" in line]
    assert len(entries) == 4
    for entry in entries:
        title, page = entry.rsplit(maxsplit=1)
        assert title in texts[int(page) - 1].splitlines(), entry
