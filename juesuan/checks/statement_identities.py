"""The identities inside one statement: columns, the code hierarchy, groups, balances.

Every identity is computed once per statement and judged with the rounding tolerance of
its figures. A statement whose identities mostly fail was probably read wrong (a shifted
column, a lost row): :func:`trusted` says so, and the rules then report a reading problem
instead of errors in the document.
"""

from __future__ import annotations

import itertools
from collections import Counter

from juesuan.checks.identity import (
    Identity,
    checkable,
    column_header,
    make_identity,
    sum_rows,
    total_rows,
)
from juesuan.checks.memo import PerObject
from juesuan.checks.named_hierarchy import named_hierarchy_identities
from juesuan.checks.period_identities import change_identities, period_row_identities
from juesuan.checks.row_identities import (
    named_unit_identities,
    three_public_row_identities,
    unit_codes,
    unit_identities,
)
from juesuan.checks.summary_identities import summary_identities
from juesuan.model.statements import Column, Statement, StatementRow
from juesuan.settings import Settings
from juesuan.source import Source

#: Columns that are never a part of the row's total: "其中" parts, procurement, unknown labels,
#: and 机关运行经费 printed beside the “三公” figures (上海's combined table).
EXCLUDED_PREFIXES = ("of_", "procurement", "unknown", "agency_operating")
TOTAL_NAMES = ("合计", "总计")
PERSONNEL_CLASSES = ("301", "303")


# --- columns -------------------------------------------------------------------------------


def _base(column: Column) -> tuple[str, str]:
    base, _, measure = column.id.partition("@")
    return base, measure


def _children(prefix: str, bases: set[str]) -> list[str] | None:
    """The ids that add up to the total of group ``prefix`` (None when a label is unknown)."""
    found: list[str] = []
    groups_seen: set[str] = set()
    for base in sorted(bases):
        if prefix and not base.startswith(prefix + "."):
            continue
        relative = base[len(prefix) + 1 :] if prefix else base
        segments = relative.split(".")
        head = segments[0]
        if head.startswith("unknown"):
            return None
        if head in ("total", "subtotal") or head.startswith(EXCLUDED_PREFIXES):
            continue
        if len(segments) == 1:
            found.append(base)
            continue
        group = f"{prefix}.{head}" if prefix else head
        if group in groups_seen:
            continue
        groups_seen.add(group)
        if f"{group}.subtotal" in bases:
            found.append(f"{group}.subtotal")
        else:
            inner = _children(group, bases)
            if inner is None:
                return None
            found.extend(inner)
    return found


def column_rules(statement: Statement) -> list[tuple[str, list[str]]]:
    """(total column id, the column ids that add up to it), for every side and measure."""
    rules: list[tuple[str, list[str]]] = []
    keyed: dict[tuple[str, str], dict[str, str]] = {}
    for column in statement.columns:
        base, measure = _base(column)
        keyed.setdefault((column.side, measure), {})[base] = column.id
    for bases in map(_fund_major, keyed.values()):
        names = set(bases)
        for base, column_id in bases.items():
            if base != "total" and not base.endswith(".subtotal"):
                continue
            prefix = "" if base == "total" else base.removesuffix(".subtotal")
            children = _children(prefix, names)
            if prefix == "three_public" and not children:
                children = _three_public_parts(names)  # the parts printed beside, not under, their total
            if not prefix and not children and {"of_item.basic", "of_item.project"} <= names:
                children = ["of_item.basic", "of_item.project"]  # "其中：基本支出 项目支出" is the whole
            if children and len(children) >= 2:
                rules.append((column_id, [bases[c] for c in children]))
    return rules


FUNDS = ("general_budget", "government_fund", "state_capital")


def _fund_major(bases: dict[str, str]) -> dict[str, str]:
    """Column ids re-keyed fund first when every column splits its part by fund (深圳's “三公”
    table: "因公出国(境)费 / 一般公共预算" is ``overseas_travel.general_budget``), so that each
    fund's parts add up to that fund's total ("总计 / 一般公共预算", ``general_budget``)."""
    split = [base.split(".") for base in bases]
    if not all(segments[-1] in FUNDS for segments in split) or all(len(s) == 1 for s in split):
        return bases
    rekeyed: dict[str, str] = {}
    for segments, column_id in zip(split, bases.values(), strict=True):
        fund, part = segments[-1], segments[:-1] or ["subtotal"]
        rekeyed[".".join([fund, *part])] = column_id
    return rekeyed


def _three_public_parts(names: set[str]) -> list[str]:
    vehicles = "official_vehicles.subtotal" if "official_vehicles.subtotal" in names else "official_vehicles"
    parts = ["overseas_travel", vehicles, "official_reception"]
    return parts if all(p in names for p in parts) else []


def column_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """Row by row: each total column equals the sum of its component columns."""
    found: list[Identity] = []
    for total_id, part_ids in column_rules(statement):
        for row in statement.rows:
            stated = row.value(total_id)
            figures = checkable(stated, [row.value(p) for p in part_ids])
            if stated is None or figures is None:
                continue
            names = " + ".join(column_header(statement, p) for p in part_ids)
            label = f"“{row.name or '（无名称）'}”行：{column_header(statement, total_id)} = {names}"
            found.append(make_identity("columns", statement, label, stated, figures, settings))
    return found


# --- code hierarchy --------------------------------------------------------------------------

VALID_CODE_LENGTHS = (3, 5, 7)


def _coded(statement: Statement) -> list[StatementRow]:
    if unit_codes(statement):
        return []  # budget units, not classes (unit_identities)
    rows = [r for r in statement.rows if r.code and 3 <= len(r.code) <= 7 and r.code[0] in "23"]
    counts = Counter((r.side, r.code) for r in rows)
    if any(count > 1 for count in counts.values()):
        return []  # the same code twice (e.g. under two government codes): the rows do not form one tree
    return rows


def _parent_of(row: StatementRow, coded: list[StatementRow]) -> StatementRow | None:
    """The row a coded row adds up into: its code minus two digits, or, for a malformed code
    (4 or 6 digits, such as 款 "2" printed for "02"), the longest valid code it starts with."""
    code = row.code or ""
    candidates = [
        r
        for r in coded
        if r.side == row.side
        and len(r.code or "") in VALID_CODE_LENGTHS
        and len(r.code or "") < len(code)
        and code.startswith(r.code or "")
    ]
    if not candidates:
        return None
    parent = max(candidates, key=lambda r: len(r.code or ""))
    if len(code) in VALID_CODE_LENGTHS and len(parent.code or "") != len(code) - 2:
        return None
    return parent


def hierarchy_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, per value column; 人员/公用经费合计 in basic statements."""
    coded = _coded(statement)
    if not coded:
        return []
    found: list[Identity] = []
    parents = {id(row): _parent_of(row, coded) for row in coded}
    for parent in coded:
        children = [r for r in coded if parents[id(r)] is parent]
        if children:
            found.extend(sum_rows(statement, parent, children, f"{parent.code}{parent.name}", settings))
    top = [r for r in coded if parents[id(r)] is None]
    classes = [r for r in top if len(r.code or "") == 3]
    totals = total_rows(statement)
    uncoded = [r for r in statement.rows if not r.code and r not in totals and r.values]
    if not classes and len({len(r.code or "") for r in top}) == 1 and not uncoded:
        classes = top  # a table of 款 or 项 only, every row coded, adds them up (泉州)
    if any(r.code and r not in coded and any(f.value for _, f in r.values) for r in statement.rows):
        totals = []  # 广州's "[512]债务还本支出" above [301]: a class of another scheme the 合计 counts too
    for total in totals:
        members = [r for r in classes if r.side == total.side]
        if total.name.startswith("人员经费"):
            members = [r for r in members if (r.code or "")[:3] in PERSONNEL_CLASSES]
        elif total.name.startswith("公用经费"):
            members = [r for r in members if (r.code or "")[:3] not in PERSONNEL_CLASSES]
        if members:
            found.extend(sum_rows(statement, total, members, total.name, settings))
    return found


def group_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """Uncoded groups named in two columns (江苏's 收入预算总表): a group's 小计 = its details,
    and the 总计 = its groups, when every other top-level row is a group or all zero."""
    rows = list(statement.rows)
    if not any(r.level == 1 for r in rows):
        return []
    found: list[Identity] = []
    groups: list[StatementRow] = []
    for index, row in enumerate(rows):
        if row.level != 0:
            continue
        details = list(itertools.takewhile(lambda r: r.level == 1, rows[index + 1 :]))
        if details:
            groups.append(row)
        if len(details) >= 2 and not any(d.name.startswith("其中") for d in details):
            found.extend(sum_rows(statement, row, details, row.name, settings))
    totals = [r for r in rows if r.level == 0 and r.name.endswith(TOTAL_NAMES) and r not in groups]
    others = [r for r in rows if r.level == 0 and r not in totals]
    if len(totals) == 1 and all(r in groups or all(f.value == 0 for _, f in r.values) for r in others):
        found.extend(sum_rows(statement, totals[0], others, totals[0].name, settings))
    return found


# --- fund balances ---------------------------------------------------------------------------


def balance_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余 (fund statements)."""
    ids = {c.id for c in statement.columns}
    spent = "expenditure.subtotal" if "expenditure.subtotal" in ids else "expenditure"
    needed = ("carryover_start", "income", spent, "carryover_end")
    if not all(i in ids for i in needed):
        return []
    found: list[Identity] = []
    for row in statement.rows:
        values = [row.value(i) for i in needed]
        if any(v is None for v in values):
            continue
        start, income, expenditure, end = (v for v in values if v is not None)
        if all(v.value == 0 for v in (start, income, expenditure, end)):
            continue
        found.append(
            make_identity(
                "balance",
                statement,
                f"“{row.name}”行：年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余",
                end,
                [start, income, expenditure],
                settings,
                [1, 1, -1],
            )
        )
    return found


# --- all of them, once per statement ---------------------------------------------------------

#: Identities by statement, for every statement of a long document (西安's run to 100+): the
#: rules walking the statements one after another compute each once.
_identities: PerObject[Statement, list[Identity]] = PerObject(256)


def unstated(identity: Identity) -> bool:
    """Whether one side of ``identity`` was left blank while the other is not zero.

    上海's 收支总表 leaves 收入总计 empty beside a 支出总计 of 195,774,300: the total was not
    printed, not printed as 0, so the identity cannot be judged (a blank part is a 0, as usual).
    """
    stated, parts = identity.stated, identity.parts
    if stated.blank and identity.computed != 0:
        return True
    return stated.value != 0 and bool(parts) and all(part.blank for part in parts)


def _usual_decimals(statement: Statement) -> int:
    """The decimals most of the statement's printed figures have."""
    printed = Counter(f.decimals for row in statement.rows for _, f in row.values if not f.blank)
    return printed.most_common(1)[0][0] if printed else 0


def _cut_short(identity: Identity, usual: int) -> bool:
    """Whether a failing identity has a figure printed with fewer decimals than the statement's
    others: a figure cut at a cell's edge (杭州's "12,437.3", its last "6" on the next page's top)."""
    figures = (identity.stated, *identity.parts)
    return not identity.holds and any(f.decimals < usual and f.value and not f.blank for f in figures)


def all_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """Every identity of ``statement`` (computed once for the statement being checked)."""
    return _identities.get(statement, lambda: _every_identity(statement, settings))


def _every_identity(statement: Statement, settings: Settings) -> list[Identity]:
    result = (
        column_identities(statement, settings)
        + change_identities(statement, settings)
        + period_row_identities(statement, settings)
        + three_public_row_identities(statement, settings)
        + hierarchy_identities(statement, settings)
        + group_identities(statement, settings)
        + unit_identities(statement, settings)
        + named_unit_identities(statement, settings)
        + named_hierarchy_identities(statement, settings)
        + summary_identities(statement, settings)
        + balance_identities(statement, settings)
    )
    usual = _usual_decimals(statement)
    return [identity for identity in result if not unstated(identity) and not _cut_short(identity, usual)]


def trusted(statement: Statement, settings: Settings) -> bool:
    """Whether the reading of ``statement`` reconciles with itself well enough to judge the document.

    Balances are left out: they can legitimately fail (DOMAIN.md I7); so are identities of
    levels told by names, which judge the inference, not the reading. A statement is trusted
    when one identity fails, or at most three that are at most a tenth of all, or when all
    failures meet in one cell (a wrong figure breaks each sum it is part of): a misread
    column or a lost row breaks many identities that share no cell.
    """
    identities = [i for i in all_identities(statement, settings) if i.family != "balance" and not i.inferred]
    failed = [i for i in identities if not i.holds]
    if len(failed) <= 1 or (len(failed) <= 3 and len(failed) * 10 <= len(identities)):
        return True
    return _one_cell(failed)


def _one_cell(failed: list[Identity]) -> bool:
    """Whether every failing identity involves one and the same printed figure (one wrong cell)."""
    common: set[Source] | None = None
    for identity in failed:
        places = {identity.stated.source} | {part.source for part in identity.parts}
        common = places if common is None else common & places
    return bool(common) and len(failed) <= 6  # a figure in a row, its column and two trees of sums
