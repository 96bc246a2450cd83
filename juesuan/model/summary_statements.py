"""Key figures read from the statements whose layouts vary most: the “三公” statement (by
columns, by rows, by fund, by year) and the 基本支出 statement (人员经费 and 公用经费).

Pure helpers for :mod:`juesuan.model.summary`. Each returns None when the layout leaves the
figure ambiguous (several years and no fiscal year, several units without a total, funds
that cannot be told apart): a missing figure is better than a wrong one.
"""

from __future__ import annotations

import re

from juesuan.model.figures import Figure
from juesuan.model.statements import Column, Statement, StatementRow

#: The “三公” parts, as key_figures names them, with the statement's part names.
THREE_PUBLIC_PARTS = {
    "three_public_total": "total",
    "overseas_travel": "overseas_travel",
    "vehicles_total": "vehicles",
    "vehicle_purchase": "vehicle_purchase",
    "vehicle_operation": "vehicle_operation",
    "official_reception": "official_reception",
}
_FUNDS = (
    ("一般公共预算", "general_budget"),
    ("政府性基金", "government_fund"),
    ("国有资本", "state_capital"),
)
_TOTAL_RE = re.compile(r"^(?:[“”\"]?三公[”\"]?经费)?(?:合计|总计|小计)$")
_CHANGE_RE = re.compile(r"增减|变化|变动|增长|比上年|差额|对比")
_YEAR_RE = re.compile(r"(20\d{2})\s*年")


def total_row(statement: Statement | None) -> StatementRow | None:
    """The statement's 合计/总计 row, or its first row when that is uncoded and unnamed."""
    if statement is None:
        return None
    named = next((r for r in statement.rows if re.fullmatch(r"(?:合计|总计)", r.name)), None)
    if named is not None:
        return named
    uncoded = [r for r in statement.rows if not r.code and r.values]
    return uncoded[0] if uncoded and statement.rows and statement.rows[0] is uncoded[0] else None


def _part_of_label(label: str) -> str | None:
    """The “三公” part a header label or a row name names, if any."""
    if "机关运行" in label or "会议费" in label or "培训费" in label:
        return "other"
    if "因公出国" in label:
        return "overseas_travel"
    if "接待" in label:
        return "official_reception"
    if "购置" in label and "运行" in label:
        return "vehicles"
    if "购置" in label:
        return "vehicle_purchase"
    if "运行" in label:
        return "vehicle_operation"
    if "三公" in label:
        return "total"
    return None


def _fund(labels: tuple[str, ...]) -> str:
    return next((fund for label in labels for fragment, fund in _FUNDS if fragment in label), "")


class _Reading:
    """What one value column of a “三公” statement holds: part, fund, year and measure."""

    def __init__(self, column: Column, index: int) -> None:
        self.column = column
        self.index = index
        labels = column.header or (column.id,)
        self.change = any(_CHANGE_RE.search(label) for label in labels)
        self.previous = any("上年" in label for label in labels)
        years = {int(m.group(1)) for label in labels for m in [_YEAR_RE.search(label)] if m}
        self.year = years.pop() if len(years) == 1 else None
        joined = "".join(labels)
        self.measure = "actual" if re.search(r"决算|执行|实际", joined) else ""
        if not self.measure and "预算" in joined.replace("一般公共预算", "").replace("基金预算", ""):
            self.measure = "budget"
        self.fund = _fund(labels)
        self.part = self._part(labels)

    @staticmethod
    def _part(labels: tuple[str, ...]) -> str | None:
        for index in range(len(labels) - 1, -1, -1):
            label = labels[index]
            if any(fragment in label for fragment, _ in _FUNDS) and not _part_of_label(label):
                continue
            if re.search(r"(?:合计|总计|小计)$", label) and "三公" not in label:
                parent = next((p for p in map(_part_of_label, reversed(labels[:index])) if p), None)
                return parent or "table_total"
            part = _part_of_label(label)
            if part is not None:
                return part
            if re.search(r"会议费|培训费", label):
                return "other"
        return None


def _current(readings: list[_Reading], year: int | None, kind: str | None) -> list[_Reading]:
    """The columns of the document's own year and measure (not the previous year, not a change)."""
    kept = [r for r in readings if not r.change and not r.previous]
    years = {r.year for r in kept if r.year is not None}
    if years:
        if year in years:
            kept = [r for r in kept if r.year in (year, None)]
        elif len(years) == 1 and year is None:
            pass
        else:
            return []
    measures = {r.measure for r in kept if r.measure}
    if len(measures) > 1:
        wanted = "budget" if kind == "budget" else "actual"
        kept = [r for r in kept if r.measure in (wanted, "")]
    return kept


def cell(statement: Statement, row: StatementRow, index: int) -> Figure | None:
    """The figure of ``row`` in the statement's ``index``-th column (None when a repeated column
    id leaves it unclear which)."""
    ids = [c.id for c in statement.columns]
    if [key for key, _ in row.values] == ids:
        return row.values[index][1]
    return row.value(ids[index]) if ids.count(ids[index]) == 1 else None


def _pick(statement: Statement, row: StatementRow, readings: list[_Reading], part: str) -> Figure | None:
    """The figure of ``part`` in ``row``: the one column for it, or its 一般公共预算 column when
    the other funds of that part are zero."""
    candidates = [r for r in readings if r.part == part]
    if part == "total" and not candidates and not any(r.part == "other" for r in readings):
        candidates = [r for r in readings if r.part == "table_total"]
    plain = [r for r in candidates if not r.fund]
    if len(plain) == 1:
        return cell(statement, row, plain[0].index)
    if plain or not candidates:
        return None
    general = [r for r in candidates if r.fund == "general_budget"]
    others = [cell(statement, row, r.index) for r in candidates if r.fund != "general_budget"]
    if len(general) != 1 or any(f is None or f.value != 0 for f in others):
        return None
    return cell(statement, row, general[0].index)


def _value_row(statement: Statement) -> StatementRow | None:
    """The row holding the figures when the parts are columns."""
    rows = [r for r in statement.rows if r.values and any(f.value for _, f in r.values)]
    if len(rows) == 1:
        return rows[0]
    named = next((r for r in rows if re.fullmatch(r"(?:合计|总计)", r.name)), None)
    if named is not None:
        return named
    if rows and all(r.values == rows[0].values or _same(r, rows[0]) for r in rows):
        return rows[0]
    return None


def _same(a: StatementRow, b: StatementRow) -> bool:
    return [(k, f.value) for k, f in a.values] == [(k, f.value) for k, f in b.values]


def three_public(statement: Statement | None, part: str, year: int | None, kind: str | None) -> Figure | None:
    """A “三公” figure of the document's year, actual for finals and budget for budgets."""
    if statement is None or not statement.rows:
        return None
    readings = [_Reading(c, i) for i, c in enumerate(statement.columns)]
    measure_rows = [r for r in statement.rows if r.name in ("预算数", "决算数")]
    if measure_rows:  # one row per measure
        wanted = "预算数" if kind == "budget" else "决算数"
        row = next((r for r in measure_rows if r.name == wanted), None)
        return _pick(statement, row, readings, part) if row is not None else None
    items = {p: r for r in reversed(statement.rows) if r.values and (p := row_part(r.name))}
    if len(items) >= 3:  # one row per part
        return _item_value(statement, items.get(part), _current(readings, year, kind))
    row = _year_row(statement, year) or _value_row(statement)
    return _pick(statement, row, _current(readings, year, kind), part) if row is not None else None


def _year_row(statement: Statement, year: int | None) -> StatementRow | None:
    """The row of the document's year where each unit's rows are one a year ("…2025年",
    "…2026年", "…增减变化金额"): the one row of that year, or the 合计's."""
    if year is None:
        return None
    rows = [r for r in statement.rows if re.search(rf"{year}年度?$", r.name)]
    if len(rows) > 1:
        rows = [r for r in rows if r.name.startswith(("合计", "总计"))]
    return rows[0] if len(rows) == 1 else None


def row_part(name: str) -> str | None:
    """The “三公” part a row of a statement printed one part a row names ("2、公务接待费",
    "其中：（1）公务用车购置费"), "total" for its 合计, or None."""
    if _TOTAL_RE.match(re.sub(r"^[\d一二三四五六七八九十]+[、.．]", "", name)):
        return "total"
    cleaned = re.sub(r"^(?:其中[:：])?[(（]?[\d一二三四五六七八九十]+[)）、.．]?", "", name)
    return _part_of_label(cleaned)


def _item_value(statement: Statement, row: StatementRow | None, readings: list[_Reading]) -> Figure | None:
    if row is None:
        return None
    columns = [r for r in readings if r.part in (None, "table_total", "total") and not r.fund]
    if len(columns) != 1:
        columns = [r for r in readings if r.part in (None, "table_total", "total")]
        if len(columns) != 1:
            return None
    return cell(statement, row, columns[0].index)


def basic_split(statement: Statement | None, which: str) -> Figure | None:
    """人员经费 or 公用经费 from a 基本支出 statement's columns headed 人员… / 公用…."""
    if statement is None:
        return None
    pattern = r"人员(?:经费|支出|类)" if which == "personnel" else r"公用(?:经费|支出|类)"
    ids = [
        c.id for c in statement.columns if c.id == which or (c.header and re.search(pattern, c.header[-1]))
    ]
    row = total_row(statement)
    if len(ids) != 1 or row is None:
        return None
    return row.value(ids[0])


def agency_column(statement: Statement | None) -> Figure | None:
    """机关运行经费 printed as a column of the “三公” statement (one row of figures)."""
    if statement is None:
        return None
    indexes = [i for i, c in enumerate(statement.columns) if "机关运行" in "".join(c.header)]
    row = _value_row(statement)
    if len(indexes) != 1 or row is None:
        return None
    return cell(statement, row, indexes[0])
