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

from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure
from juesuan.model.statements import Statement, StatementRow

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


def _first_value(row: StatementRow | None, *columns: str) -> Figure | None:
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


def _income_total(summary: Statement | None) -> Figure | None:
    """本年收入合计; when only 收入总计 is printed and nothing is carried over, that total."""
    stated = _side_total(
        summary, r"本年收入合计|^收入合计|^(?:[一二三四五六七八九十]+、)?本年收入$", "income"
    )
    if stated is not None or summary is None:
        return stated
    carried = [r for r in summary.rows if r.side == "income" and re.search(r"结转|结余", r.name)]
    if all(all(f.value == 0 for _, f in r.values) for r in carried):
        return _side_total(summary, r"总计", "income")
    return None


def _total_row(statement: Statement | None) -> StatementRow | None:
    if statement is None:
        return None
    named = _row(statement, r"^(?:合计|总计)$")
    if named is not None:
        return named
    uncoded = [r for r in statement.rows if not r.code and r.values]
    return uncoded[0] if uncoded and statement.rows and statement.rows[0] is uncoded[0] else None


_ROW_PARTS = {
    "total": "三公",
    "overseas_travel": "因公出国",
    "official_vehicles.subtotal": "购置及运行",
    "official_vehicles.vehicle_purchase": "购置费",
    "official_vehicles.vehicle_operation": "运行",
    "official_reception": "接待",
}


def _three_public(disclosure: Disclosure, part: str) -> Figure | None:
    """A “三公” figure, actual for finals and budget for budgets; None when the layout leaves
    it ambiguous (several units' rows, two years without the document's)."""
    statement = _statement(disclosure, "three_public")
    if statement is None or not statement.rows:
        return None
    measure = "budget" if disclosure.kind == "budget" else "actual"
    measure_rows = [r for r in statement.rows if r.name in ("预算数", "决算数")]
    if measure_rows:
        row: StatementRow | None = next(
            (r for r in measure_rows if r.name == ("预算数" if measure == "budget" else "决算数")), None
        )
        return _three_public_column(statement, row, part, "", disclosure.year)
    named = [r for r in statement.rows if "三公" in r.name]
    if named:  # one row per item ("“三公”经费", "（一）因公出国（境）支出" …)
        wanted = _ROW_PARTS[part]
        item = next((r for r in statement.rows if wanted in r.name and r.values), None)
        return _first_value(item, "total", "general_budget") if item is not None else None
    rows = [r for r in statement.rows if r.values and any(f.value for _, f in r.values)]
    if len(rows) != 1:
        return None
    return _three_public_column(statement, rows[0], part, measure, disclosure.year)


def _three_public_column(
    statement: Statement, row: StatementRow | None, part: str, measure: str, year: int | None
) -> Figure | None:
    if row is None:
        return None
    ids = [c.id for c in statement.columns]
    suffixes = [f"@{measure}{year}", f"@{measure}", ""] if measure else [""]
    bases = [part, f"three_public.{part}", f"{part}.general_budget"]
    if part == "total":
        bases = ["three_public.subtotal", "total", "general_budget"]
    for suffix in suffixes:
        for base in bases:
            candidates = [i for i in ids if i == base + suffix]
            if len(candidates) == 1:
                return row.value(candidates[0])
            if len(candidates) > 1:
                return None
    return None


def _statement_figures(disclosure: Disclosure) -> dict[str, Figure | None]:
    summary = _statement(disclosure, "summary")
    appropriation = _statement(disclosure, "appropriation_summary")
    general = _total_row(_statement(disclosure, "general_budget_expenditure"))
    basic = _statement(disclosure, "basic_expenditure")
    return {
        "income_total": _income_total(summary),
        "grand_total": _side_total(summary, r"总计", "income"),
        "expenditure_total": _side_total(summary, r"本年支出合计|^支出合计|^本年支出$", "expenditure")
        or _side_total(summary, r"总计", "expenditure"),
        "appropriation_total": _income_total(appropriation),
        "general_budget_appropriation": _side_total(appropriation, r"一般公共预算", "income")
        or _side_total(summary, r"一般公共预算", "income"),
        "general_budget_expenditure": _first_value(general, "total", "total@budget"),
        "general_budget_basic": _first_value(general, "basic", "basic.subtotal"),
        "general_budget_project": _first_value(general, "project", "project.subtotal"),
        "personnel_costs": _first_value(_row(basic, r"^人员经费(?:合计)?$"), "total")
        or _first_value(_total_row(basic), "personnel"),
        "operating_costs": _first_value(_row(basic, r"^公用经费(?:合计)?$"), "total")
        or _first_value(_total_row(basic), "operating"),
        "three_public_total": _three_public(disclosure, "total"),
        "overseas_travel": _three_public(disclosure, "overseas_travel"),
        "vehicles_total": _three_public(disclosure, "official_vehicles.subtotal"),
        "vehicle_purchase": _three_public(disclosure, "official_vehicles.vehicle_purchase"),
        "vehicle_operation": _three_public(disclosure, "official_vehicles.vehicle_operation"),
        "official_reception": _three_public(disclosure, "official_reception"),
        "procurement_total": _first_value(_total_row(_statement(disclosure, "procurement")), "total"),
    }


def _narrative_figures(disclosure: Disclosure) -> dict[str, Figure | None]:
    narrative = disclosure.narrative
    amount: Callable[[object], Figure | None] = lambda stated: getattr(stated, "amount", None)  # noqa: E731
    basic = narrative.basic_expenditure
    procurement = narrative.procurement.composition
    return {
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
        "three_public_total": amount(
            narrative.three_public.composition and narrative.three_public.composition.total
        ),
        "agency_operating_costs": amount(narrative.agency_operating_costs),
        "procurement_total": amount(procurement and procurement.total),
    }


def key_figures(disclosure: Disclosure) -> dict[str, KeyFigure | None]:
    """Every key figure: from the statements first, the narrative where no statement states it."""
    from_statements = _statement_figures(disclosure)
    from_narrative = _narrative_figures(disclosure)
    result: dict[str, KeyFigure | None] = {}
    for name in FIELDS:
        figure = from_statements.get(name) or from_narrative.get(name)
        result[name] = None if figure is None else KeyFigure(name, in_wan(figure), figure)
    return result


def summary(disclosure: Disclosure) -> dict[str, object]:
    """What the document is and its key figures in 万元 (decimal strings), for JSON output."""
    figures = key_figures(disclosure)
    return {
        "file": disclosure.file,
        "kind": disclosure.kind,
        "scope": disclosure.scope,
        "year": disclosure.year,
        "department": disclosure.department,
        "unit": "万元",
        "statements": [s.key for s in disclosure.statements],
        **{name: None if f is None else f"{f.value.normalize():f}" for name, f in figures.items()},
    }
