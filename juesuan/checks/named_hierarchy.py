"""The 类/款/项 hierarchy of a statement that prints names without codes.

深圳 and 湖州 list the expenditure side of their 财政拨款收支总表 as names only:
"一、一般公共服务支出 / 信访事务 / 行政运行 / 信访业务 / 二、教育支出 …". The levels are
told by the function catalogue: a class name opens a class, a 款 name of that class opens a
款, and any other line under a 款 is one of its 项. A class with a line the catalogue cannot
place before its first 款 is left alone.

A 款 the catalogue does not know (a new one, say) read as the last 项 of the 款 before it
breaks two sums: that 款's and its class's. So these identities are marked ``inferred``, and
the rules report them only when a single one fails in the statement: a wrong 项 figure. A
wrong 款 figure breaks the same two sums as a misplaced line, and is left as "could not check".
"""

from __future__ import annotations

import functools
import re

from juesuan.catalogue import function_codes, normalize_name
from juesuan.checks.identity import Identity, blocks_of, make_identity
from juesuan.model.statements import Statement, StatementRow
from juesuan.settings import Settings

_NUMBERING_RE = re.compile(r"^[一二三四五六七八九十]+[、.．]")
#: Lines that end the classes: totals and carry-overs.
_CLOSING = ("合计", "总计", "结转", "结余", "小计")
#: A class line with its 款 lines, each with its 项 lines.
Class = tuple[StatementRow, list[tuple[StatementRow, list[StatementRow]]]]


@functools.cache
def _catalogue() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(class code by name, {class code: 款 code by name})."""
    classes: dict[str, str] = {}
    sections: dict[str, dict[str, str]] = {}
    for entry in function_codes().values():
        names = (entry.name, *entry.former_names)
        if entry.level == "类":
            classes.update((normalize_name(n), entry.code) for n in names)
        elif entry.level == "款":
            sections.setdefault(entry.parent, {}).update((normalize_name(n), entry.code) for n in names)
    return classes, sections


def _tree(rows: list[StatementRow]) -> list[Class]:
    """The classes of a block with their 款 and each 款's 项; classes that cannot be placed are left out."""
    classes, sections = _catalogue()
    found: list[Class] = []
    current: Class | None = None
    placed = True
    known: dict[str, str] = {}
    for row in rows:
        name = normalize_name(_NUMBERING_RE.sub("", row.name))
        if name in classes:
            if current is not None and placed:
                found.append(current)
            current, placed = (row, []), True
            known = sections.get(classes[name], {})
            continue
        if current is None:
            continue
        if any(word in name for word in _CLOSING) or not name:
            if placed:
                found.append(current)
            current = None
            continue
        parts = current[1]
        repeated = bool(parts) and normalize_name(parts[-1][0].name) == name  # 其他…支出 as 款 and as its 项
        if name in known and not repeated:
            parts.append((row, []))
        elif parts:
            parts[-1][1].append(row)
        else:
            placed = False  # a line before the class's first 款 that the catalogue cannot place
    if current is not None and placed:
        found.append(current)
    return found


def named_hierarchy_identities(statement: Statement, settings: Settings) -> list[Identity]:
    """类 = Σ 款 and 款 = Σ 项 of the uncoded blocks of ``statement``, told by names."""
    found: list[Identity] = []
    sides = dict.fromkeys(
        r.side for r in statement.rows
    )  # in printed order: findings come out the same each run
    for rows in (block for side in sides for block in blocks_of(statement, side)):
        if any(r.code for r in rows):
            continue  # a coded block has the code hierarchy
        for class_row, sections in _tree(rows):
            found.extend(_sums(statement, class_row, [s for s, _ in sections], settings))
            for section, items in sections:
                found.extend(_sums(statement, section, items, settings))
    return found


def _sums(
    statement: Statement, parent: StatementRow, children: list[StatementRow], settings: Settings
) -> list[Identity]:
    if not children:
        return []
    found: list[Identity] = []
    ids = [c.id for c in statement.columns if c.side == parent.side]
    for column, stated in parent.values:
        if ids.count(column) != 1:
            continue  # two columns read under one id: which is which is not known
        parts = [figure for child in children if (figure := child.value(column)) is not None]
        if len(parts) != len(children) or (stated.value == 0 and all(p.value == 0 for p in parts)):
            continue
        label = f"“{parent.name}” = 其下{len(children)}行之和（按科目名称推断层级）"
        found.append(make_identity("hierarchy", statement, label, stated, parts, settings, inferred=True))
    return found
