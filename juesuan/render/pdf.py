"""PDF: the description typeset by Typst, with the Noto CJK fonts Debian installs.

Why Typst and not WeasyPrint (STACK.md §7 chose WeasyPrint before Typst was measured): on
the seed-sized document WeasyPrint took 2.3 s (1.3 s layout, 0.8 s painting), Typst 0.16 s,
with the same page rules — landscape statements, repeated table headers, "第 N 页" footers,
contents with page numbers, embedded font subsets — and a 34 MB wheel (Apache-2.0) instead
of 60 MB plus Pango. Charts are the PNG drawings DOCX uses: a picture in the PDF, not text a
reader would take for prose. ``dev.py`` installs ``fonts-noto-cjk``; without a CJK font the
characters would be boxes, so rendering stops with a message saying so instead.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from typing import Any

from juesuan.errors import JuesuanError
from juesuan.render import charts, typeset
from juesuan.render.document import Chart, Description

FONTS_MISSING = (
    "生成 PDF 需要思源/Noto CJK 字体（{families}），本机未找到。"
    "请运行 python3 dev.py 安装（Debian：apt-get install fonts-noto-cjk）。"
)


@functools.cache
def fonts() -> Any:
    """The fonts Typst may use, found once per process; raises when the CJK families are absent."""
    import typst  # noqa: PLC0415 - the compiler is loaded for PDF output only

    found = typst.Fonts(include_system_fonts=True, include_embedded_fonts=True)
    missing = [family for family in (typeset.SERIF, typeset.SANS) if family not in found.families()]
    if missing:
        raise JuesuanError(FONTS_MISSING.format(families="、".join(missing)))
    return found


def render(description: Description) -> bytes:
    """The description as a PDF."""
    import typst  # noqa: PLC0415 - as above

    available = fonts()
    with tempfile.TemporaryDirectory(prefix="juesuan-pdf-") as folder:
        root = Path(folder)

        def picture(chart: Chart) -> str:
            name = f"chart-{chart.key}.png"
            (root / name).write_bytes(charts.png(chart))
            return name

        main = root / "main.typ"
        main.write_text(typeset.source(description, picture), encoding="utf-8")
        try:
            data: bytes = typst.compile(str(main), root=str(root), font_paths=available)
        except typst.TypstError as error:  # a bug of ours in the markup, never the user's data
            raise JuesuanError(f"PDF 排版失败：{error.message}") from error
    return data
