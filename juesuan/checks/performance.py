"""Self-evaluation tables: weights, scores, totals and the execution rate (DOMAIN.md §3)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.evaluation_reading import readable
from juesuan.checks.registry import Checked, CouldNotCheck, NotApplicable, Violation, Yield, rule
from juesuan.checks.tolerance import HUNDRED, judge_rate, ratio_range, sum_tolerance
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.evaluation import (
    CENTRAL,
    Rescore,
    execution_score,
    grade_for,
    proportional_score,
    rescore,
    target_met,
    within_printed_rounding,
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


def _evaluations(disclosure: Disclosure) -> Iterator[SelfEvaluation]:
    """The self-evaluation tables whose reading can be trusted (see READ-002)."""
    yield from (evaluation for evaluation in disclosure.self_evaluations if readable(evaluation, disclosure))


def _none(disclosure: Disclosure) -> Iterator[Yield]:
    if not disclosure.self_evaluations:
        yield NotApplicable("文档中没有绩效自评表")


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
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
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
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
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
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
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
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
        for indicator in evaluation.indicators:
            if indicator.weight is None or indicator.score is None:
                continue
            met = target_met(indicator)
            if met is None:
                continue
            if met or indicator.score.value < indicator.weight.value:
                yield Checked()
                continue
            yield Violation(
                source=indicator.score.source,
                evidence=(indicator.target.source, indicator.actual.source),
                values={
                    "name": evaluation.name,
                    "indicator": indicator.name,
                    "target": indicator.target.text,
                    "actual": indicator.actual.text,
                    "score": indicator.score.value,
                },
                section=SECTION,
            )


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
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
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
    id="PERF-006",
    severity=Severity.ERROR,
    title="预算执行率与执行数不符",
    template="《{name}》全年执行数{executed}万元÷全年预算数{budget}万元应为{expected}%，表中执行率为{printed}%",
    tags=("performance", "rate"),
    doc="预算执行率 = 全年执行数 ÷ 全年预算数（调整后预算）× 100%，按印刷精度的区间判断（同RATE-001）。",
)
def check_execution_rate(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The printed execution rate equals executed over the full-year budget."""
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
        total = evaluation.funds_row("total")
        if (
            total is None
            or total.execution_rate is None
            or total.executed is None
            or total.adjusted_budget is None
        ):
            continue
        if total.adjusted_budget.value == 0:
            yield CouldNotCheck(f"《{evaluation.name}》全年预算数为0，执行率无法计算")
            continue
        possible = ratio_range(lambda e, b: e / b * HUNDRED, [total.executed, total.adjusted_budget])
        if possible is None:
            continue
        point = total.executed.value / total.adjusted_budget.value * HUNDRED
        verdict = judge_rate(total.execution_rate, possible, point, settings)
        if verdict.consistent and not verdict.truncated:
            yield Checked()
            continue
        yield Violation(
            source=total.execution_rate.source,
            evidence=(total.executed.source, total.adjusted_budget.source),
            values={
                "name": evaluation.name,
                "executed": total.executed.value,
                "budget": total.adjusted_budget.value,
                "expected": verdict.expected,
                "printed": total.execution_rate.value,
            },
            severity=Severity.INFO if verdict.truncated else None,
            section=SECTION,
        )


@rule(
    id="PERF-007",
    severity=Severity.WARNING,
    title="预算执行率得分与执行率不符",
    template="《{name}》执行率{rate}%，按中央默认规则（分值×执行率，超过100%不加分）应得{expected}分，表中为{score}分",
    tags=("performance",),
    doc=(
        "预算执行率得分的中央默认算法为 分值 × min(执行率, 100%)（DOMAIN.md §3.2，未核实原文）。"
        "一些省份按区间计分，故不符只记为警告；可在评分配置中选择其他规则。"
    ),
)
def check_execution_score(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The execution-rate score follows from the rate."""
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
        total = evaluation.funds_row("total")
        if total is None or total.score is None or total.weight is None:
            continue
        rate = total.execution_rate
        if (
            rate is None
            and total.executed is not None
            and total.adjusted_budget is not None
            and total.adjusted_budget.value
        ):
            rate_value = total.executed.value / total.adjusted_budget.value * HUNDRED
        elif rate is not None:
            rate_value = rate.value
        else:
            continue
        expected = execution_score(rate_value, total.weight.value)
        if abs(expected - total.score.value) <= Decimal("0.5"):
            yield Checked()
            continue
        yield Violation(
            total.score.source,
            {
                "name": evaluation.name,
                "rate": rate_value.quantize(Decimal("0.01")),
                "expected": expected.quantize(Decimal("0.01")),
                "score": total.score.value,
            },
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
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
        for indicator in evaluation.indicators:
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


def _count_and_unit(evaluation: SelfEvaluation) -> tuple[Indicator | None, Indicator | None]:
    count = unit = None
    for indicator in evaluation.indicators:
        name = indicator.name
        if indicator.actual.kind != "quantitative":
            continue
        if count is None and "次数" in name and indicator.actual.unit in ("次", "个"):
            count = indicator
        if unit is None and ("每次" in name or "每人" in name) and indicator.actual.unit in ("万元", "元"):
            unit = indicator
    return count, unit


@rule(
    id="PERF-009",
    severity=Severity.WARNING,
    title="次数乘单次金额与执行数不符",
    template="《{name}》{count_name}{count}次 × {unit_name}{unit_amount}{unit} = {product}万元，而全年执行数为{executed}万元",
    tags=("performance",),
    doc="自评表中“发放次数”与“每次发放资金数”的乘积应与全年执行数相符；不符多半是指标填写有误，记为警告。",
)
def check_count_times_unit(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Count × amount per time matches the money executed."""
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
        total = evaluation.funds_row("total")
        executed = total.executed if total is not None else None
        count, unit = _count_and_unit(evaluation)
        if executed is None or count is None or unit is None:
            continue
        count_value, unit_value = count.actual.value, unit.actual.value
        assert count_value is not None and unit_value is not None  # quantitative
        per_time = unit_value / 10000 if unit.actual.unit == "元" else unit_value
        product = count_value * per_time
        tolerance = Decimal("0.005") * count_value + Decimal("0.005")
        if abs(product - executed.value) <= tolerance:
            yield Checked()
            continue
        yield Violation(
            source=unit.actual.source,
            evidence=(count.actual.source, executed.source),
            values={
                "name": evaluation.name,
                "count_name": count.name,
                "count": count_value,
                "unit_name": unit.name,
                "unit_amount": unit_value,
                "unit": unit.actual.unit,
                "product": product.quantize(Decimal("0.01")),
                "executed": executed.value,
            },
            section=SECTION,
        )


@rule(
    id="PERF-010",
    severity=Severity.ERROR,
    title="资金来源之和与年度资金总额不符",
    template="《{name}》{column}：年度资金总额{stated}万元，而当年财政拨款、上年结转和其他资金之和为{computed}万元",
    tags=("performance", "arithmetic"),
    doc="项目资金：年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金，分别对年初预算数、全年预算数和全年执行数检查。",
)
def check_funds_rows(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The funds total row equals the sum of the source rows, per column."""
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
        total = evaluation.funds_row("total")
        sources = [row for row in evaluation.funds if row.key != "total"]
        if total is None or not sources:
            continue
        for slot, column in FUNDS_COLUMNS:
            stated: Figure | None = getattr(total, slot)
            parts: list[Figure | None] = [getattr(row, slot) for row in sources]
            if stated is None or any(p is None for p in parts):
                continue
            figures = [p for p in parts if p is not None]
            computed = sum((p.value for p in figures), Decimal(0))
            if computed == stated.value:
                yield Checked()
                continue
            within = abs(computed - stated.value) <= sum_tolerance(stated, figures, settings)
            yield Violation(
                stated.source,
                {"name": evaluation.name, "column": column, "stated": stated.value, "computed": computed},
                tuple(p.source for p in figures),
                Severity.INFO if within else None,
                SECTION,
            )


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
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
        for indicator in evaluation.indicators:
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
        "其他省份的档次见 juesuan score --profile。"
    ),
)
def check_rescored_indicators(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Each claimed indicator score is what the published rules give."""
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
        for indicator in evaluation.indicators:
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
            yield Violation(
                source=indicator.score.source,
                evidence=(indicator.target.source, indicator.actual.source),
                values={
                    "name": evaluation.name,
                    "indicator": indicator.name,
                    "target": indicator.target.text,
                    "actual": indicator.actual.text,
                    "expected": expected,
                    "score": indicator.score.value,
                },
                severity=severity,
                section=SECTION,
            )


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
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
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
    severity=Severity.WARNING,
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
    yield from _none(disclosure)
    for evaluation in _evaluations(disclosure):
        for indicator in evaluation.indicators:
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
