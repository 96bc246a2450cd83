"""Building blocks of the model: printed figures and the relations stated between them.

Money is always :class:`~decimal.Decimal`. A :class:`Figure` remembers how many decimals
were printed, because the tolerance of every identity follows the rounding of its figures
(DOMAIN.md §2.4).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from juesuan.source import Source

#: Units of money. Everything else (%, 人, 辆, 个 …) is a count or a rate.
MONEY_UNITS = ("万元", "元", "亿元")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as printed in the document.

    Attributes:
        value: the number (a rate of ``54.00%`` is ``Decimal('54.00')`` with unit ``%``).
        unit: ``万元``, ``元``, ``%``, ``人``, ``辆``, ``个`` … as printed (or implied by the table).
        source: where it is printed, quoting the phrase around it.
        decimals: digits printed after the decimal point.
        blank: the cell was printed empty (read as 0). A blank total is not a stated total:
            a sum or tie with a blank side that the other side contradicts cannot be judged.
    """

    value: Decimal
    unit: str
    source: Source
    decimals: int = 2
    blank: bool = False

    @property
    def is_money(self) -> bool:
        """Whether the figure is an amount of money."""
        return self.unit in MONEY_UNITS


def blank_against(first: Figure, second: Figure) -> bool:
    """Whether one of two figures compared was printed blank while the other is not zero."""
    return (first.blank and second.value != 0) or (second.blank and first.value != 0)


#: Words that say a figure went up, went down, or stayed the same.
INCREASE_WORDS = ("增加", "增长", "上升", "提高", "上涨")
DECREASE_WORDS = ("减少", "下降", "降低", "下滑", "减")
FLAT_WORDS = ("持平", "无变化", "不变", "相同")


def direction_of(word: str) -> int | None:
    """+1, −1 or 0 for a direction word; None when the word is not one."""
    if word in INCREASE_WORDS:
        return 1
    if word in DECREASE_WORDS:
        return -1
    if word in FLAT_WORDS:
        return 0
    return None


@dataclass(frozen=True, slots=True)
class Change:
    """A stated year-on-year change: "与上年相比，增加94.54万元，增长54.00%".

    Attributes:
        word: the direction word of the amount (增加/减少/持平 …).
        amount: the absolute change as printed (always non-negative in the text).
        rate_word: the direction word of the rate (增长/下降/降低 …), if any.
        rate: the rate in percent as printed, if any.
        previous: the previous year's figure, when the text states it.
        source: the whole phrase.
    """

    word: str
    amount: Figure | None
    rate_word: str | None
    rate: Figure | None
    source: Source
    previous: Figure | None = None


@dataclass(frozen=True, slots=True)
class BudgetComparison:
    """A stated comparison with the budget: "年初预算数169.32万元，决算数269.61万元，预决算差异率59.23%".

    Attributes:
        budget: the budget figure (年初预算数, 全年预算数 or 预算数).
        budget_label: how the text names it.
        actual: the actual figure when restated in the comparison.
        variance_rate: 预决算差异率 in percent = (actual − budget) / budget.
        completion_rate: 完成预算的 x% = actual / budget.
        comparison_word: 大于/小于/等于 when the text states the direction in words.
        source: the whole phrase.
    """

    budget: Figure
    budget_label: str
    source: Source
    actual: Figure | None = None
    variance_rate: Figure | None = None
    completion_rate: Figure | None = None
    comparison_word: str | None = None


@dataclass(frozen=True, slots=True)
class StatedAmount:
    """An amount the narrative states, with what it says about it.

    Attributes:
        key: semantic id (GLOSSARY.md), e.g. ``appropriation_income``; the same key in two
            places means the two must agree.
        label: the label as printed, e.g. ``财政拨款收入``.
        amount: the figure.
        share: "占 x%" of the enclosing total, when stated.
        change: the year-on-year change, when stated.
        budget: the comparison with the budget, when stated.
        reason: the reason given (主要原因是 …), when stated.
        code: the classification code printed with it (function or economic code), if any.
    """

    key: str
    label: str
    amount: Figure
    share: Figure | None = None
    change: Change | None = None
    budget: BudgetComparison | None = None
    reason: str | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A total and the parts the text says it consists of ("X万元，其中：A …、B …").

    Attributes:
        key: semantic id of the breakdown, e.g. ``personnel_costs``.
        label: Chinese name used in messages, e.g. ``人员经费``.
        total: the stated total.
        parts: the stated parts, in order.
        exhaustive: whether the parts are meant to add up to the total (a partition);
            False for lists introduced by "主要包括" that may leave items out.
    """

    key: str
    label: str
    total: StatedAmount
    parts: tuple[StatedAmount, ...]
    exhaustive: bool = True
