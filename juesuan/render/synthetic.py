"""Seeded synthetic inputs: valid, self-consistent disclosures of fictional departments.

Used for the bundled example, the round-trip tests and the property tests. Every total is
the sum of its parts, the general-budget items tie to the personnel items (养老保险), the
“三公” counts match the amounts, and the self-evaluation scores follow the central rules,
so a generated document checks clean. ``mistakes`` injects named contradictions on
purpose (the example's deliberate mistakes); see :data:`MISTAKES`.

Lives under ``render`` because it serves the generator and imports only core types.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from juesuan.model.input import (
    VEHICLE_CATEGORIES,
    AssetsInput,
    BalanceInput,
    BasicExpenditureInput,
    DisclosureInput,
    Entry,
    FunctionItem,
    FunctionRow,
    FundsInput,
    Headcount,
    IndicatorInput,
    PerformanceInput,
    ProcurementInput,
    ProfileInput,
    SelfEvaluationInput,
    ThreePublicInput,
)
from juesuan.render.glossary import STANDARD_GLOSSARY
from juesuan.render.synthetic_data import (
    COUNTIES,
    DIVISIONS,
    FUNCTIONS,
    OFFICES,
    OPERATING_ITEMS,
    PROJECTS,
    REASONS_DOWN,
    REASONS_UP,
)

ZERO = Decimal("0.00")
INCOME_LABELS = ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
EXPENDITURE_LABELS = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
#: Named contradictions the builder can inject: each breaks exactly one identity.
MISTAKES = {
    "operating_items": "公用经费所列分项之和与合计不符",
    "unmet_full_score": "自评表中一项未达目标的指标得满分",
}


def cents(rng: random.Random, low: int, high: int) -> Decimal:
    """A random amount in 万元 between ``low`` and ``high`` hundredths."""
    return Decimal(rng.randint(low, high)) / 100


def _previous(rng: random.Random, amount: Decimal, label: str) -> Entry:
    """An entry with a previous year 70–130 % of this year's and a matching reason."""
    previous = (amount * Decimal(rng.randint(70, 130)) / 100).quantize(Decimal("0.01"))
    if previous == amount:
        return Entry(label, amount, previous=previous)
    reasons = REASONS_UP if amount > previous else REASONS_DOWN
    return Entry(label, amount, previous=previous, reason=rng.choice(reasons))


def _split(rng: random.Random, total: Decimal, parts: int) -> list[Decimal]:
    """``total`` split into ``parts`` positive amounts that add up exactly."""
    weights = [rng.randint(1, 100) for _ in range(parts)]
    whole = int(total * 100)
    shares = [whole * w // sum(weights) for w in weights]
    shares[0] += whole - sum(shares)
    return [Decimal(s) / 100 for s in shares]


def _personnel(rng: random.Random) -> list[Entry]:
    items = [
        ("基本工资", 3000, 9000),
        ("津贴补贴", 3000, 9000),
        ("奖金", 500, 3000),
        ("绩效工资", 1000, 4000),
        ("机关事业单位基本养老保险缴费", 800, 2500),
        ("职工基本医疗保险缴费", 500, 1500),
        ("住房公积金", 800, 2000),
    ]
    return [Entry(label, cents(rng, low, high)) for label, low, high in items]


def _operating(rng: random.Random) -> list[Entry]:
    chosen = rng.sample(OPERATING_ITEMS, rng.randint(4, len(OPERATING_ITEMS)))
    return [Entry(label, cents(rng, 5, 800)) for label in chosen]


def _amount_of(items: list[Entry], label: str) -> Decimal:
    return next(e.amount for e in items if e.label == label)


def _items(
    rng: random.Random, personnel: list[Entry], basic: Decimal, project: Decimal
) -> list[FunctionItem]:
    pension = _amount_of(personnel, "机关事业单位基本养老保险缴费")
    medical = _amount_of(personnel, "职工基本医疗保险缴费")
    housing = _amount_of(personnel, "住房公积金")
    running = basic - pension - medical - housing
    items = [
        FunctionItem("2010101", "行政运行", basic=running),
        FunctionItem("2010102", "一般行政管理事务", project=project),
        FunctionItem("2080505", "机关事业单位基本养老保险缴费支出", basic=pension),
        FunctionItem("2101101", "行政单位医疗", basic=medical),
        FunctionItem("2210201", "住房公积金", basic=housing),
    ]
    return [item for item in items if item.amount]


def _three_public(rng: random.Random, fleet: int) -> ThreePublicInput:
    operation = cents(rng, 50, 400) if fleet else ZERO
    batches = rng.randint(0, 30)
    reception = cents(rng, 10, 300) if batches else ZERO
    vehicles = operation
    total = vehicles + reception

    def entry(label: str, amount: Decimal, note: str = "") -> Entry:
        base = _previous(rng, amount, label) if amount else Entry(label, amount, previous=ZERO)
        budget = (amount * Decimal(rng.randint(100, 120)) / 100).quantize(Decimal("0.01"))
        reason = "严格执行厉行节约规定" if budget != amount else ""
        return replace(base, budget=budget, budget_reason=reason, note=note)

    return ThreePublicInput(
        total=entry("“三公”经费", total),
        overseas=entry("因公出国（境）费", ZERO),
        vehicles=entry("公务用车购置及运行维护费", vehicles),
        vehicle_purchase=entry("公务用车购置费", ZERO),
        vehicle_operation=entry(
            "公务用车运行维护费", operation, "燃料费、维修费和保险费" if operation else ""
        ),
        reception=entry("公务接待费", reception, "上级业务指导和兄弟单位交流的工作餐" if reception else ""),
        vehicle_fleet=fleet,
        reception_batches=batches,
        reception_persons=batches * rng.randint(2, 8),
    )


def _budget_total(parts: list[Entry]) -> Decimal:
    return sum((p.budget or ZERO for p in parts), ZERO)


def _evaluation(rng: random.Random, name: str, department: str, year: int) -> SelfEvaluationInput:
    budget = cents(rng, 500, 8000)
    executed = (budget * Decimal(rng.randint(90, 100)) / 100).quantize(Decimal("0.01"))
    funds = FundsInput(budget, budget, executed)
    output = [
        IndicatorInput(
            "产出指标",
            "数量指标",
            "完成工作任务数",
            ">=10项",
            f"{rng.randint(10, 14)}项",
            Decimal(15),
            Decimal(15),
        ),
        IndicatorInput("产出指标", "质量指标", "任务验收合格率", "=100%", "100%", Decimal(15), Decimal(15)),
        IndicatorInput(
            "产出指标",
            "时效指标",
            "项目完成时间",
            f"<={year}年12月31日",
            f"{year}年12月31日",
            Decimal(10),
            Decimal(10),
        ),
        IndicatorInput(
            "产出指标",
            "成本指标",
            "项目总成本",
            f"<={budget}万元",
            f"{executed}万元",
            Decimal(10),
            Decimal(10),
        ),
        IndicatorInput(
            "效益指标", "社会效益指标", "服务保障能力", "有效提升", "达成预期指标", Decimal(20), Decimal(20)
        ),
        IndicatorInput(
            "效益指标", "可持续影响指标", "项目持续发挥效益年限", ">=1年", "1年", Decimal(10), Decimal(10)
        ),
        IndicatorInput(
            "满意度指标",
            "满意度指标",
            "服务对象满意度",
            ">=90%",
            f"{rng.randint(90, 99)}%",
            Decimal(10),
            Decimal(10),
        ),
    ]
    return SelfEvaluationInput(
        name=name,
        department=department,
        implementer=department,
        total=funds,
        current=funds,
        expected_goal=f"按计划完成{name}各项任务，保障工作正常开展。",
        achieved_goal=f"已按计划完成{name}，资金执行{executed}万元。",
        indicators=tuple(output),
        persons=(("项目负责人", "王明", ""), ("经办人", "李华", "0000-1234567")),
    )


def example(seed: int = 0, mistakes: tuple[str, ...] = (), year: int | None = None) -> DisclosureInput:
    """A valid final-accounts input for a fictional department (``mistakes``: see :data:`MISTAKES`)."""
    rng = random.Random(seed)
    year = year or rng.randint(2021, 2025)
    department = f"{rng.choice(COUNTIES)}{rng.choice(OFFICES)}"
    personnel = _personnel(rng)
    operating = _operating(rng)
    personnel_total = sum((e.amount for e in personnel), ZERO)
    operating_total = sum((e.amount for e in operating), ZERO)
    basic = personnel_total + operating_total
    project = cents(rng, 0, 20000)
    general = basic + project
    surplus = cents(rng, 0, 300)
    other = cents(rng, 0, 3000) if rng.random() < 0.3 else ZERO
    appropriation = general + surplus
    items = _items(rng, personnel, basic, project)
    income_total = appropriation + other
    spending = general + other
    sources = [_previous(rng, appropriation, INCOME_LABELS[0])] + [
        Entry(label, other if label == "其他收入" else ZERO) for label in INCOME_LABELS[1:]
    ]
    types = [Entry("基本支出", basic + other), Entry("项目支出", project)] + [
        Entry(label) for label in EXPENDITURE_LABELS[2:]
    ]
    income = _previous(rng, income_total, "本年收入")
    expenditure = _previous(rng, spending, "本年支出")
    fleet = rng.randint(0, 3)
    categories = [(name, 0) for name in VEHICLE_CATEGORIES]
    if fleet:
        categories[3] = (VEHICLE_CATEGORIES[3], fleet)  # 应急保障用车
    evaluations = tuple(
        _evaluation(rng, name, department, year) for name in rng.sample(PROJECTS, rng.randint(1, 3))
    )
    data = DisclosureInput(
        kind="final",
        year=year,
        department=department,
        profile=ProfileInput(
            functions=tuple(rng.sample(FUNCTIONS, rng.randint(3, 6))),
            divisions=tuple(rng.sample(DIVISIONS, rng.randint(3, 6))),
            headcount=Headcount(active=rng.randint(5, 60), retired=rng.randint(0, 20)),
        ),
        income=income,
        income_sources=tuple(sources),
        expenditure=expenditure,
        expenditure_types=tuple(types),
        appropriation_income=replace(
            _previous(rng, appropriation, "财政拨款收入"),
            budget=(appropriation * Decimal(rng.randint(85, 100)) / 100).quantize(Decimal("0.01")),
            budget_reason="年中追加项目经费",
        ),
        appropriation_expenditure=replace(
            _previous(rng, general, "财政拨款支出"),
            budget=(general * Decimal(rng.randint(85, 100)) / 100).quantize(Decimal("0.01")),
            budget_reason="年中追加项目经费",
        ),
        general_budget=Entry("一般公共预算财政拨款支出", general),
        general_budget_items=tuple(items),
        basic=BasicExpenditureInput(
            total=Entry("基本支出", basic),
            personnel=Entry("人员经费", personnel_total),
            personnel_items=tuple(personnel),
            operating=Entry("公用经费", operating_total),
            operating_items=tuple(operating),
        ),
        three_public=_three_public(rng, fleet),
        agency_costs=_previous(rng, operating_total, "机关运行经费"),
        procurement=_procurement(rng),
        assets=AssetsInput(
            building_area=cents(rng, 20000, 300000),
            building_value=cents(rng, 5000, 90000),
            vehicles=fleet,
            vehicles_value=cents(rng, 1000, 3000) * fleet,
            vehicle_categories=tuple(categories),
            general_equipment=rng.randint(0, 2),
            special_equipment=rng.randint(0, 2),
        ),
        performance=PerformanceInput(
            projects=len(evaluations),
            funds=sum((e.total.adjusted for e in evaluations), ZERO),
            evaluations=evaluations,
        ),
        balances=BalanceInput(carryover_end=surplus),
        income_rows=_income_rows(items, surplus, other),
        expenditure_rows=_expenditure_rows(items, other),
        glossary=STANDARD_GLOSSARY,
    )
    data = _fix_three_public_budget(data)
    for mistake in mistakes:
        data = inject(data, mistake)
    return data


def _procurement(rng: random.Random) -> ProcurementInput:
    goods, works, services = cents(rng, 0, 3000), ZERO, cents(rng, 0, 2000)
    total = goods + works + services
    sme = (total * Decimal(rng.randint(50, 100)) / 100).quantize(Decimal("0.01"))
    micro = (sme * Decimal(rng.randint(30, 100)) / 100).quantize(Decimal("0.01"))
    return ProcurementInput(total, goods, works, services, sme, micro)


def _income_rows(items: list[FunctionItem], surplus: Decimal, other: Decimal) -> tuple[FunctionRow, ...]:
    rows = []
    for index, item in enumerate(items):
        extra = surplus if index == 0 else ZERO
        rows.append(
            FunctionRow(
                item.code,
                item.name,
                (item.amount + extra, ZERO, ZERO, ZERO, ZERO, other if index == 0 else ZERO),
            )
        )
    return tuple(rows)


def _expenditure_rows(items: list[FunctionItem], other: Decimal) -> tuple[FunctionRow, ...]:
    return tuple(
        FunctionRow(i.code, i.name, (i.basic + (other if n == 0 else ZERO), i.project, ZERO, ZERO, ZERO))
        for n, i in enumerate(items)
    )


def _fix_three_public_budget(data: DisclosureInput) -> DisclosureInput:
    """The “三公” total and vehicle budgets, and last year's figures, are the sums of their parts'
    (a budget disclosure prints last year's figures in 公开07表 too)."""
    info = data.three_public
    vehicles_budget = (info.vehicle_purchase.budget or ZERO) + (info.vehicle_operation.budget or ZERO)
    vehicles_before = (info.vehicle_purchase.previous or ZERO) + (info.vehicle_operation.previous or ZERO)
    vehicles = replace(info.vehicles, budget=vehicles_budget, budget_reason="", previous=vehicles_before)
    parts = [info.overseas, vehicles, info.reception]
    total_budget = _budget_total(parts)
    reason = "严格执行厉行节约规定" if total_budget != info.total.amount else ""
    total_before = sum((part.previous or ZERO for part in parts), ZERO)
    total = replace(info.total, budget=total_budget, budget_reason=reason, previous=total_before)
    return replace(data, three_public=replace(info, total=total, vehicles=vehicles))


def inject(data: DisclosureInput, mistake: str) -> DisclosureInput:
    """``data`` with the named contradiction (a key of :data:`MISTAKES`)."""
    if mistake == "operating_items":
        items = list(data.basic.operating_items)
        items[0] = replace(items[0], amount=items[0].amount + Decimal("1.00"))
        return replace(data, basic=replace(data.basic, operating_items=tuple(items)))
    if mistake == "unmet_full_score":
        evaluation = data.performance.evaluations[0]
        indicators = list(evaluation.indicators)
        indicators[0] = replace(indicators[0], actual="8项")
        evaluation = replace(evaluation, indicators=tuple(indicators))
        performance = replace(data.performance, evaluations=(evaluation, *data.performance.evaluations[1:]))
        return replace(data, performance=performance)
    raise ValueError(f"unknown mistake {mistake!r}; known: {', '.join(MISTAKES)}")
