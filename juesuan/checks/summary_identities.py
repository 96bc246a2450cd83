"""Identities of two-sided statements (收支总表, 财政拨款收支总表): each side's items add up
to its current-year total, the totals to the grand total, and the two grand totals agree.

Regional layouts differ in where the totals stand and what they are called (本年收入合计,
当年收入小计, a lone 合计 printed first); an identity is formed only where the numbering
leaves no doubt which lines a total adds up, so a layout not understood is left unchecked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from juesuan.checks.identity import Identity, blocks_of, make_identity
from juesuan.model.statements import Statement, StatementRow
from juesuan.settings import Settings

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
        blocks = blocks_of(statement, side)
        for rows in blocks:
            identities, total = _side_identities(statement, rows, settings)
            found.extend(identities)
            if total is not None:
                grand.setdefault(side, total)
            if len(blocks) > 1 and not any(_YEAR_TOTAL_RE.search(r.name) for r in rows):
                found.extend(_shared_year_total(statement, rows, blocks, settings))
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
                    make_identity(
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


def _shared_year_total(
    statement: Statement, rows: list[StatementRow], blocks: list[list[StatementRow]], settings: Settings
) -> list[Identity]:
    """A block printed beside another breakdown of the same side, whose current-year total is
    printed once across both (江苏: "当年支出小计" under 功能分类 and 支出用途, one figure): its
    numbered items add up to that figure."""
    year_totals = [r for block in blocks if block is not rows for r in block if _YEAR_TOTAL_RE.search(r.name)]
    if len(year_totals) != 1 or len(year_totals[0].values) != 1:
        return []
    printed = {id(row): index for index, row in enumerate(statement.rows)}
    items = _items_of_grand_total([r for r in rows if printed[id(r)] < printed[id(year_totals[0])]])
    if not items:
        return []
    (_, stated), columns = year_totals[0].values[0], {key for r in items for key, _ in r.values}
    if len(columns) != 1:
        return []
    (column,) = columns
    parts = [figure for r in items if (figure := r.value(column)) is not None]
    if stated.value == 0 and all(p.value == 0 for p in parts):
        return []
    label = (
        f"“{year_totals[0].name}” = "
        + " + ".join(r.name for r in items[:4])
        + (" + …" if len(items) > 4 else "")
    )
    return [make_identity("summary", statement, label, stated, parts, settings)]


def _side_identities(
    statement: Statement, rows: list[StatementRow], settings: Settings
) -> tuple[list[Identity], StatementRow | None]:
    """The identities of one block of a side, and its grand total when it is checked."""
    found: list[Identity] = []
    for item, sub_items in _item_breakdowns(rows):
        found.extend(_sum_rows_by_column(statement, item, sub_items, item.name, settings))
    year_total = next((r for r in rows if _YEAR_TOTAL_RE.search(r.name)), None)
    total = _grand_total_row(rows, year_total)
    if year_total is None and total is not None:
        above = (
            rows[: rows.index(total)] if total.name.endswith("总计") else [r for r in rows if r is not total]
        )
        items = _items_of_grand_total(above)
        if not items:
            return found, None
        found.extend(_sum_rows_by_column(statement, total, items, total.name, settings))
        return found, total
    if year_total is None or _CHINESE_ITEM_RE.match(year_total.name):
        return found, None  # "一、本年支出合计" printed first, its items below: another layout
    before = rows[: rows.index(year_total)]
    items = [r for r in before if _CHINESE_ITEM_RE.match(r.name)]
    found.extend(_sum_rows_by_column(statement, year_total, items, year_total.name, settings))
    if total is None or rows.index(total) < rows.index(year_total):
        return found, None
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
    return found, total


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


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_ARABIC_RE = re.compile(r"^[（(](\d+)[）)]")


def _item_number(name: str) -> tuple[str, int] | None:
    """The numbering style and number of a line: ("chinese", 2) for "二、上年结转", ("paren", 11)
    for "（十一）节能环保支出", ("arabic", 2) for "2.政府性基金", ("paren-arabic", 1) for
    "(1)一般公共预算拨款", ("circled", 3) for "③…", ("fund", 2) for an unnumbered "政府性基金…"."""
    if match := _CHINESE_ITEM_RE.match(name):
        numeral = match.group(0)[:-1]
        return ("chinese", _CHINESE_NUMERALS.index(numeral) + 1) if numeral in _CHINESE_NUMERALS else None
    if match := _PAREN_ITEM_RE.match(name):
        numeral = match.group(1)
        return ("paren", _CHINESE_NUMERALS.index(numeral) + 1) if numeral in _CHINESE_NUMERALS else None
    if match := _PAREN_ARABIC_RE.match(name):
        return ("paren-arabic", int(match.group(1)))
    if match := _ARABIC_ITEM_RE.match(name):
        return ("arabic", int(match.group(1)))
    if name[:1] and name[0] in _CIRCLED:
        return ("circled", _CIRCLED.index(name[0]) + 1)
    if fund := next((i for i, f in enumerate(_FUND_NAMES, 1) if name.startswith(f)), None):
        return (
            "fund",
            fund,
        )  # 烟台: "一、财政拨款收入" over 一般公共预算 / 政府性基金 / 国有资本经营, in that order
    return None


@dataclass
class _Heading:
    """A line of a side's outline and the lines numbered under it."""

    row: StatementRow
    style: str
    parts: list[StatementRow] = field(default_factory=list)
    interrupted: bool = False


def _item_breakdowns(rows: list[StatementRow]) -> list[tuple[StatementRow, list[StatementRow]]]:
    """Lines followed by a complete numbered list of their parts, read as an outline: each
    numbering style met for the first time opens a level under the line above ("一、部门预算 /
    1、财政拨款 / (1)一般公共预算拨款 … / 2、上级补助收入"), a style already open closes the
    levels under it. A list counts only when numbered from one without a gap; "其中" lines are
    details, not parts. A total ends every list; an unnumbered line ends them too and spoils the
    numbered ones it interrupts (it may be one of their parts), while it heads the numbered lines
    right under it (深圳: "财政拨款" then "1.一般公共预算拨款 … 3.国有资本经营预算拨款")."""
    found: list[tuple[StatementRow, list[StatementRow]]] = []
    open_headings: list[_Heading] = []
    depth: dict[str, int] = {"plain": 0}

    def close(headings: list[_Heading]) -> None:
        for heading in headings:
            numbers = [_item_number(p.name) for p in heading.parts]
            if (
                not heading.interrupted
                and len(heading.parts) >= 2
                and [n[1] for n in numbers if n] == list(range(1, len(heading.parts) + 1))
            ):
                found.append((heading.row, heading.parts))

    for row in rows:
        if row.name.startswith("其中") or (not row.name and all(f.value == 0 for _, f in row.values)):
            continue
        number = _item_number(row.name)
        if number is None and any(word in row.name for word in ("合计", "总计", "小计")):
            close(open_headings)
            open_headings = []
            continue
        if number is None:
            for heading in open_headings:
                heading.interrupted = heading.interrupted or heading.style != "plain"
            close(open_headings)
            open_headings = [_Heading(row, "plain")] if _plain_heading(row.name) else []
            continue
        # a style keeps the level it was first met at: "二、上年结转" after an interrupted
        # "一、本年收入" is a top line again, not a part of the lines just above it
        level = depth.setdefault(number[0], len(open_headings))
        close(open_headings[level:])
        del open_headings[level:]
        if open_headings and len(open_headings) == level:
            open_headings[-1].parts.append(row)
        open_headings.append(_Heading(row, number[0]))
    close(open_headings)
    return found


def _plain_heading(name: str) -> bool:
    """An unnumbered line that can head a list: not a total, not itself a part."""
    return (
        bool(name) and not _SUB_ITEM_RE.match(name) and not any(w in name for w in ("合计", "总计", "小计"))
    )


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
        found.append(make_identity("summary", statement, text, stated, present, settings))
    return found
