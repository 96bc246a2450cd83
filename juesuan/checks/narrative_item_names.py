"""Function items as the narrative names them: otherwise than the statement that prints the amount
(CODE-005), or with a 款 named like its 类 (CODE-008)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from juesuan import catalogue
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


#: "住房保障支出（类）住房保障支出（款）住房公积金（项）": a path of names, 室 brackets inside names.
_PATH_RE = re.compile(
    r"(?P<cls>(?:[\u4e00-\u9fff]|（室）)+?)[（(]类[）)](?P<section>(?:[\u4e00-\u9fff]|（室）)+?)[（(]款[）)]"
    r"(?P<item>(?:[\u4e00-\u9fff]|（室）)+?)[（(]项[）)]"
)


@rule(
    id="CODE-008",
    severity=Severity.WARNING,
    title="说明中款名称写成了类名称",
    template="说明中写“{path}”，款级名称与类级名称相同{expected}",
    tags=("narrative", "classification"),
    doc=(
        "政府收支分类中没有与所属类同名的款：说明中“住房保障支出（类）住房保障支出（款）住房公积金（项）”的款名称"
        "是照抄了类名称，应为该项所属的款（22102住房改革支出）。分类目录中能由类与项的名称唯一确定所属的款时一并写出。"
    ),
)
def check_item_paths(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """A 款 in the narrative's 类/款/项 paths is not named like its 类."""
    found = False
    for passage in disclosure.passages:
        for match in _PATH_RE.finditer(passage.text):
            found = True
            section, item = match["section"], match["item"]
            if not match["cls"].endswith(section) or _named_like_class(section):
                yield Checked()  # "其他支出（类）其他支出（款）" is the catalogue's own
                continue
            parent = _parent_section(section, item)
            values: dict[str, Decimal | str] = {
                "path": match.group(0),
                "expected": f"，“{item}”所属的款为“{parent}”" if parent else "",
            }
            yield Violation(passage.source.with_text(match.group(0)), values, section="说明中的支出科目")
    if not found:
        yield NotApplicable("说明中没有按“类、款、项”写出的科目")


def _named_like_class(name: str) -> bool:
    """Whether the catalogue has a 款 named as its 类 is (22999 其他支出 under 229 其他支出)."""
    codes = catalogue.function_codes()
    return any(
        len(e.code) == 5
        and e.parent in codes
        and catalogue.name_matches(e, name)
        and catalogue.name_matches(codes[e.parent], name)
        for e in codes.values()
    )


def _parent_section(class_name: str, item_name: str) -> str:
    """The name of the one 款 of ``class_name`` with a 项 named ``item_name`` in the catalogue, or ""."""
    codes = catalogue.function_codes()
    classes = [e.code for e in codes.values() if len(e.code) == 3 and catalogue.name_matches(e, class_name)]
    parents = {
        e.parent
        for e in codes.values()
        if len(e.code) == 7 and e.code[:3] in classes and catalogue.name_matches(e, item_name)
    }
    return codes[next(iter(parents))].name if len(parents) == 1 and next(iter(parents)) in codes else ""
