"""Rates against their figures: a document's rounding convention, budget rates wherever printed."""

from __future__ import annotations

import pytest

from tests.conftest import Checker

HEAD = "测试局2024年度部门决算\n一、收入支出决算总体情况说明\n"

#: Three rates only rounding gives (truncation would print 66.66%, 16.66%, 66.66%).
ROUNDED = (
    "本年收入3,000.00万元，其中：财政拨款收入1,000.00万元，占33.33%；事业收入2,000.00万元，占66.67%。\n"
    "本年支出1,200.00万元，其中：基本支出200.00万元，占16.67%；项目支出1,000.00万元，占83.33%。\n"
    "政府采购支出600.00万元，其中：货物400.00万元，占66.67%；服务200.00万元，占33.33%。\n"
)
#: 1193.70 / 10000.00 = 11.937%: rounding gives 11.94%, truncation 11.93%.
TRUNCATED = "财政拨款支出11,193.70万元，比上年增加1,193.70万元，增长11.94%。\n"


@pytest.mark.parametrize(
    ("rounded_elsewhere", "severity"),
    [(True, "error"), (False, "info")],
)
def test_a_truncated_rate_is_an_error_where_the_document_rounds(
    checker: Checker, rounded_elsewhere: bool, severity: str
) -> None:
    text = HEAD + (ROUNDED if rounded_elsewhere else "") + TRUNCATED.replace("11.94%", "11.93%")
    found = [f for f in checker.flat(text, "RATE-002") if f[2] == (6 if rounded_elsewhere else 3)]
    assert [f[1] for f in found] == [severity]


def test_a_rounded_rate_is_consistent_whatever_the_convention(checker: Checker) -> None:
    assert checker.flat(HEAD + ROUNDED + TRUNCATED, "RATE-002") == []


@pytest.mark.parametrize(("printed", "found"), [("100.00%", []), ("99.00%", [("RATE-003", "error", 4)])])
def test_an_items_completion_rate_is_judged(
    checker: Checker, printed: str, found: list[tuple[str, str, int]]
) -> None:
    text = (
        "测试局2024年度部门决算\n三、一般公共预算财政拨款支出决算具体情况\n"
        "1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。主要用于：行政单位退休人员支出。\n"
        f"年初预算为54.53万元，支出决算为54.53万元，完成年初预算的{printed}。决算数同预算数持平。\n"
    )
    assert checker.flat(text, "RATE-003") == found
