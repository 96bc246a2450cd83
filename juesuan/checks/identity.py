"""An identity of a statement: a printed total, the printed parts it should add up to."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

from juesuan.checks.tolerance import sum_tolerance
from juesuan.model.figures import Figure
from juesuan.model.statements import Statement, StatementRow
from juesuan.settings import Settings


@dataclass(frozen=True)
class Identity:
    """One identity of a statement, evaluated.

    Attributes:
        family: ``columns``, ``hierarchy``, ``summary`` or ``balance``.
        statement: the statement.
        label: what is added up, in Chinese ("“行政运行”行：合计 = 基本支出 + 项目支出").
        stated: the printed total.
        parts: the printed parts.
        signs: +1/−1 per part (a balance subtracts).
        tolerance: the rounding allowance.
        inferred: the lines it adds up were told by their names, not printed codes; reported
            only when it alone fails in its statement (:mod:`juesuan.checks.named_hierarchy`).
    """

    family: str
    statement: Statement
    label: str
    stated: Figure
    parts: tuple[Figure, ...]
    signs: tuple[int, ...]
    tolerance: Decimal
    inferred: bool = False

    @functools.cached_property
    def computed(self) -> Decimal:
        """The sum of the parts."""
        return sum((sign * part.value for sign, part in zip(self.signs, self.parts, strict=True)), Decimal(0))

    @property
    def difference(self) -> Decimal:
        """Stated minus computed."""
        return self.stated.value - self.computed

    @functools.cached_property
    def holds(self) -> bool:
        """Whether the identity holds within rounding."""
        return abs(self.difference) <= self.tolerance

    @property
    def exact(self) -> bool:
        """Whether it holds to the last digit."""
        return self.difference == 0


def make_identity(
    family: str,
    statement: Statement,
    label: str,
    stated: Figure,
    parts: list[Figure],
    settings: Settings,
    signs: list[int] | None = None,
    inferred: bool = False,
) -> Identity:
    """An identity with the rounding tolerance of its figures."""
    return Identity(
        family,
        statement,
        label,
        stated,
        tuple(parts),
        tuple(signs or [1] * len(parts)),
        sum_tolerance(stated, parts, settings),
        inferred,
    )


def blocks_of(statement: Statement, side: str) -> list[list[StatementRow]]:
    """The rows of one side, block by block.

    A side printed as several blocks (江苏, 西安: 功能分类, 支出用途 and 经济分类 side by side)
    interleaves their rows, which fill different columns; rows of one block share columns,
    though a row may lack a cell the others have.
    """
    blocks: list[tuple[set[str], list[StatementRow]]] = []
    for row in statement.rows:
        if row.side != side:
            continue
        columns = {key for key, _ in row.values}
        block = next((b for b in blocks if b[0] & columns), None)
        if block is None:
            blocks.append((columns, [row]))
        else:
            block[0].update(columns)
            block[1].append(row)
    return [rows for _, rows in blocks]


def checkable(stated: Figure | None, parts: list[Figure | None]) -> list[Figure] | None:
    """The parts, when the total and every part are printed and not all of them are zero."""
    if stated is None or any(p is None for p in parts):
        return None
    figures = [p for p in parts if p is not None]
    if stated.value == 0 and all(p.value == 0 for p in figures):
        return None
    return figures


def column_header(statement: Statement, column_id: str) -> str:
    column = statement.column(column_id)
    return "/".join(column.header) if column and column.header else column_id


def value_ids(statement: Statement) -> list[str]:
    return list(dict.fromkeys(c.id for c in statement.columns if not c.id.startswith("unknown")))


def total_rows(statement: Statement) -> list[StatementRow]:
    rows = [
        r for r in statement.rows if not r.code and r.name in ("合计", "总计", "人员经费合计", "公用经费合计")
    ]
    return rows if len({r.name for r in rows}) == len(rows) else []


def sum_rows(
    statement: Statement, parent: StatementRow, children: list[StatementRow], label: str, settings: Settings
) -> list[Identity]:
    found: list[Identity] = []
    for column_id in value_ids(statement):
        stated = parent.value(column_id)
        figures = checkable(stated, [c.value(column_id) for c in children])
        if stated is None or figures is None:
            continue
        text = f"“{label}”{column_suffix(statement, column_id)} = 下级{len(children)}行之和"
        found.append(make_identity("hierarchy", statement, text, stated, figures, settings))
    return found


def column_suffix(statement: Statement, column_id: str) -> str:
    return "" if len(statement.columns) <= 1 else f"（{column_header(statement, column_id)}）"
