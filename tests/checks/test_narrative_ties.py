"""Ties across statements and between the narrative and the statements, in real regional wordings."""

from __future__ import annotations

from tests.builders import table
from tests.checks.test_statement_rules import (
    HEADER,
    ROWS,
    SUMMARY_SIDES,
    expenditure,
    statement_text,
    summary,
)
from tests.conftest import Checker


def _summary_and_expenditure_by_source(total: str) -> str:
    """西安: the 支出总表 lists sources, 上年结转 among them, so its 合计 is the 支出总计."""
    rows = [
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一、财政拨款收入", "100.00", "一、一般公共服务支出", "100.00"],
        ["本年收入合计", "100.00", "本年支出合计", "100.00"],
        ["上年结转", "5.00", "结转下年", "5.00"],
        ["收入总计", "105.00", "支出总计", "105.00"],
    ]
    by_source = [
        ["单位编码", "单位名称", "合计", "一般公共预算拨款", "上年结转"],
        ["合计", "", total, "100.00", "5.00"],
    ]
    return (
        statement_text("部门综合预算收支总表", rows)
        + "\n"
        + statement_text("部门综合预算支出总表", by_source)
    )


def test_an_expenditure_statement_with_a_carry_over_column_ties_to_either_total(checker: Checker) -> None:
    """With a 上年结转 column the 合计 may count the carry-over (支出总计) or not (本年支出合计, as in
    西安 工信局's, whose 支出总计 adds 结转下年 and 未安排支出的实户资金); it must be one of them."""
    assert checker.flat(_summary_and_expenditure_by_source("105.00"), "XTAB-001") == []
    assert checker.flat(_summary_and_expenditure_by_source("100.00"), "XTAB-001") == []
    assert checker.flat(_summary_and_expenditure_by_source("90.00"), "XTAB-001") != []


def test_project_and_carry_over_lists_are_not_the_expenditure_statement(checker: Checker) -> None:
    titles = [
        "部门综合预算专项业务经费支出表",
        "部门综合预算财政拨款上年结转资金支出表",
        "部门综合预算支出总表",
    ]
    text = "\n".join(statement_text(t, [["项目", "金额"], ["合计", "1.00"]]) for t in titles)
    assert [s.key for s in checker.read(text).statements] == [
        "project_expenditure",
        "carryover_expenditure",
        "expenditure",
    ]


def _summary_and_income_in_yuan(income_total: str) -> str:
    rows = [
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一、财政拨款收入", "480544221.62", "一、一般公共服务支出", "480544221.62"],
        ["本年收入合计", "480544221.62", "本年支出合计", "480544221.62"],
    ]
    income = [["项目", "合计", "财政拨款收入"], ["合计", income_total, "480544221.62"]]
    return (
        "部门综合预算收支总表\n单位：元\n"
        + table(rows)
        + "\n\n部门综合预算收入总表\n单位：元\n"
        + table(income)
        + "\n"
    )


def test_a_figure_printed_to_fewer_digits_ties_to_the_same_figure(checker: Checker) -> None:
    """西安: 480544221.62 元 in one statement, 480544221.6 in another (a narrow cell)."""
    assert checker.flat(_summary_and_income_in_yuan("480544221.6"), "XTAB-001") == []
    assert checker.flat(_summary_and_income_in_yuan("480544221.52"), "XTAB-001") != []


def test_a_narrative_amount_truncated_from_yuan_is_a_warning(checker: Checker) -> None:
    """上海: 877,080 元 in the statement is "87.70万元" in the narrative, cut instead of rounded
    to 87.71: a slip an inspector marks, not a contradiction."""
    statement = "一般公共预算支出功能分类预算表\n单位：元\n" + table(
        [
            HEADER,
            ["208", "社会保障和就业支出", "877080.00", "877080.00", "0.00"],
            ["20805", "行政事业单位养老支出", "877080.00", "877080.00", "0.00"],
            ["2080501", "行政单位离退休", "877080.00", "877080.00", "0.00"],
        ]
    )

    def text(amount: str) -> str:
        return (
            f"1.“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”{amount}万元。\n\n"
            + statement
        )

    assert checker.flat(text("87.70"), "NARR-002") == [("NARR-002", "warning", 1)]
    assert checker.flat(text("87.71"), "NARR-002") == []
    assert checker.flat(text("87.60"), "NARR-002") == [("NARR-002", "error", 1)]


def test_a_rate_of_change_anywhere_in_the_text_is_checked(checker: Checker) -> None:
    """江苏: "…（项）1,107.60 万元，与上年相比增加 355.83 万元，增长 47.33%" outside any known section."""
    text = "2018年度部门预算\n（二）提租补贴（项）1,107.60 万元，与上年相比增加 {} 万元，增长 47.33%。\n"
    assert checker.flat(text.format("355.83"), "RATE-002") == []
    assert checker.flat(text.format("455.83"), "RATE-002") == [("RATE-002", "error", 2)]
    # a part after 其中 may carry its head's change: "较上年增加…" is not judged against it
    parts = "2026年预算收入4,203.47万元，其中：一般公共预算拨款4,005.29万元、其他收入100.00万元，较上年增加142.30万元，增长3.50%。\n"
    assert checker.flat("2026年部门预算\n" + parts, "RATE-002") == []


def test_a_rate_off_by_a_digit_of_its_last_place_and_under_a_twentieth_of_a_point_is_a_warning(
    checker: Checker,
) -> None:
    """江苏's 7.57% for 7.56% is a slip; 湖州's 5.0% for 5.11% (known-errors.csv: an error) is not."""
    near = "2019年度部门预算\n（一）住房公积金（项）支出400.02万元，与上年相比增加28.1万元，增长{}%。\n"
    assert checker.flat(near.format("7.56"), "RATE-002") == []
    assert checker.flat(near.format("7.57"), "RATE-002") == [("RATE-002", "warning", 2)]
    text = "2026年部门预算\n（一）收入预算6256.31万元，比上年执行数减少336.67万元，下降{}%。\n"
    assert checker.flat(text.format("5.1"), "RATE-002") == []
    assert checker.flat(text.format("5.0"), "RATE-002") == [("RATE-002", "error", 2)]
    assert checker.flat(text.format("4.5"), "RATE-002") == [("RATE-002", "error", 2)]


def _class_in_overview(amount: str) -> str:
    """江苏: the overview gives each class with all its funds; the 一般公共预算 table has less."""
    general = expenditure([["204", "公共安全支出", "90.00", "60.00", "30.00"]], "一般公共预算支出预算表")
    everything = expenditure([["204", "公共安全支出", "95.00", "60.00", "35.00"]], "支出预算总表")
    return f"1．公共安全（类）支出 {amount} 万元，主要用于办案业务。\n\n" + general + "\n" + everything


def test_a_class_amount_with_all_its_funds_agrees(checker: Checker) -> None:
    assert checker.flat(_class_in_overview("95.00"), "NARR-002") == []
    assert checker.flat(_class_in_overview("90.00"), "NARR-002") == []
    assert checker.flat(_class_in_overview("93.00"), "NARR-002") != []


def _basic_in_overview(amount: str, general_budget: bool) -> str:
    """江苏: "基本支出 … 万元" in a budget's overview is of all funds, or of the 一般公共预算 alone."""
    everything = expenditure(
        [["合计", "", "95.00", "60.00", "35.00"], ["204", "公共安全支出", "95.00", "60.00", "35.00"]],
        "支出预算总表",
    )
    general = expenditure(
        [["合计", "", "90.00", "55.00", "35.00"], ["204", "公共安全支出", "90.00", "55.00", "35.00"]],
        "一般公共预算支出预算表",
    )
    return (
        f"测试局2026年部门预算\n本年支出预算合计95.00万元，其中：基本支出{amount}万元，占63.16%。\n\n"
        + everything
        + ("\n" + general if general_budget else "")
    )


def test_basic_spending_in_a_budget_overview_is_either_funds_figure(checker: Checker) -> None:
    assert checker.flat(_basic_in_overview("60.00", True), "NARR-004") == []
    assert checker.flat(_basic_in_overview("55.00", True), "NARR-004") == []
    assert checker.flat(_basic_in_overview("58.00", True), "NARR-004") != []
    # without the 一般公共预算 statement it may be that fund's figure: not compared
    assert checker.flat(_basic_in_overview("58.00", False), "NARR-004") == []


def test_one_cent_gaps_between_the_same_two_statements_are_one_finding(checker: Checker) -> None:
    """上海: 卫生健康支出 236.63/236.64 and 城乡社区支出 3845.25/3845.24, two tables rounded apart."""
    rows = [list(r) for r in SUMMARY_SIDES]
    rows[2][3], rows[3][3], rows[2][1], rows[4][1], rows[4][3] = (
        "80.01",
        "19.99",
        "100.00",
        "100.00",
        "100.00",
    )
    found = checker.flat(summary(rows) + "\n" + expenditure(ROWS), "XTAB-001")
    assert [severity for _, severity, _ in found] == ["warning"]


def test_items_a_cent_off_on_one_page_are_one_finding(checker: Checker) -> None:
    """上海 cuts every 元 amount of a page to 万元: one habit, one finding naming each item."""
    statement = "一般公共预算支出功能分类预算表\n单位：元\n" + table(
        [
            HEADER,
            ["221", "住房保障支出", "4736957.00", "4736957.00", "0.00"],
            ["22102", "住房改革支出", "4736957.00", "4736957.00", "0.00"],
            ["2210201", "住房公积金", "2049197.00", "2049197.00", "0.00"],
            ["2210203", "购房补贴", "2687760.00", "2687760.00", "0.00"],
        ]
    )
    text = (
        "1.“住房保障支出（类）住房改革支出（款）住房公积金（项）”204.91万元；"
        "“住房保障支出（类）住房改革支出（款）购房补贴（项）”268.77万元。\n\n" + statement
    )
    found = checker.check(text, select=("NARR-002",)).findings
    assert [(f.severity.value, "204.91" in f.message and "268.77" in f.message) for f in found] == [
        ("warning", True)
    ]
