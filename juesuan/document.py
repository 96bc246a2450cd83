"""The format-neutral document every reader produces.

A reader (text, PDF, DOCX, XLSX, HTML) turns a file into a :class:`Document`: an ordered
sequence of blocks, each a :class:`Paragraph` (one or more text lines) or a :class:`Table`
(rows of cells). Every line and cell keeps its :class:`~juesuan.source.Source`, so whatever
the extractor reads from it can point back at the file. Nothing here interprets the
content: headings, statements and figures are the extractor's job.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import NamedTuple

from juesuan.source import Source


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on a page in PDF points (origin top-left), kept for the visual debug."""

    x0: float
    top: float
    x1: float
    bottom: float


class TextLine(NamedTuple):
    """One physical line of text (a NamedTuple: documents hold thousands).

    Attributes:
        text: the characters of the line, without the line break.
        source: where the line is (file, page, line).
        box: its position on the page, when the format has positions.
    """

    text: str
    source: Source
    box: Box | None = None


@dataclass(frozen=True)
class Paragraph:
    """A run of text lines that belong together (one paragraph or one heading)."""

    lines: tuple[TextLine, ...]

    @functools.cached_property
    def text(self) -> str:
        """The paragraph's text, its lines joined without separator (Chinese wraps freely)."""
        return "".join(line.text for line in self.lines)

    @property
    def source(self) -> Source:
        """Where the paragraph starts."""
        return self.lines[0].source

    def source_at(self, start: int, end: int) -> Source:
        """The source of the characters ``text[start:end]``: the line they start on, quoting them."""
        offset = 0
        text = self.text
        for line in self.lines:
            if start < offset + len(line.text) or line is self.lines[-1]:
                source = line.source
                column = None if source.offset is None else source.offset + start - offset
                return Source(
                    source.file,
                    source.page,
                    source.line,
                    source.table,
                    source.row,
                    source.column,
                    text[start:end],
                    source.derived,
                    column,
                )
            offset += len(line.text)
        return self.source.with_text(self.text[start:end])  # pragma: no cover - empty paragraph


class Cell(NamedTuple):
    """One table cell (a NamedTuple: documents hold thousands).

    Attributes:
        text: the cell's text; lines inside a cell are joined with ``\\n``.
        source: where the cell is (file, page, line, table, row, column).
        box: its position on the page, when known.
        col_span: how many grid columns the cell covers (merged cells).
        row_span: how many grid rows the cell covers.
    """

    text: str
    source: Source
    box: Box | None = None
    col_span: int = 1
    row_span: int = 1


@dataclass(frozen=True, slots=True)
class Row:
    """One table row."""

    cells: tuple[Cell, ...]
    source: Source

    @property
    def texts(self) -> tuple[str, ...]:
        """The cells' texts, stripped."""
        return tuple(cell.text.strip() for cell in self.cells)


@dataclass(frozen=True, slots=True)
class Table:
    """A table as laid out in the file.

    Attributes:
        rows: the rows in order.
        source: where the table starts.
        box: its position on the page, when known.
        caption: text the reader found attached to the table (e.g. a sheet name), if any.
    """

    rows: tuple[Row, ...]
    source: Source
    box: Box | None = None
    caption: str = ""


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class Document:
    """A whole input file, read but not interpreted.

    Attributes:
        path: the file as given by the user.
        format: the reader that produced it ("text", "pdf", "docx", "xlsx", "html").
        blocks: paragraphs and tables in reading order.
        pages: number of pages (PDF), sheets (spreadsheets) or 1.
        notes: what the reader noticed but could not represent (empty pages, skipped objects).
    """

    path: str
    format: str
    blocks: tuple[Block, ...]
    pages: int = 1
    notes: tuple[str, ...] = field(default=())

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs only, in order."""
        return tuple(block for block in self.blocks if isinstance(block, Paragraph))

    @property
    def tables(self) -> tuple[Table, ...]:
        """The tables only, in order."""
        return tuple(block for block in self.blocks if isinstance(block, Table))
