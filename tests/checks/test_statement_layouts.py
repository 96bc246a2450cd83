"""Regional statement layouts and the identities read from them: numbered outlines, column groups
by year, units, “三公” printed down a column or split by fund, wrapped titles."""

from __future__ import annotations

import pytest

from juesuan import pipeline
from tests.builders import table
from tests.checks.test_statement_rules import (
    EMPTY_FUND,
    quiet_then_caught,
    statement_text,
    with_cell,
)
from tests.conftest import CORPUS, Checker, require_corpus

OUTLINE = [
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["一、部门预算", "110.00", "一、部门预算", "110.00"],
    ["1、财政拨款", "100.00", "1、人员经费和公用经费支出", "80.00"],
    ["(1)一般公共预算拨款", "90.00", "(1)工资福利支出", "60.00"],
    ["其中：专项资金列入部门预算的项目", "30.00", "(2)商品和服务支出", "20.00"],
    ["(2)政府性基金拨款", "10.00", "2、专项业务经费支出", "30.00"],
    ["2、其他收入", "10.00", "(1)工资福利支出", "0.00"],
    ["", "", "(2)商品和服务支出", "30.00"],
    ["本年收入合计", "110.00", "本年支出合计", "110.00"],
    ["收入总计", "110.00", "支出总计", "110.00"],
]


@pytest.mark.parametrize("change", [(3, 1, "105.00"), (4, 1, "95.00"), (4, 3, "85.00"), (8, 3, "35.00")])
def test_numbered_lines_add_up_level_by_level(checker: Checker, change: tuple[int, int, str]) -> None:
    """西安: "一、部门预算 / 1、财政拨款 / (1)… 其中：… (2)… / 2、…", each level the sum of the next."""
    quiet_then_caught(checker, "部门综合预算收支总表", OUTLINE, ("STMT-003",), change)


def test_an_unnumbered_line_inside_a_numbered_list_leaves_it_unchecked(checker: Checker) -> None:
    rows = with_cell(OUTLINE, 5, 0, "上年结转")  # could be a part of 1、财政拨款: no sum is sure
    rows = with_cell(rows, 4, 1, "95.00")
    assert checker.flat(statement_text("部门综合预算收支总表", rows), "STMT-003") == []


CHANGE_GROUPS = [
    ["单位名称", "上年", "", "", "当年", "", "", "增减变化情况", "", ""],
    ["", "合计", "公务接待费", "培训费", "合计", "公务接待费", "培训费", "合计", "公务接待费", "培训费"],
    ["合计", "50.00", "20.00", "30.00", "40.00", "25.00", "15.00", "-10.00", "5.00", "-15.00"],
]


@pytest.mark.parametrize("change", [(2, 9, "-16.00"), (2, 5, "24.00"), (2, 7, "-11.00")])
def test_a_change_column_is_this_year_minus_last_year(checker: Checker, change: tuple[int, int, str]) -> None:
    """西安: the same columns for 上年, 当年 and 增减变化情况; each group adds up, and the change
    is this year's figure minus last year's."""
    text = statement_text("一般公共预算“三公”经费支出预算表", CHANGE_GROUPS)
    [statement] = checker.read(text).statements
    assert {c.id for c in statement.columns} >= {"total@previous", "total@current", "total@change"}
    quiet_then_caught(checker, "一般公共预算“三公”经费支出预算表", CHANGE_GROUPS, ("STMT-001",), change)


@pytest.mark.parametrize("years", [("上年", "当年"), ("2020年", "2021年"), ("2026年度", "2025年度")])
def test_a_lone_change_column_is_checked_against_the_two_years(
    checker: Checker, years: tuple[str, str]
) -> None:
    earlier, later = sorted(years)
    rows = [["项目", earlier, later, "增减变化情况"], ["会议费", "50.00", "40.00", "-10.00"]]
    if years[0] > years[1]:  # printed this year first
        rows = [["项目", later, earlier, "增减变化情况"], ["会议费", "40.00", "50.00", "-10.00"]]
    quiet_then_caught(checker, "一般公共预算“三公”经费支出预算表", rows, ("STMT-001",), (1, 3, "10.00"))


THREE_PUBLIC_BY_ROWS = [
    ["项目", "预算数"],
    ["合计", "27.31"],
    ["1、因公出国（境）费用", "0.00"],
    ["2、公务接待费", "2.00"],
    ["3、公务用车购置及运行费", "25.31"],
    ["其中：（1）公务用车购置费", "5.00"],
    ["（2）公务用车运行费", "20.31"],
]


@pytest.mark.parametrize("change", [(1, 1, "28.31"), (3, 1, "3.00"), (6, 1, "21.31")])
def test_three_public_figures_printed_one_a_row_add_up(
    checker: Checker, change: tuple[int, int, str]
) -> None:
    """福州, 泉州: the “三公” statement printed down a column, one part a row."""
    quiet_then_caught(
        checker, "一般公共预算“三公”经费支出预算表", THREE_PUBLIC_BY_ROWS, ("STMT-002",), change
    )


def test_three_public_rows_with_meeting_costs_leave_the_total_unchecked(checker: Checker) -> None:
    rows = [*THREE_PUBLIC_BY_ROWS, ["会议费", "3.00"]]  # the 合计 may or may not include it
    rows = with_cell(rows, 1, 1, "30.31")
    assert checker.flat(statement_text("一般公共预算“三公”经费支出预算表", rows), "STMT-002") == []


FUND_LINES = [
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["一、财政拨款收入", "100.00", "一、一般公共服务支出", "110.00"],
    ["一般公共预算收入", "90.00", "", ""],
    ["政府性基金预算收入", "10.00", "", ""],
    ["国有资本经营预算收入", "", "", ""],
    ["二、其他收入", "10.00", "", ""],
    ["本年收入合计", "110.00", "本年支出合计", "110.00"],
]


def test_unnumbered_fund_lines_split_the_item_above(checker: Checker) -> None:
    """烟台: "一、财政拨款收入" over 一般公共预算 / 政府性基金 / 国有资本经营, printed unnumbered."""
    quiet_then_caught(checker, "收支总体情况表", FUND_LINES, ("STMT-003",), (3, 1, "95.00"))


PETITION_LEVELS = [
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["财政拨款", "100.00", "一、一般公共服务支出", "100.00"],
    ["", "", "信访事务", "100.00"],
    ["", "", "行政运行", "60.00"],
    ["", "", "信访业务", "40.00"],
]


def test_the_new_petition_and_social_work_classes_are_told_by_name(checker: Checker) -> None:
    """深圳信访局 2026 prints 信访事务 (款 20140 since the 2025 catalogue) by name only."""
    quiet_then_caught(checker, "收支总表", PETITION_LEVELS, ("STMT-002",), (4, 3, "65.00"))
    social = with_cell(with_cell(PETITION_LEVELS, 3, 2, "社会工作事务"), 5, 2, "其他社会工作事务支出")
    quiet_then_caught(checker, "收支总表", social, ("STMT-002",), (5, 3, "45.00"))


_INCOMES = [
    "政府性基金拨款",
    "上级补助收入",
    "事业收入",
    "事业单位经营收入",
    "使用非财政拨款结余",
    "其他收入",
]
BY_UNIT = [
    ["单位编码", "单位名称", "合计", "一般公共预算拨款", "", *_INCOMES],
    ["", "", "", "小计", "其中：专项资金列入部门预算项目", *[""] * 6],
    ["合计", "", "110.00", "100.00", "30.00", *["0.00"] * 5, "10.00"],
    ["114", "西安市人民政府办公厅", "110.00", "100.00", "30.00", *["0.00"] * 5, "10.00"],
    ["114001", "西安市人民政府办公厅本级", "60.00", "50.00", "10.00", *["0.00"] * 5, "10.00"],
    ["114002", "西安市机关事务服务中心", "50.00", "50.00", "20.00", *["0.00"] * 5, "0.00"],
]


def test_a_header_row_under_one_group_only_is_still_header(checker: Checker) -> None:
    """西安: "小计 | 其中：专项资金…" under 一般公共预算拨款 only, the code and name columns blank."""
    [statement] = checker.read(statement_text("部门综合预算收入总表", BY_UNIT)).statements
    ids = [c.id for c in statement.columns]
    assert ids[:3] == ["total", "general_budget.subtotal", "general_budget.of_item"]


@pytest.mark.parametrize("change", [(5, 4, "25.00"), (3, 2, "115.00"), (4, 10, "15.00")])
def test_units_add_up_to_their_department_and_departments_to_the_total(
    checker: Checker, change: tuple[int, int, str]
) -> None:
    """西安: rows by budget unit, coded 114 (the department) and 114001, 114002 (its units)."""
    quiet_then_caught(checker, "部门综合预算收入总表", BY_UNIT, ("STMT-002",), change)


_FUNDS = ["一般公共预算", "政府性基金预算"]
PARTS_BY_FUND = [
    ["预算单位", "总计", "", "因公出国(境)费", "", "公务接待费", "", "公务用车购置及运行维护费", *[""] * 5],
    ["", "", "", "", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行维护费", ""],
    ["", *_FUNDS * 6],
    [
        "深圳市信访局",
        "5.58",
        "1.00",
        "0.00",
        "0.00",
        "2.98",
        "0.00",
        "2.60",
        "1.00",
        "0.00",
        "0.00",
        "2.60",
        "1.00",
    ],
]


@pytest.mark.parametrize("change", [(3, 5, "3.98"), (3, 11, "2.70"), (3, 12, "2.00")])
def test_three_public_parts_split_by_fund_add_up_fund_by_fund(
    checker: Checker, change: tuple[int, int, str]
) -> None:
    """深圳: each part split into 一般公共预算 / 政府性基金预算 columns; each fund adds up on its own."""
    quiet_then_caught(checker, "财政拨款“三公”经费支出表", PARTS_BY_FUND, ("STMT-001",), change)


def test_a_rate_of_change_is_never_summed(checker: Checker) -> None:
    rows = [["项目", "上年", "当年", "增减变化率（%）"], ["会议费", "50.00", "40.00", "-20.00"]]
    [statement] = checker.read(statement_text("一般公共预算“三公”经费支出预算表", rows)).statements
    assert statement.columns[-1].id.startswith("unknown")


BY_YEAR_ROWS = [
    ["预算单位", "年度", "总计", "因公出国(境)费", "公务接待费", "公务用车购置及运行维护费"],
    ["深圳市财政局（本级）", "2025 年", "59.66", "41.60", "9.46", "8.60"],
    ["", "2026 年", "58.46", "41.60", "9.46", "7.40"],
    ["", "增减变化金额", "-1.20", "0.00", "0.00", "-1.20"],
]


def test_rows_a_year_each_give_the_documents_year_and_their_change(checker: Checker) -> None:
    """深圳: each unit's “三公” figures a row a year, then the change; the year column names the row."""
    text = "深圳市财政局2026年部门预算\n" + statement_text("财政拨款“三公”经费支出表", BY_YEAR_ROWS)
    [statement] = checker.read(text).statements
    assert [r.name for r in statement.rows] == [
        "深圳市财政局（本级）2025年",
        "深圳市财政局（本级）2026年",
        "深圳市财政局（本级）增减变化金额",
    ]
    quiet_then_caught(checker, "财政拨款“三公”经费支出表", BY_YEAR_ROWS, ("STMT-001",), (3, 3, "0.10"))


INTERRUPTED_OUTLINE = [
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["一、本年收入", "100.00", "一、本年支出", "110.00"],
    ["1（一）一般公共预算资金", "100.00", "（一）教育支出", "110.00"],  # 重庆's stray "1"
    ["（二）政府性基金预算资金", "0.00", "", ""],
    ["二、上年结转", "10.00", "", ""],
    ["（一）一般公共预算拨款", "6.00", "", ""],
    ["（二）政府性基金预算拨款", "4.00", "", ""],
    ["收入合计", "110.00", "支出合计", "110.00"],
]


def test_a_numbering_style_keeps_its_level_after_an_interrupted_list(checker: Checker) -> None:
    """重庆: "二、上年结转" after a list spoilt by "1（一）…" heads its own （一）（二）, not the lines above."""
    quiet_then_caught(checker, "财政拨款收支总体情况表", INTERRUPTED_OUTLINE, ("STMT-003",), (6, 1, "7.00"))


def test_a_title_wrapped_inside_its_brackets_is_still_a_title(checker: Checker) -> None:
    """西安 2021: "…一般公共预算支出明细表（按支出功能分类科" / "目-不含上年结转）"."""
    text = (
        "2021年部门综合预算一般公共预算支出明细表（按支出功能分类科\n目-不含上年结转）\n单位：元\n"
        + table([["功能科目编码", "功能科目名称", "合计"], ["201", "一般公共服务支出", "10.00"]])
        + "\n"
    )
    assert [s.key for s in checker.read(text).statements] == ["general_budget_expenditure"]


def test_blocks_of_one_amount_each_have_no_columns_to_sum(checker: Checker) -> None:
    """上海's 基本支出决算表: 人员经费 and 公用经费 side by side, one amount each: nothing unread."""
    rows = [
        ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
        ["301", "工资福利支出", "80.00", "302", "商品和服务支出", "20.00"],
        ["30101", "基本工资", "80.00", "30201", "办公费", "20.00"],
    ]
    report = checker.check(statement_text("一般公共预算财政拨款基本支出决算表", rows), select=("STMT-001",))
    [outcome] = [o for o in report.outcomes if o.rule == "STMT-001"]
    assert outcome.status.value != "could_not_check", outcome.reasons


BEIJING_WATER = "wide/calinchow-renwu/002_北京/水务局_2026年部门预算.pdf"


def test_a_statement_printed_in_column_blocks_over_two_pages_is_one() -> None:
    """北京's 收入总表: 合计 … 附属单位上缴收入 on p3, 其他收入 and 上年结转结余 on p4, the title again;
    本年收入 runs over the page edge, so 其他收入 is one of its parts and 小计 adds up."""
    require_corpus()
    disclosure = pipeline.extract_file(CORPUS / BEIJING_WATER)
    [income] = [s for s in disclosure.statements if s.key == "income"]
    assert income.pages == (3, 4)
    [row] = income.rows
    assert str(row.value("income.other").value) == "2934.108891"  # type: ignore[union-attr]
    assert [f.rule for f in pipeline.check(disclosure).findings if f.rule == "STMT-001"] == []


UNIT_ROWS = [
    ["单位名称", "合计", "一般公共预算", "其他收入"],
    ["合计", "100.00", "90.00", "10.00"],
    ["测试市测试局", "60.00", "60.00", "0.00"],
    ["测试市测试局监测中心（测试市测试站）", "40.00", "30.00", "10.00"],
]


def test_a_statement_by_unit_without_codes_adds_up_its_units(checker: Checker) -> None:
    """杭州's “三公” and 收入 tables list units by name only: the 合计 is their sum."""
    quiet_then_caught(checker, "2026年市级部门收入预算总表", UNIT_ROWS, ("STMT-002",), (2, 1, "70.00"))


def test_a_department_row_over_its_units_is_their_sum_not_a_unit(checker: Checker) -> None:
    """湖州: "合计" and the department's row are equal, its 本级 and units indented below it."""
    nested = [UNIT_ROWS[0], UNIT_ROWS[1], ["测试局", "100.00", "90.00", "10.00"], *UNIT_ROWS[2:]]
    quiet_then_caught(checker, "2026年市级部门收入预算总表", nested, ("STMT-002",), (4, 1, "50.00"))


def test_an_empty_statement_the_contents_marks_empty_is_explained(checker: Checker) -> None:
    """西安's contents table: "报表 | 报表名称 | 是否空表 | 公开空表理由", 表11 "是 | 不涉及"."""
    contents = table(
        [
            ["报表", "报表名称", "是否空表", "公开空表理由"],
            ["表1", "收入支出决算总表", "", ""],
            ["表11", "国有资本经营预算财政拨款收入支出决算表", "是", "不涉及"],
        ]
    )
    assert checker.flat(EMPTY_FUND + "\n", "STMT-005") != []
    assert checker.flat("目录\n" + contents + "\n\n" + EMPTY_FUND + "\n", "STMT-005") == []
