"""Statement titles under their many regional names → the statement's semantic key."""

from __future__ import annotations

import re

#: (required fragments, excluded fragments, key), tried in order; regional extras first so
#: that "项目支出表" is not taken for the expenditure statement.
TITLE_RULES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("三公",), (), "three_public"),
    (("机关运行经费",), (), "agency_operating_costs"),
    (("绩效",), ("自评",), "performance_targets"),
    (("政府采购",), (), "procurement"),
    (("购买服务",), (), "purchased_services"),
    (("政府性基金",), (), "government_fund"),
    (("国有资本经营",), (), "state_capital"),
    (("基本支出",), (), "basic_expenditure"),
    (("项目支出",), (), "project_expenditure"),
    (("专项业务经费",), (), "project_expenditure"),  # 西安: 部门综合预算专项业务经费支出表
    (("结转资金", "支出"), ("收入",), "carryover_expenditure"),  # 西安: 财政拨款上年结转资金支出表
    (("经济分类",), (), "economic_expenditure"),
    (("财政拨款", "总"), (), "appropriation_summary"),
    (("财政拨款收支",), (), "appropriation_summary"),
    (("一般公共预算", "支出"), ("收入",), "general_budget_expenditure"),
    (("收入支出", "总"), (), "summary"),
    (("收支", "总"), (), "summary"),
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


def split_number(title: str) -> tuple[str, str]:
    """``("表一", "收入支出决算总表")`` from "表一 收入支出决算总表"; the number may be empty."""
    compact = title.strip()
    match = re.match(
        r"^((?:附表|表|公开)\s*[0-9一二三四五六七八九十]+\s*(?:表)?|[0-9一二三四五六七八九十]{1,3}[、.．])\s*",
        compact,
    )
    if match:
        return match.group(1).strip(), _unquoted(compact[match.end() :].strip(" ：:、"))
    return "", _unquoted(compact)


def _unquoted(name: str) -> str:
    """The name without the book-title marks around it ("《收入决算表》"): messages add their own."""
    return name[1:-1] if name.startswith("《") and name.endswith("》") and name.count("《") == 1 else name


def statement_key(title: str) -> str | None:
    """The key of the statement titled ``title``, or None if it is not a statement title
    (self-evaluation tables are read as such, not as statements)."""
    compact = re.sub(r"[\s《》“”\"]", "", title)
    if "自评" in compact:
        return None
    if len(compact) > 60 or "表" not in compact or compact.endswith(("。", "；")):
        return None
    if not re.search(r"表(?:[（(][^）)]*[）)])?(?:续)?$", compact) and not compact.endswith("表"):
        return None
    for required, excluded, key in TITLE_RULES:
        if all(r in compact for r in required) and not any(e in compact for e in excluded):
            return key
    return None
