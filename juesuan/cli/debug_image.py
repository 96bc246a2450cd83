"""The picture of ``juesuan debug``: a PDF page with what was detected drawn on it.

Paragraphs get a blue outline, tables a thick black one, cells a thin grey one; cells of
data rows are tinted by their column's role (code, name, value, unrecognised value,
skipped), header rows are tinted grey, and each value column is labelled with its
semantic id above the table. A legend in the top-left corner names the colours.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from juesuan.document import Box, Cell, Table
from juesuan.inspection import ColumnRole, PageInspection, ParagraphInspection, TableInspection

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

#: Rendering scale: 2 is 144 dpi, enough to read 8-point table text.
SCALE = 2.0
#: Fill colours (RGBA, translucent so the printed text stays legible).
ROLE_FILLS: dict[str, tuple[int, int, int, int]] = {
    "code": (255, 150, 0, 70),
    "name": (0, 170, 70, 60),
    "value": (30, 110, 255, 60),
    "unknown": (230, 0, 0, 80),
    "index": (150, 60, 200, 60),
    "ignored": (150, 60, 200, 60),
    "header": (120, 120, 120, 45),
}
PARAGRAPH = (0, 90, 255, 255)
TABLE = (0, 0, 0, 255)
CELL = (140, 140, 140, 255)
#: (label, label without a Chinese font, fill, outline).
LEGEND = (
    ("段落", "paragraph", None, PARAGRAPH),
    ("表格", "table", None, TABLE),
    ("表头", "header", ROLE_FILLS["header"], CELL),
    ("编码列", "code", ROLE_FILLS["code"], CELL),
    ("名称列", "name", ROLE_FILLS["name"], CELL),
    ("数值列", "value", ROLE_FILLS["value"], CELL),
    ("未识别的数值列", "unknown value", ROLE_FILLS["unknown"], CELL),
    ("行次/忽略的列", "index/ignored", ROLE_FILLS["index"], CELL),
)
#: Fonts with Chinese glyphs, tried in order (Debian/Ubuntu, macOS, Windows).
CJK_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
)


def default_output(path: str, page: int) -> Path:
    """``<file stem>-p<N>.png`` in the current directory."""
    return Path.cwd() / f"{Path(path).stem}-p{page}.png"


def draw_page(inspection: PageInspection, output: Path, scale: float = SCALE) -> Path:
    """Render the inspected page of its PDF with the detected blocks drawn on it; returns ``output``."""
    from PIL import Image, ImageDraw

    page_image = _render(inspection.path, inspection.page, scale)
    overlay = Image.new("RGBA", page_image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for block in inspection.blocks:
        if isinstance(block, ParagraphInspection):
            for line in block.paragraph.lines:
                if line.box is not None:
                    draw.rectangle(_scaled(line.box, scale, 1), outline=PARAGRAPH, width=2)
        else:
            _draw_table(draw, block, scale)
    # On the overlay too, so the swatches blend with the paper exactly as the cells do.
    _draw_legend(draw, scale)
    image = Image.alpha_composite(page_image, overlay)
    _save_atomically(image.convert("RGB"), output)
    return output


def _render(path: str, page: int, scale: float) -> Image.Image:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        handle = pdf[page - 1]
        try:
            image: Image.Image = handle.render(scale=scale).to_pil().convert("RGBA")
            return image
        finally:
            handle.close()
    finally:
        pdf.close()


def _scaled(box: Box, scale: float, margin: float = 0.0) -> tuple[float, float, float, float]:
    return (
        box.x0 * scale - margin,
        box.top * scale - margin,
        box.x1 * scale + margin,
        box.bottom * scale + margin,
    )


def _draw_table(draw: ImageDraw.ImageDraw, block: TableInspection, scale: float) -> None:
    roles = {column.index: column for column in block.columns}
    header_end = block.title_rows + block.header_rows
    for row_index, column_index, cell in _anchor_cells(block.table):
        if cell.box is None:
            continue
        fill = None
        if row_index < header_end:
            fill = ROLE_FILLS["header"]
        elif cell.text.strip() and column_index in roles:
            fill = ROLE_FILLS[_fill_key(roles[column_index])]
        draw.rectangle(_scaled(cell.box, scale), fill=fill, outline=CELL, width=1)
    if block.table.box is not None:
        draw.rectangle(_scaled(block.table.box, scale), outline=TABLE, width=3)
        _label_columns(draw, block, scale)


def _fill_key(column: ColumnRole) -> str:
    if column.role == "value" and column.column_id.startswith("unknown"):
        return "unknown"
    return column.role


def _anchor_cells(table: Table) -> list[tuple[int, int, Cell]]:
    """Every cell that is not a placeholder covered by a merged cell, with its row and column."""
    covered: set[tuple[int, int]] = set()
    found: list[tuple[int, int, Cell]] = []
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if (r, c) in covered:
                continue
            found.append((r, c, cell))
            for dr in range(cell.row_span):
                for dc in range(cell.col_span):
                    covered.add((r + dr, c + dc))
    return found


def _label_columns(draw: ImageDraw.ImageDraw, block: TableInspection, scale: float) -> None:
    """The semantic id of each value column, just above the table (ids are ASCII).

    Ids are long ("official_vehicles.vehicle_operation@actual") and columns narrow, so an id
    is wrapped at its dots and at-signs to its column's width and stacked upwards.
    """
    if not block.table.rows or block.table.box is None:
        return
    size = int(6 * scale)
    font = _font(size)
    top = block.table.box.top * scale
    cells = block.table.rows[-1].cells  # the last row: data rows are rarely merged
    for column in block.columns:
        box = cells[column.index].box if column.index < len(cells) else None
        if column.role != "value" or box is None:
            continue
        width = (box.x1 - box.x0) * scale - 4
        lines = _wrap(column.column_id, width, lambda text: draw.textlength(text, font=font))
        y = top - 3
        for line in reversed(lines):
            x = box.x0 * scale + 2
            draw.rectangle(
                (x - 1, y - size - 1, x + draw.textlength(line, font=font) + 1, y + 1),
                fill=(255, 255, 255, 210),
            )
            draw.text((x, y), line, fill=(0, 60, 200, 255), font=font, anchor="ld")
            y -= size + 2


def _wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` cut after ``.`` and ``@`` into lines no wider than ``width`` where it can be."""
    parts = re.findall(r"[^.@]+[.@]?", text) or [text]
    lines: list[str] = []
    for part in parts:
        if lines and measure(lines[-1] + part) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return lines


def _draw_legend(draw: ImageDraw.ImageDraw, scale: float) -> None:
    chinese = _cjk_font(int(8 * scale))
    # Without a font that has Chinese glyphs the labels would print as boxes: use English.
    font = chinese or _font(int(8 * scale))
    size = int(9 * scale)
    x, y = 6 * scale, 6 * scale
    width = 8 * size
    draw.rectangle((x - 4, y - 4, x + width, y + len(LEGEND) * (size + 4)), fill=(255, 255, 255, 225))
    for label, fallback, fill, outline in LEGEND:
        draw.rectangle((x, y, x + size, y + size), fill=fill, outline=outline, width=2)
        text = label if chinese else fallback
        draw.text((x + size + 6, y + size / 2), text, fill=(0, 0, 0, 255), font=font, anchor="lm")
        y += size + 4


def _cjk_font(size: int) -> ImageFont.FreeTypeFont | None:
    """A font with Chinese glyphs, when one is installed."""
    from PIL import ImageFont

    for candidate in CJK_FONTS:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return None


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's own font (Latin only), always available."""
    from PIL import ImageFont

    return ImageFont.load_default(size)


def _save_atomically(image: Image.Image, output: Path) -> None:
    """Write the PNG beside ``output`` and rename it into place, so no half-written file remains."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            image.save(stream, format="PNG")
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
