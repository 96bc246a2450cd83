"""What the self-evaluation rules say about one indicator or funds row (DOMAIN.md §3).

Pure functions over the model, shared by the checks (which compare claims with them) and
the scoring engine (which scores with them): whether a target is met, and the score the
proportional rule gives below target.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    if actual.operator and comparable(target, actual):
        return _bound_met(target, actual)
    if comparable(target, actual) and not target.operator and target.kind == "quantitative":
        # No operator printed: a cost is a ceiling; otherwise reaching or passing the value
        # meets it, and falling short says nothing certain about which way is better.
        ceiling, value = target.value, actual.value
        assert ceiling is not None and value is not None
        if "成本" in indicator.level2:
            return value <= ceiling
        return True if value >= ceiling else None
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


def _bound_met(target: Quantity, actual: Quantity) -> bool | None:
    """An actual value printed as a bound ("＞1000人", "≥95%") meets a target only when the bound
    itself guarantees it; otherwise the rules cannot tell."""
    t = target.date if target.kind == "date" else target.value
    a = actual.date if actual.kind == "date" else actual.value
    assert t is not None and a is not None
    if direction(target) == "positive" and actual.operator in (">", ">=", "="):
        return True if a >= t else None  # type: ignore[operator]
    if direction(target) == "reverse" and actual.operator in ("<", "<=", "="):
        return True if a <= t else None  # type: ignore[operator]
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


# --- Scoring rules as data (DOMAIN.md §3.2) -------------------------------------------------

#: Words saying a qualitative target was partly reached (checked before "not" and "achieved",
#: since "部分达成" also contains "达成").
PARTIAL_WORDS = ("部分达成", "部分完成", "基本达成", "基本完成", "基本实现", "基本达到", "较好", "一般")
#: Words saying it was not reached.
FAILED_WORDS = ("未达成", "未完成", "未达到", "未实现", "较差", "没有达到", "未按时")
CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class ExecutionBand:
    """One step of a banded execution-rate rule: at ``min_rate`` % or more, ``fraction`` of the weight."""

    min_rate: Decimal
    fraction: Decimal


@dataclass(frozen=True, slots=True)
class ScoringRules:
    """A scoring profile: the choices where provinces differ, kept as data.

    Attributes:
        name: the profile's key (``central`` …).
        title: its Chinese name, shown in reports.
        basis: the regulation or template it follows, and how far that was verified.
        execution_weight: weight of 预算执行率 (central default 10).
        execution_method: ``linear`` (weight × min(rate, 100%)) or ``bands``.
        execution_bands: for ``bands``: the first band whose ``min_rate`` the rate reaches applies.
        qualitative_bands: lower bounds of 达成 and 部分达成 as fractions of the weight
            (80%/60% under 财预〔2020〕10号 as recalled; 80%/50% in the 2017 template).
        qualitative_tolerance: how far (points) a claimed qualitative score may lie outside its band.
        over_achievement_ratio: actual/target above which a positive target looks set too low.
        over_achievement_deduction: fraction of the weight deducted then (0: only flagged).
        zero_budget_full: score a zero full-year budget as full marks (else it is not scored).
        grades: (lower bound, grade) from the top.
        default_weights: default level-1 weights (产出 50, 效益 30, 满意度 10).
    """

    name: str
    title: str
    basis: str
    execution_weight: Decimal = Decimal(10)
    execution_method: str = "linear"
    execution_bands: tuple[ExecutionBand, ...] = ()
    qualitative_bands: tuple[Decimal, Decimal] = (Decimal("0.8"), Decimal("0.6"))
    qualitative_tolerance: Decimal = Decimal("0.5")
    over_achievement_ratio: Decimal = Decimal("1.5")
    over_achievement_deduction: Decimal = Decimal(0)
    zero_budget_full: bool = False
    grades: tuple[tuple[Decimal, str], ...] = (
        (Decimal(90), "优"),
        (Decimal(80), "良"),
        (Decimal(60), "中"),
        (Decimal(0), "差"),
    )
    default_weights: tuple[tuple[str, Decimal], ...] = (
        ("产出指标", Decimal(50)),
        ("效益指标", Decimal(30)),
        ("满意度指标", Decimal(10)),
    )


#: The central rule (财预〔2020〕10号 practice, DOMAIN.md §3.2); mirrored by the ``central``
#: entry of juesuan/data/scoring_profiles.json (a test keeps the two equal).
CENTRAL = ScoringRules(
    name="central",
    title="中央默认规则（财预〔2020〕10号）",
    basis="财预〔2020〕10号及其项目支出绩效自评表；定性档次80%/60%、执行率线性计分为未核实原文的中央默认做法",
)


@dataclass(frozen=True, slots=True)
class Rescore:
    """What the rules give one indicator.

    Attributes:
        method: ``positive``, ``reverse``, ``equality``, ``date``, ``qualitative`` or
            ``unscorable`` (the rules cannot tell).
        rule: the rule applied, in Chinese, with the figures.
        expected: the score the rules give, when they give one number.
        low / high: the range the rules allow (equal to ``expected`` for a number).
        met: whether the target was met; None when the rules cannot tell.
        band: 达成 / 部分达成 / 未达成 for qualitative judgements.
        over_achieved: a positive target exceeded by more than the profile's ratio.
    """

    method: str
    rule: str
    expected: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    met: bool | None = None
    band: str = ""
    over_achieved: bool = False


def qualitative_band(indicator: Indicator) -> str:
    """达成, 部分达成, 未达成, or "" when the words do not tell."""
    actual = indicator.actual.text.replace(" ", "")
    if not actual:
        return ""
    if any(word in actual for word in PARTIAL_WORDS):
        return "部分达成"
    if any(word in actual for word in FAILED_WORDS):
        return "未达成"
    target = indicator.target.text.replace(" ", "")
    if (target and target in actual) or any(word in actual for word in ACHIEVED_WORDS):
        return "达成"
    return ""


def _fmt(value: Decimal) -> str:
    return f"{value.quantize(CENT):f}" if value != value.to_integral() else f"{value.to_integral():f}"


def rescore(indicator: Indicator, rules: ScoringRules = CENTRAL) -> Rescore:
    """The score the rules give ``indicator`` (DOMAIN.md §3.2)."""
    weight = indicator.weight.value if indicator.weight is not None else None
    if weight is None:
        return Rescore("unscorable", "分值未能读出")
    target, actual = indicator.target, indicator.actual
    if not actual.text.strip():
        return Rescore("unscorable", "实际完成值为空，无法复核")
    if target.kind == "date" and actual.kind == "date":
        return _date(indicator, weight, rules)
    if target.kind == "quantitative" and actual.kind == "quantitative":
        if not target.operator and "成本" in indicator.level2:
            # A cost target is a ceiling even when the table prints no "≤".
            indicator = replace(indicator, target=replace(target, operator="<="))
        if not comparable(target, actual):
            return Rescore(
                "unscorable", f"指标值单位“{target.unit}”与实际值单位“{actual.unit}”不同，无法比较"
            )
        return _quantitative(indicator, weight, rules)
    if actual.kind != "qualitative" and target.kind != "qualitative":
        return Rescore("unscorable", "指标值与实际值类型不同，无法比较")
    return _qualitative(indicator, weight, rules)


def _quantitative(indicator: Indicator, weight: Decimal, rules: ScoringRules) -> Rescore:
    target, actual = indicator.target, indicator.actual
    t, a = target.value, actual.value
    assert t is not None and a is not None
    reverse = direction(target) == "reverse"
    method = "reverse" if reverse else "equality" if target.operator in ("=", "") else "positive"
    met = bool(target_met(indicator))
    label = {"reverse": "反向指标", "equality": "等于型指标（按正向计）", "positive": "正向指标"}[method]
    if met:
        over = not reverse and t > 0 and a / t > rules.over_achievement_ratio
        score = weight * (1 - rules.over_achievement_deduction) if over else weight
        note = f"，超额{_fmt((a / t - 1) * 100)}%，指标值可能设定偏低" if over else ""
        return Rescore(
            method, f"{label}：已达到指标值，记满分{note}", score, score, score, True, over_achieved=over
        )
    if reverse:
        score = weight * t / a if a else weight
        rule = f"{label}：未达到，按 指标值÷实际值×分值 = {_fmt(t)}÷{_fmt(a)}×{_fmt(weight)}"
    elif t == 0:
        score, rule = Decimal(0), f"{label}：指标值为0，无法按比例计分，记0分"
    else:
        score = weight * a / t
        rule = f"{label}：未达到，按 实际值÷指标值×分值 = {_fmt(a)}÷{_fmt(t)}×{_fmt(weight)}"
    score = max(Decimal(0), min(score, weight))
    return Rescore(method, rule, score, score, score, False)


def _date(indicator: Indicator, weight: Decimal, rules: ScoringRules) -> Rescore:
    if target_met(indicator):
        return Rescore("date", "时效指标：按期完成，记满分", weight, weight, weight, True)
    high = weight * rules.qualitative_bands[0]
    return Rescore(
        "date", "时效指标：未按期完成，不得满分（最高按“部分达成”档）", None, Decimal(0), high, False
    )


def _qualitative(indicator: Indicator, weight: Decimal, rules: ScoringRules) -> Rescore:
    band = qualitative_band(indicator)
    upper, lower = rules.qualitative_bands
    ranges = {"达成": (upper, Decimal(1)), "部分达成": (lower, upper), "未达成": (Decimal(0), lower)}
    if band not in ranges:
        return Rescore("unscorable", f"定性指标：实际完成值“{indicator.actual.text}”未说明是否达成，无法复核")
    low, high = ranges[band]
    percent = f"{_fmt(low * 100)}%–{_fmt(high * 100)}%"
    return Rescore(
        "qualitative",
        f"定性指标：{band}，按分值的{percent}计分",
        None,
        weight * low,
        weight * high,
        band == "达成",
        band,
    )


def grade_for(total: Decimal, rules: ScoringRules = CENTRAL) -> str:
    """The grade (优/良/中/差) of a total under ``rules``."""
    for bound, grade in rules.grades:
        if total >= bound:
            return grade
    return rules.grades[-1][1]


def execution_score_by(rate_percent: Decimal, weight: Decimal, rules: ScoringRules = CENTRAL) -> Decimal:
    """The execution-rate score under ``rules`` (linear by default, or banded)."""
    if rules.execution_method == "bands":
        fraction = next((b.fraction for b in rules.execution_bands if rate_percent >= b.min_rate), Decimal(0))
        return weight * max(Decimal(0), min(fraction, Decimal(1)))
    return execution_score(rate_percent, weight)


def within_printed_rounding(stated: Decimal, decimals: int, expected: Decimal) -> bool:
    """Whether a printed score is ``expected`` rounded to the decimals printed (or to 0.01)."""
    half = Decimal(1).scaleb(-max(decimals, 0)) / 2
    return abs(stated - expected) <= half or abs(stated - expected.quantize(CENT)) == 0
