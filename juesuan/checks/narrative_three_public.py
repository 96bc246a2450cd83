"""NARR-003: the “三公” figures the narrative states, against the “三公” statement."""

from __future__ import annotations

import re
from collections.abc import Iterator

from juesuan.checks.cross_statements import narrative_against, statement_of
from juesuan.checks.registry import NotApplicable, Yield, rule
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import StatedAmount
from juesuan.model.summary import names_other_year
from juesuan.model.summary_statements import three_public
from juesuan.settings import Settings

#: The narrative's keys of the “三公” amounts → the statement's parts.
PARTS = {
    "three_public_total": "total",
    "overseas_travel": "overseas_travel",
    "official_vehicles": "vehicles",
    "vehicle_purchase": "vehicle_purchase",
    "vehicle_operation": "vehicle_operation",
    "official_reception": "official_reception",
}


#: "因公出国费按批复额度89.60万元", "按执行数统计": a figure on another basis than the statement's.
_ON_A_BASIS = re.compile(r"按|额度|口径")
#: Labels of a share of a part ("含外宾接待支出", "国内公务接待"), of last year, or of an average.
_PART_OF_A_PART = re.compile(r"国内|外宾|外事|境外|含|其中|上年|人均|平均|每")


@rule(
    id="NARR-003",
    severity=Severity.ERROR,
    title="说明中的“三公”经费与报表不符",
    template="说明中{label}为{stated}万元，《{where}》中为{table}万元，相差{difference}万元",
    tags=("narrative", "statements", "tie", "three_public"),
    doc=(
        "情况说明中的“三公”经费合计及因公出国（境）费、公务用车购置及运行费（购置费、运行费）、公务接待费，"
        "应等于“三公”经费表中本年度的数字（决算取决算数，预算取预算数）。写明其他年份或上年的数字、"
        "其中一部分（国内、外宾接待）不比较；"
        "表未能读准（见READ-001）或同一年有多行时不比较。容差同NARR-001。"
    ),
)
def check_three_public_narrative(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The narrative's “三公” figures are the statement's."""
    statement = statement_of(disclosure, "three_public", settings)
    found = False
    for stated in _amounts(disclosure):
        part = PARTS.get(stated.key)
        figure = three_public(statement, part, disclosure.year, disclosure.kind) if part else None
        if figure is None or statement is None:
            continue
        found = True
        yield narrative_against(stated.amount, figure, {"label": stated.label, "where": statement.title})
    if not found:
        yield NotApplicable("说明或报表中没有可对照的本年度“三公”经费")


def _amounts(disclosure: Disclosure) -> Iterator[StatedAmount]:
    """The narrative's “三公” amounts of the document's own year, on the statement's basis."""
    for amount in disclosure.narrative.three_public.amounts:
        if (
            _PART_OF_A_PART.search(amount.label)
            or _ON_A_BASIS.search(amount.label)
            or names_other_year(amount.amount.source.text, disclosure.year)
        ):
            continue
        if amount.amount.is_money:
            yield amount
