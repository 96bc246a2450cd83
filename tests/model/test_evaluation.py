"""What the self-evaluation rules say about one indicator."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan.extract.quantities import quantity
from juesuan.model.evaluation import execution_score, proportional_score, target_met
from juesuan.model.figures import Figure
from juesuan.model.performance import Indicator
from juesuan.source import Source

HERE = Source(file="t.txt", line=1)


def indicator(target: str, actual: str, weight: str = "10", score: str = "10") -> Indicator:
    return Indicator(
        level1="产出指标",
        level2="数量指标",
        name="测试",
        target=quantity(target, HERE),
        actual=quantity(actual, HERE),
        weight=Figure(Decimal(weight), "分", HERE, 0),
        score=Figure(Decimal(score), "分", HERE, 0),
        deviation_note="",
        source=HERE,
    )


@pytest.mark.parametrize(
    ("target", "actual", "met"),
    [
        (">=95%", "96%", True),
        (">=95%", "90%", False),
        ("<=51.99万元", "59.03万元", False),
        ("<=0.12万元", "0.12万元", True),
        ("=1人", "1人", True),
        ("<=2021年12月31日", "2021年12月20日", True),
        ("2021年12月", "2022年1月", False),
        ("有效", "达成预期指标", True),
        ("有效", "部分达成", False),
        ("有效", "见附件", None),
        (">=95%", "96人", None),
    ],
)
def test_target_met(target: str, actual: str, met: bool | None) -> None:
    assert target_met(indicator(target, actual)) is met


def test_proportional_scores() -> None:
    assert proportional_score(indicator(">=100件", "80件")) == Decimal(8)
    assert proportional_score(indicator("<=50万元", "100万元")) == Decimal(5)
    assert proportional_score(indicator(">=100件", "120件")) == Decimal(10)
    assert proportional_score(indicator("有效", "有效")) is None


@given(
    st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
    st.decimals(min_value=Decimal("0.01"), max_value=1000, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([">=", "<="]),
)
def test_a_proportional_score_never_exceeds_the_weight(
    actual: Decimal, target: Decimal, operator: str
) -> None:
    score = proportional_score(indicator(f"{operator}{target}件", f"{actual}件", weight="15"))
    assert score is not None and Decimal(0) <= score <= 15


@given(st.decimals(min_value=-50, max_value=500, places=2, allow_nan=False, allow_infinity=False))
def test_the_execution_score_is_capped(rate: Decimal) -> None:
    assert Decimal(0) <= execution_score(rate, Decimal(10)) <= 10
