"""Find every breakdown and stated amount in a disclosure, with the section it belongs to.

Generic checks (sums, shares, rates of change, ties between restatements) apply to every
instance wherever the extractor put it, so adding a narrative section to the model needs no
change here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.memo import PerObject
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Breakdown, BudgetComparison, Change, Figure, StatedAmount
from juesuan.source import Source

#: Chinese names of the model's parts, for grouping findings.
SECTION_NAMES = {
    "profile": "部门概况",
    "overview": "收入支出决算总体情况",
    "income": "收入决算情况",
    "expenditure": "支出决算情况",
    "appropriation": "财政拨款收入支出决算总体情况",
    "general_budget_expenditure": "一般公共预算财政拨款支出决算情况",
    "basic_expenditure": "一般公共预算财政拨款基本支出决算情况",
    "three_public": "“三公”经费支出决算情况",
    "agency_operating_costs": "机关运行经费",
    "procurement": "政府采购",
    "state_assets": "国有资产占用",
    "performance": "预算绩效",
    "petition": "信访工作",
    "self_evaluations": "项目支出绩效自评表",
    "statements": "决算报表",
    "completeness": "完整性",
    "empty_statements": "空表说明",
    "item_amounts": "说明中的支出科目",
    "stated_totals": "说明中的收支总数",
    "year_on_year": "说明中的增减变化",
    "listed_shares": "说明中的占比",
    "budget_rates": "说明中的预决算对比",
}


def section_name(key: str, kind: str | None) -> str:
    """The Chinese name of a model part; a budget's sections are 预算, not 决算 (never the key itself)."""
    name = SECTION_NAMES.get(key, "说明")
    return name.replace("决算", "预算") if kind == "budget" else name


#: Types that cannot contain a stated amount: the walk does not descend into them.
_LEAVES = (Figure, Source, Change, BudgetComparison, str, int, Decimal, type(None))


def _walk(value: object, section: str) -> Iterator[tuple[str, object]]:
    if isinstance(value, _LEAVES):
        return
    if isinstance(value, StatedAmount):
        yield section, value
        return
    if isinstance(value, Breakdown):
        yield section, value
        yield section, value.total
        for part in value.parts:
            yield section, part
        return
    if isinstance(value, tuple):
        for item in value:
            yield from _walk(item, section)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _walk(getattr(value, field.name), section)


def _sections(disclosure: Disclosure) -> Iterator[tuple[str, object]]:
    yield SECTION_NAMES["profile"], disclosure.profile
    narrative = disclosure.narrative
    for field in dataclasses.fields(narrative):
        yield section_name(field.name, disclosure.kind), getattr(narrative, field.name)


_walked: PerObject[Disclosure, list[tuple[str, object]]] = PerObject(1)


def _everything(disclosure: Disclosure) -> list[tuple[str, object]]:
    """The walk of ``disclosure``, computed once for the disclosure the rules are looking at."""
    return _walked.get(
        disclosure, lambda: [item for section, part in _sections(disclosure) for item in _walk(part, section)]
    )


def breakdowns(disclosure: Disclosure) -> Iterator[tuple[str, Breakdown]]:
    """Every breakdown, with its section's Chinese name."""
    for name, value in _everything(disclosure):
        if isinstance(value, Breakdown):
            yield name, value


def amounts(disclosure: Disclosure) -> Iterator[tuple[str, StatedAmount]]:
    """Every stated amount (totals and parts of breakdowns included), with its section's name."""
    seen: set[int] = set()
    for name, value in _everything(disclosure):
        if isinstance(value, StatedAmount) and id(value) not in seen:
            seen.add(id(value))
            yield name, value
