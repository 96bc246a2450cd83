"""Wording an inspector sends back (TEXT-003/004/005, YEAR-001): what is caught and what is not."""

from __future__ import annotations

import pytest

from tests.conftest import Checker

HEAD = "测试局2026年部门预算\n一、收支预算总体情况\n"


@pytest.mark.parametrize(
    ("sentence", "caught"),
    [
        ("机关运行经费安排210.32万元，比上年1.43万元，增加0.68%。", True),
        ("机关运行经费安排210.32万元，比上年增加1.43万元，增长0.68%。", False),
        ("一般公共预算支出1193.20万元，增长 13.95。主要原因是项目增加。", True),
        ("一般公共预算支出1193.20万元，增长 13.95%。主要原因是项目增加。", False),
        ("国内公务接待支出0.39万（含外宾接待支出0.00万元）。", True),
        ("较上一度增加1133.95万元。", True),
        ("过节按时发f补贴，做好服务。", True),
        ("升级完善“苏检e访通”，提升网上接待水平。", False),  # a name in quotes may mix in a letter
        ("主要原因是一是人员增加，二是政策调整。", True),
        ("主要原因是：一是人员增加，二是政策调整。", False),
        ("本部门主管的的专项资金。", True),
        ("“商业服务业等支出（类）商业流通事务（款)行政运行（项）”63.00万元。", True),
        ("发生违法决策、违法行政行为为0。", False),  # two words meeting, not a doubled word
        ("2026 年政府性基金支出预算支出 0 万元。", True),
        ("比上年预算减少 71.5 万元，变动原因根据市财政局的要求。", True),
        ("主要原因是由于机关单位在职人员的工资调标。", True),
        ("3.收支预算减少的主要原因，落实过紧日子要求。", True),
        ("3.收支预算减少的主要原因，一是落实过紧日子要求。", False),
        ("无单价 100 万以上的设备购置计划。", True),
        ("2026年10月30日前完成.", True),
        ("预留机动经费, 0.64%", False),  # a chart's label
        ("工资 3406 元/人.月，绩效考核另计。", False),  # a unit's separator, not a sentence's end
    ],
)
def test_incomplete_wording(checker: Checker, sentence: str, caught: bool) -> None:
    assert bool(checker.flat(HEAD + sentence + "\n", "TEXT-005")) is caught


def test_a_wording_slip_repeated_on_a_page_is_one_finding(checker: Checker) -> None:
    text = HEAD + "项目总预算1720.00万，其中技术中心1720.00万。另有支持资金870.00万，合计870.00万。\n"
    assert len(checker.flat(text, "TEXT-005")) == 1


def test_drafting_notes_of_a_document_are_one_finding_quoting_each(checker: Checker) -> None:
    text = (
        HEAD + "收入预算100.00万元（填列数应与《收支预算总表》收入数一致）。\n"
        "二、支出预算情况\n支出预算100.00万元（应与《收支预算总表》数对应一致）。\n"
    )
    found = checker.check(text, select=("TEXT-003",)).findings
    notes = [f for f in found if f.rule == "TEXT-003"]
    assert len(notes) == 1
    assert "填列数应与" in notes[0].message and "数对应一致" in notes[0].message


@pytest.mark.parametrize(
    ("sentence", "caught"),
    [
        ("截至2026年12月31日，本部门共有车辆2辆。", True),
        ("截至2026年1月31日，本部门共有车辆2辆。", False),  # 北京 publishes in February with January's count
        ("截至2025年12月31日，本部门共有车辆2辆。", False),
        ("截至2026年12月31日，完成车辆更新2辆。", False),  # a target date, not the date of a count
    ],
)
def test_a_budgets_count_dated_after_its_preparation(checker: Checker, sentence: str, caught: bool) -> None:
    assert bool(checker.flat(HEAD + sentence + "\n", "YEAR-001")) is caught


def test_the_prose_of_a_table_cell_is_read_too(checker: Checker) -> None:
    """湖州's 项目支出绩效表: "过节按时发f补贴" in an indicator's cell."""
    from tests.builders import table

    cells = table(
        [
            ["项目名称", "年度目标"],
            ["军休服务", "服务军休干部，发放军休干部工资，过节按时发f补贴，做好医疗保健工作"],
        ]
    )
    assert checker.flat(HEAD + "项目支出绩效目标表\n" + cells + "\n", "TEXT-005") != []


def test_divisions_counted_in_chinese_numerals(checker: Checker) -> None:
    text = "二、机构设置\n本单位下设三个科室，分别是：办公室、业务科、财务科、信息科。\n"
    assert checker.flat(text, "COUNT-001") != []
    assert checker.flat(text.replace("三个", "四个"), "COUNT-001") == []


def test_the_departments_name_written_one_character_off(checker: Checker) -> None:
    text = "上海市普陀区规划和自然资源局2024年部门决算\n一、部门职责\n上海市普陀区规划与自然资源局负责全区规划工作。\n"
    assert checker.flat(text, "TEXT-006") != []
    assert checker.flat(text.replace("规划与", "规划和"), "TEXT-006") == []


@pytest.mark.parametrize(
    ("sentence", "caught"),
    [
        ("为保证项目投资可控，拟从2020年起，由我局申请评审经费。", True),
        ("拟从2025年起，由我局申请评审经费。", False),
        ("计划于2024年至2026年，使用2738万元购置设备。", False),  # a plan that runs into the budget year
        ("按照2024年9月26日局领导专题会议要求，加强项目前期研究。", False),  # a meeting, not a headcount
    ],
)
def test_a_budget_planning_from_a_stale_year(checker: Checker, sentence: str, caught: bool) -> None:
    assert bool(checker.flat(HEAD + sentence + "\n", "YEAR-002")) is caught


@pytest.mark.parametrize(
    ("sentence", "caught"),
    [
        ("主要原因是提租补政策性调整。", True),
        ("主要原因是提租补贴政策性调整。", False),
        ("2026年度无公务车购置需求。", False),  # 公务车 as the car, not the item's name
        ("公务车购置及运行费0万元。", True),
        ("其它工资福利支出10.00万元。", True),
        ("其它费用由单位自筹。", False),  # not a classification name
        ("政府性基金预算拨款支出0万元，比上年持平。", True),
        ("政府性基金预算拨款支出0万元，与上年持平。", False),
    ],
)
def test_misspelt_standard_terms(checker: Checker, sentence: str, caught: bool) -> None:
    assert bool(checker.flat(HEAD + sentence + "\n", "TEXT-007")) is caught


def test_a_section_named_like_its_class(checker: Checker) -> None:
    """其他支出（类）其他支出（款） is the catalogue's own; 住房保障支出（款） is not."""
    text = (
        HEAD
        + "其他支出（类）其他支出（款）其他支出（项）5.00万元；住房保障支出（类）住房保障支出（款）购房补贴（项）3.00万元。\n"
    )
    found = checker.check(text, select=("CODE-008",)).findings
    assert [("购房补贴" in f.message, "住房改革支出" in f.message) for f in found] == [(True, True)]


@pytest.mark.parametrize(
    ("line", "caught"),
    [
        ("上海市规划和自然资源局 2024 年度部门决算表", True),  # the city's department owns the title
        ("在上海市规划和自然资源局的指导下开展工作。", False),  # the superior department named in the text
        ("上海市普陀区规划和自然资源局 2024 年度部门决算表", False),
    ],
)
def test_a_title_naming_the_department_without_its_district(
    checker: Checker, line: str, caught: bool
) -> None:
    text = f"上海市普陀区规划和自然资源局2024年度部门决算\n{line}\n"
    assert bool(checker.flat(text, "TEXT-006")) is caught


def test_vehicles_held_are_not_the_vehicles_planned(checker: Checker) -> None:
    """A later paragraph's "计划购置车辆0辆" is the year's plan, not the fleet the 三公 section counts."""
    text = (
        "测试局2026年部门预算\n一、“三公”经费\n公务用车运行维护费3.60万元。本部门公务用车保有量为2辆。\n"
        "二、国有资产占用情况\n截至2025年10月，测试局共有车辆2辆，其中：机要通信用车1辆、应急保障用车1辆。\n"
        "2026年计划购置车辆0辆、0万元，无车辆购置计划。\n"
    )
    assert checker.flat(text, "COUNT-003") == []


def test_changes_of_nothing_written_as_increases_are_one_finding_a_page(checker: Checker) -> None:
    """The seed's 三公 paragraph says "比上年增加0.00万元，增长0.00%" of four figures: one habit."""
    text = HEAD + (
        "因公出国（境）费支出0.00万元，比上年增加0.00万元，增长0.00%。"
        "公务接待费支出0.00万元，比上年增加0.00万元，增长0.00%。\n"
    )
    found = checker.check(text, select=("WORD-001",)).findings
    assert [(f.severity.value, "共2处" in f.message, "公务接待费" in f.message) for f in found] == [
        ("warning", True, True)
    ]
