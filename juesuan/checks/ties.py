"""Ties between sections: the same quantity stated twice, and quantities that must agree."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.registry import Checked, NotApplicable, Violation, Yield, rule
from juesuan.checks.tolerance import sum_tolerance
from juesuan.checks.walk import amounts
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure, StatedAmount, direction_of
from juesuan.model.performance import SelfEvaluation
from juesuan.settings import Settings


def _occurrences(disclosure: Disclosure) -> dict[tuple[str, str], list[tuple[str, str, Figure]]]:
    """Every printed figure of each key (amounts and the actuals restated in budget comparisons)."""
    found: dict[tuple[str, str], list[tuple[str, str, Figure]]] = defaultdict(list)
    for section, stated in amounts(disclosure):
        if (
            re.search(r"\d", stated.label)
            or len(stated.label) > 40
            or stated.label.startswith("含")
            or (stated.label.endswith(("预算", "预算数")) and stated.budget is None)
        ):
            continue  # cut out of a sentence no pattern knows, a part ("含…"), or a budget figure
        found[(stated.key, stated.amount.unit)].append((section, stated.label, stated.amount))
        actual = stated.budget.actual if stated.budget else None
        if actual is not None and actual is not stated.amount:
            found[(stated.key, actual.unit)].append((section, stated.label, actual))
    return found


@rule(
    id="TIE-001",
    severity=Severity.ERROR,
    title="同一数字前后不一致",
    template="{label}在“{first_section}”为{first}{unit}，在“{section}”为{value}{unit}，相差{difference}{unit}",
    tags=("tie", "narrative"),
    doc=(
        "同一个数（如本年收入合计、财政拨款收入、“三公”经费各分项、预决算对比中的决算数）在文中多处出现时必须完全相同。"
        "两处都是同一个四舍五入后的数，因此不设容差。"
    ),
)
def check_restatements(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """A quantity printed in several places is printed the same everywhere."""
    found = False
    for (key, unit), places in _occurrences(disclosure).items():
        if len(places) < 2 or (":" in key and not key.startswith("function:")):
            continue  # a label no rule knows is not the same quantity just because it reads alike
        found = True
        first_section, first_label, first = places[0]
        for section, label, figure in places[1:]:
            if figure.source == first.source:
                continue
            if figure.value == first.value:
                yield Checked()
                continue
            yield Violation(
                source=figure.source,
                evidence=(first.source,),
                values={
                    "label": label or first_label,
                    "first_section": first_section,
                    "first": first.value,
                    "section": section,
                    "value": figure.value,
                    "unit": unit,
                    "difference": abs(figure.value - first.value),
                },
                section=section,
            )
    if not found:
        yield NotApplicable("没有在多处出现的数字")


def _find(disclosure: Disclosure, predicate: object) -> StatedAmount | None:
    for _section, stated in amounts(disclosure):
        if predicate(stated):  # type: ignore[operator]
            return stated
    return None


@rule(
    id="TIE-002",
    severity=Severity.ERROR,
    title="养老保险缴费功能科目与经济科目不符",
    template="功能科目2080505机关事业单位基本养老保险缴费支出{function}万元，"
    "而基本支出中机关事业单位基本养老保险缴费{economic}万元，{problem}",
    tags=("tie", "narrative", "classification"),
    doc=(
        "机关事业单位基本养老保险缴费（经济科目30108）在功能分类中列2080505。基本支出中的该经济科目数不应大于"
        "2080505的支出数（大于为错误）；2080505大于经济科目数时，差额可能来自项目支出，记为警告。"
    ),
)
def check_pension_tie(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Function item 2080505 against economic item 机关事业单位基本养老保险缴费."""
    function = _find(disclosure, lambda s: s.code == "2080505")
    personnel = disclosure.narrative.basic_expenditure.personnel_costs
    economic = None
    if personnel is not None:
        economic = next((p for p in personnel.parts if "基本养老保险缴费" in p.label), None)
    if function is None or economic is None:
        yield NotApplicable("文中未同时列出2080505与机关事业单位基本养老保险缴费")
        return
    difference = function.amount.value - economic.amount.value
    if difference == 0:
        yield Checked()
        return
    problem = (
        "经济科目数大于功能科目数" if difference < 0 else "功能科目数大于经济科目数（差额可能为项目支出）"
    )
    yield Violation(
        source=economic.amount.source,
        evidence=(function.amount.source,),
        values={"function": function.amount.value, "economic": economic.amount.value, "problem": problem},
        severity=Severity.WARNING if difference > 0 else None,
        section="一般公共预算财政拨款基本支出决算情况",
    )


def _only_general_budget(disclosure: Disclosure) -> bool:
    """Whether all income is general-budget appropriation (other sources nil, fund tables empty)."""
    income = disclosure.narrative.income
    if income is None:
        return False
    others = [p for p in income.parts if p.key != "appropriation_income"]
    appropriation = [p for p in income.parts if p.key == "appropriation_income"]
    empty = {note.statement for note in disclosure.narrative.empty_statements}
    return (
        len(appropriation) == 1
        and appropriation[0].amount.value == income.total.amount.value
        and all(p.amount.value == 0 for p in others)
        and {"government_fund", "state_capital"} <= empty
    )


@rule(
    id="TIE-003",
    severity=Severity.WARNING,
    title="全部为一般公共预算财政拨款时各节数字应一致",
    template="全部收入均为一般公共预算财政拨款，{first_label}{first}万元与{second_label}{second}万元应相等",
    tags=("tie", "narrative"),
    doc=(
        "文中写明本年收入全部为财政拨款收入、政府性基金和国有资本经营预算表为空表时，"
        "本年支出、财政拨款支出与一般公共预算财政拨款支出应相等，支出决算中的基本支出应等于一般公共预算财政拨款基本支出。"
        "年初结转资金的使用可能造成差异，故记为警告。"
    ),
)
def check_general_budget_only_ties(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """When all income is general-budget appropriation, the sections' totals coincide."""
    if not _only_general_budget(disclosure):
        yield NotApplicable("收入不全是一般公共预算财政拨款，或未说明基金/国资表为空表")
        return
    narrative = disclosure.narrative
    expenditure = narrative.expenditure
    pairs = [
        (
            narrative.appropriation.expenditure,
            narrative.general_budget_expenditure.total if narrative.general_budget_expenditure else None,
        ),
        (expenditure.total if expenditure else None, narrative.appropriation.expenditure),
        (
            next((p for p in expenditure.parts if p.key == "basic_expenditure"), None)
            if expenditure
            else None,
            narrative.basic_expenditure.total,
        ),
    ]
    for first, second in pairs:
        if first is None or second is None:
            continue
        if first.amount.value == second.amount.value:
            yield Checked()
            continue
        yield Violation(
            source=second.amount.source,
            evidence=(first.amount.source,),
            values={
                "first_label": first.label,
                "first": first.amount.value,
                "second_label": second.label,
                "second": second.amount.value,
            },
        )


@rule(
    id="TIE-004",
    severity=Severity.WARNING,
    title="机关运行经费与公用经费不符",
    template="机关运行经费{agency}万元，一般公共预算财政拨款基本支出中的公用经费{operating}万元：{problem}",
    tags=("tie", "narrative"),
    doc=(
        "按现行口径，机关运行经费是行政单位（含参公事业单位）一般公共预算财政拨款基本支出中的日常公用经费，不应大于公用经费；"
        "无下属单位的单位两者通常相等。较早年度的口径含项目支出中的运行费用，可以大于公用经费，且口径变化的年份未经核实，"
        "故只记为警告。"
    ),
)
def check_agency_costs(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """机关运行经费 is part of 公用经费."""
    agency = disclosure.narrative.agency_operating_costs
    operating = disclosure.narrative.basic_expenditure.operating_costs
    if agency is None or operating is None:
        yield NotApplicable("文中未同时写明机关运行经费和公用经费")
        return
    a, o = agency.amount.value, operating.total.amount.value
    if a == o:
        yield Checked()
        return
    standalone = (
        disclosure.profile.subordinate_units is not None and disclosure.profile.subordinate_units.value == 0
    )
    if a < o and not standalone:
        yield Checked()
        return
    problem = "机关运行经费大于公用经费" if a > o else "单位无下属单位，两者通常相等"
    yield Violation(
        source=agency.amount.source,
        evidence=(operating.total.amount.source,),
        values={"agency": a, "operating": o, "problem": problem},
        section="机关运行经费",
    )


@rule(
    id="TIE-005",
    severity=Severity.ERROR,
    title="绩效评价项目数或金额与自评表不符",
    template="绩效评价情况与自评表不符：{problem}",
    tags=("tie", "performance"),
    doc=(
        "预算绩效情况中“开展绩效评价项目N个，涉及资金X万元”应与所附项目支出绩效自评表一致："
        "项目数等于自评表张数（文中说明附自评表时，不一致为错误，否则为警告）；"
        "金额等于各表年度资金总额的全年预算数、全年执行数或年初预算数之和之一。"
    ),
)
def check_evaluated_projects(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The narrative's count and money of evaluated projects match the attached tables."""
    summary = disclosure.narrative.performance
    tables = [e for e in disclosure.self_evaluations if e.scope == "project"]
    if summary.evaluated_projects is None or not tables:
        yield NotApplicable("文中未写明评价项目数，或未附项目支出绩效自评表")
        return
    count = summary.evaluated_projects
    evidence = tuple(t.source for t in tables)
    if count.value != len(tables):
        yield Violation(
            count.source,
            {"problem": f"文中说开展绩效评价项目{count.value}个，所附项目支出绩效自评表为{len(tables)}张"},
            evidence,
            None if summary.refers_to_attached_tables or count.value < len(tables) else Severity.WARNING,
            "预算绩效",
        )
    else:
        yield Checked()
    funds = summary.evaluated_funds
    if funds is None:
        return
    totals = _column_totals(tables)
    if any(total is not None and total == funds.value for total in totals.values()):
        yield Checked()
        return
    described = "、".join(f"{name}之和{value}万元" for name, value in totals.items() if value is not None)
    tolerance = sum_tolerance(funds, [funds] * len(tables), settings)
    near = any(v is not None and abs(v - funds.value) <= tolerance for v in totals.values())
    yield Violation(
        funds.source,
        {"problem": f"文中说涉及资金{funds.value}万元，而自评表{described}"},
        evidence,
        Severity.INFO if near else None,
        "预算绩效",
    )


def _column_totals(tables: list[SelfEvaluation]) -> dict[str, Decimal | None]:
    names = {"adjusted_budget": "全年预算数", "executed": "全年执行数", "initial_budget": "年初预算数"}
    totals: dict[str, Decimal | None] = {}
    for slot, name in names.items():
        values: list[Decimal] = []
        for table in tables:
            row = table.funds_row("total")
            figure: Figure | None = getattr(row, slot) if row is not None else None
            if figure is not None:
                values.append(figure.value)
        totals[name] = sum(values, Decimal(0)) if len(values) == len(tables) else None
    return totals


def _as_sides(label: str) -> str:
    """A label with 收入 and 支出 made one ("2026年收入预算" and "2026年支出预算" read alike)."""
    return re.sub(r"\s", "", label).replace("收入", "收支").replace("支出", "收支").replace("收、支", "收支")


@rule(
    id="TIE-006",
    severity=Severity.WARNING,
    title="相等的收入与支出增减不同",
    template="{income_label}与{expenditure_label}同为{amount}万元，而收入{income_change}、支出{expenditure_change}，"
    "上年的收入与支出便不相等",
    tags=("tie", "narrative", "year_on_year"),
    doc=(
        "预算收支平衡：同一口径的收入与支出（收入预算与支出预算、财政拨款收入与财政拨款支出）本年相等时，"
        "与上年比的增减额也应相等，否则推出的上年收入与上年支出不相等（湖州：收支预算同为6256.31万元，"
        "收入比上年减少336.67万元，支出比上年增加268.28万元）。与上年执行数相比时执行中可有出入，故记为警告。只用于预算。"
    ),
)
def check_balanced_changes(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Equal income and expenditure of one kind change by the same amount."""
    if disclosure.kind != "budget":
        yield NotApplicable("只用于预算")
        return
    stated: dict[tuple[str, str], StatedAmount] = {}
    for _section, amount in amounts(disclosure):
        change = amount.change
        if change is None or change.amount is None or amount.amount.unit != "万元":
            continue
        side = "income" if "收入" in amount.label else "expenditure" if "支出" in amount.label else ""
        if side and not ("收入" in amount.label and "支出" in amount.label):
            stated.setdefault((_as_sides(amount.label), side), amount)
    found = False
    for (label, side), income in stated.items():
        expenditure = stated.get((label, "expenditure"))
        if side != "income" or expenditure is None or income.amount.value != expenditure.amount.value:
            continue
        found = True
        a, b = income.change, expenditure.change
        assert a is not None and b is not None and a.amount is not None and b.amount is not None
        if (direction_of(a.word) or 0) * a.amount.value == (direction_of(b.word) or 0) * b.amount.value:
            yield Checked()
            continue
        values: dict[str, Decimal | str] = {
            "income_label": income.label,
            "expenditure_label": expenditure.label,
            "amount": income.amount.value,
            "income_change": f"{a.word}{a.amount.value}万元",
            "expenditure_change": f"{b.word}{b.amount.value}万元",
        }
        yield Violation(b.source, values, (a.source,), section="说明中的增减变化")
    if not found:
        yield NotApplicable("说明中没有同为一数、各写增减的收入与支出")
