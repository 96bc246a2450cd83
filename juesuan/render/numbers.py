"""Numbers and comparisons as published documents print them (DOMAIN.md §2.3, §2.4).

Amounts are 万元 with two decimals, rounded half up (as Excel ROUND and the finance
software do); rates are percentages with two decimals. A rate whose base is zero is
undefined and is never printed. Every comparative word (增加/减少/持平, 大于/小于/等于)
is chosen from the sign of the computed difference, never written by hand.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def money(value: Decimal) -> str:
    """``269.61``: two decimals, no thousands separator (running text)."""
    return f"{value.quantize(CENT, ROUND_HALF_UP):f}"


def table_money(value: Decimal) -> str:
    """``1,234.56``: two decimals with thousands separators (statements)."""
    return f"{value.quantize(CENT, ROUND_HALF_UP):,f}"


def rate(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part / whole`` in percent, two decimals; None when ``whole`` is zero."""
    if not whole:
        return None
    return (part / whole * HUNDRED).quantize(CENT, ROUND_HALF_UP)


def percent(value: Decimal) -> str:
    """``54.00%``."""
    return f"{value.quantize(CENT, ROUND_HALF_UP):f}%"


def share(part: Decimal, whole: Decimal) -> str:
    """``占54.00%``; a share of a zero total is printed as 0.00%, as the templates do."""
    value = rate(part, whole)
    return f"占{percent(value if value is not None else Decimal(0))}"


def count(value: int | Decimal) -> str:
    """A count (人, 辆, 个 …) without decimals."""
    return str(int(value))


def score(value: Decimal) -> str:
    """A score as the officer wrote it: ``10``, ``9.47`` (trailing zeros of a whole kept off)."""
    if value == value.to_integral_value():
        return str(int(value))
    return f"{value.quantize(CENT, ROUND_HALF_UP):f}"


def change(
    current: Decimal,
    previous: Decimal | None,
    lead: str,
    words: tuple[str, str] = ("增加", "减少"),
    rate_words: tuple[str, str] = ("增长", "下降"),
    unit: str = "万元",
    same: str = "",
) -> str:
    """The year-on-year clause: ``与上年相比，增加94.54万元，增长54.00%``.

    ``lead`` is the section's own opening (``与上年相比，`` or ``比上年``). No change reads
    ``same``, by default the lead and ``持平`` ("比上年" becomes "与上年持平"); a previous year of zero gives the amount
    without a rate (上年无此项); an unknown previous year gives no clause at all.
    """
    if previous is None:
        return ""
    difference = current - previous
    if difference.quantize(CENT, ROUND_HALF_UP) == 0:
        # "比上年持平" is the slip inspectors mark: no change is "与上年持平"
        return same or (f"与{lead[1:]}持平" if lead.startswith("比") else f"{lead}持平")
    up = difference > 0
    word, rate_word = (words[0], rate_words[0]) if up else (words[1], rate_words[1])
    clause = f"{lead}{word}{money(abs(difference))}{unit}"
    value = rate(abs(difference), previous)
    if value is None:
        return f"{clause}（上年无此项）"
    return f"{clause}，{rate_word}{percent(value)}"


def variance(actual: Decimal, budget: Decimal) -> str:
    """预决算差异率 (actual − budget) / budget: ``59.23%``; empty when the budget is zero.

    A zero budget with a zero actual is printed 0.00%, as the templates do.
    """
    if not budget:
        return "0.00%" if not actual else ""
    value = rate(actual - budget, budget)
    assert value is not None  # budget is not zero
    return percent(value)


def comparison_word(actual: Decimal, budget: Decimal) -> str:
    """大于 / 小于 / 等于: the actual against the budget, at the printed precision."""
    difference = (actual - budget).quantize(CENT, ROUND_HALF_UP)
    if difference > 0:
        return "大于"
    if difference < 0:
        return "小于"
    return "等于"
