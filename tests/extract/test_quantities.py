"""Targets and actual values of indicators."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from juesuan.extract.quantities import figure, quantity
from juesuan.source import Source

HERE = Source(file="t.txt", line=1)


def test_operators_numbers_and_units() -> None:
    q = quantity(">=95%", HERE)
    assert (q.operator, q.value, q.unit, q.kind) == (">=", Decimal("95"), "%", "quantitative")
    q = quantity("≤0.12万元", HERE)
    assert (q.operator, q.value, q.unit) == ("<=", Decimal("0.12"), "万元")
    q = quantity("不低于3件", HERE)
    assert (q.operator, q.value, q.unit) == (">=", Decimal("3"), "件")


def test_dates_and_months() -> None:
    assert quantity("<=2021年12月31日", HERE).date == datetime.date(2021, 12, 31)
    assert quantity("2021年12月", HERE).date == datetime.date(2021, 12, 31)
    assert quantity("2021年2月", HERE).date == datetime.date(2021, 2, 28)


def test_words_are_qualitative() -> None:
    assert quantity("有效", HERE).kind == "qualitative"
    assert quantity("达成预期指标", HERE).kind == "qualitative"


def test_score_cells() -> None:
    assert figure("10.00分", HERE, "分") is not None
    assert figure("—", HERE, "分") is None
    assert figure("优", HERE, "分") is None


@given(
    st.sampled_from([">=", "<=", "=", "≥", "≤"]),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["%", "万元", "人", "次", ""]),
)
def test_any_printed_target_reads_back(operator: str, value: Decimal, unit: str) -> None:
    q = quantity(f"{operator}{value:.2f}{unit}", HERE)
    assert q.value == value and q.unit == unit
    assert q.operator == {"≥": ">=", "≤": "<="}.get(operator, operator)
