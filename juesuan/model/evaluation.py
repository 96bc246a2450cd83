"""What the self-evaluation rules say about one indicator or funds row (DOMAIN.md §3).

Pure functions over the model, shared by the checks (which compare claims with them) and
the scoring engine (which scores with them): whether a target is met, and the score the
proportional rule gives below target.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan.model.performance import Indicator, Quantity

#: Words in a qualitative actual value that say the target was not (fully) reached.
NOT_ACHIEVED_WORDS = (
    "未达成",
    "未完成",
    "未达到",
    "部分达成",
    "部分完成",
    "基本达成",
    "基本完成",
    "未实现",
    "较差",
)
#: Words that say it was.
ACHIEVED_WORDS = ("达成", "完成", "有效", "达到", "实现", "满意", "良好", "优", "是", "按时", "及时", "合格")


def comparable(target: Quantity, actual: Quantity) -> bool:
    """Whether target and actual can be compared as numbers or dates."""
    if target.kind == "date" and actual.kind == "date":
        return True
    if target.kind == "quantitative" and actual.kind == "quantitative":
        return not target.unit or not actual.unit or target.unit == actual.unit
    return False


def direction(target: Quantity) -> str:
    """``positive`` (≥, >, =, no operator), or ``reverse`` (≤, <): which way is better."""
    return "reverse" if target.operator in ("<=", "<") else "positive"


def target_met(indicator: Indicator) -> bool | None:
    """Whether the actual value meets the target; None when the rules cannot tell."""
    target, actual = indicator.target, indicator.actual
    if comparable(target, actual):
        t = target.date if target.kind == "date" else target.value
        a = actual.date if actual.kind == "date" else actual.value
        assert t is not None and a is not None
        operator = target.operator or "="
        if operator in ("<=", "<"):
            return a <= t if operator == "<=" else a < t  # type: ignore[operator]
        if operator == ">":
            return a > t  # type: ignore[operator]
        if operator == "=" and target.kind == "date":
            return a <= t  # type: ignore[operator]
        return a >= t  # type: ignore[operator]  # "=" and ">=": reaching the value counts as met
    if actual.kind == "qualitative" and actual.text:
        if any(word in actual.text for word in NOT_ACHIEVED_WORDS):
            return False
        if any(word in actual.text for word in ACHIEVED_WORDS):
            return True
    return None


def proportional_score(indicator: Indicator) -> Decimal | None:
    """The score the proportional rule gives a quantitative indicator (None if not quantitative).

    Met → full weight. Positive below target → weight × actual/target; reverse above
    target → weight × target/actual (财预〔2020〕10号 practice; DOMAIN.md §3.2).
    """
    weight = indicator.weight
    target, actual = indicator.target, indicator.actual
    if weight is None or target.kind != "quantitative" or not comparable(target, actual):
        return None
    met = target_met(indicator)
    if met:
        return weight.value
    t, a = target.value, actual.value
    assert t is not None and a is not None
    if direction(target) == "reverse":
        score = weight.value if a == 0 else weight.value * t / a
    else:
        score = Decimal(0) if t == 0 else weight.value * a / t
    return max(Decimal(0), min(score, weight.value))


def execution_score(rate_percent: Decimal, weight: Decimal) -> Decimal:
    """Central default: weight × min(rate, 100%) (over-execution not rewarded)."""
    return weight * min(max(rate_percent, Decimal(0)), Decimal(100)) / Decimal(100)
