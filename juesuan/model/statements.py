"""The standard statements (九张表 and regional extras) as read from their tables.

A :class:`Statement` keeps every row with its classification code, its name and each value
under a semantic column id (``total``, ``basic``, ``project``, ``appropriation`` …), so that
checks can add rows and columns without knowing the layout the document used.
"""

from __future__ import annotations

from dataclasses import dataclass

from juesuan.model.figures import Figure
from juesuan.source import Source


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One row of a statement.

    Attributes:
        code: the classification code (function or economic), if the row has one.
        name: the row label as printed (科目名称 or 项目).
        values: the row's figures by semantic column id; a column printed blank or "-" is 0.
        side: for two-sided statements (income | expenditure), which side the row is on.
        source: the row.
    """

    name: str
    source: Source
    code: str | None = None
    values: tuple[tuple[str, Figure], ...] = ()
    side: str = ""

    def value(self, column: str) -> Figure | None:
        """The figure in ``column``, if the statement has that column."""
        return next((figure for key, figure in self.values if key == column), None)


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement as printed.

    Attributes:
        key: semantic id (GLOSSARY.md): ``summary``, ``income``, ``expenditure``,
            ``appropriation_summary``, ``general_budget_expenditure``, ``basic_expenditure``,
            ``three_public``, ``government_fund``, ``state_capital`` or a regional extra.
        title: the title as printed.
        number: the number as printed (``表一``, ``公开01表``), if any.
        unit: the amount unit (``万元`` or ``元``).
        columns: the semantic column ids in printed order.
        rows: the rows in printed order (continuations on later pages joined).
        empty_note: the explanation printed when the statement is empty.
        reconciled: whether its own totals agree with its rows (the reading can be trusted).
        source: where the statement starts.
    """

    key: str
    title: str
    source: Source
    number: str = ""
    unit: str = "万元"
    columns: tuple[str, ...] = ()
    rows: tuple[StatementRow, ...] = ()
    empty_note: str = ""
    reconciled: bool = True
