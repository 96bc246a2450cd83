"""NARR-005: the economic items the narrative says 人员经费 and 公用经费 consist of, against the
basic-expenditure statement that prints their amounts."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from juesuan import catalogue
from juesuan.checks.cross_statements import statement_of
from juesuan.checks.registry import Checked, NotApplicable, Violation, Yield, rule
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.statements import StatementRow
from juesuan.settings import Settings
from juesuan.source import Source


@rule(
    id="NARR-005",
    severity=Severity.WARNING,
    title="说明列出的经济科目在基本支出表中没有金额",
    template="说明中{group}包括“{names}”，而《{title}》中{these}没有金额",
    tags=("narrative", "statements", "classification"),
    doc=(
        "基本支出说明中“人员经费…主要包括：基本工资、…”“公用经费…主要包括：办公费、…”列出的经济科目，"
        "在基本支出表中应有金额；列出了表中为空或为0的科目（上海普陀区财政局：“个人农业生产补贴”，30310为空），"
        "是照抄了模板的清单。表中按名称找不到的科目不判断；只与自洽的表比较。"
    ),
)
def check_named_cost_items(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Each economic item the narrative names has an amount in the basic-expenditure statement."""
    named = disclosure.narrative.basic_expenditure.named_items
    basic = statement_of(disclosure, "basic_expenditure", settings)
    if not named or basic is None:
        yield NotApplicable("说明中没有列出人员经费、公用经费的科目，或没有可信的基本支出表")
        return
    rows: dict[str, list[StatementRow]] = {}
    for row in basic.rows:
        rows.setdefault(catalogue.normalize_name(row.name), []).append(row)
    empty: dict[tuple[str, Source], list[str]] = {}
    for group, name, source in named:
        found = rows.get(catalogue.normalize_name(name), [])
        if len(found) != 1 or not found[0].values:
            continue  # not in the statement by that name, or twice
        if all(figure.value == 0 for _, figure in found[0].values):
            empty.setdefault((group, source), []).append(name)
        else:
            yield Checked()
    for (group, source), names in empty.items():
        values: dict[str, Decimal | str] = {
            "group": group,
            "names": "、".join(names),
            "title": basic.title,
            "these": "该项" if len(names) == 1 else "这些项",
        }
        yield Violation(source, values, section="说明与报表")
