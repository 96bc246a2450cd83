"""The identities inside one statement: columns, the code hierarchy, the two-sided totals.

Every identity is computed once per statement and judged with the rounding tolerance of
its figures. A statement whose identities mostly fail was probably read wrong (a shifted
column, a lost row): :func:`trusted` says so, and the rules then report a reading problem
instead of errors in the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from juesuan.checks.tolerance import sum_tolerance
from juesuan.model.figures import Figure
from juesuan.model.statements import Column, Statement, StatementRow
from juesuan.settings import Settings
from juesuan.source import Source

EXCLUDED_PREFIXES = ("of_", "procurement", "unknown")
TOTAL_NAMES = ("合计", "总计")
PERSONNEL_CLASSES = ("301", "303")


@dataclass(frozen=True)
class Identity:
    """One identity of a statement, evaluated.

    Attributes:
        family: ``columns``, ``hierarchy``, ``summary`` or ``balance``.
        statement: the statement.
        label: what is added up, in Chinese ("“行政运行”行：合计 = 基本支出 + 项目支出").
        stated: the printed total.
        parts: the printed parts.
        signs: +1/−1 per part (a balance subtracts).
        tolerance: the rounding allowance.
    """

    family: str
    statement: Statement
    label: str
    stated: Figure
    parts: tuple[Figure, ...]
    signs: tuple[int, ...]
    tolerance: Decimal

    @property
    def computed(self) -> Decimal:
        """The sum of the parts."""
        return sum((sign * part.value for sign, part in zip(self.signs, self.parts, strict=True)), Decimal(0))

    @property
    def difference(self) -> Decimal:
        """Stated minus computed."""
        return self.stated.value - self.computed

    @property
    def holds(self) -> bool:
        """Whether the identity holds within rounding."""
        return abs(self.difference) <= self.tolerance

    @property
    def exact(self) -> bool:
        """Whether it holds to the last digit."""
        return self.difference == 0


def _identity(
    family: str,
    statement: Statement,
    label: str,
    stated: Figure,
    parts: list[Figure],
    settings: Settings,
    signs: list[int] | None = None,
) -> Identity:
    return Identity(
        family,
        statement,
        label,
        stated,
        tuple(parts),
        tuple(signs or [1] * len(parts)),
        sum_tolerance(stated, parts, settings),
    )


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
    for bases in keyed.values():
        names = set(bases)
        for base, column_id in bases.items():
            if base != "total" and not base.endswith(".subtotal"):
                continue
            prefix = "" if base == "total" else base.removesuffix(".subtotal")
            children = _children(prefix, names)
            if prefix == "three_public" and not children:
                children = _three_public_parts(names)  # the parts printed beside, not under, their total
            if children and len(children) >= 2:
                rules.append((column_id, [bases[c] for c in children]))
    return rules


def _three_public_parts(names: set[str]) -> list[str]:
    vehicles = "official_vehicles.subtotal" if "official_vehicles.subtotal" in names else "official_vehicles"
    parts = ["overseas_travel", vehicles, "official_reception"]
    return parts if all(p in names for p in parts) else []


def _checkable(stated: Figure | None, parts: list[Figure | None]) -> list[Figure] | None:
    """The parts, when the total and every part are printed and not all of them are zero."""
    if stated is None or any(p is None for p in parts):
        return None
    figures = [p for p in parts if p is not None]
    if stated.value == 0 and all(p.value == 0 for p in figures):
        return None
    return figures


def column_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """Row by row: each total column equals the sum of its component columns."""
    found: list[Identity] = []
    for total_id, part_ids in column_rules(statement):
        for row in statement.rows:
            stated = row.value(total_id)
            figures = _checkable(stated, [row.value(p) for p in part_ids])
            if stated is None or figures is None:
                continue
            names = " + ".join(_header(statement, p) for p in part_ids)
            label = f"“{row.name or '（无名称）'}”行：{_header(statement, total_id)} = {names}"
            found.append(_identity("columns", statement, label, stated, figures, settings))
    return found


def _header(statement: Statement, column_id: str) -> str:
    column = statement.column(column_id)
    return "/".join(column.header) if column and column.header else column_id


# --- code hierarchy --------------------------------------------------------------------------

VALID_CODE_LENGTHS = (3, 5, 7)


def _coded(statement: Statement) -> list[StatementRow]:
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


def _value_ids(statement: Statement) -> list[str]:
    return list(dict.fromkeys(c.id for c in statement.columns if not c.id.startswith("unknown")))


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
            found.extend(_sum_rows(statement, parent, children, f"{parent.code}{parent.name}", settings))
    classes = [r for r in coded if len(r.code or "") == 3 and parents[id(r)] is None]
    for total in _total_rows(statement):
        members = [r for r in classes if r.side == total.side]
        if total.name.startswith("人员经费"):
            members = [r for r in members if r.code in PERSONNEL_CLASSES]
        elif total.name.startswith("公用经费"):
            members = [r for r in members if r.code not in PERSONNEL_CLASSES]
        if members:
            found.extend(_sum_rows(statement, total, members, total.name, settings))
    return found


def _total_rows(statement: Statement) -> list[StatementRow]:
    rows = [
        r for r in statement.rows if not r.code and r.name in ("合计", "总计", "人员经费合计", "公用经费合计")
    ]
    return rows if len({r.name for r in rows}) == len(rows) else []


def _sum_rows(
    statement: Statement, parent: StatementRow, children: list[StatementRow], label: str, settings: Settings
) -> list[Identity]:
    found: list[Identity] = []
    for column_id in _value_ids(statement):
        stated = parent.value(column_id)
        figures = _checkable(stated, [c.value(column_id) for c in children])
        if stated is None or figures is None:
            continue
        text = f"“{label}”{_column_suffix(statement, column_id)} = 下级{len(children)}行之和"
        found.append(_identity("hierarchy", statement, text, stated, figures, settings))
    return found


def _column_suffix(statement: Statement, column_id: str) -> str:
    return "" if len(statement.columns) <= 1 else f"（{_header(statement, column_id)}）"


# --- two-sided statements --------------------------------------------------------------------

_CHINESE_ITEM_RE = re.compile(r"^[一二三四五六七八九十]+、")
_CHINESE_NUMERALS = tuple("一二三四五六七八九") + tuple(
    t + u for t in ("十", "二十", "三十", "四十") for u in ("", *"一二三四五六七八九")
)
_PAREN_ITEM_RE = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")
_ARABIC_ITEM_RE = re.compile(r"^(\d+)[.、．]")
#: Rows under a carry-over line that split it by fund.
_FUND_NAMES = ("一般公共预算", "政府性基金", "国有资本经营")
_YEAR_TOTAL_RE = re.compile(r"(?:本年|当年)(?:收入|支出)(?:合计|小计)")
_BARE_TOTALS = ("合计", "收入合计", "支出合计")
_SUB_ITEM_RE = re.compile(r"^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)]|其中)")


def summary_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """Two-sided statements: current-year totals, grand totals, and income total = expenditure total."""
    sides = {row.side for row in statement.rows}
    if not {"income", "expenditure"} <= sides:
        return []
    found: list[Identity] = []
    grand: dict[str, StatementRow] = {}
    for side in ("income", "expenditure"):
        rows = [r for r in statement.rows if r.side == side]
        for item, sub_items in _item_breakdowns(rows):
            found.extend(_sum_rows_by_column(statement, item, sub_items, item.name, settings))
        year_total = next((r for r in rows if _YEAR_TOTAL_RE.search(r.name)), None)
        total = _grand_total_row(rows, year_total)
        if year_total is None and total is not None:
            above = (
                rows[: rows.index(total)]
                if total.name.endswith("总计")
                else [r for r in rows if r is not total]
            )
            items = _items_of_grand_total(above)
            if items:
                found.extend(_sum_rows_by_column(statement, total, items, total.name, settings))
                grand[side] = total
            continue
        if year_total is None or _CHINESE_ITEM_RE.match(year_total.name):
            continue  # "一、本年支出合计" printed first, its items below: another layout
        before = rows[: rows.index(year_total)]
        items = [r for r in before if _CHINESE_ITEM_RE.match(r.name)]
        found.extend(_sum_rows_by_column(statement, year_total, items, year_total.name, settings))
        if total is not None and rows.index(total) > rows.index(year_total):
            between = rows[rows.index(year_total) + 1 : rows.index(total)]
            extra = [
                r
                for r in between
                if r.name
                and not _SUB_ITEM_RE.match(r.name)
                and not _CHINESE_ITEM_RE.match(r.name)
                and not any(f in r.name for f in _FUND_NAMES)
            ]
            found.extend(_sum_rows_by_column(statement, total, [year_total, *extra], total.name, settings))
            grand[side] = total
    if len(grand) == 2:
        income_total = grand["income"].value(statement.columns[0].id) if statement.columns else None
        for column in statement.columns:
            if column.side != "expenditure":
                continue
            expenditure_total = grand["expenditure"].value(column.id)
            if (
                income_total is not None
                and expenditure_total is not None
                and column.id.split("@")[0] == "total"
            ):
                found.append(
                    _identity(
                        "summary",
                        statement,
                        "收入总计 = 支出总计",
                        expenditure_total,
                        [income_total],
                        settings,
                    )
                )
                break
    return found


def _grand_total_row(rows: list[StatementRow], year_total: StatementRow | None) -> StatementRow | None:
    """A side's grand total: its 总计; else the 收入合计 after 当年收入小计 (江苏); else, with no
    current-year total either, a lone 合计 over numbered items (重庆: 合计 printed first)."""
    total = next((r for r in rows if r.name.endswith("总计")), None)
    if total is not None:
        return total
    if year_total is not None:
        after = rows[rows.index(year_total) + 1 :]
        return next((r for r in after if r.name in _BARE_TOTALS), None)
    bare = [r for r in rows if r.name in _BARE_TOTALS]
    return bare[0] if len(bare) == 1 else None


def _items_of_grand_total(rows: list[StatementRow]) -> list[StatementRow]:
    """The numbered items a 总计 adds up when no 本年收入/支出合计 stands between (a budget with no
    carry-over: "一、财政拨款收入 … 四、其他收入 / 收入总计"); none when any other named line
    (an unnumbered carry-over, a "一、本年收入合计") could also belong to the total."""
    items = [r for r in rows if _CHINESE_ITEM_RE.match(r.name)]
    others = [r for r in rows if r.name and r not in items and not _SUB_ITEM_RE.match(r.name)]
    numerals = [r.name.split("、", 1)[0] for r in items]
    in_order = numerals == list(_CHINESE_NUMERALS[: len(numerals)])  # "一、本年支出 / 一、一般公共服务" nests
    if len(items) < 2 or others or not in_order or any("合计" in r.name for r in items):
        return []
    return items


def _sub_item_number(name: str) -> tuple[str, int] | None:
    """("paren", 11) for "（十一）节能环保支出", ("arabic", 2) for "2.政府性基金"."""
    if match := _PAREN_ITEM_RE.match(name):
        numeral = match.group(1)
        return ("paren", _CHINESE_NUMERALS.index(numeral) + 1) if numeral in _CHINESE_NUMERALS else None
    if match := _ARABIC_ITEM_RE.match(name):
        return ("arabic", int(match.group(1)))
    return None


def _item_breakdowns(rows: list[StatementRow]) -> list[tuple[StatementRow, list[StatementRow]]]:
    """Items ("一、本年收入") followed by a complete numbered list of their parts ("（一）…（三）" or
    "1.…3."): every line up to the next item is one of them, numbered from one without a gap."""
    found: list[tuple[StatementRow, list[StatementRow]]] = []
    for index, row in enumerate(rows):
        if not _CHINESE_ITEM_RE.match(row.name):
            continue
        parts: list[StatementRow] = []
        for following in rows[index + 1 :]:
            if _CHINESE_ITEM_RE.match(following.name) or following.name.endswith(("合计", "总计")):
                break
            parts.append(following)
        numbers = [_sub_item_number(p.name) for p in parts]
        if len(parts) < 2 or None in numbers or len({n[0] for n in numbers if n}) != 1:
            continue
        if [n[1] for n in numbers if n] == list(range(1, len(parts) + 1)):
            found.append((row, parts))
    return found


def _sum_rows_by_column(
    statement: Statement, total: StatementRow, parts: list[StatementRow], label: str, settings: Settings
) -> list[Identity]:
    if not parts:
        return []
    found: list[Identity] = []
    for column in statement.columns:
        if column.side != total.side or column.id.startswith("unknown"):
            continue
        stated = total.value(column.id)
        figures = [p.value(column.id) for p in parts]
        if stated is None:
            continue
        present = [f for f in figures if f is not None]
        if stated.value == 0 and all(f.value == 0 for f in present):
            continue
        suffix = f"（{'/'.join(column.header)}）" if len(statement.columns) > 1 and column.header else ""
        text = (
            f"“{label}”{suffix} = "
            + " + ".join(p.name for p in parts[:4])
            + (" + …" if len(parts) > 4 else "")
        )
        found.append(_identity("summary", statement, text, stated, present, settings))
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
            _identity(
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

_cache: list[tuple[Statement, list[Identity]]] = []


def all_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """Every identity of ``statement`` (computed once for the statement being checked)."""
    for cached, result in _cache:
        if cached is statement:
            return result
    result = (
        column_identities(statement, settings)
        + hierarchy_identities(statement, settings)
        + summary_identities(statement, settings)
        + balance_identities(statement, settings)
    )
    _cache.append((statement, result))
    del _cache[:-12]
    return result


def trusted(statement: Statement, settings: Settings) -> bool:
    """Whether the reading of ``statement`` reconciles with itself well enough to judge the document.

    Balances are left out: they can legitimately fail (DOMAIN.md I7). A statement is trusted
    when one identity fails, or at most three that are at most a tenth of all, or when all
    failures meet in one cell (a wrong figure breaks each sum it is part of): a misread
    column or a lost row breaks many identities that share no cell.
    """
    identities = [i for i in all_identities(statement, settings) if i.family != "balance"]
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
    return bool(common) and len(failed) <= 4
