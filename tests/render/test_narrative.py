"""The narrative builder: sentences computed from the numbers, reasons from the input."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from juesuan.model.input import Entry, FunctionItem, FundInput
from juesuan.render.document import Heading, Paragraph, Table
from juesuan.render.narrative import describe
from juesuan.render.synthetic import example


def paragraphs(data: object) -> list[str]:
    return [b.text for b in describe(data).blocks if isinstance(b, Paragraph)]  # type: ignore[arg-type]


def test_the_document_follows_the_standard_outline() -> None:
    headings = [h.text for h in describe(example(1)).headings if h.level <= 2]
    assert headings[:3] == ["第一部分 部门单位概况", "一、主要职能", "二、机构设置及人员情况"]
    part_two = headings[headings.index("第二部分 部门决算情况说明") + 1 :][:11]
    assert [h.split("、")[0] for h in part_two] == [*"一二三四五六七八九十", "十一"]
    assert "第三部分 专业名词解释" in headings and "第四部分 部门决算报表" in headings
    assert headings[-1] == "九、《国有资本经营预算财政拨款收入支出决算表》"


def test_a_missing_reason_is_a_note_and_no_empty_reason_is_printed() -> None:
    data = example(1)
    data = dataclasses.replace(data, income=dataclasses.replace(data.income, reason=""))
    description = describe(data)
    assert [note.place for note in description.notes] == ["本年收入 增减原因"]
    overview = next(p for p in paragraphs(data) if p.startswith(f"{data.year}年度本年收入") and "与上年" in p)
    assert "主要原因是" not in overview.split("。")[0]


def test_empty_fund_statements_are_explained_in_the_words_of_the_templates() -> None:
    texts = paragraphs(example(2))
    assert (
        "我单位本年度无政府性基金预算财政拨款收入支出，政府性基金预算财政拨款收入支出决算表为空表。" in texts
    )
    assert texts.count("注：本单位无此项收入支出，故本表为空表。") >= 2


def test_a_fund_with_money_is_described_instead_of_declared_empty() -> None:
    fund = FundInput(income=Entry("收入", Decimal("10.00")), expenditure=Entry("支出", Decimal("8.00")))
    texts = paragraphs(dataclasses.replace(example(2), government_fund=fund))
    assert any("政府性基金预算财政拨款收入10.00万元；政府性基金预算财政拨款支出8.00万元" in t for t in texts)


def test_an_item_with_a_budget_gets_its_completion_rate_and_comparison_word() -> None:
    item = FunctionItem(
        "2010101", "行政运行", basic=Decimal("171.81"), budget=Decimal("160.00"), budget_reason="人员增加"
    )
    texts = paragraphs(dataclasses.replace(example(2), general_budget_items=(item,)))
    assert (
        "2010101行政运行年初预算为160.00万元，支出决算为171.81万元，完成年初预算的107.38%，"
        "决算数大于年初预算数，主要原因是：人员增加。"
    ) in texts


def test_self_evaluation_totals_and_execution_scores_are_computed() -> None:
    table = next(b for b in describe(example(3)).blocks if isinstance(b, Table) and b.kind == "evaluation")
    total_row = next(row for row in table.rows if row[0].text == "总分")
    funds_row = next(row for row in table.rows if len(row) > 1 and row[1].text == "年度资金总额")
    rate, score = funds_row[-2].text, funds_row[-1].text
    assert rate.endswith("%") and Decimal(score) == min(Decimal(rate[:-1]), Decimal(100)) / 10
    assert total_row[-2].text == str(Decimal(score) + 90).removesuffix(".00")


def test_every_heading_has_a_distinct_anchor_for_the_contents() -> None:
    anchors = [b.anchor for b in describe(example(4)).blocks if isinstance(b, Heading)]
    assert len(anchors) == len(set(anchors))


def test_a_budget_uses_the_budget_outline_and_compares_with_last_years_budget(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from juesuan import pipeline

    data = dataclasses.replace(example(4), kind="budget")
    description = describe(data)
    headings = [h.text for h in description.headings]
    assert "一、收支预算总体情况说明" in headings and "第四部分 部门预算报表" in headings
    assert not any("决算" in h for h in headings)
    assert any("比上年预算" in p for p in paragraphs(data))
    result = pipeline.render(data, (tmp_path / "budget.html",))
    assert result.report.findings == ()
    assert pipeline.extract_file(tmp_path / "budget.html").kind == "budget"


def test_a_budget_unchanged_from_last_year_says_so_as_budgets_do() -> None:
    data = dataclasses.replace(example(4), kind="budget")
    overseas = data.three_public.overseas
    assert overseas.amount == overseas.previous == 0  # the example's department has no trips abroad
    text = "".join(paragraphs(data))
    assert "因公出国（境）费预算0.00万元，占0.00%，与上年预算持平" in text
    assert "比上年预算持平" not in text
