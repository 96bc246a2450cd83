"""What was read on one page, for ``juesuan debug``: paragraphs with the role the extractor
gave them, tables with the statement they were assigned to and the role of every column.

Like :mod:`juesuan.pipeline`, this module wires stages (the reader and the extractor), so it
sits in the orchestration layer; the command line draws and prints what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from juesuan import pipeline
from juesuan.document import Document, Paragraph, Row, Table
from juesuan.model.disclosure import Heading
from juesuan.model.statements import Statement, StatementRow

if TYPE_CHECKING:
    from juesuan.extract.statement_columns import Layout


@dataclass(frozen=True, slots=True)
class ParagraphInspection:
    """One paragraph of the page and what the extractor took it for.

    Attributes:
        paragraph: the paragraph as read.
        roles: what it is, in the order the extractor decides: ``furniture`` (a running
            header or footer, skipped), ``heading``, ``statement_title``, ``unit``, or
            ``body`` when none of these.
        heading: the heading it is, when it is one.
        statement_key: the statement it titles, when it is a statement title.
    """

    paragraph: Paragraph
    roles: tuple[str, ...]
    heading: Heading | None = None
    statement_key: str | None = None


@dataclass(frozen=True, slots=True)
class ColumnRole:
    """What one grid column of a table holds, as the statement layout decided.

    Attributes:
        index: 0-based grid column.
        role: ``code``, ``name``, ``value``, ``index`` (行次/栏次, skipped) or ``ignored``.
        header: the column's header labels, top to bottom.
        column_id: the semantic column id of a value column (else empty).
        side: ``income``/``expenditure`` for the blocks of a two-sided statement.
    """

    index: int
    role: str
    header: tuple[str, ...] = ()
    column_id: str = ""
    side: str = ""


@dataclass(frozen=True, slots=True)
class TableInspection:
    """One table of the page and the statement it was read into.

    Attributes:
        table: the table as read.
        statement_key: the statement's key, or None when no statement took the table.
        statement_title: the statement's title as printed.
        statement_number: its number as printed (``表一``), if any.
        continuation: True when the statement started on an earlier table.
        title_rows: leading rows read as the statement's title (spreadsheet exports).
        header_rows: rows after those that are the header (repeated header on continuations).
        columns: every grid column's role.
        agrees: False when the roles recomputed here differ from the statement's columns
            (then the roles are an approximation; the statement's figures are what counts).
        readings: the statement rows read from this table, each with the 0-based index of
            the table row it came from (side-by-side blocks give two per table row).
    """

    table: Table
    statement_key: str | None
    statement_title: str = ""
    statement_number: str = ""
    continuation: bool = False
    title_rows: int = 0
    header_rows: int = 0
    columns: tuple[ColumnRole, ...] = ()
    agrees: bool = True
    readings: tuple[tuple[int, StatementRow], ...] = ()


@dataclass(frozen=True, slots=True)
class PageInspection:
    """What was detected on one page: its blocks in reading order, each with its reading.

    Attributes:
        path: the file as given.
        format: the reader that read it (``pdf``, ``text``, …).
        page: the 1-based page (sheet for spreadsheets; 1 for formats without pages).
        pages: how many pages the document has.
        blocks: the page's paragraphs and tables with what the extractor made of them.
    """

    path: str
    format: str
    page: int
    pages: int
    blocks: tuple[ParagraphInspection | TableInspection, ...]


def inspect_page(path: str | Path, page: int) -> PageInspection:
    """Read ``path`` and say, block by block, what the extractor made of page ``page``.

    The whole document is read and its statements extracted, because a page's reading
    depends on the rest (running headers repeat across pages; a table may continue a
    statement begun on the page before).

    Raises:
        InputError: the file cannot be read, or it has no page ``page``.
    """
    from juesuan.errors import InputError
    from juesuan.extract.reflow import furniture
    from juesuan.extract.statements import statements

    document = pipeline.read_document(path)
    if not 1 <= page <= document.pages:
        raise InputError(str(path), f"没有第{page}页（文件共{document.pages}页）")
    repeated = furniture(document)
    by_table = _tables_by_statement(document, statements(document), repeated)
    blocks: list[ParagraphInspection | TableInspection] = []
    for block in document.blocks:
        if (block.source.page or 1) != page:
            continue
        if isinstance(block, Paragraph):
            blocks.append(_inspect_paragraph(block, repeated))
        else:
            blocks.append(_inspect_table(block, by_table.get(_table_number(block))))
    return PageInspection(str(path), document.format, page, document.pages, tuple(blocks))


def _inspect_paragraph(paragraph: Paragraph, furniture: set[str]) -> ParagraphInspection:
    """The roles :func:`~juesuan.extract.statements.statements` and the outline give a paragraph."""
    from juesuan.extract.sections import heading_of
    from juesuan.extract.statement_titles import statement_key
    from juesuan.extract.statements import UNIT_RE

    text = paragraph.text.strip()
    roles: list[str] = []
    heading = heading_of(paragraph)  # the outline asks every paragraph, furniture included
    key = None
    if text in furniture:
        roles.append("furniture")  # statements() skips these before anything else
    else:
        key = statement_key(text)
    if heading is not None:
        roles.append("heading")
    if key is not None:
        roles.append("statement_title")
    elif "furniture" not in roles and UNIT_RE.search(text):
        roles.append("unit")
    return ParagraphInspection(paragraph, tuple(roles) or ("body",), heading, key)


def _table_number(table: Table) -> int:
    return table.source.table or 0


@dataclass(frozen=True, slots=True)
class _Membership:
    """A statement and the run of tables one of its parts was read from, in document order.

    A statement is usually one run (a table and its continuations), but the extractor joins
    a statement whose title is printed again (or a second table of the same key and columns)
    to the one before; each such part had its own header, so each is laid out on its own.
    """

    statement: Statement
    run: tuple[Table, ...]
    first_run: bool


def _tables_by_statement(
    document: Document, found: list[Statement], furniture: set[str]
) -> dict[int, _Membership]:
    """Table number → the statement whose rows or figures were read from it, and its run.

    Statements do not list their tables, but every row and figure keeps its source, and a
    source names its table; that is exact, whatever way the statement was assembled.
    """
    owner: dict[int, int] = {}  # table number → index of the statement in ``found``
    for position, statement in enumerate(found):
        places = [statement.source]
        for row in statement.rows:
            places.append(row.source)
            places.extend(figure.source for _, figure in row.values)
        for place in places:
            if place.table is not None:
                owner.setdefault(place.table, position)
    runs: dict[int, list[list[Table]]] = {}
    titled = False  # a statement title since the last table: the next table starts a part
    for block in document.blocks:
        if isinstance(block, Paragraph):
            titled = titled or _is_title(block, furniture)
            continue
        member = owner.get(_table_number(block))
        if member is not None:
            parts = runs.setdefault(member, [])
            if titled or not parts or _starts_part(parts[-1][0], block):
                parts.append([])
            parts[-1].append(block)
        titled = False
    return {
        _table_number(table): _Membership(found[member], tuple(run), index == 0)
        for member, parts in runs.items()
        for index, run in enumerate(parts)
        for table in run
    }


def _is_title(paragraph: Paragraph, furniture: set[str]) -> bool:
    from juesuan.extract.statement_titles import statement_key

    text = paragraph.text.strip()
    return text not in furniture and statement_key(text) is not None


def _starts_part(first: Table, table: Table) -> bool:
    """Whether ``table`` is no continuation of the run begun by ``first`` (the reader's test)."""
    return _width(table) != _width(first) or _title_rows(table) > 0


def _title_rows(table: Table) -> int:
    """How many leading rows print a statement title inside the grid (spreadsheet exports).

    Mirrors the statement reader's own test, which is private to the extractor.
    """
    from juesuan.extract.statement_titles import statement_key

    for index, row in enumerate(table.rows[:2]):
        texts = [t for t in row.texts if t]
        if len(texts) == 1 and statement_key(texts[0]) is not None:
            return index + 1
    return 0


def _inspect_table(table: Table, membership: _Membership | None) -> TableInspection:
    """The statement ``table`` belongs to and the role of each of its columns."""
    from juesuan.extract.statement_columns import layout

    if membership is None:
        # No statement took the table: show what the layout would make of it alone,
        # which is what a reader needs to see why it was not recognised.
        width = _width(table)
        grid = layout(list(table.rows), width)
        return TableInspection(
            table,
            None,
            header_rows=grid.header_rows,
            columns=_roles(grid, list(table.rows[: grid.header_rows]), width),
        )
    statement, run = membership.statement, membership.run
    first = run[0]
    width = _width(first)
    skips = [_title_rows(first)] + [_repeated_header(first, t) for t in run[1:]]
    rows = [row for t, skip in zip(run, skips, strict=True) for row in t.rows[skip:]]
    grid = layout(rows, width)
    header = list(rows[: grid.header_rows])
    position = run.index(table)
    return TableInspection(
        table,
        statement.key,
        statement.title,
        statement.number,
        continuation=position > 0 or not membership.first_run,
        title_rows=0 if position else skips[0],
        header_rows=skips[position] if position else grid.header_rows,
        columns=_roles(grid, header, width),
        agrees=tuple(grid.columns[i] for i in sorted(grid.columns)) == statement.columns,
        readings=_readings(table, statement),
    )


def _readings(table: Table, statement: Statement) -> tuple[tuple[int, StatementRow], ...]:
    """The statement's rows that were read from ``table``, by the table row they came from."""
    found: list[tuple[int, StatementRow]] = []
    number = _table_number(table)
    # Readers number rows differently (spreadsheets by sheet row), so match on the row's own source.
    positions = {row.source.row: index for index, row in enumerate(table.rows)}
    for row in statement.rows:
        # The row's source is its name cell; a row without a name is placed by its figures.
        places = [row.source, *(figure.source for _, figure in row.values)]
        place = next((p for p in places if p.table == number and p.row in positions), None)
        if place is not None:
            found.append((positions[place.row], row))
    return tuple(found)


def _width(table: Table) -> int:
    return max((len(row.cells) for row in table.rows), default=0)


def _repeated_header(first: Table, table: Table) -> int:
    """How many leading rows of a continuation repeat the first table's header.

    Mirrors the statement reader's own test (same labels, compacted, among the first four
    rows), which is private to the extractor.
    """
    from juesuan.extract.statement_columns import compact

    header = [tuple(compact(t) for t in row.texts) for row in first.rows[:4]]
    count = 0
    for row in table.rows[:4]:
        if not any(row.texts) or tuple(compact(t) for t in row.texts) not in header:
            break
        count += 1
    return count


def _roles(grid: Layout, header: list[Row], width: int) -> tuple[ColumnRole, ...]:
    """Each grid column's role from the statement layout's blocks."""
    from juesuan.extract.statement_columns import header_paths

    paths = header_paths(header, width)
    roles: dict[int, ColumnRole] = {}
    for codes, name, values in grid.blocks:
        for index in codes:
            roles[index] = ColumnRole(index, "code", paths[index])
        if name is not None:
            roles[name] = ColumnRole(index=name, role="name", header=paths[name])
        for index in values:
            column = grid.columns[index]
            roles[index] = ColumnRole(index, "value", paths[index], column.id, column.side)
    for index in range(width):
        if index not in roles:
            # Outside every block: a 行次/栏次 column, or a second name column the reader skips.
            numbering = any(label in "".join(paths[index]) for label in ("行次", "栏次", "序号"))
            roles[index] = ColumnRole(index, "index" if numbering else "ignored", paths[index])
    return tuple(roles[i] for i in range(width))
