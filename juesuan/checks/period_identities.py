"""Identities between the years a statement prints side by side: a change is the later year's
figure minus the earlier one's, whether the years are column groups (西安: "上年 | 当年 |
增减变化情况") or rows under each unit (深圳: "…2025年", "…2026年", "…增减变化金额")."""

from __future__ import annotations

import re

from juesuan.checks.identity import (
    Identity,
    checkable,
    column_header,
    column_suffix,
    make_identity,
    value_ids,
)
from juesuan.model.statements import Statement, StatementRow
from juesuan.settings import Settings


def change_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """Row by row: a change column is this year's figure minus last year's, where a table prints
    the same columns for both years and their change (西安: "上年 | 当年 | 增减变化情况")."""
    by_measure: dict[str, dict[str, str]] = {}
    for column in statement.columns:
        base, _, measure = column.id.partition("@")
        by_measure.setdefault(measure, {})[base] = column.id
    years = _earlier_and_later([m for m in by_measure if m != "change"])
    if "change" not in by_measure or years is None:
        return []
    earlier, later = (by_measure[m] for m in years)
    found: list[Identity] = []
    for base, change_id in by_measure["change"].items():
        if base.startswith("unknown") or base not in earlier or base not in later:
            continue
        for row in statement.rows:
            stated = row.value(change_id)
            figures = checkable(stated, [row.value(later[base]), row.value(earlier[base])])
            if stated is None or figures is None:
                continue
            label = (
                f"“{row.name or '（无名称）'}”行：{column_header(statement, change_id)} = "
                f"{column_header(statement, later[base])} − {column_header(statement, earlier[base])}"
            )
            found.append(make_identity("columns", statement, label, stated, figures, settings, [1, -1]))
    return found


_CHANGE_ROW_RE = re.compile(r"^(.*?)(?:增减|变动|差额).{0,4}$")
_YEAR_ROW_RE = re.compile(r"^(.*?)(20\d{2})年度?$")


def period_row_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """Each unit's change row is its later year's row minus its earlier one, column by column
    (深圳's “三公” table: "…2025年", "…2026年", "…增减变化金额" under each unit)."""
    years: dict[str, list[tuple[str, StatementRow]]] = {}
    for row in statement.rows:
        if match := _YEAR_ROW_RE.match(row.name):
            years.setdefault(match.group(1), []).append((match.group(2), row))
    found: list[Identity] = []
    for row in statement.rows:
        match = _CHANGE_ROW_RE.match(row.name)
        pair = sorted(years.get(match.group(1), []), key=lambda item: item[0]) if match else []
        if len(pair) != 2 or pair[0][0] == pair[1][0]:
            continue
        (_, earlier), (_, later) = pair
        for column_id in value_ids(statement):
            stated = row.value(column_id)
            figures = checkable(stated, [later.value(column_id), earlier.value(column_id)])
            if stated is None or figures is None:
                continue
            label = (
                f"“{row.name}”行{column_suffix(statement, column_id)} = “{later.name}”行 − “{earlier.name}”行"
            )
            found.append(make_identity("columns", statement, label, stated, figures, settings, [1, -1]))
    return found


def _earlier_and_later(measures: list[str]) -> tuple[str, str] | None:
    """The measures of last year and this year: "previous" and the other, or two years."""
    if len(measures) != 2:
        return None
    if "previous" in measures:
        other = next(m for m in measures if m != "previous")
        return ("previous", other) if not other.startswith("previous") else None
    years = [m[-4:] for m in measures]
    if all(y.isdigit() for y in years) and years[0] != years[1]:
        return (measures[0], measures[1]) if years[0] < years[1] else (measures[1], measures[0])
    return None
