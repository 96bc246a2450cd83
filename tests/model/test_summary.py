"""Key figures read from small statements: what the document states, null when it does not."""

from __future__ import annotations

from juesuan.model.summary import summary
from tests.builders import table
from tests.conftest import Checker


def three_public(vehicles: str) -> str:
    return "2026年度测试局部门预算\n“三公”经费支出预算表\n金额单位：万元\n" + table(
        [
            ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
            ["", "", "小计", "公务用车购置费", "公务用车运行费", ""],
            ["40.77", "17.10", vehicles, "18.69", "4.83", "0.15"],
        ]
    )


def test_three_public_parts_are_read_by_their_headers(checker: Checker) -> None:
    figures = summary(checker.read(three_public("23.52")))
    assert [figures[k] for k in ("three_public_total", "overseas_travel", "vehicles_total")] == [
        "40.77",
        "17.1",
        "23.52",
    ]
    assert (figures["vehicle_purchase"], figures["vehicle_operation"]) == ("18.69", "4.83")


def test_a_zero_vehicle_total_beside_nonzero_parts_is_not_a_key_figure(checker: Checker) -> None:
    figures = summary(checker.read(three_public("0.00")))
    assert figures["vehicles_total"] is None
    assert (figures["vehicle_purchase"], figures["official_reception"]) == ("18.69", "0.15")


def test_a_lone_total_over_each_side_is_the_grand_and_expenditure_total_not_the_income(
    checker: Checker,
) -> None:
    """重庆: 合计 above the numbered items; the items include the carry-over, so the year's
    income is not stated."""
    text = "2026年度测试局部门预算\n收支总体情况表\n单位：万元\n" + table(
        [
            ["收入", "", "支出", ""],
            ["项目", "预算数", "项目", "预算数"],
            ["合计", "100.00", "合计", "100.00"],
            ["一、一般公共预算资金", "90.00", "一、一般公共服务支出", "80.00"],
            ["二、事业收入资金", "10.00", "二、教育支出", "20.00"],
        ]
    )
    figures = summary(checker.read(text))
    assert (figures["grand_total"], figures["expenditure_total"], figures["income_total"]) == (
        "100",
        "100",
        None,
    )


def test_a_current_year_subtotal_is_the_year_total(checker: Checker) -> None:
    """江苏: 当年收入小计, then 上年结转资金 and 收入合计."""
    text = "2017年度测试局部门预算\n收支预算总表\n单位：万元\n" + table(
        [
            ["收入", "", "支出", ""],
            ["项目名称", "金额", "项目名称", "金额"],
            ["一、财政拨款", "100.00", "一、一般公共服务支出", "105.00"],
            ["当年收入小计", "100.00", "当年支出小计", "105.00"],
            ["上年结转资金", "5.00", "结转下年资金", "0.00"],
            ["收入合计", "105.00", "支出合计", "105.00"],
        ]
    )
    figures = summary(checker.read(text))
    assert (figures["income_total"], figures["grand_total"], figures["expenditure_total"]) == (
        "100",
        "105",
        "105",
    )


def test_three_public_rows_a_year_each_give_the_documents_year(checker: Checker) -> None:
    """深圳: a unit's “三公” figures printed a row a year (2025, 2026, then the change)."""
    text = "2026年深圳市财政局部门预算\n财政拨款“三公”经费支出表\n单位：万元\n" + table(
        [
            ["预算单位", "年度", "总计", "因公出国(境)费", "公务接待费", "公务用车购置及运行维护费"],
            ["深圳市财政局（本级）", "2025 年", "59.66", "41.60", "9.46", "8.60"],
            ["", "2026 年", "58.46", "41.60", "9.46", "7.40"],
            ["", "增减变化金额", "-1.20", "0.00", "0.00", "-1.20"],
        ]
    )
    figures = summary(checker.read(text))
    assert [figures[k] for k in ("three_public_total", "overseas_travel", "vehicles_total")] == [
        "58.46",
        "41.6",
        "7.4",
    ]


def test_three_public_parts_under_run_in_headings_are_key_figures(checker: Checker) -> None:
    """北京: "（一）因公出国（境）费用。2026 年预算数 14.85 万元，…": the figure's own label names no part."""
    text = (
        "2026年北京市测试办公室部门预算\n四、财政拨款“三公”经费预算情况说明\n"
        "2026年财政拨款“三公”经费预算17.70万元，比2025年减少1.65万元。其中：\n"
        "（一）因公出国（境）费用。2026年预算数14.85万元，主要用于学习交流。\n"
        "（二）公务接待费。2026年预算数2.85万元，主要用于接待支出。\n"
        "（三）公务用车购置和运行维护费。2026年预算数0万元。\n"
    )
    figures = summary(checker.read(text))
    assert [figures[k] for k in ("overseas_travel", "official_reception", "vehicles_total")] == [
        "14.85",
        "2.85",
        "0",
    ]


def test_personnel_and_operating_costs_stated_in_a_sentence_are_key_figures(checker: Checker) -> None:
    """深圳: no 基本支出 section; "包括在职人员经费…、公用经费 357.43 万元" and "（二）公用经费 357.43 万元"."""
    text = (
        "2026年深圳市测试局部门预算\n第三部分 部门预算支出具体情况\n"
        "深圳市测试局预算 4,684.30 万元，包括在职人员经费2,422.61 万元、公用经费 357.43 万元。\n"
        "（二）公用经费 357.43 万元，主要包括水电费。\n"
    )
    figures = summary(checker.read(text))
    assert (figures["operating_costs"], figures["personnel_costs"]) == ("357.43", None)  # 在职 is a part
    # each unit in turn: the first unit's figure is not the department's
    two_units = text + "二、深圳市测试中心\n（二）公用经费 100.00 万元，主要包括水电费。\n"
    assert summary(checker.read(two_units))["operating_costs"] is None
