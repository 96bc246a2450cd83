"""Markdown reader: paragraphs, ATX and setext headings, and pipe tables.

What juesuan writes as Markdown (and what people export from Word or WPS as Markdown) is
paragraphs separated by blank lines, headings underlined with ``===``/``---`` or prefixed
with ``#``, and tables as ``| a | b |`` rows with a ``|---|`` separator. A heading becomes a
paragraph of its own (the extractor recognises the numbering); ``<br>`` inside a cell is a
line break; ``\\|`` is a literal bar.
"""

from __future__ import annotations

import re
from pathlib import Path

from juesuan.document import Block, Cell, Document, Paragraph, Row, Table, TextLine
from juesuan.ingest.files import read_bytes
from juesuan.ingest.text import decode
from juesuan.source import Source

SETEXT_RE = re.compile(r"^\s*(?:=+|-+)\s*$")
SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
ATX_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")


def read(path: Path, display_path: str | None = None) -> Document:
    """Read a Markdown file into a Document of paragraphs and tables."""
    name = display_path or str(path)
    return parse(decode(read_bytes(path, name), name), name)


def parse(text: str, file: str) -> Document:
    """Split Markdown ``text`` into paragraphs and tables."""
    blocks: list[Block] = []
    rows: list[Row] = []
    tables = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.lstrip().startswith("|"):
            if not SEPARATOR_RE.match(line):
                rows.append(_row(line, file, number, tables + 1, len(rows) + 1))
            continue
        if rows:
            tables += 1
            blocks.append(Table(rows=tuple(rows), source=rows[0].source))
            rows = []
        if not line.strip() or SETEXT_RE.match(line):
            continue
        body = ATX_RE.sub("", line)
        offset = len(line) - len(body)
        blocks.append(Paragraph((TextLine(body, Source(file=file, line=number, text=body, offset=offset)),)))
    if rows:
        blocks.append(Table(rows=tuple(rows), source=rows[0].source))
    return Document(path=file, format="markdown", blocks=tuple(blocks))


def _row(line: str, file: str, number: int, table: int, row: int) -> Row:
    stripped = line.strip()
    start = line.index("|") + 1
    inner = stripped[1:-1] if stripped.endswith("|") and len(stripped) > 1 else stripped[1:]
    cells: list[Cell] = []
    position = start
    for column, part in enumerate(CELL_SPLIT_RE.split(inner), start=1):
        content = part.strip().replace("\\|", "|")
        content = re.sub(r"<br\s*/?>", "\n", content)
        leading = len(part) - len(part.lstrip())
        source = Source(
            file=file,
            line=number,
            table=table,
            row=row,
            column=column,
            text=content,
            offset=position + leading,
        )
        cells.append(Cell(text=content, source=source))
        position += len(part) + 1
    return Row(cells=tuple(cells), source=Source(file=file, line=number, table=table, row=row))
