"""The seed (a real 2021 final-accounts disclosure of a petition bureau): its exact result."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from juesuan import pipeline
from juesuan.findings import Severity


def test_the_seed_has_exactly_its_four_real_errors(seed: Path) -> None:
    report = pipeline.run(seed).report
    errors = sorted((f.rule, f.source.line) for f in report.findings if f.severity is Severity.ERROR)
    assert errors == [
        ("ARITH-001", 49),  # personnel items add up to 193.25, stated 188.25
        ("CODE-001", 43),  # 204999 has six digits
        ("PERF-004", 482),  # 59.03 above the target ≤ 51.99, yet full score
        ("PERF-005", 547),  # 信访工作经费 states 95.80 while its scores add up to 100
    ]
    messages = {f.rule: f for f in report.findings if f.severity is Severity.ERROR}
    personnel = dict(messages["ARITH-001"].values)
    assert (personnel["stated"], personnel["computed"]) == (Decimal("188.25"), Decimal("193.25"))
    total = dict(messages["PERF-005"].values)
    assert (total["stated"], total["computed"]) == (Decimal("95.80"), Decimal("100.00"))
    assert "204999" in messages["CODE-001"].message
    assert "59.03" in messages["PERF-004"].message and "51.99" in messages["PERF-004"].message


def test_the_seed_warns_about_the_vehicle_the_payments_and_the_missing_statements(seed: Path) -> None:
    report = pipeline.run(seed).report
    warnings = {(f.rule, f.source.line): f.message for f in report.findings if f.severity is Severity.WARNING}
    assert ("COUNT-003", 54) in warnings and "应急保障用车" in warnings[("COUNT-003", 54)]
    assert ("PERF-009", 228) in warnings and "1.44" in warnings[("PERF-009", 228)]
    assert "1.23" in warnings[("PERF-009", 228)]
    assert ("COMP-002", 808) in warnings and "9张" in warnings[("COMP-002", 808)]


def test_every_finding_of_the_seed_points_at_a_line_and_quotes_it(seed: Path) -> None:
    lines = seed.read_text(encoding="utf-8").splitlines()
    for finding in pipeline.run(seed).report.findings:
        source = finding.source
        assert source.line is not None, finding
        assert source.text, finding
        assert source.text.split("\n")[0] in lines[source.line - 1], finding


def test_the_seed_is_read_completely(seed: Path) -> None:
    disclosure = pipeline.extract_file(seed)
    assert (disclosure.kind, disclosure.year) == ("final", 2021)
    assert disclosure.department == "乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）信访局"
    assert len(disclosure.profile.functions) == 10
    assert disclosure.profile.divisions == ("党政办", "综合办", "督察办", "信访中心")
    headcount = disclosure.profile.headcount
    assert headcount is not None
    assert [(p.key, p.amount.value) for p in headcount.parts] == [
        ("active", 9),
        ("retired_before_1949", 0),
        ("retired", 0),
    ]
    narrative = disclosure.narrative
    assert narrative.overview.income_total is not None
    change = narrative.overview.income_total.change
    assert change is not None and change.amount is not None and change.rate is not None
    assert (change.word, change.amount.value, change.rate.value) == (
        "增加",
        Decimal("94.54"),
        Decimal("54.00"),
    )
    gbe = narrative.general_budget_expenditure
    assert gbe is not None
    assert [(p.code, p.amount.value) for p in gbe.parts] == [
        ("2010301", Decimal("171.81")),
        ("2010399", Decimal("75.47")),
        ("204999", Decimal("11.52")),
        ("2080505", Decimal("10.76")),
    ]
    appropriation = narrative.appropriation.income_budget
    assert appropriation is not None and appropriation.budget is not None
    assert appropriation.budget.variance_rate is not None
    assert appropriation.budget.variance_rate.value == Decimal("59.23")
    three = narrative.three_public
    assert (three.vehicle_fleet and three.vehicle_fleet.value) == 0
    assert len(three.budget_comparisons) == 5
    assert narrative.agency_operating_costs is not None
    assert narrative.agency_operating_costs.amount.value == Decimal("5.84")
    procurement = narrative.procurement.composition
    assert procurement is not None and procurement.total.amount.value == Decimal("0.89")
    assets = narrative.state_assets
    assert assets.vehicles is not None and assets.vehicles.total.amount.value == 1
    assert narrative.performance.evaluated_projects is not None
    assert narrative.performance.evaluated_projects.value == 3
    assert narrative.petition.conclusion_rate is not None
    assert narrative.petition.conclusion_rate.value == Decimal("99.78")
    assert [e.name for e in disclosure.self_evaluations] == [
        "访惠聚队员补助",
        "信访工作经费",
        "垫付救助金化解信访积案",
    ]
    assert [len(e.indicators) for e in disclosure.self_evaluations] == [12, 12, 11]
    assert len(disclosure.glossary) == 14
    assert [ref.key for ref in disclosure.statements_listed] == [
        "summary",
        "income",
        "expenditure",
        "appropriation_summary",
        "general_budget_expenditure",
        "basic_expenditure",
        "three_public",
        "government_fund",
        "state_capital",
    ]
    assert not any(ref.attached for ref in disclosure.statements_listed)


def test_the_self_evaluation_of_the_petition_fund_is_read_cell_by_cell(seed: Path) -> None:
    evaluation = pipeline.extract_file(seed).self_evaluations[1]
    total = evaluation.funds_row("total")
    assert total is not None and total.executed is not None and total.execution_rate is not None
    assert (total.executed.value, total.execution_rate.value) == (Decimal("51.99"), Decimal("100.00"))
    cost = next(i for i in evaluation.indicators if i.name.startswith("接访劝返"))
    assert (cost.level1, cost.level2) == ("产出指标", "成本指标")
    assert (cost.target.operator, cost.target.value, cost.target.unit) == ("<=", Decimal("51.99"), "万元")
    assert cost.actual.value == Decimal("59.03")
    assert cost.weight is not None and cost.score is not None
    assert (cost.weight.value, cost.score.value, cost.source.line) == (5, 5, 478)
    assert evaluation.total_score is not None and evaluation.total_score.value == Decimal("95.80")
    assert [p.role for p in evaluation.persons] == ["项目负责人", "经办人"]
