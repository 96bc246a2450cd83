"""DOCX: an editable Word document, written as WordprocessingML directly.

python-docx's object model costs about a millisecond per table cell; a seed-sized
disclosure has some 1,500 cells, so building the XML as text is what keeps a DOCX under
100 ms. The result opens in Word, WPS and LibreOffice: real heading styles (the navigation
pane and Word's own contents work), tables with merged cells and header rows repeated on
every page, statements in a landscape section, charts as PNG pictures, page numbers in the
footer. The contents is a table whose page numbers are PAGEREF fields to bookmarks on the
headings, so that readers never take it for headings. LibreOffice and WPS fill the fields in
as they lay the pages out; Word keeps a field's last result until told to update, so the
settings ask it to update fields on opening (``w:updateFields``), or its contents would
show no page numbers.

The zip entries carry a fixed timestamp: the same input gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from html import escape

from juesuan.render import charts, docx_parts
from juesuan.render.document import (
    Block,
    Cell,
    Chart,
    Contents,
    Description,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)

STYLE_OF = {"title": "Title", "subtitle": "Subtitle", "caption": "Caption"}
#: Text width of a portrait and a landscape page in twips (A4 less the margins).
TEXT_WIDTH = {False: 9412, True: 14796}
EMU_PER_PIXEL = 9525


def _run(text: str, bold: bool = False, size: int | None = None) -> str:
    properties = ("<w:b/>" if bold else "") + (
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else ""
    )
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text, quote=False)}</w:t></w:r>'


def _paragraph(text: str, style: str | None = None, extra: str = "", inner: str = "") -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    ppr += extra
    return f"<w:p><w:pPr>{ppr}</w:pPr>{inner}{_run(text) if text else ''}</w:p>"


class _Body:
    """The body being written: XML pieces, the images, bookmark ids, the current orientation."""

    def __init__(self, chart: Callable[[Chart], bytes]) -> None:
        self.parts: list[str] = []
        self.images: list[bytes] = []
        self.bookmarks = 0
        self.landscape = False
        self.chart = chart
        # A page break becomes "page break before" on the next paragraph: a paragraph of its
        # own holding the break would spill onto a new page, after a full one, and leave
        # that page blank.
        self.break_pending = False

    def page_break(self) -> str:
        """``w:pageBreakBefore`` when a page break is pending (and no longer pending)."""
        pending, self.break_pending = self.break_pending, False
        return "<w:pageBreakBefore/>" if pending else ""

    def heading(self, block: Heading) -> None:
        self.bookmarks += 1
        mark = (
            f'<w:bookmarkStart w:id="{self.bookmarks}" w:name="{block.anchor}"/>'
            f'<w:bookmarkEnd w:id="{self.bookmarks}"/>'
        )
        if block.level == 1 and "报表" in block.title and not self.landscape:
            # The statements get a landscape section: close the portrait one here.
            self.parts.append(f"<w:p><w:pPr>{docx_parts.section(False, first=True)}</w:pPr></w:p>")
            self.landscape = True
            self.break_pending = False  # the new section starts on a new page
        self.parts.append(_paragraph(block.text, f"Heading{block.level}", self.page_break(), inner=mark))

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.parts.append(_paragraph(block.text, STYLE_OF.get(block.style), self.page_break()))
        elif isinstance(block, Table):
            if self.break_pending:
                self.parts.append(_paragraph("", "Caption", self.page_break()))
            self.parts.append(table_xml(block, TEXT_WIDTH[self.landscape]))
            self.parts.append(_paragraph("", "Caption"))
        elif isinstance(block, Contents):
            self.parts.append(contents_xml(block, self.page_break()))
        elif isinstance(block, Chart):
            self.images.append(self.chart(block))
            self.parts.append(picture_xml(len(self.images), block.title, self.page_break()))
        elif isinstance(block, PageBreak) and not self.landscape:
            self.break_pending = True


def _pageref(anchor: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> PAGEREF {anchor} \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t></w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def contents_xml(contents: Contents, extra: str = "") -> str:
    """The contents: a borderless two-column table, titles and PAGEREF page numbers."""
    rows = []
    for entry in contents.entries:
        indent = 0 if entry.level == 1 else 420
        title = _paragraph(
            "",
            "TableText",
            f'<w:ind w:left="{indent}"/>',
            inner=_run(entry.text, bold=entry.level == 1, size=22),
        )
        page = f'<w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="right"/></w:pPr>{_pageref(entry.anchor)}</w:p>'
        rows.append(f"<w:tr><w:tc>{title}</w:tc><w:tc>{page}</w:tc></w:tr>")
    return (
        _paragraph("目　录", "TOCTitle", extra)
        + '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="8400"/><w:gridCol w:w="1000"/></w:tblGrid>' + "".join(rows) + "</w:tbl>"
    )


def _borders() -> str:
    sides = "".join(
        f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="333333"/>'
        for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return f"<w:tblBorders>{sides}</w:tblBorders>"


def _cell_xml(cell: Cell, width: int, in_header: bool, restart: bool) -> str:
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.colspan > 1:
        properties += f'<w:gridSpan w:val="{cell.colspan}"/>'
    if cell.continued:
        properties += "<w:vMerge/>"
    elif restart:
        properties += '<w:vMerge w:val="restart"/>'
    header = cell.header or in_header
    if header:
        properties += '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
    if cell.numeric:
        properties += "<w:noWrap/>"  # a figure never wraps ("100.00%" split over two lines)
    properties += '<w:vAlign w:val="center"/>'
    align = "right" if cell.numeric else "center" if header else "left"
    lines = cell.text.split("\n") if cell.text else [""]
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="{align}"/></w:pPr>'
        f"{_run(line, bold=header) if line else ''}</w:p>"
        for line in lines
    )
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraphs}</w:tc>"


def table_xml(table: Table, text_width: int) -> str:
    """A table with grid columns, merged cells and repeated header rows."""
    weights = table.widths or tuple(1 for _ in range(table.columns))
    total = sum(weights)
    grid = [text_width * w // total for w in weights]
    rows = []
    for index, row in enumerate(table.rows):
        in_header = index < table.header_rows
        trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if in_header else "")
        cells, column = [], 0
        for cell in row:
            width = sum(grid[column : column + cell.colspan])
            cells.append(_cell_xml(cell, width, in_header, cell.rowspan > 1))
            column += cell.colspan
        rows.append(f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(cells)}</w:tr>")
    columns = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{text_width}" w:type="dxa"/><w:jc w:val="center"/>{_borders()}'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        f"</w:tblCellMar></w:tblPr><w:tblGrid>{columns}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def picture_xml(number: int, title: str, extra: str = "") -> str:
    """An inline picture (chart ``number``), 15 cm wide, centred."""
    width = 5400000
    height = width * charts.HEIGHT // charts.WIDTH
    return (
        # An exact line height (the body's default) would clip the picture to one line.
        f'<w:p><w:pPr>{extra}<w:keepNext/><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>'
        '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:docPr id="{number}" name="chart{number}" descr="{escape(title)}"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="chart{number}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="rIdImg{number}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r></w:p>"
    )


def render(description: Description, chart: Callable[[Chart], bytes] = charts.png) -> bytes:
    """The description as a .docx package; ``chart`` draws each chart as PNG."""
    body = _Body(chart)
    for block in description.blocks:
        body.block(block)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{docx_parts.W}" xmlns:r="{docx_parts.R}"><w:body>'
        + "".join(body.parts)
        + docx_parts.section(body.landscape, first=not body.landscape)
        + "</w:body></w:document>"
    )
    files = {
        "[Content_Types].xml": docx_parts.CONTENT_TYPES,
        "_rels/.rels": docx_parts.PACKAGE_RELS,
        "docProps/core.xml": docx_parts.core(description.title),
        "word/document.xml": document,
        "word/_rels/document.xml.rels": docx_parts.document_rels(len(body.images)),
        "word/styles.xml": docx_parts.STYLES,
        "word/settings.xml": docx_parts.SETTINGS,
        "word/footer1.xml": docx_parts.FOOTER,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, text in files.items():
            archive.writestr(
                zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED
            )
        for number, image in enumerate(body.images, start=1):
            archive.writestr(
                zipfile.ZipInfo(f"word/media/chart{number}.png", (1980, 1, 1, 0, 0, 0)),
                image,
                zipfile.ZIP_STORED,
            )
    return buffer.getvalue()
