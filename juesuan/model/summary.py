"""Key figures of a disclosure, in 万元, from its statements (the narrative when they are missing).

Pure functions over the model: what a reviewer compares across documents first (issue
"Read real disclosures": income and expenditure totals, appropriations, general-budget
spending, personnel and operating costs, “三公”经费, 机关运行经费, 政府采购). A figure the
document does not state is None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from juesuan.model.disclosure import Disclosure, Passage
from juesuan.model.figures import Figure
from juesuan.model.narrative import ThreePublicNarrative
from juesuan.model.statements import Statement, StatementRow
from juesuan.model.summary_statements import (
    THREE_PUBLIC_PARTS,
    agency_column,
    basic_split,
    three_public,
    total_row,
)

WAN = Decimal(10000)
CENT = Decimal("0.01")

#: The key figures, in output order.
FIELDS = (
    "income_total",
    "grand_total",
    "expenditure_total",
    "appropriation_total",
    "general_budget_appropriation",
    "general_budget_expenditure",
    "general_budget_basic",
    "general_budget_project",
    "personnel_costs",
    "operating_costs",
    "three_public_total",
    "overseas_travel",
    "vehicles_total",
    "vehicle_purchase",
    "vehicle_operation",
    "official_reception",
    "agency_operating_costs",
    "procurement_total",
)


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """One key figure in 万元 with the printed figure it comes from."""

    name: str
    value: Decimal
    figure: Figure


def in_wan(figure: Figure) -> Decimal:
    """The figure in 万元 (元 divided by 10,000, kept exact)."""
    if figure.unit == "元":
        return figure.value / WAN
    if figure.unit == "亿元":
        return figure.value * WAN
    return figure.value


def _statement(disclosure: Disclosure, key: str) -> Statement | None:
    return next((s for s in disclosure.statements if s.key == key), None)


def _row(statement: Statement | None, pattern: str, side: str = "") -> StatementRow | None:
    if statement is None:
        return None
    regex = re.compile(pattern)
    return next((r for r in statement.rows if regex.search(r.name) and (not side or r.side == side)), None)


def first_value(row: StatementRow | None, *columns: str) -> Figure | None:
    """The row's figure in the first of ``columns`` that has one; with no columns, its first figure."""
    if row is None:
        return None
    for column in columns:
        figure = row.value(column)
        if figure is not None:
            return figure
    return row.values[0][1] if row.values and not columns else None


def _side_total(statement: Statement | None, pattern: str, side: str) -> Figure | None:
    """The total column of a row on one side (the side's first column when none is called total)."""
    row = _row(statement, pattern, side)
    if row is None or statement is None:
        return None
    found = next((f for key, f in row.values if key.split("@")[0] == "total"), None)
    if found is not None:
        return found
    first = next((c.id for c in statement.columns if c.side == side), None)
    return row.value(first) if first is not None else None


def expenditure_split(disclosure: Disclosure) -> dict[str, Figure | None]:
    """The 支出总表's 合计 of 基本支出 and 项目支出, all funds (not key figures: those are the
    一般公共预算's)."""
    row = total_row(_statement(disclosure, "expenditure"))
    return {
        "expenditure_basic": first_value(row, "basic", "basic.subtotal"),
        "expenditure_project": first_value(row, "project", "project.subtotal"),
    }


def appropriation_spending(disclosure: Disclosure) -> tuple[Figure, ...]:
    """The 财政拨款收支总表's 本年支出合计 and 支出总计 (not key figures: 财政拨款 income is)."""
    statement = _statement(disclosure, "appropriation_summary")
    found = (
        _side_total(statement, EXPENDITURE_TOTAL, "expenditure"),
        _side_total(statement, r"总计", "expenditure"),
    )
    return tuple(figure for figure in found if figure is not None)


def _income_total(summary: Statement | None) -> Figure | None:
    """本年收入合计; when only 收入总计 is printed and nothing is carried over, that total."""
    stated = _side_total(summary, INCOME_TOTAL, "income")
    if stated is not None or summary is None:
        return stated
    if _nothing_carried(summary):
        return _side_total(summary, r"总计", "income")
    return None


#: 重庆's 收支总表 prints a lone 合计 above the numbered items of each side: the grand total
#: and the expenditure total, but not the year's income (its items include the carry-over).
LONE_TOTAL = r"^合计$"


INCOME_TOTAL = r"(?:本年|当年)收入(?:合计|小计)|^收入合计|^(?:[一二三四五六七八九十]+、)?(?:本年|当年)收入$"
EXPENDITURE_TOTAL = r"(?:本年|当年)支出(?:合计|小计)|^支出合计|^(?:本年|当年)支出$"


def _nothing_carried(summary: Statement) -> bool:
    carried = [r for r in summary.rows if r.side in ("income", "") and re.search(r"结转|结余", r.name)]
    return all(all(f.value == 0 for _, f in r.values) for r in carried)


def _grand_total(summary: Statement | None, kind: str | None) -> Figure | None:
    """收入总计; else the 收入合计 printed after 本年收入合计 (当年收入小计) and the carry-over;
    else, in a budget that carries nothing over, the current year's income (as unsided)."""
    stated = _side_total(summary, r"总计", "income")
    if stated is not None or summary is None:
        return stated
    names = [r.name for r in summary.rows if r.side == "income"]
    current = next((i for i, n in enumerate(names) if re.search(INCOME_TOTAL, n)), None)
    later = [i for i, n in enumerate(names) if re.fullmatch(r"收入合计", n)]
    if current is not None and later and later[-1] > current:
        return _side_total(summary, r"^收入合计$", "income")
    if current is None:
        return _side_total(summary, LONE_TOTAL, "income")
    if kind == "budget" and _nothing_carried(summary):
        return _side_total(summary, INCOME_TOTAL, "income")
    return None


def _unsided(summary: Statement | None, pattern: str) -> Figure | None:
    """A total of a summary whose sides were not told apart (收入 and 支出 blocks side by side):
    the row's figures, with a nameless block printed on the same line, when they agree."""
    if summary is None or any(r.side for r in summary.rows):
        return None
    rows = list(summary.rows)
    for index, row in enumerate(rows):
        if not re.search(pattern, row.name):
            continue
        figures = [f for _, f in row.values]
        for following in rows[index + 1 :]:
            if following.name or following.source.line != row.source.line:
                break
            figures.extend(f for _, f in following.values)
        printed = {f.value for f in figures if f.value != 0}
        if len(printed) == 1:
            return next(f for f in figures if f.value != 0)
        return None
    return None


def _unsided_figures(summary: Statement | None, kind: str | None) -> dict[str, Figure | None]:
    income = _unsided(summary, r"^(?:当年|本年)收入(?:小计|合计)?$")
    grand = _unsided(summary, r"^收入总计$")
    if grand is None and income is not None and summary is not None:
        names = [r.name for r in summary.rows]
        current = next(i for i, n in enumerate(names) if re.search(r"^(?:当年|本年)收入", n))
        if "收入合计" in names[current + 1 :]:
            grand = _unsided(summary, r"^收入合计$")
        elif kind == "budget" and _nothing_carried(summary):
            grand = income
    return {
        "income_total": income,
        "grand_total": grand,
        "expenditure_total": _unsided(summary, r"^(?:当年|本年)支出(?:小计|合计)?$"),
    }


def _basic_statement(disclosure: Disclosure) -> Statement | None:
    """The 一般公共预算 基本支出 statement (the first 基本支出 statement when none says so)."""
    found = [s for s in disclosure.statements if s.key == "basic_expenditure"]
    return next((s for s in found if "一般公共预算" in s.title), found[0] if found else None)


def _by_header(
    statement: Statement | None, row: StatementRow | None, ids: tuple[str, ...], pattern: str
) -> Figure | None:
    """The figure of ``row`` in the column with one of ``ids``, else in the one column whose
    lowest header label matches ``pattern``."""
    if statement is None or row is None:
        return None
    found = first_value(row, *ids)
    if found is not None:
        return found
    matching = {c.id for c in statement.columns if c.header and re.search(pattern, c.header[-1])}
    return row.value(matching.pop()) if len(matching) == 1 else None


def _from_appropriation(disclosure: Disclosure, general: StatementRow | None, name: str) -> Figure | None:
    """基本/项目支出 of the 财政拨款收支总表 when every appropriation is 一般公共预算 (the other
    funds print zero and the 一般公共预算 total equals the appropriation total)."""
    appropriation = _statement(disclosure, "appropriation_summary")
    spent = _side_total(appropriation, r"^支出(?:合计|总计)$|本年支出合计", "expenditure")
    total = first_value(general, "total")
    if appropriation is None or spent is None or total is None or spent.value != total.value:
        return None
    funds = [
        r for r in appropriation.rows if r.side == "income" and re.search(r"政府性基金|国有资本", r.name)
    ]
    if not funds or any(f.value != 0 for r in funds for _, f in r.values):
        return None
    return _side_total(appropriation, rf"^(?:[一二三四五六七八九十]+、)?{name}$", "expenditure")


def statement_figures(disclosure: Disclosure) -> dict[str, Figure | None]:
    """The key figures as the statements print them (None where no statement does)."""
    summary = _statement(disclosure, "summary")
    appropriation = _statement(disclosure, "appropriation_summary")
    general_statement = _statement(disclosure, "general_budget_expenditure")
    general = total_row(general_statement)
    basic = _basic_statement(disclosure)
    unsided = _unsided_figures(summary, disclosure.kind)
    three = _statement(disclosure, "three_public")
    figures: dict[str, Figure | None] = {
        "income_total": _income_total(summary) or unsided["income_total"],
        "grand_total": _grand_total(summary, disclosure.kind) or unsided["grand_total"],
        "expenditure_total": _side_total(summary, EXPENDITURE_TOTAL, "expenditure")
        or _side_total(summary, r"总计", "expenditure")
        or (
            _side_total(summary, LONE_TOTAL, "expenditure") if summary and _nothing_carried(summary) else None
        )
        or unsided["expenditure_total"],
        "appropriation_total": _income_total(appropriation)
        or _side_total(appropriation, r"^(?:一、)?(?:本年)?财政拨款(?:收入)?$", "income"),
        "general_budget_appropriation": _side_total(appropriation, r"一般公共预算", "income")
        or _side_total(summary, r"一般公共预算", "income"),
        "general_budget_expenditure": first_value(general, "total", "total@budget"),
        "general_budget_basic": _by_header(
            general_statement, general, ("basic", "basic.subtotal", "of_item.basic"), r"基本支出$"
        )
        or _from_appropriation(disclosure, general, "基本支出"),
        "general_budget_project": _by_header(
            general_statement,
            general,
            ("project", "project.subtotal", "of_item.project"),
            r"项目支出$|专项业务经费",
        )
        or _from_appropriation(disclosure, general, "项目支出"),
        "personnel_costs": first_value(_row(basic, r"^人员经费(?:合计)?$"), "total")
        or basic_split(basic, "personnel"),
        "operating_costs": first_value(_row(basic, r"^公用经费(?:合计)?$"), "total")
        or basic_split(basic, "operating"),
        "procurement_total": first_value(total_row(_statement(disclosure, "procurement")), "total"),
    }
    for name, part in THREE_PUBLIC_PARTS.items():
        figures[name] = three_public(three, part, disclosure.year, disclosure.kind)
    vehicles, parts = figures["vehicles_total"], (figures["vehicle_purchase"], figures["vehicle_operation"])
    if vehicles is not None and vehicles.value == 0 and any(p is not None and p.value for p in parts):
        # A blank 小计 cell beside non-zero 购置/运行 (北京 2026) reads as 0, which the document
        # does not mean; the total is left unstated rather than reported wrong.
        figures["vehicles_total"] = None
    return figures


def _narrative_figures(disclosure: Disclosure) -> dict[str, Figure | None]:
    narrative = disclosure.narrative
    amount: Callable[[object], Figure | None] = lambda stated: getattr(stated, "amount", None)  # noqa: E731
    basic = narrative.basic_expenditure
    procurement = narrative.procurement.composition
    figures = {
        "income_total": amount(narrative.overview.income_total)
        or amount(narrative.income and narrative.income.total),
        "expenditure_total": amount(narrative.overview.expenditure_total),
        "appropriation_total": amount(narrative.appropriation.income),
        "general_budget_expenditure": amount(
            narrative.general_budget_expenditure and narrative.general_budget_expenditure.total
        ),
        "general_budget_basic": amount(basic.total),
        "personnel_costs": amount(basic.personnel_costs and basic.personnel_costs.total),
        "operating_costs": amount(basic.operating_costs and basic.operating_costs.total),
        "agency_operating_costs": amount(narrative.agency_operating_costs),
        "procurement_total": amount(procurement and procurement.total),
    }
    figures.update(_narrative_three_public(narrative.three_public))
    return figures


_THREE_PUBLIC_KEYS = {
    "three_public_total": "three_public_total",
    "overseas_travel": "overseas_travel",
    "vehicles_total": "official_vehicles",
    "vehicle_purchase": "vehicle_purchase",
    "vehicle_operation": "vehicle_operation",
    "official_reception": "official_reception",
}


def _narrative_three_public(three: ThreePublicNarrative) -> dict[str, Figure | None]:
    """“三公” figures the narrative states: each field's amount when every statement of it
    (the breakdowns and the restatements) gives the same figure."""
    figures: dict[str, Figure | None] = {}
    for name, key in _THREE_PUBLIC_KEYS.items():
        amounts = [s.amount for s in three.amounts if s.key == key and s.amount.is_money]
        agreed = {in_wan(a) for a in amounts}
        figures[name] = amounts[0] if len(agreed) == 1 else None
    return figures


def _derived_figures(disclosure: Disclosure) -> dict[str, Figure | None]:
    """Figures read where the document prints them less directly: 机关运行经费 from its own
    statement or column, and sentences naming 机关运行经费 or 政府采购 with their amount.

    人员/公用经费 are deliberately not summed from the 基本支出 economic classes (301 + 303): a key
    figure is what the document states, null otherwise (issue 3)."""
    agency = total_row(_statement(disclosure, "agency_operating_costs"))
    return {
        "agency_operating_costs": (
            agency.values[0][1] if agency is not None and len(agency.values) == 1 else None
        )
        or agency_column(_statement(disclosure, "three_public"))
        or _passage_amount(disclosure, AGENCY_SENTENCE),
        "procurement_total": _passage_amount(disclosure, PROCUREMENT_SENTENCE),
        "personnel_costs": _agreed_amount(disclosure, PERSONNEL_SENTENCE),
        "operating_costs": _agreed_amount(disclosure, OPERATING_SENTENCE),
    }


_AMOUNT = r"\s*(?:为|共|是|共计)?\s*(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元)"
AGENCY_SENTENCE = re.compile(r"机关运行经费(?:财政拨款)?(?:预算|支出)?(?:安排|总额)?" + _AMOUNT)
#: "（一）人员经费 2286.69 万元", "公用经费 357.43 万元" (深圳, 福州) where no section of 基本支出
#: is found; 在职/离退休人员经费 and 日常公用经费 are parts, not these totals.
PERSONNEL_SENTENCE = re.compile(r"(?<![在职离退休])人员经费" + _AMOUNT)
OPERATING_SENTENCE = re.compile(r"(?<!日常)公用经费" + _AMOUNT)
PROCUREMENT_SENTENCE = re.compile(r"政府采购(?:预算|支出)(?:总额|合计)?" + _AMOUNT)


def _passage_amount(disclosure: Disclosure, sentence: re.Pattern[str]) -> Figure | None:
    """The amount the text gives right after its label ("政府采购预算总额 8,525.96 万元") in the
    first passage that says so, unless the clause names the previous or another year."""
    for passage in disclosure.passages:
        if sentence.search(passage.text):
            return _passage_amount_in(disclosure, passage, sentence)
    return None


def names_other_year(text: str, year: int | None) -> bool:
    """Whether ``text`` names a year ("2025年") and not only ``year``: a figure of another year."""
    years = {int(y) for y in re.findall(r"(20\d{2})\s*年", text)}
    return bool(years) and years != {year}


def _passage_amount_in(disclosure: Disclosure, passage: Passage, sentence: re.Pattern[str]) -> Figure | None:
    match = sentence.search(passage.text)
    if match is None:
        return None
    clause = re.split(r"[，。；,;：:]", passage.text[: match.start()])[-1]
    if "上年" in clause or names_other_year(clause, disclosure.year):
        return None
    value = Decimal(match["amount"].replace(",", ""))
    decimals = len(match["amount"].partition(".")[2])
    source = passage.source.with_text(match.group(0))
    return Figure(value, match["unit"], source, decimals)


def _agreed_amount(disclosure: Disclosure, sentence: re.Pattern[str]) -> Figure | None:
    """The amount every passage saying so gives; None when two disagree (深圳 explains each unit
    in turn: the first unit's 公用经费 is not the department's)."""
    found = [
        figure
        for passage in disclosure.passages
        if sentence.search(passage.text) and (figure := _passage_amount_in(disclosure, passage, sentence))
    ]
    return found[0] if found and len({f.value for f in found}) == 1 else None


def key_figures(disclosure: Disclosure) -> dict[str, KeyFigure | None]:
    """Every key figure: from the statements first, the narrative where no statement states it,
    then what the document prints less directly (a 机关运行经费 column, a sentence)."""
    tiers = (statement_figures(disclosure), _narrative_figures(disclosure), _derived_figures(disclosure))
    result: dict[str, KeyFigure | None] = {}
    for name in FIELDS:
        figure = next((f for tier in tiers if (f := tier.get(name)) is not None), None)
        result[name] = None if figure is None else KeyFigure(name, in_wan(figure), figure)
    return result


def described(disclosure: Disclosure) -> dict[str, object]:
    """What the document is: file, kind, scope, year and department."""
    return {
        "file": disclosure.file,
        "kind": disclosure.kind,
        "scope": disclosure.scope,
        "year": disclosure.year,
        "department": disclosure.department,
    }


def summary(disclosure: Disclosure) -> dict[str, object]:
    """What the document is and its key figures in 万元 (decimal strings), for JSON output.

    A document of several units gives its first unit's figures (the department's, printed
    first) and, under ``units``, each unit's name, pages, statements and figures.
    """
    if not disclosure.units:
        return _summary_of(disclosure)
    first = _summary_of(disclosure.units[0])
    units = [
        {
            "department": unit.department,
            "pages": _page_range(unit),
            **{
                k: v
                for k, v in _summary_of(unit).items()
                if k not in ("file", "kind", "scope", "year", "department")
            },
        }
        for unit in disclosure.units
    ]
    return {**first, **described(disclosure), "units": units}


def _summary_of(disclosure: Disclosure) -> dict[str, object]:
    figures = key_figures(disclosure)
    return {
        **described(disclosure),
        "unit": "万元",
        "statements": [s.key for s in disclosure.statements],
        **{name: None if f is None else f"{f.value.normalize():f}" for name, f in figures.items()},
    }


def _page_range(disclosure: Disclosure) -> str:
    pages = [page for s in disclosure.statements for page in s.pages] + [
        p.source.page for p in disclosure.passages if p.source.page is not None
    ]
    return f"{min(pages)}-{max(pages)}" if pages else ""
