"""XTAB-002: a budget's function item, income and expenditure: the same amount in both statements.

A budget's 收入总体情况表 and 支出总体情况表 list each function item with what it receives and
what it spends; in a budget the two are the same amount, item by item (烟台: 2010801 行政运行
1,535.86 and 1,535.85). That the two statements mean the same is not assumed: the rule judges
only when the document itself shows it, every other item in both agreeing to the cent.
"""

from __future__ import annotations

from collections.abc import Iterator

from juesuan.checks.cross_statements import statement_of
from juesuan.checks.registry import NotApplicable, Violation, Yield, rule
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure
from juesuan.model.statements import Statement
from juesuan.model.summary import first_value, in_wan
from juesuan.settings import Settings

#: Items that must agree before a disagreement is believed: the statements prove they mean alike.
_AGREEING = 5


@rule(
    id="XTAB-002",
    severity=Severity.WARNING,
    title="同一科目收入与支出金额不一致",
    template="{code}{name}：《{income}》为{first}万元，《{expenditure}》为{second}万元，相差{difference}万元",
    tags=("statements", "tie", "budget"),
    doc=(
        "预算的收入总体情况表与支出总体情况表按功能分类科目列示时，同一科目的收入与支出相等。只在两表其余科目"
        "全部一致（至少5个）、因而两表口径相同时判断；不一致多为两表从元换算时舍入不同，记为警告。"
    ),
)
def check_item_income_expenditure(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Each function item's income and expenditure agree, where the statements otherwise agree."""
    income = statement_of(disclosure, "income", settings)
    expenditure = statement_of(disclosure, "expenditure", settings)
    if disclosure.kind != "budget" or income is None or expenditure is None:
        yield NotApplicable("不是预算，或没有可对照的收入、支出总体情况表")
        return
    pairs = list(_pairs(income, expenditure))
    differing = [(code, name, a, b) for code, name, a, b in pairs if in_wan(a) != in_wan(b)]
    if len(pairs) - len(differing) < _AGREEING or len(differing) * 5 > len(pairs):
        yield NotApplicable("两表同一科目的金额多数不同，口径可能不同（如收入含上年结转）")
        return
    for code, name, first, second in differing:
        yield Violation(
            second.source,
            {
                "code": code,
                "name": name,
                "income": income.title,
                "first": in_wan(first),
                "expenditure": expenditure.title,
                "second": in_wan(second),
                "difference": abs(in_wan(first) - in_wan(second)),
            },
            (first.source,),
            section="报表之间",
        )


def _pairs(income: Statement, expenditure: Statement) -> Iterator[tuple[str, str, Figure, Figure]]:
    """(code, name, income total, expenditure total) of each code printed once in both."""
    if income.codes_repeat or expenditure.codes_repeat:
        return
    spent = {row.code: row for row in expenditure.rows if row.code}
    for row in income.rows:
        other = spent.get(row.code) if row.code else None
        a, b = first_value(row, "total"), first_value(other, "total")
        if row.code and a is not None and b is not None and not a.blank and not b.blank:
            yield row.code, row.name, a, b
