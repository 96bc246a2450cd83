"""An extracted :class:`Disclosure` → the generator's :class:`DisclosureInput` (for the seed test).

It lives with the tests because a top-level ``juesuan/convert.py`` belongs to no layer of
``tests/test_architecture.py``; the golden test is its only user. What the extracted model
does not carry (the human-written contents notes and free statements) the caller supplies.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Breakdown, StatedAmount, direction_of
from juesuan.model.input import (
    AssetsInput,
    BalanceInput,
    BasicExpenditureInput,
    DisclosureInput,
    Entry,
    FunctionItem,
    FundsInput,
    Headcount,
    IndicatorInput,
    PerformanceInput,
    ProcurementInput,
    ProfileInput,
    SelfEvaluationInput,
    ThreePublicInput,
)
from juesuan.model.performance import FundsRow, SelfEvaluation

ZERO = Decimal("0.00")


def previous_of(stated: StatedAmount) -> Decimal | None:
    """Last year's amount from the stated change (amount ∓ difference)."""
    change = stated.change
    if change is None:
        return None
    if change.amount is None:
        return stated.amount.value
    sign = direction_of(change.word) or 0
    return stated.amount.value - sign * change.amount.value


def entry(stated: StatedAmount | None, label: str | None = None, budget: StatedAmount | None = None) -> Entry:
    """The input entry of a stated amount, with the budget comparison of ``budget`` if given."""
    if stated is None:
        return Entry(label or "")
    comparison = (budget or stated).budget
    return Entry(
        label=label or stated.label,
        amount=stated.amount.value,
        code=stated.code or "",
        previous=previous_of(stated),
        budget=comparison.budget.value if comparison is not None else None,
        reason=(stated.reason or "") if stated.change is not None else "",
        budget_reason=((budget.reason or "") if budget is not None else ""),
    )


def parts(breakdown: Breakdown | None) -> tuple[Entry, ...]:
    """The parts of a breakdown as entries."""
    return tuple(entry(part) for part in breakdown.parts) if breakdown else ()


def _key(items: tuple[StatedAmount, ...], key: str) -> StatedAmount | None:
    return next((item for item in items if item.key == key), None)


def three_public(disclosure: Disclosure) -> ThreePublicInput:
    """七 from its composition, vehicle split, budget comparisons and counts."""
    narrative = disclosure.narrative.three_public
    composition, vehicles = narrative.composition, narrative.vehicles
    assert composition is not None and vehicles is not None
    budgets = narrative.budget_comparisons

    def with_budget(stated: StatedAmount | None, key: str, label: str) -> Entry:
        return entry(stated, label, _key(budgets, key))

    def count(name: str) -> int:
        figure = getattr(narrative, name)
        return int(figure.value) if figure is not None else 0

    return ThreePublicInput(
        total=with_budget(composition.total, "three_public_total", "“三公”经费"),
        overseas=with_budget(
            _key(composition.parts, "overseas_travel"), "overseas_travel", "因公出国（境）费"
        ),
        vehicles=entry(_key(composition.parts, "official_vehicles"), "公务用车购置及运行维护费"),
        vehicle_purchase=with_budget(
            _key(vehicles.parts, "vehicle_purchase"), "vehicle_purchase", "公务用车购置费"
        ),
        vehicle_operation=with_budget(
            _key(vehicles.parts, "vehicle_operation"), "vehicle_operation", "公务用车运行维护费"
        ),
        reception=with_budget(
            _key(composition.parts, "official_reception"), "official_reception", "公务接待费"
        ),
        overseas_groups=count("overseas_groups"),
        overseas_persons=count("overseas_persons"),
        vehicles_purchased=count("vehicles_purchased"),
        vehicle_fleet=count("vehicle_fleet"),
        reception_batches=count("reception_batches"),
        reception_persons=count("reception_persons"),
    )


def _funds(row: FundsRow | None) -> FundsInput:
    if row is None:
        return FundsInput()
    values = [
        f.value if f is not None else ZERO for f in (row.initial_budget, row.adjusted_budget, row.executed)
    ]
    return FundsInput(*values)


def evaluation(table: SelfEvaluation) -> SelfEvaluationInput:
    """A self-evaluation table as input (the execution score and the total are recomputed)."""
    return SelfEvaluationInput(
        name=table.name,
        department=table.department,
        implementer=table.implementer,
        total=_funds(table.funds_row("total")),
        current=_funds(table.funds_row("current_appropriation")),
        carryover=_funds(table.funds_row("carryover")),
        other=_funds(table.funds_row("other")),
        expected_goal=table.expected_goal,
        achieved_goal=table.achieved_goal,
        indicators=tuple(
            IndicatorInput(
                level1=i.level1,
                level2=i.level2,
                name=i.name,
                target=i.target.text,
                actual=i.actual.text,
                weight=i.weight.value if i.weight else ZERO,
                score=i.score.value if i.score else ZERO,
                note=i.deviation_note,
            )
            for i in table.indicators
        ),
        persons=tuple((p.role, p.name, p.phone) for p in table.persons),
    )


def _lists(outcomes: tuple[str, ...]) -> list[list[str]]:
    """Split "一是…" outcome sentences into lists at every new 一是."""
    lists: list[list[str]] = []
    for outcome in outcomes:
        text = outcome[2:].split("，具体项目")[0]
        if outcome.startswith("一是") or not lists:
            lists.append([])
        lists[-1].append(text)
    return lists + [[] for _ in range(3 - len(lists))]


def _general_budget(disclosure: Disclosure) -> tuple[Entry, tuple[FunctionItem, ...]]:
    """五: items are basic unless one item is exactly the project expenditure (the seed's case)."""
    gbe = disclosure.narrative.general_budget_expenditure
    assert gbe is not None
    kinds = disclosure.narrative.expenditure
    project = _key(kinds.parts, "project_expenditure") if kinds else None
    project_total = project.amount.value if project else ZERO
    items = []
    for part in gbe.parts:
        value = part.amount.value
        is_project = bool(project_total) and value == project_total
        items.append(
            FunctionItem(
                code=part.code or "",
                name=part.label,
                basic=ZERO if is_project else value,
                project=value if is_project else ZERO,
            )
        )
    return entry(gbe.total, "一般公共预算财政拨款支出"), tuple(items)


def _balances(disclosure: Disclosure) -> BalanceInput:
    """Carry-overs the narrative does not state: the year's surplus is carried to the end."""
    overview = disclosure.narrative.overview
    if overview.income_total is None or overview.expenditure_total is None:
        return BalanceInput()
    surplus = overview.income_total.amount.value - overview.expenditure_total.amount.value
    return BalanceInput(
        carryover_end=max(surplus, ZERO),
        carryover_start=max(-surplus, ZERO),
        appropriation_carryover_start=max(-surplus, ZERO),
    )


def to_input(disclosure: Disclosure, **human: object) -> DisclosureInput:
    """The input that generates ``disclosure``; ``human`` overrides fields the model lacks."""
    narrative = disclosure.narrative
    profile = disclosure.profile
    headcount = {p.key: int(p.amount.value) for p in profile.headcount.parts} if profile.headcount else {}
    general_total, items = _general_budget(disclosure)
    basic = narrative.basic_expenditure
    procurement = narrative.procurement
    assets = narrative.state_assets
    performance = narrative.performance
    achievements, problems, improvements = _lists(performance.outcomes)[:3]
    appropriation = narrative.appropriation
    fields: dict[str, object] = {
        "kind": disclosure.kind or "final",
        "year": disclosure.year or 0,
        "department": disclosure.department,
        "profile": ProfileInput(
            functions=profile.functions,
            subordinate_units=int(profile.subordinate_units.value) if profile.subordinate_units else 0,
            divisions=profile.divisions,
            headcount=Headcount(**headcount),
        ),
        "income": entry(narrative.overview.income_total, "本年收入"),
        "income_sources": parts(narrative.income),
        "expenditure": entry(narrative.overview.expenditure_total, "本年支出"),
        "expenditure_types": parts(narrative.expenditure),
        "appropriation_income": entry(appropriation.income, "财政拨款收入", appropriation.income_budget),
        "appropriation_expenditure": entry(
            appropriation.expenditure, "财政拨款支出", appropriation.expenditure_budget
        ),
        "general_budget": general_total,
        "general_budget_items": items,
        "basic": BasicExpenditureInput(
            total=entry(basic.total, "基本支出"),
            personnel=entry(basic.personnel_costs.total if basic.personnel_costs else None, "人员经费"),
            personnel_items=parts(basic.personnel_costs),
            operating=entry(basic.operating_costs.total if basic.operating_costs else None, "公用经费"),
            operating_items=parts(basic.operating_costs),
        ),
        "three_public": three_public(disclosure),
        "agency_costs": entry(narrative.agency_operating_costs, "机关运行经费")
        if narrative.agency_operating_costs
        else None,
        "procurement": ProcurementInput(
            **{
                name: (_key(procurement.composition.parts, key) or procurement.composition.total).amount.value
                if procurement.composition
                else ZERO
                for name, key in (
                    ("total", "procurement_total"),
                    ("goods", "procurement_goods"),
                    ("works", "procurement_works"),
                    ("services", "procurement_services"),
                )
            },
            sme=procurement.sme_contracts.amount.value if procurement.sme_contracts else ZERO,
            micro_small=procurement.micro_small_contracts.amount.value
            if procurement.micro_small_contracts
            else ZERO,
        ),
        "assets": AssetsInput(
            building_area=assets.building_area.value if assets.building_area else ZERO,
            building_value=assets.building_value.value if assets.building_value else ZERO,
            vehicles=int(assets.vehicles.total.amount.value) if assets.vehicles else 0,
            vehicles_value=assets.vehicles_value.value if assets.vehicles_value else ZERO,
            vehicle_categories=tuple((p.label, int(p.amount.value)) for p in assets.vehicles.parts)
            if assets.vehicles
            else (),
            general_equipment=int(assets.general_equipment_over_500k.value)
            if assets.general_equipment_over_500k
            else 0,
            special_equipment=int(assets.special_equipment_over_1m.value)
            if assets.special_equipment_over_1m
            else 0,
        ),
        "performance": PerformanceInput(
            projects=int(performance.evaluated_projects.value) if performance.evaluated_projects else 0,
            funds=performance.evaluated_funds.value if performance.evaluated_funds else ZERO,
            achievements=tuple(achievements),
            problems=tuple(problems),
            improvements=tuple(improvements),
            evaluations=tuple(evaluation(table) for table in disclosure.self_evaluations),
        ),
        "glossary": tuple((e.term, e.definition) for e in disclosure.glossary),
        "balances": _balances(disclosure),
    }
    fields.update(human)
    return DisclosureInput(**fields)  # type: ignore[arg-type]
