"""Statement rules (STMT, READ, CODE-003): tiny statements in the Word-export layout.

Each example is (document text, expected [(severity, line)], the corrected document); the
catalogue test requires an example for every rule in ALL_RULES, here or in test_rules.py.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from juesuan import checks, pipeline
from juesuan.findings import Severity
from tests.builders import self_evaluation, table
from tests.conftest import Checker

HEADER = ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"]
ROWS = [
    ["合计", "", "100.00", "70.00", "30.00"],
    ["201", "一般公共服务支出", "80.00", "50.00", "30.00"],
    ["20103", "政府办公厅（室）及相关机构事务", "80.00", "50.00", "30.00"],
    ["2010301", "行政运行", "50.00", "50.00", "0.00"],
    ["2010399", "其他政府办公厅（室）及相关机构事务支出", "30.00", "0.00", "30.00"],
    ["208", "社会保障和就业支出", "20.00", "20.00", "0.00"],
    ["20805", "行政事业单位养老支出", "20.00", "20.00", "0.00"],
    ["2080505", "机关事业单位基本养老保险缴费支出", "20.00", "20.00", "0.00"],
]


def expenditure(rows: list[list[str]], title: str = "支出决算表") -> str:
    return f"{title}\n金额单位：万元\n" + table([HEADER, *rows]) + "\n"


def changed(row: int, column: int, value: str) -> list[list[str]]:
    return with_cell(ROWS, row, column, value)


def with_cell(rows: list[list[str]], row: int, column: int, value: str) -> list[list[str]]:
    """``rows`` with one cell changed."""
    copy = [list(r) for r in rows]
    copy[row][column] = value
    return copy


def statement_text(title: str, rows: list[list[str]]) -> str:
    """A statement as Word exports it: title, unit line, table."""
    return f"{title}\n单位：万元\n" + table(rows) + "\n"


def quiet_then_caught(
    checker: Checker, title: str, rows: list[list[str]], rules: tuple[str, ...], change: tuple[int, int, str]
) -> None:
    """The statement passes ``rules``; with the one cell of ``change`` altered, one of them reports it."""
    assert [f for rule in rules for f in checker.flat(statement_text(title, rows), rule)] == []
    mutated = statement_text(title, with_cell(rows, *change))
    assert [f for rule in rules for f in checker.flat(mutated, rule)] != []


SUMMARY = [
    ["收入", "", "支出", ""],
    ["项目", "决算数", "项目", "决算数"],
    ["一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "80.00"],
    ["二、上级补助收入", "0.00", "二、社会保障和就业支出", "20.00"],
    ["本年收入合计", "100.00", "本年支出合计", "100.00"],
    ["年初结转和结余", "5.00", "年末结转和结余", "5.00"],
    ["总计", "105.00", "总计", "105.00"],
]
FUND_HEADER = ["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"]


def summary(rows: list[list[str]]) -> str:
    return "收入支出决算总表\n金额单位：万元\n" + table(rows) + "\n"


def fund(end: str) -> str:
    return (
        "政府性基金预算财政拨款收入支出决算表\n金额单位：万元\n"
        + table([FUND_HEADER, ["229", "其他支出", "10.00", "5.00", "8.00", end]])
        + "\n"
    )


EMPTY_FUND = "国有资本经营预算财政拨款收入支出决算表\n金额单位：万元\n" + table(
    [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"], ["合计", "", "0.00", "0.00", "0.00"]]
)

SUMMARY_SIDES = [
    ["收入", "", "支出", ""],
    ["项目", "决算数", "项目", "决算数"],
    ["一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "80.00"],
    ["二、上级补助收入", "0.00", "二、社会保障和就业支出", "20.00"],
    ["本年收入合计", "100.00", "本年支出合计", "100.00"],
]


def summary_and_expenditure(class_amount: str) -> str:
    rows = [list(r) for r in SUMMARY_SIDES]
    rows[2][3] = class_amount
    rows[3][3] = str(100 - int(class_amount.split(".", maxsplit=1)[0])) + ".00"
    return summary(rows) + "\n" + expenditure(ROWS)


def narrative_and_statement(basic: str) -> str:
    return (
        "六、一般公共预算财政拨款基本支出决算情况说明\n"
        f"2021年度一般公共预算财政拨款基本支出{basic}万元。\n\n"
        + expenditure(ROWS, "一般公共预算财政拨款支出决算表")
    )


def items_and_statement(amount: str) -> str:
    """上海's narrative lists each 项 of the appropriation spending by its 类/款/项 names."""
    return (
        "财政拨款支出主要内容如下：\n"
        f"1.“一般公共服务支出（类）财政事务（款）行政运行（项）”{amount}万元，主要用于基本支出。\n"
        "2.“一般公共服务支出-财政事务-信息化建设”科目20.00万元，主要用于运维。\n\n"
        + expenditure(
            [
                ["201", "一般公共服务支出", "100.00", "80.00", "20.00"],
                ["20106", "财政事务", "100.00", "80.00", "20.00"],
                ["2010601", "行政运行", "80.00", "80.00", "0.00"],
                ["2010607", "信息化建设", "20.00", "0.00", "20.00"],
            ],
            "一般公共预算支出功能分类预算表",
        )
    )


def three_public_narrative_and_statement(reception: str) -> str:
    return (
        "测试局2021年度部门决算\n七、“三公”经费支出决算情况说明\n"
        f"2021年度“三公”经费支出决算为10.00万元。其中：因公出国（境）费0.00万元，公务接待费{reception}万元，"
        "公务用车购置及运行费4.00万元。\n\n"
        "一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n"
        + table(
            [
                ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"],
                ["10.00", "0.00", "4.00", "6.00"],
            ]
        )
        + "\n"
    )


def budget_totals_and_summary(income: str) -> str:
    """上海: "收入预算…，其中：财政拨款收入…。支出预算…" before the statements."""
    rows = [
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一、财政拨款收入", "100.00", "一、一般公共服务支出", "100.00"],
        ["本年收入合计", "100.00", "本年支出合计", "100.00"],
        ["收入总计", "100.00", "支出总计", "100.00"],
    ]
    return (
        "测试局2026年部门预算\n"
        f"2026年，测试局收入预算{income}万元，其中：财政拨款收入100.00万元。支出预算100.00万元。\n\n"
        + statement_text("财务收支预算总表", rows)
    )


def income_and_expenditure_by_item(changed: str) -> str:
    """烟台: a budget's 收入总体情况表 and 支出总体情况表 list the same items, item by item equal."""
    items = [
        ["201", "一般公共服务支出", "60.00"],
        ["20108", "审计事务", "60.00"],
        ["2010801", "行政运行", "40.00"],
        ["2010804", "审计业务", "20.00"],
        ["208", "社会保障和就业支出", "40.00"],
        ["20805", "行政事业单位养老支出", "40.00"],
        ["2080505", "机关事业单位基本养老保险缴费支出", "40.00"],
    ]
    income = [["科目编码", "科目名称", "合计", "一般公共预算"], ["合计", "", "100.00", "100.00"]]
    income += [[c, n, v, v] for c, n, v in items]
    spent = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["合计", "", "100.00", "80.00", "20.00"],
    ]
    spent += [[c, n, v, v if c[:3] == "208" else "", ""] for c, n, v in items]
    spent = [r if r[0] != "2010801" else [r[0], r[1], changed, changed, ""] for r in spent]
    return (
        "测试局2026年部门预算\n"
        + statement_text("收入总体情况表", income)
        + "\n"
        + statement_text("支出总体情况表", spent)
    )


def basic_by_economic_code(name: str, *more: tuple[str, str]) -> str:
    """A 2024 基本支出 statement by economic code; ``name`` is what 30202 is printed as, ``more``
    further (code, name) rows."""
    rows = [
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["302", "商品和服务支出", str(30 + 10 * len(more)) + ".00", "0.00", str(30 + 10 * len(more)) + ".00"],
        ["30201", "办公费", "10.00", "0.00", "10.00"],
        ["30202", name, "20.00", "0.00", "20.00"],
        *([code, row_name, "10.00", "0.00", "10.00"] for code, row_name in more),
    ]
    return "测试局2024年部门预算\n" + statement_text("一般公共预算基本支出表", rows)


def named_costs(names: str) -> str:
    """A 基本支出 narrative naming ``names`` as the 公用经费, and its statement (手续费 at 0)."""
    rows = [
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["302", "商品和服务支出", "30.00", "0.00", "30.00"],
        ["30201", "办公费", "10.00", "0.00", "10.00"],
        ["30202", "印刷费", "20.00", "0.00", "20.00"],
        ["30204", "手续费", "0.00", "0.00", "0.00"],
    ]
    narrative = f"六、一般公共预算财政拨款基本支出预算情况说明\n公用经费30.00万元，主要包括：{names}。\n"
    return "测试局2024年部门预算\n" + narrative + statement_text("一般公共预算基本支出表", rows)


EXAMPLES: dict[str, tuple[str, list[tuple[str, int | None]], str]] = {
    "TEXT-002": (
        "一、收入支出决算总体情况说明\nXX局2021年度本年收入10.00万元，，比上年下降（增长）5.00%。\n",
        [("warning", 2)],
        "一、收入支出决算总体情况说明\n测试局2021年度本年收入10.00万元，比上年下降5.00%（含上年结转）。\n",
    ),
    "CODE-004": (
        "测试局2021年度部门决算\n"
        + expenditure([["210", "医疗卫生与计划生育支出", "10.00", "10.00", "0.00"]]),
        [("warning", 11)],
        "测试局2021年度部门决算\n" + expenditure([["210", "卫生健康支出", "10.00", "10.00", "0.00"]]),
    ),
    "XTAB-001": (
        summary_and_expenditure("85.00"),
        [("error", 45), ("error", 69)],
        summary_and_expenditure("80.00"),
    ),
    "NARR-001": (narrative_and_statement("75.00"), [("error", 2)], narrative_and_statement("70.00")),
    "NARR-002": (items_and_statement("88.00"), [("error", 2)], items_and_statement("80.00")),
    "CODE-006": (basic_by_economic_code("咨询费"), [("warning", None)], basic_by_economic_code("印刷费")),
    "NARR-005": (named_costs("办公费、印刷费、手续费"), [("warning", 3)], named_costs("办公费、印刷费")),
    "XTAB-002": (
        income_and_expenditure_by_item("39.99"),
        [("warning", None)],
        income_and_expenditure_by_item("40.00"),
    ),
    "CODE-005": (
        items_and_statement("80.00").replace("信息化建设”科目", "信息系统建设”科目"),
        [("warning", 3)],
        items_and_statement("80.00"),
    ),
    "NARR-004": (budget_totals_and_summary("110.00"), [("error", 2)], budget_totals_and_summary("100.00")),
    "NARR-003": (
        three_public_narrative_and_statement("7.00"),
        [("error", 3)],
        three_public_narrative_and_statement("6.00"),
    ),
    "STMT-001": (expenditure(changed(3, 4, "5.00")), [("error", 29)], expenditure(ROWS)),
    "STMT-002": (
        expenditure(
            [
                *changed(7, 2, "15.00")[:7],
                ["2080505", "机关事业单位基本养老保险缴费支出", "15.00", "15.00", "0.00"],
            ]
        ),
        [("error", 47), ("error", 48)],
        expenditure(ROWS),
    ),
    "STMT-003": (
        summary([*SUMMARY[:6], ["总计", "106.00", "总计", "105.00"]]),
        [("error", 34), ("error", 36)],
        summary(SUMMARY),
    ),
    "STMT-004": (fund("3.00"), [("warning", 15)], fund("7.00")),
    "STMT-005": (
        EMPTY_FUND + "\n",
        [("warning", 3)],
        EMPTY_FUND + "\n注：本单位无国有资本经营预算财政拨款收入支出，故本表为空表。\n",
    ),
    "READ-001": (
        expenditure(
            [
                ["合计", "", "100.00", "70.00", "30.00"],
                ["201", "一般公共服务支出", "80.00", "5.00", "30.00"],
                ["20103", "政府办公厅（室）及相关机构事务", "80.00", "50.00", "3.00"],
                ["2010301", "行政运行", "50.00", "50.00", "0.00"],
                ["2010399", "其他政府办公厅（室）及相关机构事务支出", "30.00", "0.00", "30.00"],
                ["208", "社会保障和就业支出", "20.00", "20.00", "0.00"],
                ["20805", "行政事业单位养老支出", "2.00", "20.00", "0.00"],
                ["2080505", "机关事业单位基本养老保险缴费支出", "20.00", "20.00", "0.00"],
            ]
        ),
        [("warning", 3)],
        expenditure(ROWS),
    ),
    "CODE-003": (
        "一般公共预算财政拨款基本支出决算表\n金额单位：万元\n"
        + table(
            [
                ["科目编码", "", "科目名称", "决算数"],
                ["类", "款", "", ""],
                ["301", "", "工资福利支出", "30.00"],
                ["301", "01", "基本工资", "10.00"],
                ["301", "2", "津贴补贴", "20.00"],
            ]
        ),
        [("error", 25)],
        "一般公共预算财政拨款基本支出决算表\n金额单位：万元\n"
        + table(
            [
                ["科目编码", "", "科目名称", "决算数"],
                ["类", "款", "", ""],
                ["301", "", "工资福利支出", "30.00"],
                ["301", "01", "基本工资", "10.00"],
                ["301", "02", "津贴补贴", "20.00"],
            ]
        ),
    ),
    "READ-002": (
        self_evaluation(total=("100", "95")).replace("\t20\n\t20\n", "\t25\n\t20\n", 1),
        [("warning", None)],
        self_evaluation(),
    ),
}


#: Rules about reconstructed grids: their examples are checked as if read from a PDF.
AS_PDF = {"READ-002"}


def flat(checker: Checker, text: str, rule: str) -> list[tuple[str, str, int | None]]:
    if rule not in AS_PDF:
        return checker.flat(text, rule)
    disclosure = replace(checker.read(text), source_format="pdf")
    report = checks.run(disclosure, select=(rule,))
    return [(f.rule, f.severity.value, f.source.line) for f in report.findings]


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_rule_reports_its_example(rule: str, checker: Checker) -> None:
    text, expected, _ = EXAMPLES[rule]
    found = [(severity, line) for _, severity, line in flat(checker, text, rule)]
    assert [s for s, _ in found] == [s for s, _ in expected], found
    if all(line is not None for _, line in expected):
        assert [line for _, line in found] == [line for _, line in expected]


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_rule_is_quiet_on_the_corrected_example(rule: str, checker: Checker) -> None:
    _, _, corrected = EXAMPLES[rule]
    assert flat(checker, corrected, rule) == []


def test_a_self_evaluation_read_from_text_is_judged_even_when_it_does_not_reconcile(checker: Checker) -> None:
    text, _, _ = EXAMPLES["READ-002"]
    assert checker.flat(text, "READ-002") == []
    assert [rule for rule, *_ in checker.flat(text, "PERF-001")] == ["PERF-001"]


def test_a_statement_is_read_with_its_columns_codes_and_rows(checker: Checker) -> None:
    disclosure = checker.read(expenditure(ROWS))
    [statement] = disclosure.statements
    assert (statement.key, statement.unit) == ("expenditure", "万元")
    assert [c.id for c in statement.columns] == ["total", "basic", "project"]
    assert [r.code for r in statement.rows] == [
        None,
        "201",
        "20103",
        "2010301",
        "2010399",
        "208",
        "20805",
        "2080505",
    ]
    row = statement.row_with_code("2010399")
    assert row is not None and row.value("project") is not None
    assert str(row.value("project").value) == "30.00"  # type: ignore[union-attr]


def test_a_two_sided_summary_keeps_its_sides(checker: Checker) -> None:
    [statement] = checker.read(summary(SUMMARY)).statements
    assert {(c.id, c.side) for c in statement.columns} == {("total", "income"), ("total", "expenditure")}
    income = statement.rows_named("本年收入合计", side="income")
    assert len(income) == 1 and str(income[0].value("total").value) == "100.00"  # type: ignore[union-attr]


def test_an_empty_statement_explained_in_the_narrative_is_not_reported(checker: Checker) -> None:
    narrative = (
        "八、国有资本经营预算财政拨款支出决算情况说明\n本单位2021年度无国有资本经营预算财政拨款支出。\n\n"
    )
    assert checker.flat(EMPTY_FUND + "\n", "STMT-005") != []
    assert checker.flat(narrative + EMPTY_FUND + "\n", "STMT-005") == []


def test_half_and_full_width_brackets_close_each_other(checker: Checker) -> None:
    text = "一、收入支出决算总体情况说明\n本年收入10.00万元（含上年结转)。\n"
    assert checker.flat(text, "TEXT-002") == []
    assert len(checker.flat(text.replace(")", ""), "TEXT-002")) == 1


NESTED_SUMMARY = [
    ["收入", "", "支出", ""],
    ["项目", "决算数", "项目", "决算数"],
    ["一、本年收入", "100.00", "一、本年支出", "100.00"],
    ["（一）一般公共预算拨款", "90.00", "（一）一般公共服务支出", "80.00"],
    ["（二）政府性基金预算拨款", "10.00", "（二）社会保障和就业支出", "20.00"],
    ["二、上年结转", "5.00", "二、年终结转结余", "5.00"],
    ["收入总计", "105.00", "支出总计", "105.00"],
]


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [(3, 1, "95.00"), (4, 3, "25.00"), (5, 1, "6.00"), (2, 3, "90.00")],
)
def test_a_summary_without_a_year_total_adds_up_its_numbered_items(
    checker: Checker, row: int, column: int, value: str
) -> None:
    assert checker.flat(summary(NESTED_SUMMARY), "STMT-003") == []
    rows = [list(r) for r in NESTED_SUMMARY]
    rows[row][column] = value
    assert [severity for _, severity, _ in checker.flat(summary(rows), "STMT-003")] != []


def test_nested_numbering_is_not_taken_for_a_list_of_items(checker: Checker) -> None:
    rows = [list(r) for r in NESTED_SUMMARY]
    rows[3][2], rows[4][2] = "一、一般公共服务支出", "二、社会保障和就业支出"
    rows[5][2] = "三、年终结转结余"
    rows[6][3] = "999.00"  # would be an error if 一、本年支出 and 一、一般公共服务支出 were both summed
    assert checker.flat(summary(rows), "STMT-003") == []


@pytest.mark.parametrize(
    ("personnel", "operating"), [("人员经费", "公用经费"), ("人员支出", "日常公用支出"), ("人员类", "公用类")]
)
def test_basic_expenditure_columns_are_named_by_their_regional_headers(
    checker: Checker, personnel: str, operating: str
) -> None:
    text = "一般公共预算基本支出表\n金额单位：万元\n" + table(
        [
            ["科目编码", "科目名称", "合计", personnel, operating],
            ["合计", "", "30.00", "20.00", "10.00"],
            ["301", "工资福利支出", "20.00", "20.00", "0.00"],
            ["302", "商品和服务支出", "10.00", "0.00", "10.00"],
        ]
    )
    [statement] = checker.read(text).statements
    assert [c.id for c in statement.columns] == ["total", "personnel", "operating"]
    assert checker.flat(text.replace("\t10.00\n\n\t301", "\t11.00\n\n\t301", 1), "STMT-001") != []


def test_a_remarks_column_does_not_stop_the_column_sums(checker: Checker) -> None:
    """西安's layout: 人员经费支出 + 公用经费支出 + 专项业务经费支出 = 合计, with a 备注 column."""
    text = "一般公共预算支出表\n金额单位：万元\n" + table(
        [
            ["科目编码", "科目名称", "合计", "人员经费支出", "公用经费支出", "专项业务经费支出", "备注"],
            ["合计", "", "60.00", "30.00", "10.00", "20.00", ""],
            ["2010301", "行政运行", "60.00", "30.00", "10.00", "20.00", ""],
        ]
    )
    [statement] = checker.read(text).statements
    assert [c.id for c in statement.columns][:4] == ["total", "personnel", "operating", "project"]
    assert checker.flat(text, "STMT-001") == []
    assert (
        checker.flat(
            text.replace("\t10.00\n\t20.00\n\t\n\n\t2010301", "\t10.00\n\t25.00\n\t\n\n\t2010301"), "STMT-001"
        )
        != []
    )


def _html_summary(basic: str = "70.00", year_income: str = "100.00", function: str = "80.00") -> str:
    """江苏's 收支预算总表: one income block, two expenditure breakdowns (功能分类, 支出用途), and
    "当年支出小计" merged over the function block and the purpose block's name."""
    return (
        "<html><body><p>收支预算总表</p><p>单位：万元</p><table>"
        '<tr><td colspan="2">收入</td><td colspan="4">支出</td></tr>'
        '<tr><td rowspan="2">项目名称</td><td rowspan="2">金额</td><td colspan="2">功能分类</td>'
        '<td colspan="2">支出用途</td></tr>'
        "<tr><td>功能科目名称</td><td>金额</td><td>项目名称</td><td>金额</td></tr>"
        f"<tr><td>一、财政拨款</td><td>100.00</td><td>一、一般公共服务支出</td><td>{function}</td>"
        f"<td>一、基本支出</td><td>{basic}</td></tr>"
        "<tr><td>二、其他资金</td><td></td><td>二、社会保障和就业支出</td><td>20.00</td>"
        "<td>二、项目支出</td><td>30.00</td></tr>"
        f'<tr><td>当年收入小计</td><td>{year_income}</td><td colspan="3">当年支出小计</td><td>100.00</td></tr>'
        '<tr><td>上年结转资金</td><td></td><td colspan="3">结转下年资金</td><td></td></tr>'
        '<tr><td>收入合计</td><td>100.00</td><td colspan="3">支出合计</td><td>100.00</td></tr>'
        "</table></body></html>"
    )


def test_a_summary_with_two_expenditure_breakdowns_checks_each(checker: Checker) -> None:
    [statement] = checker.read(_html_summary(), suffix=".html").statements
    assert [(c.id, c.side) for c in statement.columns] == [
        ("total", "income"),
        ("total", "expenditure"),
        ("total@支出用途", "expenditure"),
    ]
    [subtotal] = statement.rows_named("当年支出小计", side="expenditure")
    assert str(subtotal.value("total@支出用途").value) == "100.00"  # type: ignore[union-attr]
    assert checker.flat(_html_summary(), "STMT-003", suffix=".html") == []
    assert checker.flat(_html_summary(basic="75.00"), "STMT-003", suffix=".html") != []
    assert checker.flat(_html_summary(year_income="110.00"), "STMT-003", suffix=".html") != []
    # the function block adds up to the one 当年支出小计 printed across both blocks
    assert checker.flat(_html_summary(function="85.00"), "STMT-003", suffix=".html") != []


LEADING_TOTAL_SUMMARY = [
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["合计", "100.00", "合计", "100.00"],
    ["一、一般公共预算资金", "90.00", "一、一般公共服务支出", "80.00"],
    ["二、事业收入资金", "10.00", "二、教育支出", "20.00"],
]


@pytest.mark.parametrize("change", [(2, 1, "110.00"), (3, 3, "85.00"), (2, 3, "90.00")])
def test_a_leading_total_adds_up_the_numbered_items_under_it(
    checker: Checker, change: tuple[int, int, str]
) -> None:
    """重庆's 收支总表 prints 合计 first, its numbered items under it."""
    quiet_then_caught(checker, "收入支出决算总表", LEADING_TOTAL_SUMMARY, ("STMT-003",), change)


GROUPED_INCOME = [
    ["项目名称", "", "金额"],
    ["收入总计", "", "110.00"],
    ["一般公共预算资金", "小计", "100.00"],
    ["", "公共财政拨款(补助)资金", "100.00"],
    ["", "专项收入", ""],
    ["政府性基金", "小计", ""],
    ["财政专户管理资金", "小计", "10.00"],
    ["", "专户管理教育收费", "4.00"],
    ["", "其他非税收入", "6.00"],
]


@pytest.mark.parametrize("change", [(1, 2, "120.00"), (3, 2, "90.00"), (8, 2, "7.00")])
def test_groups_named_in_two_columns_add_up(checker: Checker, change: tuple[int, int, str]) -> None:
    """江苏's 收入预算总表: "一般公共预算资金 | 小计" over the items named in the second column."""
    [statement] = checker.read(statement_text("收入预算总表", GROUPED_INCOME)).statements
    assert [(r.name, r.level) for r in statement.rows][1:4] == [
        ("一般公共预算资金", 0),
        ("公共财政拨款(补助)资金", 1),
        ("专项收入", 1),
    ]
    quiet_then_caught(checker, "收入预算总表", GROUPED_INCOME, ("STMT-002",), change)


def test_a_reserve_fund_column_is_a_part_of_the_total(checker: Checker) -> None:
    """江苏's 支出预算总表: 合计 = 基本支出 + 项目支出 + 单位预留机动经费."""
    rows = [["合计", "基本支出", "项目支出", "单位预留机动经费"], ["100.00", "60.00", "30.00", "10.00"]]
    text = "支出预算总表\n单位：万元\n" + table(rows) + "\n"
    [statement] = checker.read(text).statements
    assert [c.id for c in statement.columns] == ["total", "basic", "project", "reserve"]
    assert checker.flat(text, "STMT-001") == []
    rows[1][3] = "12.00"
    assert checker.flat("支出预算总表\n单位：万元\n" + table(rows) + "\n", "STMT-001") != []


def test_agency_costs_beside_the_three_public_figures_are_not_part_of_their_total(checker: Checker) -> None:
    """上海's combined table: 机关运行经费 in the last column is a figure of its own."""
    rows = [
        ["2024年“三公”经费预算数", "", "", "", "", "", "2024年机关运行经费预算数"],
        ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
        ["", "", "", "小计", "购置费", "运行费", ""],
        ["47.91", "0", "1.35", "46.56", "25", "21.56", "443.18"],
    ]
    text = "部门“三公”经费和机关运行经费预算表\n单位：万元\n" + table(rows) + "\n"
    [statement] = checker.read(text).statements
    assert statement.columns[-1].id == "agency_operating"
    assert checker.flat(text, "STMT-001") == []
    rows[3][2] = "2.35"
    assert (
        checker.flat("部门“三公”经费和机关运行经费预算表\n单位：万元\n" + table(rows) + "\n", "STMT-001")
        != []
    )


SPLIT_CODES = [
    ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"],
    ["", "", "", "合计", "103.00", "100.00", "3.00"],
    ["201", "", "", "一般公共服务支出", "3.00", "0.00", "3.00"],
    ["", "11", "", "纪检监察事务", "3.00", "0.00", "3.00"],
    ["201", "11", "99", "其他纪检监察事务支出", "3.00", "0.00", "3.00"],
    ["204", "", "", "公共安全支出", "100.00", "100.00", "0.00"],
    ["", "02", "", "公安", "100.00", "100.00", "0.00"],
    ["", "", "01", "行政运行", "60.00", "60.00", "0.00"],
    ["", "", "02", "一般行政管理事务", "40.00", "40.00", "0.00"],
]


def test_split_codes_left_blank_are_filled_from_the_row_above(checker: Checker) -> None:
    """长沙 and 烟台 print 类 and 款 only where they change; "3.00 3.00 3.00" is a row of amounts."""
    text = "一般公共预算支出表\n单位：万元\n" + table(SPLIT_CODES) + "\n"
    [statement] = checker.read(text).statements
    assert [r.code for r in statement.rows] == [
        None,
        "201",
        "20111",
        "2011199",
        "204",
        "20402",
        "2040201",
        "2040202",
    ]
    # 行政运行 65.00: breaks 公安 = its 项 and its own row, nothing else
    quiet_then_caught(checker, "一般公共预算支出表", SPLIT_CODES, ("STMT-002",), (7, 4, "65.00"))


def _three_blocks(operating: str = "40.00") -> str:
    """西安's 财政拨款收支总表: the expenditure side printed as two blocks (功能分类, 支出用途)
    whose rows interleave; each block's items add up to its own 一、财政拨款."""
    rows = [
        ("一、财政拨款", "100.00", "一、财政拨款", "100.00", "一、财政拨款", "100.00"),
        ("1、一般公共预算拨款", "100.00", "1、一般公共服务支出", "80.00", "1、人员经费", "60.00"),
        ("2、政府性基金拨款", "0.00", "2、教育支出", "20.00", "2、公用经费", operating),
    ]
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        "<html><body><p>财政拨款收支总表</p><p>单位：万元</p><table>"
        '<tr><td colspan="2">收入</td><td colspan="4">支出</td></tr>'
        '<tr><td rowspan="2">项目</td><td rowspan="2">预算数</td><td colspan="2">功能分类</td>'
        '<td colspan="2">支出用途</td></tr>'
        "<tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>" + body + "</table></body></html>"
    )


def test_each_block_of_a_side_adds_up_on_its_own(checker: Checker) -> None:
    assert checker.flat(_three_blocks(), "STMT-003", suffix=".html") == []
    assert checker.flat(_three_blocks(operating="45.00"), "STMT-003", suffix=".html") != []


ITEMS_ONLY = [
    ["科目编码", "科目名称", "小计", "其中：", ""],
    ["", "", "", "基本支出", "项目支出"],
    ["合计", "", "100.00", "70.00", "30.00"],
    ["2013850", "事业运行", "60.00", "60.00", "0.00"],
    ["2013899", "其他市场监督管理事务", "30.00", "0.00", "30.00"],
    ["2101102", "事业单位医疗", "10.00", "10.00", "0.00"],
]


@pytest.mark.parametrize("change", [(2, 2, "110.00"), (3, 3, "65.00")])
def test_a_table_of_items_only_adds_up_to_its_total(checker: Checker, change: tuple[int, int, str]) -> None:
    """泉州 prints only the 项 under 合计, and "小计 | 其中：基本支出 项目支出" as the whole split."""
    quiet_then_caught(checker, "一般公共预算拨款支出预算表", ITEMS_ONLY, ("STMT-001", "STMT-002"), change)


def test_a_title_whose_last_character_wrapped_is_still_a_title(checker: Checker) -> None:
    """江苏 2017: "“三公”经费、会议费、培训费支出预算" with "表" alone on the next line."""
    rows = [["合计", "因公出国（境）费", "公务接待费"], ["10.00", "4.00", "6.00"]]
    text = "“三公”经费、会议费、培训费支出预算\n表\n单位：万元\n" + table(rows) + "\n"
    assert [s.key for s in checker.read(text).statements] == ["three_public"]


NAMED_LEVELS = [
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["财政拨款", "130.00", "一、社会保障和就业支出", "100.00"],
    ["1.一般公共预算拨款", "130.00", "行政事业单位养老支出", "60.00"],
    ["", "", "行政单位离退休", "20.00"],
    ["", "", "机关事业单位基本养老保险缴费支出", "40.00"],
    ["", "", "退役安置", "40.00"],
    ["", "", "其他退役安置支出", "40.00"],
    ["", "", "二、住房保障支出", "30.00"],
    ["", "", "住房改革支出", "30.00"],
    ["", "", "住房公积金", "30.00"],
]


def test_levels_told_by_names_add_up(checker: Checker) -> None:
    """深圳 and 湖州 print the expenditure side as names only: the catalogue tells 类 from 款."""
    quiet_then_caught(checker, "财政拨款收支总表", NAMED_LEVELS, ("STMT-002",), (5, 3, "45.00"))


def test_a_name_the_catalogue_does_not_know_is_no_error(checker: Checker) -> None:
    """A 款 missing from the catalogue reads as the last 项 of the 款 before it: two sums fail
    that the document does not break, so they are "could not check", not errors."""
    rows = with_cell(with_cell(NAMED_LEVELS, 6, 2, "新设款"), 7, 2, "新设款下的项")
    report = checker.check(statement_text("财政拨款收支总表", rows), select=("STMT-002",))
    assert [f.rule for f in report.findings] == []
    [outcome] = [o for o in report.outcomes if o.rule == "STMT-002"]
    assert any("按科目名称推断的层级不自洽" in reason for reason in outcome.reasons)


UNNUMBERED_HEAD = [
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["财政拨款", "100.00", "一、一般公共服务支出", "100.00"],
    ["1.一般公共预算拨款", "90.00", "", ""],
    ["2.政府性基金预算拨款", "10.00", "", ""],
    ["3.国有资本经营预算拨款", "0.00", "", ""],
]


def test_an_unnumbered_line_heads_the_numbered_lines_under_it(checker: Checker) -> None:
    """深圳: "财政拨款" then "1.一般公共预算拨款 … 3.国有资本经营预算拨款"."""
    quiet_then_caught(checker, "财政拨款收支总表", UNNUMBERED_HEAD, ("STMT-003",), (4, 1, "15.00"))


def test_agency_costs_in_the_narrative_match_the_column_beside_the_three_public_figures(
    checker: Checker,
) -> None:
    """上海: the narrative's 机关运行经费 is the figure printed beside the “三公” figures."""
    rows = [
        ["2024年“三公”经费预算数", "", "", "", "", "", "2024年机关运行经费预算数"],
        ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
        ["", "", "", "小计", "购置费", "运行费", ""],
        ["47.91", "0", "1.35", "46.56", "25", "21.56", "443.18"],
    ]
    narrative = (
        "十、其他重要事项的情况说明\n（一）机关运行经费\n本单位财政拨款的机关运行经费预算为443.18万元。\n\n"
    )
    title = "部门“三公”经费和机关运行经费预算表"
    assert checker.flat(narrative + statement_text(title, rows), "NARR-001") == []
    mutated = narrative + statement_text(title, with_cell(rows, 3, 6, "543.18"))
    assert [severity for _, severity, _ in checker.flat(mutated, "NARR-001")] == ["error"]


def test_vehicle_purchase_headed_as_funds_is_part_of_the_vehicle_subtotal(checker: Checker) -> None:
    """烟台: "公务用车购置经费" beside "公务用车运行维护费" under 小计."""
    rows = [
        ["合计", "因公出国（境）经费", "公务用车购置及运行维护费", "", "", "公务接待费"],
        ["", "", "小计", "公务用车购置经费", "公务用车运行维护费", ""],
        ["27.32", "5.00", "11.78", "1.78", "10.00", "10.54"],
    ]
    quiet_then_caught(checker, "一般公共预算“三公”经费支出情况表", rows, ("STMT-001",), (2, 3, "2.78"))


def test_income_groups_of_special_accounts_and_other_funds_add_up(checker: Checker) -> None:
    """珠海: 财政专户拨款收入 (教育收费, 其他专户收入拨款) and 其他资金收入 (事业收入 …) under 合计."""
    rows = [
        ["单位名称", "合计", "财政拨款收入", "财政专户拨款收入", "", "其他资金收入", "", "上年结转结余"],
        ["", "", "一般公共预算", "教育收费", "其他专户收入拨款", "事业收入", "其他收入", ""],
        ["合计", "100.00", "60.00", "10.00", "5.00", "20.00", "4.00", "1.00"],
    ]
    quiet_then_caught(checker, "收入总体情况表", rows, ("STMT-001",), (2, 5, "25.00"))


def test_an_empty_fund_statement_the_narrative_only_gives_as_zero_is_reported(checker: Checker) -> None:
    """An inspector asks for the reason ("本单位无…，故本表为空表"): "…预算为0" is only the figure."""
    said = "一、收支预算总体情况\n国有资本经营预算拨款支出预算为0。\n\n"
    assert checker.flat(said + EMPTY_FUND + "\n", "STMT-005") != []


def test_a_list_number_closes_no_bracket(checker: Checker) -> None:
    text = "一、收入支出决算总体情况说明\n主要任务：1）完成系统建设；2）开展培训。\n"
    assert checker.flat(text, "TEXT-002") == []
    assert len(checker.flat(text.replace("1）完成", "完成（"), "TEXT-002")) == 1


def test_a_bracket_closed_in_the_next_paragraph_is_balanced(checker: Checker) -> None:
    """A cell's text wrapped onto the next line, or a sentence continued over a page break."""
    text = "一、收入支出决算总体情况说明\n行政单位（含参照公务员法管理的事业\n\n单位）的支出10.00万元。\n"
    assert checker.flat(text, "TEXT-002") == []


def test_a_total_printed_blank_is_not_judged(checker: Checker) -> None:
    """上海's 收支总表 leaves 收入总计 blank beside 支出总计 195,774,300: not a 0 that fails to balance."""
    rows = [*SUMMARY[:6], ["总计", "", "总计", "105.00"]]
    assert checker.flat(summary(rows), "STMT-003") == []
    assert checker.flat(summary([*SUMMARY[:6], ["总计", "0.00", "总计", "105.00"]]), "STMT-003") != []


def test_economic_codes_shifted_by_verified_names_are_an_error(checker: Checker) -> None:
    """水费 is 30205 and 电费 30206 by verified entries: printed as 30203/30204 the codes shifted."""
    text = basic_by_economic_code("印刷费", ("30203", "水费"), ("30204", "电费"))
    assert [f[1] for f in checker.flat(text, "CODE-006")] == ["error"]


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
WANLI = CORPUS / "real/zxj-GovBudgetChecker/上海市普陀区人民政府万里街道办事处25年预算.pdf"


@pytest.mark.skipif(not WANLI.is_file(), reason="corpus not present")
def test_a_yuan_off_in_a_whole_yuan_statement_that_adds_up_elsewhere() -> None:
    """No rounding in whole 元: 21201 printed 94,995,790 where its items and its 基本 + 项目 give
    94,995,789, in statements whose 130-odd other sums are exact, is a misprint (an error); the
    class 212 above it, right but off through it, stays a hint."""
    findings = pipeline.run(WANLI, select=("STMT-001", "STMT-002")).report.findings
    errors = {(f.source.page, f.rule) for f in findings if f.severity is Severity.ERROR}
    assert errors == {
        (12, "STMT-002"),
        (17, "STMT-001"),
        (17, "STMT-002"),
        (23, "STMT-001"),
        (23, "STMT-002"),
    }
    assert all("94995790" in f.message for f in findings if f.severity is Severity.ERROR)
    assert any("212城乡社区支出" in f.message for f in findings if f.severity is Severity.INFO)
