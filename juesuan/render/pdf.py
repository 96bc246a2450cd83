"""PDF: the HTML page laid out by WeasyPrint, with the Noto CJK fonts Debian installs.

The style sheet of :mod:`juesuan.render.html` carries the print rules (A4, page numbers,
landscape statements, repeated table headers, contents with page numbers); charts are the
same SVG drawings. WeasyPrint embeds the fonts as subsets, so the PDF shows the same on
every machine and its text can be searched and read back (juesuan's PDF reader included).
``dev.py`` installs ``fonts-noto-cjk``; without a CJK font the characters would be boxes.
"""

from __future__ import annotations

import base64
import logging
from html import escape

from juesuan.render import charts, html
from juesuan.render.document import Chart, Description


def picture(chart: Chart) -> str:
    """A chart as an embedded PNG: a picture in the PDF, not text a reader would take for prose."""
    data = base64.b64encode(charts.png(chart)).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{escape(chart.title)}" style="width:15cm">'


def render(description: Description) -> bytes:
    """The description as a PDF."""
    import weasyprint  # type: ignore[import-untyped]  # noqa: PLC0415 - 1 s to import: PDF only

    # WeasyPrint logs every CSS property it ignores; the page uses a few on purpose
    # (hover effects, font variants) that matter on screen only.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    page = html.render(description, chart=picture)
    document = weasyprint.HTML(string=page)
    data: bytes = document.write_pdf()
    return data
