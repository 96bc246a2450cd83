"""The document description every writer renders: headings, paragraphs, tables, charts.

The narrative builder (:mod:`juesuan.render.narrative`) turns the input model into one
:class:`Description`; each writer (text, Markdown, HTML, DOCX, PDF) lays the same blocks
out in its format, so the formats cannot disagree about a figure or a word.

Tables are described HTML-style: a cell with ``colspan`` covers the slots after it, which
are not listed; a slot covered by a cell above (``rowspan``) is listed as a
:data:`CONTINUED` cell, because Word's text export and DOCX both keep an empty cell there.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading: level 1 第N部分, level 2 一、, level 3 （一）.

    Attributes:
        level: 1, 2 or 3.
        number: the numbering as printed (``第一部分``, ``一、``, ``（一）``).
        title: the words after the numbering.
        anchor: a stable id for links from the contents (HTML, PDF).
    """

    level: int
    number: str
    title: str
    anchor: str = ""

    @property
    def text(self) -> str:
        """The heading as one line: ``第一部分 部门单位概况``, ``一、主要职能``."""
        separator = " " if self.level == 1 else ""
        return f"{self.number}{separator}{self.title}"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of running text.

    ``style`` is ``body``, ``title`` (cover title), ``subtitle`` (cover lines), ``caption``
    (a statement's number and unit line) or ``item`` (a list item the seed sets apart with
    blank lines).
    """

    text: str
    style: str = "body"


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell.

    Attributes:
        text: the text; ``\\n`` separates lines inside the cell.
        colspan / rowspan: merged slots.
        header: a header cell (bold, centred).
        numeric: a figure (right-aligned).
        continued: a slot covered by the cell above (printed as an empty cell).
    """

    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    numeric: bool = False
    continued: bool = False


#: The slot under a cell that spans several rows.
CONTINUED = Cell(continued=True)


@dataclass(frozen=True, slots=True)
class Table:
    """A table: statement, self-evaluation, or contents.

    Attributes:
        kind: ``statement``, ``evaluation`` or ``contents``.
        rows: the rows of cells.
        columns: the number of grid columns.
        header_rows: how many leading rows repeat on each page.
        widths: relative column widths.
    """

    kind: str
    rows: tuple[tuple[Cell, ...], ...]
    columns: int
    header_rows: int = 0
    widths: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart of amounts: a composition (pie) or a year-on-year comparison (bars).

    Attributes:
        key: a stable name (file name of the image).
        title: the chart title.
        kind: ``pie`` or ``bars``.
        labels: category labels.
        values: this year's amounts.
        previous: last year's amounts, for ``bars`` (None where unknown).
    """

    key: str
    title: str
    kind: str
    labels: tuple[str, ...]
    values: tuple[Decimal, ...]
    previous: tuple[Decimal | None, ...] = ()


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page (DOCX, PDF); other formats ignore it."""


@dataclass(frozen=True, slots=True)
class Contents:
    """The table of contents: the level 1 and 2 headings that follow, by anchor."""

    entries: tuple[Heading, ...]


Block = Heading | Paragraph | Table | Chart | PageBreak | Contents


@dataclass(frozen=True, slots=True)
class Note:
    """Something the input lacks that a person has to write (never stops rendering).

    Attributes:
        place: the input field, e.g. ``收支情况 本年收入 增减原因``.
        message: what is missing, in Chinese.
    """

    place: str
    message: str


@dataclass(frozen=True, slots=True)
class Description:
    """A whole generated document.

    Attributes:
        title: the document title (cover, HTML title, DOCX core properties).
        blocks: the content in order.
        notes: what a person still has to supply (missing reasons).
    """

    title: str
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...] = ()

    @property
    def headings(self) -> tuple[Heading, ...]:
        """The headings in order."""
        return tuple(block for block in self.blocks if isinstance(block, Heading))


@dataclass(frozen=True, slots=True)
class Section:
    """A run of blocks under one level 1 or 2 heading, the unit HTML and PDF lay out.

    ``statement`` marks a section holding a statement table: in print it starts a page of
    its own, in landscape, because the nine statements are wider than a portrait page.
    """

    blocks: tuple[Block, ...]
    statement: bool


def sections(description: Description) -> tuple[Section, ...]:
    """The blocks grouped by level 1 and 2 headings.

    A section holding only a 第N部分 heading joins the next, so that a part's title never
    sits alone at the foot of a page.
    """
    result: list[Section] = []
    group: list[Block] = []
    lone_part = False
    for block in description.blocks:
        if isinstance(block, Heading) and block.level <= 2 and not lone_part and group:
            result.append(_section(group))
            group = []
        lone_part = isinstance(block, Heading) and block.level == 1
        group.append(block)
    if group:
        result.append(_section(group))
    return tuple(result)


def _section(blocks: list[Block]) -> Section:
    statement = any(isinstance(b, Table) and b.kind == "statement" for b in blocks)
    return Section(tuple(blocks), statement)
