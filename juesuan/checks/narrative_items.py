"""NARR-002: the amounts the narrative gives function items by name, against the statements."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from juesuan import catalogue
from juesuan.checks.cross_statements import narrative_against
from juesuan.checks.registry import Checked, CouldNotCheck, NotApplicable, Violation, Yield, rule
from juesuan.checks.statement_identities import trusted
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure
from juesuan.model.statements import Statement, StatementRow
from juesuan.model.summary import names_other_year
from juesuan.settings import Settings

#: The statements of appropriation spending by function, one per fund: an item is in one of them.
FUND_STATEMENTS = ("general_budget_expenditure", "government_fund", "state_capital")
#: The lengths of a 类, 款 and 项 code.
CODE_LENGTHS = (3, 5, 7)


@rule(
    id="NARR-002",
    severity=Severity.ERROR,
    title="说明中的科目金额与报表不符",
    template="说明中“{label}”为{stated}万元，《{where}》中该科目为{table}万元，相差{difference}万元",
    tags=("narrative", "statements", "tie", "classification"),
    doc=(
        "情况说明按“类-款-项”列出的科目金额（上海：“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，"
        "或“卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元）应等于一般公共预算、政府性基金、国有资本经营"
        "支出表中同一科目的合计。科目按表中编码及其上级科目的名称找到（表中不印上级时按分类目录），只在一张表中找到"
        "一行时比较；与支出总表同一科目（或收支总表同名类）的全部资金数相符的也视为一致；找不到或不止一行时记为无法检查。取紧跟科目名称的金额，以及以科目名称开头的一段中"
        "决算的“支出决算为…”、预算的“2024年预算安排…”（本年度）；决算的年初预算数不比较。"
        "以元为单位的表换算为万元后四舍五入比较，截尾（877,080元写作87.70万元）记为警告。"
    ),
)
def check_item_amounts(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Each function item's amount in the narrative is its statement row's total."""
    statements = [s for s in disclosure.statements if s.key in FUND_STATEMENTS and s.rows]
    items = disclosure.narrative.item_amounts
    if not items or not statements:
        yield NotApplicable("说明中没有按类、款、项列出的科目金额，或没有分资金的支出表")
        return
    unfound: list[str] = []
    cents: dict[int | None, list[Violation]] = {}
    wanted = "actual" if disclosure.kind == "final" else "budget"
    for item in items:
        if item.measure not in ("", wanted) or names_other_year(item.label, disclosure.year):
            continue  # a final's 年初预算, or another year's figure
        matches = [
            (s, row)
            for s in statements
            for row in rows_named(s, item.names)
            if not item.code or row.code == item.code
        ]
        label = item.code + "-".join(n for n in item.names if n)
        if len(matches) != 1:
            unfound.append(label)
            continue
        statement, row = matches[0]
        figure = total_of(statement, row)
        if figure is None or not trusted(statement, settings):
            unfound.append(label)
            continue
        verdict = narrative_against(item.amount, figure, {"label": label, "where": statement.title})
        if not isinstance(verdict, Checked) and any(
            isinstance(narrative_against(item.amount, other, {}), Checked)
            for other in _all_funds(disclosure, row, settings)
        ):
            verdict = Checked()  # 江苏: the overview gives each class with all its funds
        if isinstance(verdict, Violation) and verdict.severity is Severity.WARNING:
            cents.setdefault(verdict.source.page, []).append(verdict)  # a slip of a cent
        else:
            yield verdict
    yield from (_together(slips) for slips in cents.values())
    if unfound:
        yield CouldNotCheck(f"未能在支出表中唯一找到这些科目：{'、'.join(unfound[:5])}")


def _together(slips: list[Violation]) -> Violation:
    """The items of a page a cent off (cut instead of rounded from 元), as one finding: one habit
    to correct, every item named."""
    if len(slips) == 1:
        return slips[0]
    first = slips[0]
    values = {
        **first.values,
        **{key: "、".join(str(s.values[key]) for s in slips) for key in ("label", "stated", "table")},
        "label": "”“".join(str(s.values["label"]) for s in slips),
    }
    evidence = tuple(dict.fromkeys(e for s in slips for e in (s.source, *s.evidence) if e != first.source))
    return dataclasses.replace(first, values=values, evidence=evidence)


def _all_funds(disclosure: Disclosure, row: StatementRow, settings: Settings) -> Iterator[Figure]:
    """The same item with every fund: its row in the expenditure statement, and for a class its
    line in the summary ("四、公共安全支出")."""
    for statement in disclosure.statements:
        if statement.key not in ("expenditure", "summary") or not trusted(statement, settings):
            continue
        for other in statement.rows:
            same_code = row.code is not None and other.code == row.code
            same_class = (
                len(row.code or "") == 3
                and other.side == "expenditure"
                and same_name(re.sub(r"^[一二三四五六七八九十]+、", "", other.name), row.name)
            )
            if (same_code or same_class) and (figure := total_of(statement, other)) is not None:
                yield figure


def total_of(statement: Statement, row: StatementRow) -> Figure | None:
    """The row's total: its ``total`` column, or its one value."""
    if (figure := row.value("total")) is not None:
        return figure
    return row.values[0][1] if len(row.values) == 1 else None


def rows_named(statement: Statement, names: tuple[str, ...]) -> list[StatementRow]:
    """The coded rows of ``statement`` at the level of ``names`` whose name and whose ancestors'
    names (the rows above, or the catalogue when the statement does not print them) match."""
    length = CODE_LENGTHS[len(names) - 1]
    by_code = {row.code: row for row in statement.rows if row.code is not None}
    codes = catalogue.function_codes()
    found: list[StatementRow] = []
    for row in _by_name(statement).get(_plain(names[-1]), []):
        code = row.code or ""
        if len(code) != length:
            continue
        ancestors = [code[:n] for n in CODE_LENGTHS[: len(names) - 1]]
        if all(_names(a, wanted, by_code, codes) for a, wanted in zip(ancestors, names, strict=False)):
            found.append(row)
    return found


def _names(
    code: str, wanted: str, by_code: dict[str, StatementRow], codes: dict[str, catalogue.CatalogueEntry]
) -> bool:
    """Whether ``code`` is named ``wanted`` ("" when the narrative does not name that level): as
    the statement prints it, or as the catalogue names it now or did before (医疗卫生与计划生育支出
    for 210)."""
    if not wanted:
        return True
    entry = codes.get(code)
    printed = by_code[code].name if code in by_code else None
    return (printed is not None and same_name(printed, wanted)) or (
        entry is not None and catalogue.name_matches(entry, wanted)
    )


def _plain(name: str) -> str:
    """The name compared: 其它 is 其他, and a trailing 支出 is often left out ("其他公安（项）")."""
    plain = catalogue.normalize_name(name).replace("其它", "其他")
    return plain[:-2] if plain.endswith("支出") and len(plain) > 4 else plain


def same_name(printed: str, wanted: str) -> bool:
    return _plain(printed) == _plain(wanted)


_indexed: list[tuple[Statement, dict[str, list[StatementRow]]]] = []


def _by_name(statement: Statement) -> dict[str, list[StatementRow]]:
    """The coded rows of ``statement`` by their plain name (built once for the statement checked)."""
    for indexed, rows in _indexed:
        if indexed is statement:
            return rows
    rows = {}
    for row in statement.rows:
        if row.code:
            rows.setdefault(_plain(row.name), []).append(row)
    _indexed.append((statement, rows))
    del _indexed[:-6]
    return rows
