"""Identities of statements whose rows are not classification codes: “三公” parts printed one a
row (福州, 泉州), and budget units coded in steps of three digits (西安: 114, 114001)."""

from __future__ import annotations

import re

from juesuan.checks.identity import Identity, sum_rows, total_rows
from juesuan.model.organisations import organisation_label
from juesuan.model.statements import Statement, StatementRow
from juesuan.model.summary_statements import row_part
from juesuan.settings import Settings


def three_public_row_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """A “三公” statement printed one part a row (福州, 泉州: 合计, 1、因公出国（境）费用, 2、公务接待费,
    3、公务用车购置及运行费, （1）购置费, （2）运行费): the 合计 and the vehicle line add up, column
    by column, as the same figures do when printed across."""
    if statement.key != "three_public":
        return []
    parts: dict[str, list[StatementRow]] = {}
    for row in statement.rows:
        if (part := row_part(row.name)) is not None:
            parts.setdefault(part, []).append(row)
    if any(len(rows) > 1 for rows in parts.values()):
        return []  # a part printed twice (two years, two funds): the rows are not one breakdown
    one = {part: rows[0] for part, rows in parts.items()}
    sums: list[tuple[str, list[str]]] = [("vehicles", ["vehicle_purchase", "vehicle_operation"])]
    vehicles = ["vehicles"] if "vehicles" in one else ["vehicle_purchase", "vehicle_operation"]
    if "other" not in one:  # 会议费, 培训费 or 机关运行经费 printed too: the 合计 may include them
        sums.append(("total", ["overseas_travel", "official_reception", *vehicles]))
    found: list[Identity] = []
    for total, members in sums:
        if total not in one or not all(m in one for m in members):
            continue
        found.extend(sum_rows(statement, one[total], [one[m] for m in members], one[total].name, settings))
    return found


def unit_codes(statement: Statement) -> list[StatementRow]:
    """The rows, when they are budget units coded in steps of three digits (西安: 114 the
    department, 114001 its unit), which no classification code is (3/5/7 digits)."""
    coded = [r for r in statement.rows if r.code]
    lengths = {len(r.code or "") for r in coded}
    if not coded or not lengths <= {3, 6, 9} or max(lengths) == 3:
        return []
    return coded if len({r.code for r in coded}) == len(coded) else []


def unit_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """A statement by budget unit: a department = Σ its units, 合计 = Σ departments."""
    coded = unit_codes(statement)
    if not coded:
        return []
    found: list[Identity] = []
    for parent in coded:
        code = parent.code or ""
        children = [
            r for r in coded if len(r.code or "") == len(code) + 3 and (r.code or "").startswith(code)
        ]
        if children:
            found.extend(sum_rows(statement, parent, children, f"{code}{parent.name}", settings))
    codes = {r.code for r in coded}
    top = [r for r in coded if (r.code or "")[:-3] not in codes]
    totals = total_rows(statement)
    uncoded = [r for r in statement.rows if not r.code and r not in totals and r.values]
    if len(totals) == 1 and not uncoded:
        found.extend(sum_rows(statement, totals[0], top, totals[0].name, settings))
    return found


def named_unit_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """A statement by unit with no codes (杭州's “三公”经费预算表: "杭州市公安局", "…交通管理支队" …,
    then 合计): the 合计 = Σ the units, when every other row is an organisation's name.

    A first row equal to the 合计 in every column is the department over its units (湖州:
    "退役军人事务局", then its 本级 and four units indented below): that row = Σ the others.
    """
    if unit_codes(statement):
        return []
    totals = total_rows(statement)
    members = [r for r in statement.rows if r not in totals and r.values]
    if len(totals) != 1 or any(r.code or r.level or r.side != totals[0].side for r in members):
        return []
    total = totals[0]
    if members and {k: f.value for k, f in members[0].values} == {k: f.value for k, f in total.values}:
        total, members = members[0], members[1:]
    names = [r.name for r in members]
    if (
        len(members) < 2
        or len(set(names)) != len(names)
        or any(organisation_label(_without_alias(name)) is None for name in names)
    ):
        return []
    return sum_rows(statement, total, members, total.name, settings)


def _without_alias(name: str) -> str:
    """ "杭州市公安局监所管理支队（留置看护管理支队）": the name without its other name."""
    return re.sub(r"[（(][^（()）]{2,40}[）)]$", "", name)
