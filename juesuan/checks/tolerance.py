"""How far printed figures may disagree because of rounding (DOMAIN.md §2.4).

Every printed figure stands for an interval: ``269.61`` (万元, two decimals) is any value in
[269.605, 269.615]. A sum is consistent when the intervals of its parts add up to an interval
that meets the total's; a rate is consistent when the ratio of the intervals meets the
printed rate's interval. Anything consistent is never reported as an error.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from juesuan.model.figures import Figure
from juesuan.settings import Settings

ZERO = Decimal(0)
HUNDRED = Decimal(100)
#: Units of things counted one by one: never rounded.
COUNT_UNITS = frozenset({"人", "个", "辆", "件", "人次", "批次", "台（套）", "台", "套", "次", "项", "家"})


def quantum(figure: Figure) -> Decimal:
    """The step of the printed figure's last digit (0.01 for ``269.61``; 1 for counts)."""
    if figure.unit == "万元":
        return Decimal("0.01")
    return Decimal(1).scaleb(-figure.decimals)


def half_width(figure: Figure) -> Decimal:
    """Half the rounding step: how far the true value may lie from the printed one.

    Amounts in 万元 are rounded to 0.01 whatever is printed ("15" in a 万元 column means
    15.00); counts and whole-point scores are exact; rates, 元 amounts and scores with
    decimals are rounded to their last printed digit.
    """
    if figure.unit in COUNT_UNITS or (figure.unit == "分" and figure.decimals == 0):
        return ZERO  # counts, and scores given in whole points, are exact
    return quantum(figure) / 2


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of possible true values."""

    low: Decimal
    high: Decimal

    @classmethod
    def of(cls, figure: Figure) -> Interval:
        """The values ``figure`` may stand for."""
        width = half_width(figure)
        return cls(figure.value - width, figure.value + width)

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share a point."""
        return self.low <= other.high and other.low <= self.high


def sum_tolerance(total: Figure, parts: Sequence[Figure], settings: Settings) -> Decimal:
    """How far Σ parts may stray from the printed total by rounding alone.

    With n parts each off by at most half a step, |T − Σ| ≤ ½·step·(n + 1); differences are
    whole steps, so ⌊(n + 1)/2⌋ steps, capped at ``settings.max_sum_tolerance_quanta``.
    """
    widths = [half_width(f) for f in (total, *parts)]
    if not any(widths):
        return ZERO
    step = max(quantum(f) for f in (total, *parts) if half_width(f))
    steps = min((len(parts) + 1) // 2, settings.max_sum_tolerance_quanta)
    return step * max(steps, 1)


def ratio_range(function: Callable[..., Decimal], figures: Sequence[Figure]) -> Interval | None:
    """The range of ``function`` over the rounding box of ``figures`` (None if a denominator may be 0).

    The functions used here (ratios, rates of change) are monotone in each argument where
    the denominator keeps its sign, so their extremes lie on the corners of the box.
    """
    intervals = [Interval.of(f) for f in figures]
    values: list[Decimal] = []
    for corner in itertools.product(*((i.low, i.high) for i in intervals)):
        try:
            values.append(function(*corner))
        except ZeroDivisionError:
            return None
    return Interval(min(values), max(values))


@dataclass(frozen=True, slots=True)
class RateVerdict:
    """How a printed rate compares with the one recomputed from the printed amounts.

    Attributes:
        consistent: some true values behind the printed amounts give the printed rate.
        truncated: consistent only if the document truncated instead of rounding.
        expected: the rate recomputed from the printed amounts, rounded like the printed rate.
        truncated_only: consistent only by truncation, in a document whose other rates are
            rounded: not consistent.
    """

    consistent: bool
    truncated: bool
    expected: Decimal
    truncated_only: bool = False


def rounding_gives(printed: Figure, possible: Interval) -> bool:
    """Whether some possible true rate (in %) rounds to the printed one."""
    step = quantum(printed)
    return Interval(printed.value - step / 2, printed.value + step / 2).meets(possible)


def truncation_gives(printed: Figure, possible: Interval) -> bool:
    """Whether some possible true rate (in %) cut after the printed digits gives the printed one."""
    step = quantum(printed)
    if printed.value < 0:
        return Interval(printed.value - step, printed.value).meets(possible)
    return Interval(printed.value, printed.value + step).meets(possible)


def judge_rate(printed: Figure, possible: Interval, point: Decimal, settings: Settings) -> RateVerdict:
    """Compare a printed rate (in %) with the possible true rates (also in %)."""
    step = quantum(printed)
    expected = point.quantize(step) if step < 1 else point.quantize(Decimal(1))
    if rounding_gives(printed, possible):
        return RateVerdict(True, False, expected)
    truncated = settings.allow_truncated_rates and truncation_gives(printed, possible)
    return RateVerdict(truncated, truncated, expected)
