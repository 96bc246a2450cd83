"""Rescore a self-evaluation table by the published rules and explain every difference.

For each indicator the rules of :mod:`juesuan.model.evaluation` (shared with the checks) give
a score or a range; the score that counts towards the rescored total is that number, the
claimed score held inside that range (qualitative judgements), or — when the rules cannot
tell — the claimed score capped at its weight, marked "未能复核". Every place where the
claimed scoring breaks the rules becomes a :class:`ScoreIssue` pointing at its cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from juesuan.findings import Severity
from juesuan.model.evaluation import (
    CENT,
    Rescore,
    ScoringRules,
    execution_score_by,
    grade_for,
    rescore,
    within_printed_rounding,
)
from juesuan.model.figures import Figure
from juesuan.model.performance import FundsRow, Indicator, SelfEvaluation
from juesuan.source import Source

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class ScoreIssue:
    """One place where the claimed scoring breaks the rules (or could not be verified).

    Attributes:
        severity: error (contradicts the rules), warning (likely wrong), info (worth a look).
        message: what is wrong, in Chinese, with the figures.
        source: the cell concerned.
        rule: the catalogue rule that reports the same problem under ``juesuan check``, if any.
    """

    severity: Severity
    message: str
    source: Source
    rule: str = ""


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    """One indicator rescored.

    Attributes:
        level1 / level2 / name: the indicator's levels as printed.
        target / actual: the values as printed.
        weight: 分值.
        method: how it was scored (``positive``, ``reverse``, ``equality``, ``date``,
            ``qualitative``, ``unscorable``).
        rule: the rule applied, in Chinese, with the figures.
        score: the score counted in the rescored total (two decimals).
        low / high: the range the rules allow, when they give a range.
        claimed: 得分 as printed.
        difference: claimed − score (None when either is missing).
        verified: False when the rules could not tell and the claimed score was kept.
        source: the indicator's row; ``claimed_source`` its 得分 cell.
    """

    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: Decimal | None
    method: str
    rule: str
    score: Decimal
    source: Source
    low: Decimal | None = None
    high: Decimal | None = None
    claimed: Decimal | None = None
    difference: Decimal | None = None
    verified: bool = True
    claimed_source: Source | None = None


@dataclass(frozen=True, slots=True)
class ExecutionScore:
    """The 预算执行率 line rescored.

    Attributes:
        budget / executed: 全年预算数 and 全年执行数 (万元).
        rate: executed ÷ budget × 100, two decimals (None when it cannot be computed).
        printed_rate: the rate as printed.
        weight: its weight (the table's, else the profile's).
        score: the score the profile gives.
        claimed: 得分 as printed.
        rule: the rule applied, in Chinese.
        source: the 年度资金总额 row.
    """

    weight: Decimal
    score: Decimal
    rule: str
    source: Source
    budget: Decimal | None = None
    executed: Decimal | None = None
    rate: Decimal | None = None
    printed_rate: Decimal | None = None
    claimed: Decimal | None = None


@dataclass(frozen=True, slots=True)
class EvaluationScore:
    """A whole self-evaluation table rescored.

    Attributes:
        scope: ``project`` or ``department``.
        name / title: 项目名称 (or the department) and the table title.
        execution: the execution-rate line.
        indicators: every indicator, in order.
        total: execution score + indicator scores, capped at 100, two decimals.
        grade: the grade of ``total`` under the profile.
        claimed_total / claimed_grade: the 总分 and 评价等级 as printed.
        claimed_sum: the execution score plus the indicator scores as printed.
        issues: every place where the claimed scoring breaks the rules.
        source: where the table starts.
    """

    scope: str
    name: str
    title: str
    execution: ExecutionScore
    indicators: tuple[IndicatorScore, ...]
    total: Decimal
    grade: str
    issues: tuple[ScoreIssue, ...]
    source: Source
    claimed_total: Decimal | None = None
    claimed_sum: Decimal | None = None
    claimed_grade: str = ""

    @property
    def verified(self) -> bool:
        """Whether every line could be rescored (otherwise claimed scores were kept)."""
        return all(i.verified for i in self.indicators)


def cents(value: Decimal) -> Decimal:
    """``value`` rounded half up to two decimals (how scores are printed)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def score_evaluation(evaluation: SelfEvaluation, rules: ScoringRules) -> EvaluationScore:
    """Rescore ``evaluation`` under ``rules``."""
    issues: list[ScoreIssue] = []
    execution = _execution(evaluation, rules, issues)
    indicators = tuple(_indicator(evaluation, i, rules, issues) for i in evaluation.indicators)
    raw_total = execution.score + sum((i.score for i in indicators), Decimal(0))
    total = min(cents(raw_total), HUNDRED)
    _weights(evaluation, execution, rules, issues)
    claimed_sum = _claimed_sum(evaluation, execution)
    _total_issues(evaluation, total, claimed_sum, rules, issues)
    return EvaluationScore(
        scope=evaluation.scope,
        name=evaluation.name,
        title=evaluation.title,
        execution=execution,
        indicators=indicators,
        total=total,
        grade=grade_for(total, rules),
        issues=tuple(issues),
        source=evaluation.source,
        claimed_total=evaluation.total_score.value if evaluation.total_score is not None else None,
        claimed_sum=claimed_sum,
        claimed_grade=evaluation.grade,
    )


def _execution(evaluation: SelfEvaluation, rules: ScoringRules, issues: list[ScoreIssue]) -> ExecutionScore:
    row: FundsRow | None = evaluation.funds_row("total")
    source = row.source if row is not None else evaluation.source
    weight = row.weight.value if row is not None and row.weight is not None else rules.execution_weight
    claimed = row.score.value if row is not None and row.score is not None else None
    budget = _value(row.adjusted_budget) if row is not None else None
    executed = _value(row.executed) if row is not None else None
    printed = _value(row.execution_rate) if row is not None else None
    rate: Decimal | None = None
    if budget and executed is not None:
        rate = cents(executed / budget * HUNDRED)
    elif budget == 0 and rules.zero_budget_full:
        return ExecutionScore(weight, weight, "全年预算数为0：按配置记满分", source, budget, executed)
    used = rate if rate is not None else printed
    if used is None:
        kept = min(claimed, weight) if claimed is not None else Decimal(0)
        issues.append(ScoreIssue(Severity.INFO, "未能读出全年预算数与执行数，预算执行率得分未能复核", source))
        return ExecutionScore(
            weight, kept, "未能复核（保留表中得分）", source, budget, executed, None, printed, claimed
        )
    score = cents(execution_score_by(used, weight, rules))
    basis = "全年执行数÷全年预算数" if rate is not None else "表中执行率"
    method = "分值×min(执行率,100%)" if rules.execution_method == "linear" else "按区间计分"
    rule = f"执行率={basis}={used:f}%，{method}"
    if rate is not None and printed is not None and abs(printed - rate) > Decimal("0.01"):
        issues.append(
            ScoreIssue(
                Severity.WARNING,
                f"预算执行率印为{printed:f}%，按全年执行数÷全年预算数应为{rate:f}%",
                row.execution_rate.source if row is not None and row.execution_rate is not None else source,
                "PERF-006",
            )
        )
    if claimed is not None and claimed != score and not within_printed_rounding(claimed, 2, score):
        issues.append(
            ScoreIssue(
                Severity.WARNING,
                f"预算执行率得分应为{score:f}分（{rule}），表中为{claimed:f}分",
                row.score.source if row is not None and row.score is not None else source,
                "PERF-007",
            )
        )
    return ExecutionScore(weight, score, rule, source, budget, executed, rate, printed, claimed)


def _value(figure: Figure | None) -> Decimal | None:
    return figure.value if figure is not None else None


def _indicator(
    evaluation: SelfEvaluation, indicator: Indicator, rules: ScoringRules, issues: list[ScoreIssue]
) -> IndicatorScore:
    result = rescore(indicator, rules)
    weight = indicator.weight.value if indicator.weight is not None else None
    claimed = indicator.score.value if indicator.score is not None else None
    claimed_source = indicator.score.source if indicator.score is not None else None
    score, verified = _counted(result, claimed, weight)
    difference = claimed - score if claimed is not None else None
    where = claimed_source or indicator.source
    label = f"指标“{indicator.name}”"
    if weight is not None and claimed is not None and claimed > weight:
        issues.append(
            ScoreIssue(Severity.ERROR, f"{label}得分{claimed:f}超过其分值{weight:f}", where, "PERF-003")
        )
    elif indicator.score is not None and weight is not None:
        issue = _claim_issue(label, result, indicator.score, weight, rules)
        if issue is not None:
            issues.append(issue)
    elif claimed is None:
        issues.append(ScoreIssue(Severity.INFO, f"{label}没有得分", indicator.source))
    if not verified:
        issues.append(ScoreIssue(Severity.INFO, f"{label}未能复核：{result.rule}，总分中保留表中得分", where))
    _target_issues(label, indicator, result, score, weight, issues)
    return IndicatorScore(
        level1=indicator.level1,
        level2=indicator.level2,
        name=indicator.name,
        target=indicator.target.text,
        actual=indicator.actual.text,
        weight=weight,
        method=result.method,
        rule=result.rule,
        score=score,
        source=indicator.source,
        low=result.low,
        high=result.high,
        claimed=claimed,
        difference=difference,
        verified=verified,
        claimed_source=claimed_source,
    )


def _counted(result: Rescore, claimed: Decimal | None, weight: Decimal | None) -> tuple[Decimal, bool]:
    """The score counted in the total, and whether the rules decided it."""
    if result.expected is not None:
        return cents(result.expected), True
    if result.low is not None and result.high is not None:
        if claimed is None:
            return cents(result.high), True
        return cents(max(result.low, min(claimed, result.high))), True
    cap = weight if weight is not None else Decimal(0)
    return cents(max(Decimal(0), min(claimed or Decimal(0), cap))), False


def _claim_issue(
    label: str,
    result: Rescore,
    figure: Figure,
    weight: Decimal,
    rules: ScoringRules,
) -> ScoreIssue | None:
    """The issue when the claimed score is not what the rules give (None when it is)."""
    claimed, where = figure.value, figure.source
    if result.expected is not None:
        if within_printed_rounding(claimed, figure.decimals, result.expected):
            return None
        expected = cents(result.expected)
        unmet_full = result.met is False and claimed >= weight
        return ScoreIssue(
            Severity.ERROR if unmet_full else Severity.WARNING,
            f"{label}按规则应得{expected:f}分（{result.rule}），表中为{claimed:f}分，相差{claimed - expected:+f}分",
            where,
            "PERF-004" if unmet_full else "PERF-011" if result.met is False else "PERF-012",
        )
    if result.low is None or result.high is None:
        return None
    tolerance = rules.qualitative_tolerance if result.method == "qualitative" else Decimal(0)
    if result.low - tolerance <= claimed <= result.high + tolerance:
        return None
    severity = Severity.ERROR if result.method == "date" and claimed >= weight else Severity.WARNING
    return ScoreIssue(
        severity,
        f"{label}{result.rule}，应在{cents(result.low):f}–{cents(result.high):f}分之间，表中为{claimed:f}分",
        where,
        "PERF-004" if severity is Severity.ERROR else "PERF-012",
    )


def _target_issues(
    label: str,
    indicator: Indicator,
    result: Rescore,
    score: Decimal,
    weight: Decimal | None,
    issues: list[ScoreIssue],
) -> None:
    target = indicator.target
    if target.kind == "quantitative" and (not target.operator or not target.unit):
        missing = "运算符（≥、≤、=）" if not target.operator else "计量单位"
        issues.append(
            ScoreIssue(
                Severity.WARNING,
                f"{label}年度指标值“{target.text}”没有{missing}，难以评判",
                target.source,
                "PERF-014",
            )
        )
    claimed = indicator.score.value if indicator.score is not None else None
    below = weight is not None and (score < weight or (claimed is not None and claimed < weight))
    if below and not indicator.deviation_note.strip():
        claimed_below = claimed is not None and weight is not None and claimed < weight
        what = "得分低于分值" if claimed_below else f"按规则应得{score:f}分，低于分值"
        issues.append(
            ScoreIssue(
                Severity.WARNING,
                f"{label}{what}，但“偏差原因分析及改进措施”为空",
                indicator.source,
                "PERF-008" if claimed_below else "",
            )
        )
    if result.over_achieved:
        issues.append(ScoreIssue(Severity.INFO, f"{label}{result.rule}", indicator.actual.source))


def _weights(
    evaluation: SelfEvaluation, execution: ExecutionScore, rules: ScoringRules, issues: list[ScoreIssue]
) -> None:
    weights = [i.weight.value for i in evaluation.indicators if i.weight is not None]
    if len(weights) != len(evaluation.indicators) or not weights:
        return
    total = execution.weight + sum(weights, Decimal(0))
    if total != HUNDRED:
        issues.append(
            ScoreIssue(
                Severity.ERROR,
                f"预算执行率分值与各指标分值之和为{total:f}，不是100",
                evaluation.source,
                "PERF-001",
            )
        )
    for level1, expected in rules.default_weights:
        rows = [i for i in evaluation.indicators if i.level1.startswith(level1[:2])]
        subtotal = sum((i.weight.value for i in rows if i.weight is not None), Decimal(0))
        if rows and subtotal != expected:
            issues.append(
                ScoreIssue(
                    Severity.INFO,
                    f"{level1}分值合计{subtotal:f}，默认权重为{expected:f}",
                    rows[0].source,
                    "PERF-002",
                )
            )


def _claimed_sum(evaluation: SelfEvaluation, execution: ExecutionScore) -> Decimal | None:
    scores = [i.score.value for i in evaluation.indicators if i.score is not None]
    if execution.claimed is None or len(scores) != len(evaluation.indicators):
        return None
    return execution.claimed + sum(scores, Decimal(0))


def _total_issues(
    evaluation: SelfEvaluation,
    total: Decimal,
    claimed_sum: Decimal | None,
    rules: ScoringRules,
    issues: list[ScoreIssue],
) -> None:
    stated = evaluation.total_score
    source = stated.source if stated is not None else evaluation.source
    if stated is not None and claimed_sum is not None and stated.value != claimed_sum:
        issues.append(
            ScoreIssue(
                Severity.ERROR,
                f"总分写为{stated.value:f}，而表中预算执行率得分与各指标得分之和为{claimed_sum:f}，两者不符",
                source,
                "PERF-005",
            )
        )
    if stated is not None and not within_printed_rounding(stated.value, stated.decimals, total):
        issues.append(
            ScoreIssue(
                Severity.WARNING,
                f"总分写为{stated.value:f}，按评分规则复核应为{total:f}（{grade_for(total, rules)}）",
                source,
                "PERF-012",
            )
        )
    if evaluation.grade:
        basis = stated.value if stated is not None else total
        expected = grade_for(basis, rules)
        if evaluation.grade != expected:
            issues.append(
                ScoreIssue(
                    Severity.WARNING,
                    f"评价等级写为“{evaluation.grade}”，总分{basis:f}对应的等级为“{expected}”",
                    source,
                    "PERF-013",
                )
            )
