"""The standard statements (九张表 and regional extras) as read from their tables.

A :class:`Statement` keeps every row with its classification code, its name and each value
under a semantic column id, so that checks can add rows and columns without knowing the
layout the document used. Column ids are dotted paths built from the header: ``total``,
``basic``, ``project``, ``appropriation.general_budget``, ``official_vehicles.subtotal``;
a trailing ``@budget`` or ``@actual`` marks the measure in tables that print both
(the “三公” statement).
"""

from __future__ import annotations

from dataclasses import dataclass

from juesuan.model.figures import Figure
from juesuan.source import Source


@dataclass(frozen=True, slots=True)
class Column:
    """One value column of a statement.

    Attributes:
        id: the semantic id (see the module docstring); ``unknown:<header>`` when the
            header is not recognised (such columns are never summed).
        header: the header texts from top to bottom, as printed (spaces removed).
        side: for two-sided statements, ``income`` or ``expenditure``; else empty.
    """

    id: str
    header: tuple[str, ...]
    side: str = ""


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One row of a statement.

    Attributes:
        name: the row label as printed (科目名称 or 项目), spaces inside removed.
        source: the row.
        code: the classification code (function or economic), if the row has one.
        code_inferred: True when the code was not printed but looked up from the name.
        code_parts: the code as printed in split columns (类, 款, 项), when it was.
        values: the row's figures by column id; a cell printed blank or "-" is 0.
        side: for two-sided statements, which side the row is on.
        level: 1 for a row named in a second name column, a detail of the row above it at
            level 0 (江苏's 收入预算总表: "一般公共预算资金 | 小计", then "| 公共财政拨款资金").
    """

    name: str
    source: Source
    code: str | None = None
    code_inferred: bool = False
    code_parts: tuple[str, ...] = ()
    values: tuple[tuple[str, Figure], ...] = ()
    side: str = ""
    level: int = 0

    def value(self, column: str) -> Figure | None:
        """The figure in ``column``, if the row has that column."""
        return next((figure for key, figure in self.values if key == column), None)


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement as printed.

    Attributes:
        key: semantic id (GLOSSARY.md): ``summary``, ``income``, ``expenditure``,
            ``appropriation_summary``, ``general_budget_expenditure``, ``basic_expenditure``,
            ``three_public``, ``government_fund``, ``state_capital`` or a regional extra
            (``project_expenditure``, ``carryover_expenditure``, ``procurement``, ``performance_targets``,
            ``economic_expenditure``, ``other``).
        title: the title as printed.
        source: where the statement starts (its first table row).
        number: the number as printed (``表一``, ``公开01表``), if any.
        unit: the amount unit (``万元`` or ``元``).
        columns: the value columns in printed order.
        rows: the rows in printed order (continuations on later pages joined).
        empty_note: the explanation printed with an empty statement.
        pages: the pages the statement spans.
        notes: what the reader could not place (unknown headers, stray cells), in Chinese.
    """

    key: str
    title: str
    source: Source
    number: str = ""
    unit: str = "万元"
    columns: tuple[Column, ...] = ()
    rows: tuple[StatementRow, ...] = ()
    empty_note: str = ""
    pages: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether every value of every row is zero (or the statement has no rows)."""
        return all(figure.value == 0 for row in self.rows for _, figure in row.values)

    def column(self, column_id: str) -> Column | None:
        """The column with ``column_id``, if any."""
        return next((c for c in self.columns if c.id == column_id), None)

    def rows_named(self, *fragments: str, side: str = "") -> list[StatementRow]:
        """Rows whose name contains every fragment (and on ``side`` when given)."""
        return [
            row
            for row in self.rows
            if all(f in row.name for f in fragments) and (not side or row.side == side)
        ]

    @property
    def codes_repeat(self) -> bool:
        """Whether a classification code is printed on more than one row: a statement of several
        units' blocks (深圳 人社局's 一般公共预算支出表: 205 under each unit), where a code alone
        does not say which row is meant."""
        codes = [row.code for row in self.rows if row.code]
        return len(codes) != len(set(codes))

    def row_with_code(self, code: str) -> StatementRow | None:
        """The row with ``code``, if any."""
        return next((row for row in self.rows if row.code == code), None)
