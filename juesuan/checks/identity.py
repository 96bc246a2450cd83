"""An identity of a statement: a printed total, the printed parts it should add up to."""

from __future__ import annotations

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

    @property
    def computed(self) -> Decimal:
        """The sum of the parts."""
        return sum((sign * part.value for sign, part in zip(self.signs, self.parts, strict=True)), Decimal(0))

    @property
    def difference(self) -> Decimal:
        """Stated minus computed."""
        return self.stated.value - self.computed

    @property
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
