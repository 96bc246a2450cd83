"""Self-evaluation tables: every indicator rescored by the published rules (DOMAIN.md §3.2)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.evaluation_reading import judged, judged_indicators, nothing_to_judge
from juesuan.checks.performance import SECTION, indicator_violation
from juesuan.checks.registry import Checked, Violation, Yield, rule
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.evaluation import (
    CENTRAL,
    Rescore,
    grade_for,
    proportional_score,
    rescore,
    target_met,
    within_printed_rounding,
)
from juesuan.model.figures import Figure
from juesuan.settings import Settings


@rule(
    id="PERF-011",
    severity=Severity.INFO,
    title="指标得分与按比例计分不符",
    template="《{name}》指标“{indicator}”按比例计分应得{expected}分，表中为{score}分",
    tags=("performance",),
    doc="定量指标未达目标时按完成比例计分；表中得分与按比例计算的分数相差超过0.5分时提示（评分详情见 juesuan score）。",
)
def check_proportional_scores(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Scores of quantitative indicators below target follow the proportional rule."""
    yield from nothing_to_judge(disclosure)
    for evaluation, indicator in judged_indicators(disclosure):
        expected = proportional_score(indicator)
        if expected is None or indicator.score is None or target_met(indicator):
            continue
        if abs(expected - indicator.score.value) <= Decimal("0.5"):
            yield Checked()
            continue
        yield Violation(
            indicator.score.source,
            {
                "name": evaluation.name,
                "indicator": indicator.name,
                "expected": expected.quantize(Decimal("0.01")),
                "score": indicator.score.value,
            },
            section=SECTION,
        )


def _rule_problem(result: Rescore, score: Figure, weight: Figure) -> tuple[str, Severity | None] | None:
    """What is wrong with a claimed score the other PERF rules leave alone (None: nothing)."""
    claimed = score.value
    if claimed > weight.value:
        return None  # PERF-003
    if result.expected is not None:
        if within_printed_rounding(claimed, score.decimals, result.expected):
            return None
        expected = result.expected.quantize(Decimal("0.01"))
        if result.met is False and (claimed >= weight.value or abs(claimed - expected) > Decimal("0.5")):
            return None  # PERF-004 (full score though unmet) and PERF-011 (proportional rule)
        severity = Severity.INFO if result.met is False else None
        return f"应得{expected}分（{result.rule}）", severity
    if result.low is None or result.high is None:
        return None
    tolerance = CENTRAL.qualitative_tolerance if result.method == "qualitative" else Decimal(0)
    if result.low - tolerance <= claimed <= result.high + tolerance:
        return None
    if claimed >= weight.value and result.met is False:
        return None  # a missed target scored full is PERF-004's finding
    low, high = result.low.quantize(Decimal("0.01")), result.high.quantize(Decimal("0.01"))
    return f"应在{low}–{high}分之间（{result.rule}）", None


@rule(
    id="PERF-012",
    severity=Severity.WARNING,
    title="指标得分与评分规则不符",
    template="《{name}》指标“{indicator}”年度指标值{target}，实际完成值{actual}，{expected}，表中为{score}分",
    tags=("performance",),
    doc=(
        "按财预〔2020〕10号的评分规则复核每项指标（中央默认配置）：达到指标值的定量和时效指标记满分，"
        "未达到的按比例计分（与表中得分按印刷精度比较）；定性指标按达成/部分达成/未达成三档（分值的80%–100%、"
        "60%–80%、0–60%，档次未核实原文），表中得分超出所判档次0.5分以上时报告。"
        "得分超过分值、未达标却得满分、按比例计分相差超过0.5分分别由PERF-003、PERF-004、PERF-011报告，本条不重复。"
        "得分低于规则所给、而“偏差原因分析”写明了扣分理由的，是评价人的酌情扣分，只记为提示。"
        "其他省份的档次见 juesuan score --profile。"
    ),
)
def check_rescored_indicators(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Each claimed indicator score is what the published rules give."""
    yield from nothing_to_judge(disclosure)
    for evaluation, indicator in judged_indicators(disclosure):
        if indicator.weight is None or indicator.score is None:
            continue
        result = rescore(indicator, CENTRAL)
        if result.method == "unscorable":
            continue
        problem = _rule_problem(result, indicator.score, indicator.weight)
        if problem is None:
            yield Checked()
            continue
        expected, severity = problem
        floor = result.expected if result.expected is not None else result.low
        if floor is not None and indicator.score.value < floor and indicator.deviation_note.strip():
            severity = Severity.INFO  # marked down with the reason given: the evaluator's judgement
        yield indicator_violation(evaluation, indicator, severity, expected=expected)


@rule(
    id="PERF-013",
    severity=Severity.WARNING,
    title="评价等级与总分不符",
    template="《{name}》总分{total}分，评价等级写为“{grade}”，按等级标准应为“{expected}”",
    tags=("performance",),
    doc=(
        "自评等级按总分划分：90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差"
        "（财预〔2020〕10号，DOMAIN.md §3.1，等级标准为二手来源）。"
    ),
)
def check_grade(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The printed grade is the grade band of the printed total."""
    yield from nothing_to_judge(disclosure)
    for evaluation in judged(disclosure):
        total = evaluation.total_score
        if not evaluation.grade or total is None:
            continue
        expected = grade_for(total.value, CENTRAL)
        if expected == evaluation.grade:
            yield Checked()
            continue
        yield Violation(
            total.source,
            {"name": evaluation.name, "total": total.value, "grade": evaluation.grade, "expected": expected},
            section=SECTION,
        )


@rule(
    id="PERF-014",
    severity=Severity.INFO,
    title="年度指标值无法评判",
    template="《{name}》指标“{indicator}”的年度指标值“{target}”没有{missing}，无法判断是否完成",
    tags=("performance",),
    doc=(
        "定量指标的年度指标值应写明比较方向（≥、≤、=）和计量单位，否则无法判断完成与否、也无法按比例计分。"
        "日期型和定性指标不检查。成本指标未写方向时评分按“≤”处理。"
    ),
)
def check_evaluable_targets(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Quantitative targets state an operator and a unit."""
    yield from nothing_to_judge(disclosure)
    for evaluation, indicator in judged_indicators(disclosure):
        target = indicator.target
        if target.kind != "quantitative":
            continue
        missing = [
            word
            for word, lacking in (
                ("比较方向（≥、≤、=）", not target.operator),
                ("计量单位", not target.unit),
            )
            if lacking
        ]
        if not missing:
            yield Checked()
            continue
        yield Violation(
            target.source,
            {
                "name": evaluation.name,
                "indicator": indicator.name,
                "target": target.text,
                "missing": "和".join(missing),
            },
            section=SECTION,
        )
