"""The nine statements (公开01–09表) laid out as published: title, number and unit line,
code and name columns, a 合计 row, 类/款 subtotals above their 项 rows.

Every figure comes from the same input the narrative is written from, so statements and
text agree by construction: income and expenditure lines feed 01 and 04, the 项 items of
五 feed 05 (and 03 when all spending is general-budget appropriation), 六 feeds 06, 七 07.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Sequence
from decimal import Decimal
from importlib import resources

from juesuan.model.input import DisclosureInput, Entry, FunctionItem, FunctionRow, ThreePublicInput
from juesuan.render import numbers
from juesuan.render.document import CONTINUED, Cell, Paragraph, Table
from juesuan.render.writer import Writer

ZERO = Decimal("0.00")
INCOME_COLUMNS = ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
EXPENDITURE_COLUMNS = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
FUND_COLUMNS = ("年初结转和结余", "本年收入", "本年支出小计", "基本支出", "项目支出", "年末结转和结余")
EMPTY_NOTE = "注：本单位无此项收入支出，故本表为空表。"
Row = tuple[str, str, tuple[Decimal, ...]]


@functools.cache
def catalogue(name: str) -> dict[str, str]:
    """code → name of a bundled classification catalogue (``func_class_2024.csv`` …)."""
    text = resources.files("juesuan.data").joinpath(name).read_text(encoding="utf-8")
    return {row["code"]: row["name"] for row in csv.DictReader(text.splitlines())}


def function_name(code: str) -> str:
    """The catalogue name of a function code, or empty."""
    return catalogue("func_class_2024.csv").get(code, "")


def economic_code(name: str) -> str:
    """The 部门预算支出经济分类 code of an item name (基本工资 → 30101), or empty."""
    for code, item in catalogue("econ_dept_budget_2024.csv").items():
        if item == name and len(code) == 5:
            return code
    return ""


def hierarchy(rows: Sequence[Row]) -> list[Row]:
    """类 and 款 subtotals above their 项 rows, in code order of first appearance."""
    width = len(rows[0][2]) if rows else 0
    totals: dict[str, list[Decimal]] = {}
    names: dict[str, str] = {}
    order: list[str] = []
    for code, name, values in rows:
        for level, key in enumerate((code[:3], code[:5], code)):
            if key not in totals:
                totals[key] = [ZERO] * width
                order.append(key)
                names[key] = name if level == 2 else function_name(key)
            totals[key] = [a + b for a, b in zip(totals[key], values, strict=True)]
    return [(key, names[key], tuple(totals[key])) for key in order]


def _money(value: Decimal) -> Cell:
    return Cell(numbers.table_money(value), numeric=True)


def _coded_table(columns: Sequence[str], rows: Sequence[Row], total: tuple[Decimal, ...]) -> Table:
    header = (
        (Cell("项目", colspan=2, header=True), *(Cell(c, rowspan=2, header=True) for c in columns)),
        (Cell("科目编码", header=True), Cell("科目名称", header=True), *(CONTINUED for _ in columns)),
    )
    body = [(Cell("合计", colspan=2, header=True), *(_money(v) for v in total))]
    body.extend((Cell(code), Cell(name), *(_money(v) for v in values)) for code, name, values in rows)
    widths = (12, 30, *(14 for _ in columns))
    return Table("statement", (*header, *body), 2 + len(columns), header_rows=2, widths=widths)


def _sums(rows: Sequence[Row], width: int) -> tuple[Decimal, ...]:
    leaves = [values for code, _, values in rows if len(code) >= 7 or len(code) > 5]
    return tuple(sum((v[i] for v in leaves), ZERO) for i in range(width))


def _two_sided(
    left: Sequence[tuple[str, Decimal]], right: Sequence[tuple[str, Decimal]], word: str = "决算数"
) -> Table:
    header = (Cell("收入", colspan=2, header=True), Cell("支出", colspan=2, header=True))
    sub = tuple(Cell(t, header=True) for t in ("项目", word, "项目", word))
    rows: list[tuple[Cell, ...]] = [header, sub]
    for index in range(max(len(left), len(right))):
        cells: list[Cell] = []
        for side in (left, right):
            if index < len(side):
                label, value = side[index]
                cells += [
                    Cell(label, header=label in ("总计", "本年收入合计", "本年支出合计")),
                    _money(value),
                ]
            else:
                cells += [Cell(""), Cell("")]
        rows.append(tuple(cells))
    return Table("statement", tuple(rows), 4, header_rows=2, widths=(34, 14, 34, 14))


def _word(data: DisclosureInput) -> str:
    return "决算数" if data.kind == "final" else "预算数"


def _source(data: DisclosureInput, label: str) -> Decimal:
    return next((e.amount for e in data.income_sources if e.label == label), ZERO)


def _fund_amount(entry: Entry | None) -> Decimal:
    return entry.amount if entry is not None else ZERO


def expenditure_rows(data: DisclosureInput) -> list[Row]:
    """公开03表 rows: as given, or from the general-budget items when they are all the spending."""
    if data.expenditure_rows:
        return hierarchy([(r.code, r.name, r.values) for r in data.expenditure_rows])
    items = data.general_budget_items
    if items and sum((i.amount for i in items), ZERO) == data.expenditure.amount:
        return hierarchy([(i.code, i.name, (i.basic, i.project, ZERO, ZERO, ZERO)) for i in items])
    return []


def _classes(rows: Sequence[Row]) -> list[tuple[str, Decimal]]:
    return [(name or code, sum(values, ZERO)) for code, name, values in rows if len(code) == 3]


def summary(data: DisclosureInput) -> Table:
    """公开01表 收入支出决算总表."""
    fund, capital = _fund_amount(data.government_fund.income), _fund_amount(data.state_capital.income)
    appropriation = _source(data, "财政拨款收入")
    income = [
        ("一、一般公共预算财政拨款收入", appropriation - fund - capital),
        ("二、政府性基金预算财政拨款收入", fund),
        ("三、国有资本经营预算财政拨款收入", capital),
        *(
            (f"{n}、{label}", _source(data, label))
            for n, label in zip("四五六七八", INCOME_COLUMNS[1:], strict=True)
        ),
    ]
    balances = data.balances
    income += [
        ("本年收入合计", data.income.amount),
        ("使用非财政拨款结余（含专用结余）", balances.non_appropriation_used),
        ("年初结转和结余", balances.carryover_start),
        ("总计", data.income.amount + balances.non_appropriation_used + balances.carryover_start),
    ]
    classes = _classes(expenditure_rows(data))
    spending = [(f"{_ordinal(i)}、{name}", value) for i, (name, value) in enumerate(classes, start=1)]
    spending += [
        ("本年支出合计", data.expenditure.amount),
        ("结余分配", balances.balance_distribution),
        ("年末结转和结余", balances.carryover_end),
        ("总计", data.expenditure.amount + balances.balance_distribution + balances.carryover_end),
    ]
    return _two_sided(income, spending, _word(data))


def _ordinal(index: int) -> str:
    digits = "一二三四五六七八九十"
    return digits[index - 1] if index <= 10 else f"十{digits[index - 11]}" if index < 20 else str(index)


def income_statement(data: DisclosureInput) -> Table:
    """公开02表 收入决算表."""
    rows = hierarchy([(r.code, r.name, r.values) for r in data.income_rows]) if data.income_rows else []
    sources = tuple(_source(data, label) for label in INCOME_COLUMNS)
    columns = ("本年收入合计", *INCOME_COLUMNS)
    with_total = [(c, n, (sum(v, ZERO), *v)) for c, n, v in rows]
    return _coded_table(columns, with_total, (data.income.amount, *sources))


def expenditure_statement(data: DisclosureInput) -> Table:
    """公开03表 支出决算表."""
    rows = expenditure_rows(data)
    kinds = tuple(
        next((e.amount for e in data.expenditure_types if e.label == c), ZERO) for c in EXPENDITURE_COLUMNS
    )
    with_total = [(c, n, (sum(v, ZERO), *v)) for c, n, v in rows]
    return _coded_table(("本年支出合计", *EXPENDITURE_COLUMNS), with_total, (data.expenditure.amount, *kinds))


def appropriation_summary(data: DisclosureInput) -> Table:
    """公开04表 财政拨款收入支出决算总表."""
    fund, capital = data.government_fund, data.state_capital
    income = data.appropriation_income.amount
    spending = data.appropriation_expenditure.amount
    start = data.balances.appropriation_carryover_start
    left = [
        ("一、一般公共预算财政拨款", income - _fund_amount(fund.income) - _fund_amount(capital.income)),
        ("二、政府性基金预算财政拨款", _fund_amount(fund.income)),
        ("三、国有资本经营预算财政拨款", _fund_amount(capital.income)),
        ("本年收入合计", income),
        ("年初财政拨款结转和结余", start),
        ("总计", income + start),
    ]
    right = [
        ("一、一般公共预算财政拨款支出", data.general_budget.amount),
        ("二、政府性基金预算财政拨款支出", _fund_amount(fund.expenditure)),
        ("三、国有资本经营预算财政拨款支出", _fund_amount(capital.expenditure)),
        ("本年支出合计", spending),
        ("年末财政拨款结转和结余", income + start - spending),
        ("总计", income + start),
    ]
    return _two_sided(left, right, _word(data))


def _items_rows(items: Sequence[FunctionItem]) -> list[Row]:
    return hierarchy([(i.code, i.name, (i.amount, i.basic, i.project)) for i in items])


def general_budget(data: DisclosureInput) -> Table:
    """公开05表 一般公共预算财政拨款支出决算表."""
    items = data.general_budget_items
    total = (
        data.general_budget.amount,
        sum((i.basic for i in items), ZERO),
        sum((i.project for i in items), ZERO),
    )
    return _coded_table(("合计", "基本支出", "项目支出"), _items_rows(items), total)


def basic_expenditure(data: DisclosureInput) -> Table:
    """公开06表 一般公共预算财政拨款基本支出决算表 (经济分类到款)."""
    info = data.basic
    rows: list[tuple[Cell, ...]] = [
        (Cell("科目编码", header=True), Cell("科目名称", header=True), Cell(_word(data), header=True))
    ]
    for head, items in ((info.personnel, info.personnel_items), (info.operating, info.operating_items)):
        for item in items:
            rows.append((Cell(item.code or economic_code(item.label)), Cell(item.label), _money(item.amount)))
        rows.append((Cell(f"{head.label}合计", colspan=2, header=True), _money(head.amount)))
    rows.append((Cell("合计", colspan=2, header=True), _money(info.total.amount)))
    return Table("statement", tuple(rows), 3, header_rows=1, widths=(14, 40, 16))


def three_public(data: DisclosureInput) -> Table:
    """公开07表 “三公”经费支出决算表: budget and actual (a budget's: last year's and this), 12 columns."""
    info = data.three_public
    groups = (
        ("预算数", "决算数") if data.kind == "final" else (f"{data.year - 1}年预算数", f"{data.year}年预算数")
    )
    first = tuple(Cell(g, colspan=6, header=True) for g in groups)
    second: list[Cell] = []
    third: list[Cell] = []
    for _ in groups:
        second += [
            Cell("合计", rowspan=2, header=True),
            Cell("因公出国（境）费", rowspan=2, header=True),
            Cell("公务用车购置及运行费", colspan=3, header=True),
            Cell("公务接待费", rowspan=2, header=True),
        ]
        third += [
            CONTINUED,
            CONTINUED,
            *(Cell(t, header=True) for t in ("小计", "公务用车购置费", "公务用车运行费")),
            CONTINUED,
        ]
    if data.kind == "final":
        budgets = [_money(value) for value in _three_public_budgets(info)]
    else:
        budgets = [
            _money(e.previous if e.previous is not None else ZERO) for e in _three_public_entries(info)
        ]
    actuals = [_money(e.amount) for e in _three_public_entries(info)]
    rows = (first, tuple(second), tuple(third), (*budgets, *actuals))
    return Table("statement", rows, 6 * len(groups), header_rows=3)


def _three_public_entries(info: ThreePublicInput) -> tuple[Entry, ...]:
    return (
        info.total,
        info.overseas,
        info.vehicles,
        info.vehicle_purchase,
        info.vehicle_operation,
        info.reception,
    )


def _three_public_budgets(info: ThreePublicInput) -> list[Decimal]:
    """The six budget figures of 公开07表; a subtotal not given is the sum of its parts' budgets."""

    def budget(entry: Entry) -> Decimal:
        return entry.budget if entry.budget is not None else ZERO

    vehicles = info.vehicles.budget
    if vehicles is None:
        vehicles = budget(info.vehicle_purchase) + budget(info.vehicle_operation)
    total = info.total.budget
    if total is None:
        total = budget(info.overseas) + vehicles + budget(info.reception)
    parts = (info.overseas, info.vehicle_purchase, info.vehicle_operation, info.reception)
    overseas, purchase, operation, reception = (budget(e) for e in parts)
    return [total, overseas, vehicles, purchase, operation, reception]


def fund_statement(data: DisclosureInput, which: str) -> Table:
    """公开08/09表: the fund's rows, or an empty table."""
    info = data.government_fund if which == "government_fund" else data.state_capital
    rows = [(i.code, i.name, (ZERO, ZERO, i.amount, i.basic, i.project, ZERO)) for i in info.rows]
    built = hierarchy(rows)
    total = (ZERO, _fund_amount(info.income), _fund_amount(info.expenditure), *_sums(rows, 6)[3:5], ZERO)
    return _coded_table(FUND_COLUMNS, built, total)


STATEMENTS = (
    ("收入支出决算总表", summary),
    ("收入决算表", income_statement),
    ("支出决算表", expenditure_statement),
    ("财政拨款收入支出决算总表", appropriation_summary),
    ("一般公共预算财政拨款支出决算表", general_budget),
    ("一般公共预算财政拨款基本支出决算表", basic_expenditure),
    ("一般公共预算财政拨款“三公”经费支出决算表", three_public),
)


def write(writer: Writer, data: DisclosureInput) -> None:
    """第四部分: the nine statements, each under its listed title."""
    word = "决算" if data.kind == "final" else "预算"
    for index, (title, build) in enumerate(STATEMENTS, start=1):
        _statement(writer, index, title.replace("决算", word), build(data))
    for index, (title, key) in enumerate(
        (
            ("政府性基金预算财政拨款收入支出决算表", "government_fund"),
            ("国有资本经营预算财政拨款收入支出决算表", "state_capital"),
        ),
        start=8,
    ):
        info = data.government_fund if key == "government_fund" else data.state_capital
        _statement(writer, index, title.replace("决算", word), fund_statement(data, key), info.is_empty)


def listed(writer: Writer, data: DisclosureInput) -> None:
    """第四部分 as a list of the statements' titles, the statements being attached separately."""
    word = "决算" if data.kind == "final" else "预算"
    scope = "部门" if data.scope == "department" else "单位"
    writer.heading(1, "第四部分", f"{scope}{word}报表（见附表）")
    titles = [title for title, _ in STATEMENTS] + [
        "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款收入支出决算表",
    ]
    for index, title in enumerate(titles):
        writer.heading(2, f"{'一二三四五六七八九'[index]}、", f"《{title.replace('决算', word)}》")


def _is_empty(table: Table) -> bool:
    """No figure of the table is other than zero."""
    figures = [c.text for row in table.rows for c in row if c.numeric]
    return all(text in ("0.00", "") for text in figures)


def _statement(writer: Writer, index: int, title: str, table: Table, empty: bool = False) -> None:
    empty = empty or _is_empty(table)
    digits = "一二三四五六七八九"
    writer.heading(2, f"{digits[index - 1]}、", f"《{title}》")
    writer.add(Paragraph(f"公开{index:02d}表　　金额单位：万元", "caption"))
    writer.add(table)
    if empty:
        writer.add(Paragraph(EMPTY_NOTE, "caption"))


__all__ = ["STATEMENTS", "FunctionRow", "write"]
