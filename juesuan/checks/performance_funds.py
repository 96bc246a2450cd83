"""Self-evaluation tables: the funds block — execution rate, its score, counts × amounts, sources."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.evaluation_reading import judged, nothing_to_judge
from juesuan.checks.performance import FUNDS_COLUMNS, SECTION
from juesuan.checks.registry import Checked, CouldNotCheck, Violation, Yield, rule
from juesuan.checks.tolerance import HUNDRED, judge_rate, ratio_range, sum_tolerance
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.evaluation import (
    execution_score,
)
from juesuan.model.figures import Figure
from juesuan.model.performance import Indicator, SelfEvaluation
from juesuan.settings import Settings


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
    yield from nothing_to_judge(disclosure)
    for evaluation in judged(disclosure):
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
    yield from nothing_to_judge(disclosure)
    for evaluation in judged(disclosure):
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
    yield from nothing_to_judge(disclosure)
    for evaluation in judged(disclosure):
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
    yield from nothing_to_judge(disclosure)
    for evaluation in judged(disclosure):
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
