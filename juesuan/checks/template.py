"""READ-003: a blank template is not a disclosure: it is reported as such, and nothing else is judged."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.registry import NotApplicable, Violation, Yield, rule
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.settings import Settings

#: Placeholders a template leaves for the figures and names ("XX局", "XXX万元", "××").
PLACEHOLDER_RE = re.compile(r"X{2,}|×{2,}")
#: A narrative with this many placeholders and at least half its statements empty is a template.
TEMPLATE_PLACEHOLDERS = 20
#: A file of this many statements, all of them empty, is a template of the tables.
TEMPLATE_STATEMENTS = 3


def blank_template(disclosure: Disclosure) -> bool:
    """Whether ``disclosure`` is a template still to fill in: its statements all empty, or its
    text full of placeholders with most statements empty (上海's 部门决算模板, the 填报 workbooks)."""
    statements, empty, placeholders = _blankness(disclosure)
    if statements >= TEMPLATE_STATEMENTS and empty == statements:
        return True
    return placeholders >= TEMPLATE_PLACEHOLDERS and empty * 2 >= statements


def _blankness(disclosure: Disclosure) -> tuple[int, int, int]:
    """How many statements, how many of them empty, how many placeholders in the text."""
    empty = sum(1 for s in disclosure.statements if s.is_empty)
    placeholders = sum(len(PLACEHOLDER_RE.findall(p.text)) for p in disclosure.passages)
    return len(disclosure.statements), empty, placeholders


@rule(
    id="READ-003",
    severity=Severity.INFO,
    title="文件是未填写的模板",
    template="文件是未填写的模板（{why}），不是公开文件，未作其他检查",
    tags=("reading",),
    doc=(
        "报表全部为空（至少3张），或说明中占位符（XX、××）至少20处且报表过半为空的文件，是填报或编写用的模板："
        "对它报告占位符、空表未说明、缺少部分都没有意义，故只报告这一条，其余规则不运行。"
    ),
)
def check_blank_template(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """A blank template is said to be one."""
    if not blank_template(disclosure):
        yield NotApplicable("不是模板")
        return
    statements, empty, placeholders = _blankness(disclosure)
    why = f"{statements}张报表中{empty}张为空" + (f"，文中占位符{placeholders}处" if placeholders else "")
    values: dict[str, Decimal | str] = {"why": why}
    source = disclosure.statements[0].source if disclosure.statements else disclosure.passages[0].source
    yield Violation(source, values, section="读取")
