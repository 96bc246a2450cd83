"""Rescoring self-evaluation tables by the published rules (DOMAIN.md §3.2), rule by rule."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juesuan import pipeline
from juesuan.extract.quantities import figure, quantity
from juesuan.findings import Severity
from juesuan.model.evaluation import CENTRAL, grade_for
from juesuan.model.figures import Figure
from juesuan.model.performance import FundsRow, Indicator, SelfEvaluation
from juesuan.scoring import score as score_disclosure
from juesuan.scoring import scoring_profile, scoring_profile_names
from juesuan.scoring.performance import score_evaluation
from juesuan.source import Source

HERE = Source(file="t.txt", line=1)


def row(target: str, actual: str, weight: str = "10", claimed: str | None = None, **extra: str) -> Indicator:
    """One indicator row as a specification writes it."""
    return Indicator(
        level1=extra.get("level1", "产出指标"),
        level2=extra.get("level2", "数量指标"),
        name=extra.get("name", "指标"),
        target=quantity(target, HERE),
        actual=quantity(actual, HERE),
        weight=figure(weight, HERE.with_text(weight), "分"),
        score=figure(claimed if claimed is not None else weight, HERE.with_text(claimed or weight), "分"),
        deviation_note=extra.get("note", ""),
        source=HERE,
    )


def table(
    *indicators: Indicator, rate: str = "100.00", executed: str = "10.00", total: str | None = None
) -> SelfEvaluation:
    """A table whose execution line is full unless said otherwise."""
    funds = FundsRow(
        "total",
        "年度资金总额",
        HERE,
        adjusted_budget=Figure(Decimal("10.00"), "万元", HERE),
        executed=Figure(Decimal(executed), "万元", HERE),
        weight=Figure(Decimal(10), "分", HERE, 0),
        execution_rate=Figure(Decimal(rate), "%", HERE),
        score=Figure(Decimal(10), "分", HERE, 0),
    )
    return SelfEvaluation(
        scope="project",
        title="项目支出绩效自评表",
        name="测试",
        source=HERE,
        funds=(funds,),
        indicators=indicators,
        total_score=figure(total, HERE.with_text(total), "分") if total else None,
    )


def scored(indicator: Indicator, profile: str = "central") -> tuple[Decimal, str]:
    result = score_evaluation(table(indicator), scoring_profile(profile)).indicators[0]
    return result.score, result.method


@pytest.mark.parametrize(
    ("target", "actual", "expected", "method"),
    [
        (">=95%", "96%", Decimal("10.00"), "positive"),  # met: full weight
        (">=100件", "80件", Decimal("8.00"), "positive"),  # below target: actual ÷ target × weight
        ("<=50万元", "40万元", Decimal("10.00"), "reverse"),  # under the ceiling: full
        ("<=50万元", "100万元", Decimal("5.00"), "reverse"),  # above: target ÷ actual × weight
        ("=100%", "100%", Decimal("10.00"), "equality"),
        ("=100%", "90%", Decimal("9.00"), "equality"),  # equality scores like a positive target
        (">=0次", "0次", Decimal("10.00"), "positive"),  # zero target met
        ("<=0次", "2次", Decimal("0.00"), "reverse"),  # zero ceiling exceeded: nothing
        ("<=2021年12月31日", "2021年12月20日", Decimal("10.00"), "date"),
    ],
)
def test_quantitative_and_date_indicators_follow_the_rules(
    target: str, actual: str, expected: Decimal, method: str
) -> None:
    assert scored(row(target, actual)) == (expected, method)


def test_the_seed_cost_indicator_is_scored_below_full() -> None:
    result = score_evaluation(table(row("<=51.99万元", "59.03万元", "5", "5")), CENTRAL)
    line = result.indicators[0]
    assert (line.score, line.claimed, line.difference) == (Decimal("4.40"), Decimal(5), Decimal("0.60"))
    errors = {i.rule for i in result.issues if i.severity is Severity.ERROR}
    assert errors == {"PERF-004", "PERF-001"}  # the tiny table's weights do not add up to 100 either


def test_a_cost_target_without_operator_is_a_ceiling() -> None:
    indicator = row("240万元", "229.19万元", "12.5", level2="成本指标")
    assert scored(indicator) == (Decimal("12.50"), "reverse")


def test_a_zero_positive_target_that_is_missed_scores_nothing() -> None:
    # a zero target cannot be missed by a non-negative actual; a negative one scores 0, not a division
    assert scored(row(">=0次", "-1次")) == (Decimal("0.00"), "positive")


def test_a_missing_actual_cannot_be_rescored_and_keeps_the_claim_capped() -> None:
    result = score_evaluation(table(row(">=95%", "", "10", "12")), CENTRAL)
    line = result.indicators[0]
    assert not line.verified and line.score == Decimal("10.00")
    assert any(i.rule == "PERF-003" for i in result.issues)


def test_over_achievement_is_flagged_and_deducted_only_by_its_profile() -> None:
    indicator = row(">=100人", "200人")
    central = score_evaluation(table(indicator), CENTRAL)
    assert central.indicators[0].score == 10 and any("设定偏低" in i.message for i in central.issues)
    assert scored(indicator, "over_achievement_deduct") == (Decimal("8.00"), "positive")


@pytest.mark.parametrize(
    ("actual", "claimed", "profile", "low", "high", "flagged"),
    [
        ("达成预期指标", "10", "central", "8", "10", False),
        ("达成预期指标", "6", "central", "8", "10", True),  # achieved yet scored in the lowest band
        ("部分达成", "7", "central", "6", "8", False),
        ("部分达成", "5.5", "central", "6", "8", False),  # within ±0.5 of the band
        ("部分达成", "5", "central", "6", "8", True),
        ("部分达成", "5", "central_2017", "5", "8", False),  # the 2017 template's 80/50 bands
        ("未达成", "3", "central", "0", "6", False),
    ],
)
def test_qualitative_indicators_are_scored_in_bands(
    actual: str, claimed: str, profile: str, low: str, high: str, flagged: bool
) -> None:
    result = score_evaluation(
        table(row("有效", actual, "10", claimed, note="原因")), scoring_profile(profile)
    )
    line = result.indicators[0]
    assert (line.method, line.low, line.high) == ("qualitative", Decimal(low), Decimal(high))
    assert any(i.rule in ("PERF-012", "PERF-004") for i in result.issues) is flagged


def test_satisfaction_is_a_positive_quantitative_indicator() -> None:
    indicator = row(">=90%", "85%", level1="满意度指标", level2="服务对象满意度指标")
    assert scored(indicator) == (Decimal("9.44"), "positive")


def test_execution_rate_is_executed_over_full_year_budget_capped_and_banded_by_profile() -> None:
    linear = score_evaluation(table(row(">=1次", "1次", "90"), executed="8.00", rate="80.00"), CENTRAL)
    assert (linear.execution.rate, linear.execution.score) == (Decimal("80.00"), Decimal("8.00"))
    banded = score_evaluation(
        table(row(">=1次", "1次", "90"), executed="8.00", rate="80.00"), scoring_profile("execution_bands")
    )
    assert banded.execution.score == Decimal("8.00")  # 80–90% band: 80% of the weight
    over = score_evaluation(table(row(">=1次", "1次", "90"), executed="12.00", rate="120.00"), CENTRAL)
    assert over.execution.score == Decimal("10.00")  # over-execution is not rewarded


def test_grades_follow_the_bands() -> None:
    assert [grade_for(Decimal(v)) for v in ("90", "89.99", "80", "60", "59.99")] == [
        "优",
        "良",
        "良",
        "中",
        "差",
    ]


def test_a_stated_grade_that_contradicts_its_total_is_reported() -> None:
    evaluation = dataclasses.replace(table(row(">=1次", "1次", "90"), total="100"), grade="良")
    assert any(i.rule == "PERF-013" for i in score_evaluation(evaluation, CENTRAL).issues)


def test_every_profile_loads_and_central_matches_the_shared_default() -> None:
    assert scoring_profile_names()[0] == "central"
    for name in scoring_profile_names():
        assert scoring_profile(name).name == name
    loaded = scoring_profile("central")
    assert dataclasses.replace(loaded, title=CENTRAL.title, basis=CENTRAL.basis) == CENTRAL


weights = st.integers(min_value=1, max_value=40).map(Decimal)
claims = st.decimals(min_value=0, max_value=60, places=2, allow_nan=False, allow_infinity=False)
values = st.decimals(min_value=0, max_value=500, places=1, allow_nan=False, allow_infinity=False)


@st.composite
def indicators(draw: st.DrawFn) -> Indicator:
    weight, claimed = draw(weights), draw(claims)
    operator = draw(st.sampled_from([">=", "<=", "=", ""]))
    target, actual = draw(values), draw(values)
    words = draw(st.sampled_from(["", "有效", "部分达成", "未达成"]))
    target_text = "有效" if words else f"{operator}{target}件"
    actual_text = words or f"{actual}件"
    return row(target_text, actual_text, f"{weight}", f"{claimed}")


@settings(max_examples=150, deadline=None)
@given(st.lists(indicators(), min_size=1, max_size=12))
def test_the_total_never_exceeds_100_and_claims_above_weight_are_always_reported(
    rows: list[Indicator],
) -> None:
    result = score_evaluation(table(*rows), CENTRAL)
    assert Decimal(0) <= result.total <= 100
    assert all(line.score <= (line.weight or 0) for line in result.indicators)
    above = sum(1 for i in rows if i.score and i.weight and i.score.value > i.weight.value)
    assert sum(1 for issue in result.issues if issue.rule == "PERF-003") == above


def test_the_seed_tables_are_rescored_as_the_department_should_have(seed: Path) -> None:
    result = pipeline.score(seed)
    assert result.profile == "central"
    totals = [(e.name, e.total, e.grade, e.claimed_total) for e in result.evaluations]
    assert totals == [
        ("访惠聚队员补助", Decimal("100.00"), "优", Decimal(100)),
        ("信访工作经费", Decimal("99.40"), "优", Decimal("95.80")),
        ("垫付救助金化解信访积案", Decimal("100.00"), "优", Decimal("100.00")),
    ]
    petition = result.evaluations[1]
    cost = next(i for i in petition.indicators if "工作经费总额" in i.name)
    assert (cost.score, cost.claimed, cost.method) == (Decimal("4.40"), Decimal(5), "reverse")
    assert cost.source.line == 478
    assert [i for i in petition.indicators if i is not cost and i.score != i.claimed] == []
    assert petition.claimed_sum == Decimal("100.00")
    messages = {i.rule: i for i in petition.issues}
    assert messages["PERF-005"].severity is Severity.ERROR and "95.80" in messages["PERF-005"].message
    assert "99.40" in messages["PERF-012"].message
    assert [e.issues for e in (result.evaluations[0], result.evaluations[2])] == [(), ()]
    assert [(c.item, c.consistent) for c in result.summary] == [
        ("项目个数", True),
        ("涉及资金（万元）", True),
    ]


def test_the_department_wide_table_of_a_real_pdf_is_rescored() -> None:
    from tests.conftest import CORPUS, require_corpus

    require_corpus()
    path = CORPUS / "real/calinchow-renwu/020_西安/卫生健康委员会_2026年部门预算.pdf"
    result = score_disclosure(pipeline.extract_file(path))
    department = result.evaluations[0]
    assert (department.scope, department.name, len(department.indicators)) == (
        "department",
        "西安市卫生健康委员会",
        20,
    )
    assert department.execution.rate == Decimal("83.16") and department.execution.score == Decimal("8.32")
    talent = next(i for i in department.indicators if i.name == "引进高层次人次")
    assert (talent.score, talent.claimed) == (Decimal("1.86"), Decimal("1.5"))
    assert department.claimed_total == Decimal("99.5")
    assert len(result.evaluations) == 89 and all(e.total <= 100 for e in result.evaluations)
