"""Self-evaluation tables: weights, scores, totals and the execution rate (DOMAIN.md §3)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.evaluation_reading import judged, judged_indicators, nothing_to_judge
from juesuan.checks.registry import Checked, CouldNotCheck, Violation, Yield, rule
from juesuan.checks.tolerance import sum_tolerance
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.evaluation import (
    target_met,
)
from juesuan.model.figures import Figure
from juesuan.model.performance import Indicator, SelfEvaluation
from juesuan.settings import Settings

SECTION = "项目支出绩效自评表"
FUNDS_COLUMNS = (
    ("initial_budget", "年初预算数"),
    ("adjusted_budget", "全年预算数"),
    ("executed", "全年执行数"),
)


def _total_weight(evaluation: SelfEvaluation, settings: Settings) -> Decimal | None:
    total = evaluation.funds_row("total")
    execution = total.weight.value if total is not None and total.weight is not None else None
    weights = [i.weight.value for i in evaluation.indicators if i.weight is not None]
    if execution is None or len(weights) != len(evaluation.indicators):
        return None
    return execution + sum(weights, Decimal(0))


@rule(
    id="PERF-001",
    severity=Severity.ERROR,
    title="自评表分值合计不是100",
    template="《{name}》预算执行率分值{execution}加各指标分值之和为{computed}，{problem}",
    tags=("performance",),
    doc="项目支出绩效自评实行百分制：预算执行率分值（默认10）与各三级指标分值之和应为100，并等于“总分”行的分值。",
)
def check_weights_total(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Execution weight plus indicator weights make 100 and match the stated total weight."""
    yield from nothing_to_judge(disclosure)
    for evaluation in judged(disclosure):
        computed = _total_weight(evaluation, settings)
        if computed is None:
            yield CouldNotCheck(f"《{evaluation.name}》有分值未能读出")
            continue
        stated = evaluation.total_weight
        problems = []
        if computed != 100:
            problems.append("不是100")
        if stated is not None and stated.value != computed:
            problems.append(f"与总分行的分值{stated.value}不符")
        if not problems:
            yield Checked()
            continue
        total = evaluation.funds_row("total")
        execution = total.weight.value if total is not None and total.weight is not None else Decimal(0)
        yield Violation(
            source=stated.source if stated is not None else evaluation.source,
            values={
                "name": evaluation.name,
                "execution": execution,
                "computed": computed,
                "problem": "，".join(problems),
            },
            section=SECTION,
        )


@rule(
    id="PERF-002",
    severity=Severity.INFO,
    title="一级指标分值不是默认权重",
    template="《{name}》{level1}分值合计{computed}，默认权重为{expected}",
    tags=("performance",),
    doc=(
        "财预〔2020〕10号的默认权重：预算执行率10、产出指标50、效益指标30、满意度指标10；"
        "“如有特殊情况，一级指标权重可做适当调整”，故只作提示。默认权重可在设置中修改。"
    ),
)
def check_default_weights(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Level-1 weight subtotals follow the default split."""
    yield from nothing_to_judge(disclosure)
    for evaluation in judged(disclosure):
        for level1, expected in settings.default_weights:
            rows = [i for i in evaluation.indicators if i.level1.startswith(level1[:2])]
            if not rows or any(i.weight is None for i in rows):
                continue
            computed = sum((i.weight.value for i in rows if i.weight is not None), Decimal(0))
            if computed == expected:
                yield Checked()
            else:
                yield Violation(
                    rows[0].source,
                    {"name": evaluation.name, "level1": level1, "computed": computed, "expected": expected},
                    section=SECTION,
                )


@rule(
    id="PERF-003",
    severity=Severity.ERROR,
    title="得分超过分值",
    template="《{name}》指标“{indicator}”得分{score}超过其分值{weight}",
    tags=("performance",),
    doc="每项得分最高不能超过该指标的分值（预算执行率得分同样不超过其分值）。",
)
def check_score_within_weight(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """No score exceeds its weight."""
    yield from nothing_to_judge(disclosure)
    for evaluation in judged(disclosure):
        total = evaluation.funds_row("total")
        rows: list[tuple[str, Figure | None, Figure | None]] = [
            (i.name, i.weight, i.score) for i in evaluation.indicators
        ]
        if total is not None:
            rows.append(("预算执行率", total.weight, total.score))
        for name, weight, score in rows:
            if weight is None or score is None:
                continue
            if score.value <= weight.value:
                yield Checked()
            else:
                yield Violation(
                    score.source,
                    {
                        "name": evaluation.name,
                        "indicator": name,
                        "score": score.value,
                        "weight": weight.value,
                    },
                    section=SECTION,
                )


def indicator_violation(
    evaluation: SelfEvaluation,
    indicator: Indicator,
    severity: Severity | None = None,
    **values: Decimal | str,
) -> Violation:
    """A finding on an indicator's score, quoting its target and actual value."""
    assert indicator.score is not None
    return Violation(
        source=indicator.score.source,
        evidence=(indicator.target.source, indicator.actual.source),
        values={
            "name": evaluation.name,
            "indicator": indicator.name,
            "target": indicator.target.text,
            "actual": indicator.actual.text,
            "score": indicator.score.value,
            **values,
        },
        severity=severity,
        section=SECTION,
    )


@rule(
    id="PERF-004",
    severity=Severity.ERROR,
    title="未完成指标却得满分",
    template="《{name}》指标“{indicator}”年度指标值{target}，实际完成值{actual}，未达到目标却得满分{score}分",
    tags=("performance",),
    doc=(
        "未完成指标值的，按完成值与指标值的比例记分（正向指标：实际÷目标×分值；反向指标：目标÷实际×分值），"
        "不能得满分。目标与实际可比较（同单位的数值或日期）时才判断；定性指标只在实际值写明“未达成/部分达成”时判断。"
    ),
)
def check_unmet_target_full_score(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """An indicator whose target was not met does not earn its full weight."""
    yield from nothing_to_judge(disclosure)
    for evaluation, indicator in judged_indicators(disclosure):
        if indicator.weight is None or indicator.score is None:
            continue
        met = target_met(indicator)
        if met is None:
            continue
        if met or indicator.score.value < indicator.weight.value:
            yield Checked()
            continue
        yield indicator_violation(evaluation, indicator)


@rule(
    id="PERF-005",
    severity=Severity.ERROR,
    title="总分与各项得分之和不符",
    template="《{name}》总分写为{stated}，而预算执行率得分与各指标得分之和为{computed}",
    tags=("performance",),
    doc="总分 = 预算执行率得分 + Σ各三级指标得分（百分制）。得分可保留两位小数，容差按舍入推算。",
)
def check_total_score(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The stated total equals the execution score plus the indicator scores."""
    yield from nothing_to_judge(disclosure)
    for evaluation in judged(disclosure):
        stated = evaluation.total_score
        total = evaluation.funds_row("total")
        scores = [i.score for i in evaluation.indicators]
        if stated is None or total is None or total.score is None or any(s is None for s in scores):
            yield CouldNotCheck(f"《{evaluation.name}》的得分未能全部读出")
            continue
        parts = [total.score, *[s for s in scores if s is not None]]
        computed = sum((p.value for p in parts), Decimal(0))
        difference = abs(stated.value - computed)
        if difference == 0:
            yield Checked()
            continue
        yield Violation(
            source=stated.source,
            values={"name": evaluation.name, "stated": stated.value, "computed": computed},
            severity=Severity.INFO
            if difference <= sum_tolerance(stated, parts, settings) and any(p.decimals for p in parts)
            else None,
            section=SECTION,
        )


@rule(
    id="PERF-008",
    severity=Severity.WARNING,
    title="扣分却未说明偏差原因",
    template="《{name}》指标“{indicator}”得分{score}低于分值{weight}，但“偏差原因分析及改进措施”为空",
    tags=("performance",),
    doc="对未完成或偏离较大的指标，要说明原因、提出改进措施（财预〔2020〕10号）。",
)
def check_deviation_notes(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Every indicator scored below its weight explains why."""
    yield from nothing_to_judge(disclosure)
    for evaluation, indicator in judged_indicators(disclosure):
        if indicator.weight is None or indicator.score is None:
            continue
        if indicator.score.value >= indicator.weight.value or indicator.deviation_note.strip():
            yield Checked()
            continue
        yield Violation(
            indicator.score.source,
            {
                "name": evaluation.name,
                "indicator": indicator.name,
                "score": indicator.score.value,
                "weight": indicator.weight.value,
            },
            section=SECTION,
        )
