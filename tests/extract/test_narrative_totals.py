"""A budget narrative's opening totals."""

from __future__ import annotations

from juesuan.extract.narrative_totals import stated_totals
from juesuan.ingest.text import parse


def test_the_opening_totals_are_read_by_their_whole_clause() -> None:
    document = parse(
        "2025年，上海市普陀区财政局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元；事业收入0万元。\n"
        "支出预算3,121.42万元，其中：财政拨款支出预算3,121.42万元。财政拨款支出预算中，"
        "一般公共预算拨款支出预算3,121.42万元，比2024年预算增加107.62万元。\n"
        "江苏省委办公厅2018年度收入、支出预算总计24458.43万元。2024年收入预算3,000.00万元。\n",
        "t.txt",
    )
    found = [(s.key, s.label) for s in stated_totals(document.paragraphs, "上海市普陀区财政局")]
    assert found == [
        ("income", "上海市普陀区财政局收入预算"),
        ("appropriation_income", "财政拨款收入"),
        ("expenditure", "支出预算"),
        ("appropriation_expenditure", "财政拨款支出预算"),
        ("general_budget_expenditure", "一般公共预算拨款支出预算"),
        ("expenditure", "支出预算总计"),  # "收入、支出预算总计": the list's last word labels the figure
        ("income", "2024年收入预算"),  # kept with its year: the check compares the document's year only
    ]
