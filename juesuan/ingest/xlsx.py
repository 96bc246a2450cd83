"""Spreadsheet reader (.xlsx, .xlsm, .xls) on python-calamine.

Each non-empty worksheet becomes one :class:`~juesuan.document.Table` whose caption is the
sheet name. Rows and columns keep their spreadsheet coordinates: ``Source.page`` is the
1-based sheet index, ``Source.row``/``Source.column`` the 1-based row/column (``line`` =
row). Every row holds one cell per grid column of the sheet's used range, so
``row.cells[i]`` lines up with the same column in every row; a merged range puts its
col_span/row_span on the top-left cell and leaves the covered slots as empty cells.

Numbers arrive from calamine as floats; they are written in their shortest exact form
(29262.45 → "29262.45", 205.0 → "205"), not with the cell's display format (thousands
separators, fixed decimals, percentages), which calamine does not expose.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

from juesuan.document import Cell, Document, Row, Table
from juesuan.errors import InputError
from juesuan.ingest.files import read_bytes
from juesuan.source import Source

#: Compound File (OLE2) signature: legacy .xls, but also password-encrypted .xlsx/.docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Stream name that only an encrypted OOXML package has inside its OLE2 container.
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")

Span = tuple[int, int]  # (row_span, col_span)


def read(path: Path, display_path: str | None = None) -> Document:
    """Read a workbook: one table per non-empty sheet, in sheet order."""
    name = display_path or str(path)
    workbook = _open(path, name)
    from python_calamine import CalamineError, SheetVisibleEnum

    blocks: list[Table] = []
    notes: list[str] = []
    sheet_names: list[str] = list(workbook.sheet_names)
    hidden = {meta.name for meta in workbook.sheets_metadata if meta.visible != SheetVisibleEnum.Visible}
    for index, sheet_name in enumerate(sheet_names, start=1):
        try:
            sheet = workbook.get_sheet_by_index(index - 1)
            values = sheet.to_python(skip_empty_area=True)
            merged = sheet.merged_cell_ranges or []
        except (CalamineError, ValueError) as error:
            # A chart sheet or a damaged sheet: the rest of the workbook is still usable.
            notes.append(f"工作表“{sheet_name}”（第{index}张）无法读取，已跳过：{error}")
            continue
        table = _table(
            name, index, len(blocks) + 1, sheet_name, start=sheet.start, values=values, merged=merged
        )
        if table is None:
            notes.append(f"工作表“{sheet_name}”（第{index}张）为空，已跳过")
        else:
            blocks.append(table)
            if sheet_name in hidden:
                # Kept: hidden sheets of finance templates hold real figures as often as lookups.
                notes.append(f"工作表“{sheet_name}”（第{index}张）是隐藏工作表，仍已读取")
    if not blocks:
        raise InputError(name, "工作簿中没有任何内容（所有工作表均为空）")
    pages = len(sheet_names)
    return Document(path=name, format="xlsx", blocks=tuple(blocks), pages=pages, notes=tuple(notes))


def _open(path: Path, name: str) -> Any:
    """Open the workbook, detecting the format from the content rather than the suffix.

    Downloaded disclosures are often misnamed (an .xls saved as .xlsx), so the bytes decide.
    """
    data = read_bytes(path, name)
    if data.startswith(OLE_MAGIC) and ENCRYPTION_STREAM in data:
        raise InputError(name, "文件受密码保护，请先在 Excel 中取消密码后再读取")
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as error:
        raise InputError(name, "文件受密码保护，请先在 Excel 中取消密码后再读取") from error
    except (CalamineError, ValueError, OSError) as error:
        raise InputError(name, f"不是有效的 Excel 文件（.xlsx/.xls），或文件已损坏：{error}") from error


def _table(
    file: str,
    page: int,
    number: int,
    caption: str,
    *,
    start: tuple[int, int] | None,
    values: list[list[Any]],
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
) -> Table | None:
    """Build the table of one sheet; None when it holds no visible text."""
    texts = [[cell_text(value) for value in row] for row in values]
    filled = [i for i, row in enumerate(texts) if any(text.strip() for text in row)]
    if start is None or not filled:
        return None
    texts = texts[filled[0] : filled[-1] + 1]  # trim blank rows at both ends
    top, left = start[0] + filled[0], start[1]  # 0-based sheet coordinates of texts[0][0]
    width = max(len(row) for row in texts)
    spans, covered = _spans(merged, top, left, len(texts), width)
    rows: list[Row] = []
    for offset, row_texts in enumerate(texts):
        line = top + offset + 1
        row_source = Source(file=file, page=page, line=line, table=number, row=line)
        cells = []
        for column_offset in range(width):
            column = left + column_offset + 1
            key = (top + offset, left + column_offset)
            text = "" if key in covered or column_offset >= len(row_texts) else row_texts[column_offset]
            row_span, col_span = spans.get(key, (1, 1))
            source = Source(file=file, page=page, line=line, table=number, row=line, column=column, text=text)
            cells.append(Cell(text=text, source=source, col_span=col_span, row_span=row_span))
        rows.append(Row(cells=tuple(cells), source=row_source))
    return Table(rows=tuple(rows), source=rows[0].source, caption=caption)


def _spans(
    merged: list[tuple[tuple[int, int], tuple[int, int]]], top: int, left: int, height: int, width: int
) -> tuple[dict[tuple[int, int], Span], set[tuple[int, int]]]:
    """Spans of the merged ranges, clipped to the table, and the slots they cover.

    Templates often merge a title across more columns than hold data (A3:M3 over a one-column
    cover) or down into blank rows; only the part inside the table's grid is kept.
    """
    bottom, right = top + height - 1, left + width - 1
    spans: dict[tuple[int, int], Span] = {}
    covered: set[tuple[int, int]] = set()
    for (first_row, first_col), (end_row, end_col) in merged:
        if not (top <= first_row <= bottom and left <= first_col <= right):
            continue  # the value of a merged range lives in its top-left cell, here outside
        last_row, last_col = min(end_row, bottom), min(end_col, right)
        spans[(first_row, first_col)] = (last_row - first_row + 1, last_col - first_col + 1)
        for r in range(first_row, last_row + 1):
            for c in range(first_col, last_col + 1):
                if (r, c) != (first_row, first_col):
                    covered.add((r, c))
    return spans, covered


def cell_text(value: object) -> str:
    """The text a person reads in the cell, without float noise or display formatting."""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, bool):  # before int's str(): bool is an int subclass
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        # Excel stores dates as datetimes; a midnight time is a plain date to the reader.
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return "" if value is None else str(value)


def number_text(value: float) -> str:
    """Shortest decimal that round-trips, never in exponent form: 3.0 → "3", 1e-05 → "0.00001"."""
    if not math.isfinite(value):
        return repr(value)
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")
