"""An identity of a statement: a printed total, the printed parts it should add up to."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from juesuan.checks.tolerance import sum_tolerance
from juesuan.model.figures import Figure
from juesuan.model.statements import Statement
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
    """

    family: str
    statement: Statement
    label: str
    stated: Figure
    parts: tuple[Figure, ...]
    signs: tuple[int, ...]
    tolerance: Decimal

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
    )
