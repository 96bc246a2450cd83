"""``juesuan template`` and ``juesuan render`` from the command line."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from juesuan.cli import main
from juesuan.render import pdf, typeset
from tests.render.helpers import has_cjk_font

SUFFIXES = ("docx", "html", "md", "txt") + (("pdf",) if has_cjk_font() else ())


def test_template_then_render_writes_every_format(tmp_path: Path, capsys: object) -> None:
    template = tmp_path / "模板.xlsx"
    assert main(["template", "--year", "2024", "--example", "3", "-o", str(template)]) == 0
    outputs = [tmp_path / f"决算.{suffix}" for suffix in SUFFIXES]
    arguments = ["render", str(template)]
    for output in outputs:
        arguments += ["-o", str(output)]
    assert main(arguments) == 0
    assert all(output.stat().st_size > 1000 for output in outputs)
    assert not list(tmp_path.glob(".juesuan-*"))  # no temporary file left behind


def test_contradicting_data_stop_rendering_unless_forced(tmp_path: Path) -> None:
    template = tmp_path / "t.xlsx"
    main(["template", "--year", "2024", "--example", "3", "-o", str(template)])
    book = openpyxl.load_workbook(template)
    book["基本支出明细"]["D2"] = float(book["基本支出明细"]["D2"].value) + 1
    book.save(template)
    output = tmp_path / "d.docx"
    assert main(["render", str(template), "-o", str(output)]) == 1
    assert not output.exists()
    assert main(["render", str(template), "-o", str(output), "--force"]) == 0
    assert output.exists()


def test_unreadable_input_and_unknown_formats_exit_2(tmp_path: Path) -> None:
    assert main(["render", str(tmp_path / "missing.xlsx"), "-o", str(tmp_path / "d.docx")]) == 2
    template = tmp_path / "t.json"
    assert main(["template", "--year", "2024", "--example", "1", "-o", str(template)]) == 0
    assert main(["render", str(template), "-o", str(tmp_path / "d.odt")]) == 2
    assert main(["template", "--year", "2024", "-o", str(tmp_path / "t.csv")]) == 2


def test_pdf_without_the_chinese_fonts_stops_with_a_message_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "t.json"
    main(["template", "--year", "2024", "--example", "2", "-o", str(template)])
    monkeypatch.setattr(typeset, "SERIF", "不存在的字体")
    pdf.fonts.cache_clear()
    try:
        assert main(["render", str(template), "-o", str(tmp_path / "d.pdf")]) == 2
    finally:
        pdf.fonts.cache_clear()
    assert "不存在的字体" in capsys.readouterr().err
    assert not (tmp_path / "d.pdf").exists()
