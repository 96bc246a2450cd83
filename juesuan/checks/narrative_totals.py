"""NARR-004: a budget narrative's opening totals against the statements."""

from __future__ import annotations

from collections.abc import Iterator

from juesuan.checks.cross_statements import narrative_against
from juesuan.checks.registry import Checked, CouldNotCheck, NotApplicable, Yield, rule
from juesuan.checks.statement_identities import trusted
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure
from juesuan.model.summary import (
    appropriation_spending,
    expenditure_split,
    in_wan,
    names_other_year,
    statement_figures,
)
from juesuan.settings import Settings

#: A total's key → the key figures it may be (a budget's 收入预算 is 本年收入合计 or, with a
#: carry-over, 收入总计: either is the document's own figure).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "grand": ("grand_total", "income_total", "expenditure_total"),
    "income": ("income_total", "grand_total"),
    "expenditure": ("expenditure_total", "grand_total"),
    "appropriation_income": ("appropriation_total",),
    "appropriation_expenditure": (),  # the 财政拨款收支总表's 本年支出合计 or 支出总计
    # 重庆: "一般公共预算财政拨款收入" counts last year's carry-over in, as the spending does
    "general_budget_income": ("general_budget_appropriation", "general_budget_expenditure"),
    "general_budget_expenditure": ("general_budget_expenditure",),
    # 江苏: "基本支出 12323.48 万元，占…" of all funds, or of the 一般公共预算 alone
    "basic": ("general_budget_basic", "expenditure_basic"),
    "project": ("general_budget_project", "expenditure_project"),
}
#: Totals a carry-over may or may not be counted in (重庆: "一般公共预算财政拨款收入" with it).
_CARRIED_OR_NOT = ("appropriation_income", "appropriation_expenditure", "general_budget_income")
#: Totals that may be of all funds or of the 一般公共预算 alone: compared only when both are known.
_EITHER_FUND = ("basic", "project")
#: The statements the key figures above are read from.
SOURCES = ("summary", "appropriation_summary", "general_budget_expenditure", "expenditure")


@rule(
    id="NARR-004",
    severity=Severity.ERROR,
    title="说明中的预算总数与报表不符",
    template="说明中{label}为{stated}万元，报表中为{table}万元，相差{difference}万元",
    tags=("narrative", "statements", "tie", "budget"),
    doc=(
        "预算说明开头的总数应与报表一致：收入预算、支出预算（收支总表的本年收入/支出合计或收入/支出总计，二者之一即可）、"
        "收支预算总计，财政拨款收入、财政拨款支出预算（财政拨款收支总表的本年收入、本年支出合计），一般公共预算拨款收入（财政拨款收支总表），"
        "一般公共预算拨款支出（一般公共预算支出表）。只取整句就是这些字样的数字（去掉年份和单位名称），"
        "“事业收入预算”“上年收入预算”等不在此列；与哪一个候选数字都不相符时才报告。有上年结转时财政拨款收入、支出"
        "及一般公共预算拨款收入可能含也可能不含结转，不比较；基本支出、项目支出可能是全部资金的，也可能只是一般公共预算的，两种都从报表读到时才比较。只用于预算，决算见NARR-001。"
    ),
)
def check_budget_totals(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """A budget narrative's 收入预算, 支出预算 … are the statements' totals."""
    totals = disclosure.narrative.stated_totals
    if disclosure.kind != "budget" or not totals:
        yield NotApplicable("不是预算，或说明中没有收入预算、支出预算等总数")
        return
    unread = [s.title for s in disclosure.statements if s.key in SOURCES and not trusted(s, settings)]
    if unread:
        yield CouldNotCheck(f"《{unread[0]}》读取后未能自洽，未据此判断")
        return
    figures = {**statement_figures(disclosure), **expenditure_split(disclosure)}
    income, grand = figures.get("income_total"), figures.get("grand_total")
    carried = income is None or grand is None or in_wan(income) != in_wan(grand)
    found = False
    for stated in totals:
        if names_other_year(stated.label, disclosure.year):
            continue  # last year's budget, quoted for comparison
        if carried and stated.key in _CARRIED_OR_NOT:
            continue  # with a carry-over, 财政拨款收入/支出 may or may not count it in
        candidates = [f for key in CANDIDATES[stated.key] if (f := figures.get(key)) is not None]
        if stated.key == "appropriation_expenditure":
            candidates = list(appropriation_spending(disclosure))
        if stated.key in _EITHER_FUND and len(candidates) < len(CANDIDATES[stated.key]):
            continue  # 重庆's "其中：基本支出" is the 一般公共预算's, which no statement here prints
        if not candidates:
            continue
        found = True
        yield _closest(stated.amount, candidates, stated.label)
    if not found:
        yield NotApplicable("报表中没有可与说明总数对照的数字")


def _closest(stated: Figure, candidates: list[Figure], label: str) -> Yield:
    """Agreement with any candidate, else the finding against the nearest."""
    nearest = sorted(candidates, key=lambda figure: abs(in_wan(figure) - in_wan(stated)))
    results = [narrative_against(stated, figure, {"label": label, "where": "报表"}) for figure in nearest]
    return next((r for r in results if isinstance(r, Checked)), results[0])
