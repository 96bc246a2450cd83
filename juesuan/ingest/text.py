"""Plain-text reader for disclosures laid out as Word exports text.

Word's "save as text" writes paragraphs as lines and tables as one cell per line, each
cell line starting with a tab, with a blank line between rows. A line without a tab right
after a cell line continues that cell (a line break inside the cell). A blank line followed
by a line without a tab ends the table. Headings and paragraphs are single lines.

Text encodings seen in the wild are UTF-8 (with or without BOM) and GB18030; both are tried.
"""

from __future__ import annotations

from pathlib import Path

from juesuan.document import Block, Cell, Document, Paragraph, Row, Table, TextLine
from juesuan.errors import InputError
from juesuan.ingest.files import read_bytes
from juesuan.source import Source

ENCODINGS = ("utf-8-sig", "gb18030")


def decode(data: bytes, path: str) -> str:
    """Decode ``data`` as UTF-8 or GB18030.

    Raises:
        InputError: neither encoding fits, or the file holds binary data.
    """
    if b"\x00" in data[:4096]:
        raise InputError(path, "不是文本文件（含二进制内容）")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            last = error
    line = data[: last.start].count(b"\n") + 1
    raise InputError(path, f"第{line}行无法按 UTF-8 或 GB18030 解码")


def read(path: Path, display_path: str | None = None) -> Document:
    """Read a text file into a Document of paragraphs and tables."""
    name = display_path or str(path)
    return parse(decode(read_bytes(path, name), name), name)


def parse(text: str, file: str) -> Document:
    """Split ``text`` into paragraphs and tables (see the module docstring for the layout)."""
    blocks: list[Block] = []
    table_rows: list[list[list[TextLine]]] = []  # rows → cells → lines of the cell
    row: list[list[TextLine]] = []
    blank_before = False

    def close_row() -> None:
        nonlocal row
        if row:
            table_rows.append(row)
            row = []

    def close_table() -> None:
        close_row()
        if table_rows:
            blocks.append(_table(table_rows, file, len([b for b in blocks if isinstance(b, Table)]) + 1))
            table_rows.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if line.startswith("\t"):
            row.append([TextLine(line[1:], Source(file=file, line=number, text=line[1:], offset=1))])
            blank_before = False
        elif not line.strip():
            close_row()
            blank_before = True
        elif row and not blank_before:
            row[-1].append(TextLine(line, Source(file=file, line=number, text=line, offset=0)))
        else:
            close_table()
            blocks.append(Paragraph((TextLine(line, Source(file=file, line=number, text=line, offset=0)),)))
            blank_before = False
    close_table()
    return Document(path=file, format="text", blocks=tuple(blocks))


def _table(rows: list[list[list[TextLine]]], file: str, index: int) -> Table:
    built: list[Row] = []
    for row_number, cells in enumerate(rows, start=1):
        row_source = Source(file=file, line=cells[0][0].source.line, table=index, row=row_number)
        built.append(
            Row(
                cells=tuple(
                    _cell(lines, file, index, row_number, column)
                    for column, lines in enumerate(cells, start=1)
                ),
                source=row_source,
            )
        )
    return Table(rows=tuple(built), source=built[0].source)


def _cell(lines: list[TextLine], file: str, table: int, row: int, column: int) -> Cell:
    raw = "\n".join(part.text for part in lines)
    text = raw.strip()
    first = lines[0]
    leading = len(first.text) - len(first.text.lstrip())
    offset = None if first.source.offset is None else first.source.offset + leading
    source = Source(
        file=file, line=first.source.line, table=table, row=row, column=column, text=text, offset=offset
    )
    return Cell(text=text, source=source)
