"""CODE-005: a function item the narrative names otherwise than the statement that prints its amount."""

from __future__ import annotations

from collections.abc import Iterator

from juesuan.checks.cross_statements import narrative_against
from juesuan.checks.narrative_items import CODE_LENGTHS, FUND_STATEMENTS, rows_named, same_name, total_of
from juesuan.checks.registry import Checked, NotApplicable, Violation, Yield, rule
from juesuan.checks.statement_identities import trusted
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.narrative import ItemAmount
from juesuan.model.statements import Statement, StatementRow
from juesuan.model.summary import names_other_year
from juesuan.settings import Settings

_LEVELS = ("类", "款", "项")


@rule(
    id="CODE-005",
    severity=Severity.WARNING,
    title="说明中的科目名称与报表不一致",
    template="说明中的“{printed}”{amount}万元，报表中这一金额的科目是“{row}”，科目名称不一致",
    tags=("narrative", "classification"),
    doc=(
        "情况说明按“类-款-项”写出的科目，在支出表中按名称找不到，而支出表中恰有一行同一级次的科目金额与之相同时，"
        "说明写错了科目名称（沿用已停用的名称，如“其他国土资源事务支出”之于2200199其他自然资源事务支出；"
        "款、项张冠李戴，如“住房保障支出（款）”之于22102住房改革支出）。金额相同的科目不止一行时不判断。"
    ),
)
def check_item_names(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """An item not found by its names, whose amount is one statement row's, is misnamed."""
    statements = [
        s for s in disclosure.statements if s.key in FUND_STATEMENTS and s.rows and trusted(s, settings)
    ]
    items = [i for i in disclosure.narrative.item_amounts if not names_other_year(i.label, disclosure.year)]
    if not items or not statements:
        yield NotApplicable("说明中没有按类、款、项列出的科目金额，或没有可信的分资金支出表")
        return
    for item in items:
        if any(rows_named(s, item.names) for s in statements):
            yield Checked()
            continue
        candidates = [(s, row) for s in statements for row in _same_amount(s, item)]
        if len(candidates) != 1:
            continue  # no row, or several, of that amount: nothing says which item is meant
        statement, row = candidates[0]
        yield Violation(
            item.amount.source,
            {
                "printed": _path(item),
                "amount": item.amount.value,
                "row": f"{row.code}{_ancestry(statement, row)}",
            },
            evidence=(row.source,),
            section="说明与报表",
        )


def _same_amount(statement: Statement, item: ItemAmount) -> list[StatementRow]:
    """The statement's rows at the item's level whose total is the item's amount."""
    length = CODE_LENGTHS[len(item.names) - 1]
    return [
        row
        for row in statement.rows
        if len(row.code or "") == length
        and (figure := total_of(statement, row)) is not None
        and figure.value != 0
        and isinstance(narrative_against(item.amount, figure, {}), Checked)
        and not same_name(row.name, item.names[-1])
    ]


def _path(item: ItemAmount) -> str:
    """The names as the narrative prints them, each with its level: "住房保障支出（类）住房保障支出（款）…"."""
    return "".join(f"{name}（{level}）" for name, level in zip(item.names, _LEVELS, strict=False) if name)


def _ancestry(statement: Statement, row: StatementRow) -> str:
    """The row's name with its ancestors' as the statement prints them ("住房保障支出-住房改革支出-住房公积金")."""
    code = row.code or ""
    by_code = {r.code: r.name for r in statement.rows if r.code}
    names = [by_code.get(code[:n], "") for n in CODE_LENGTHS if n < len(code)] + [row.name]
    return "-".join(name for name in names if name)
