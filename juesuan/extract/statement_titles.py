"""Statement titles under their many regional names → the statement's semantic key."""

from __future__ import annotations

import re

#: (required fragments, excluded fragments, key), tried in order.
TITLE_RULES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("三公",), (), "three_public"),
    (("政府性基金",), (), "government_fund"),
    (("国有资本经营",), (), "state_capital"),
    (("基本支出",), (), "basic_expenditure"),
    (("财政拨款", "总表"), (), "appropriation_summary"),
    (("财政拨款收支",), (), "appropriation_summary"),
    (("一般公共预算", "支出"), ("收入",), "general_budget_expenditure"),
    (("收入支出", "总表"), (), "summary"),
    (("收支总", "表"), (), "summary"),
    (("收支", "总体"), (), "summary"),
    (("收入",), ("支出",), "income"),
    (("支出",), ("收入",), "expenditure"),
)

#: The nine standard statements of a final-accounts disclosure, in order, with their names.
STANDARD_STATEMENTS: tuple[tuple[str, str], ...] = (
    ("summary", "收入支出决算总表"),
    ("income", "收入决算表"),
    ("expenditure", "支出决算表"),
    ("appropriation_summary", "财政拨款收入支出决算总表"),
    ("general_budget_expenditure", "一般公共预算财政拨款支出决算表"),
    ("basic_expenditure", "一般公共预算财政拨款基本支出决算表"),
    ("three_public", "一般公共预算财政拨款“三公”经费支出决算表"),
    ("government_fund", "政府性基金预算财政拨款收入支出决算表"),
    ("state_capital", "国有资本经营预算财政拨款收入支出决算表"),
)


def statement_key(title: str) -> str | None:
    """The key of the statement titled ``title``, or None if it is not a known statement."""
    compact = re.sub(r"[\s《》“”\"]", "", title)
    if not compact.endswith(("表", "表）", "表)")) and "表" not in compact[-4:]:
        return None
    for required, excluded, key in TITLE_RULES:
        if all(r in compact for r in required) and not any(e in compact for e in excluded):
            return key
    return None
