"""Figures quoted in running text, with their share, change, budget comparison and reason."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from juesuan.document import Paragraph, TextLine
from juesuan.extract.mentions import clean_label, scan
from juesuan.source import Source


def paragraph(text: str) -> Paragraph:
    return Paragraph((TextLine(text, Source(file="t.txt", line=1, offset=0)),))


def test_a_total_with_its_change_and_reason() -> None:
    [mention] = scan(
        paragraph("2021年度本年收入269.61万元，与上年相比，增加94.54万元，增长54.00%，主要原因是：项目增加。")
    )
    assert (mention.label, mention.figure.value, mention.figure.unit) == (
        "本年收入",
        Decimal("269.61"),
        "万元",
    )
    assert (
        mention.change is not None and mention.change.amount is not None and mention.change.rate is not None
    )
    assert (mention.change.word, mention.change.amount.value) == ("增加", Decimal("94.54"))
    assert (mention.change.rate_word, mention.change.rate.value) == ("增长", Decimal("54.00"))
    assert mention.reason == "项目增加"


def test_parts_after_qizhong_carry_their_shares() -> None:
    mentions = scan(
        paragraph("本年收入100.00万元，其中：财政拨款收入80.00万元，占80.00%；其他收入20.00万元，占20.00%。")
    )
    assert [(m.label, m.after_marker, m.share and m.share.value) for m in mentions] == [
        ("本年收入", False, None),
        ("财政拨款收入", True, Decimal("80.00")),
        ("其他收入", True, Decimal("20.00")),
    ]


def test_a_budget_comparison_keeps_both_figures_and_the_rate() -> None:
    [mention] = scan(paragraph("财政拨款支出年初预算数169.32万元，决算数269.56万元，预决算差异率59.20%。"))
    assert mention.budget is not None and mention.budget.variance_rate is not None
    assert (mention.label, mention.budget.budget.value, mention.figure.value) == (
        "财政拨款支出",
        Decimal("169.32"),
        Decimal("269.56"),
    )
    assert mention.budget.variance_rate.value == Decimal("59.20")


def test_codes_are_split_from_names_and_counts_keep_their_units() -> None:
    [item] = scan(paragraph("2010301行政运行171.81万元；"))
    assert (item.code, item.label) == ("2010301", "行政运行")
    counts = scan(paragraph("单位全年安排的国内公务接待3批次，25人次；公务用车保有量2辆。"))
    assert [(m.figure.value, m.figure.unit) for m in counts] == [(3, "批次"), (25, "人次"), (2, "辆")]


def test_a_rate_per_person_is_not_an_amount() -> None:
    assert [m.figure.unit for m in scan(paragraph("每月补助标准为1200元/人。"))] == []


def test_provenance_points_at_the_characters() -> None:
    text = "其中：人员经费188.25万元，包括：基本工资32.26万元。"
    mentions = scan(paragraph(text))
    for mention in mentions:
        source = mention.figure.source
        assert source.offset is not None
        assert text[source.offset : source.offset + len(source.text)] == source.text


def test_labels_lose_years_and_fillers() -> None:
    assert clean_label("2021年度本年收入") == "本年收入"
    assert clean_label("其中：财政拨款收入") in ("：财政拨款收入", "财政拨款收入")


@given(
    st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False),
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
)
def test_any_amount_and_share_are_read_back(amount: Decimal, share: Decimal) -> None:
    [mention] = scan(paragraph(f"项目支出{amount:.2f}万元，占{share:.2f}%；"))
    assert mention.figure.value == amount
    assert mention.share is not None and mention.share.value == share


@given(gap=st.sampled_from(["", " ", "  "]))
def test_a_change_keeps_its_amount_and_rate_across_spaces(gap: str) -> None:
    """PDF text puts spaces around figures: "增加 355.83 万元，增长 47.33 %"."""
    [mention] = scan(
        paragraph(
            f"提租补贴（项）1,107.60{gap}万元，与上年相比增加{gap}355.83{gap}万元，增长{gap}47.33{gap}%。"
        )
    )
    change = mention.change
    assert change is not None and change.amount is not None and change.rate is not None
    assert (change.amount.value, change.rate.value) == (Decimal("355.83"), Decimal("47.33"))


def test_the_tail_of_a_letter_spaced_figure_is_no_figure() -> None:
    """广州: "4 1 0 . 7 1 万元" printed letter-spaced; its last digit is not an amount of 1 万元."""
    assert [m.figure.value for m in scan(paragraph("项目支出 4 1 0 . 7 1 万元，占 40.6%。"))] == []


def test_a_change_opening_the_sentence_after_a_list_of_parts_is_the_heads() -> None:
    """福州: the change after "其中：基本支出…、项目支出…。" is the 支出预算's, not the 项目支出's."""
    mentions = scan(
        paragraph(
            "相应安排支出预算10344.71万元，其中：基本支出8974.01万元、项目支出1370.70万元。"
            "比上年减少32.61万元，下降0.31%。"
        )
    )
    owners = [m.label for m in mentions if m.change is not None]
    assert owners == ["相应安排支出预算"]


def test_a_change_right_after_a_list_of_parts_is_given_to_none() -> None:
    mentions = scan(
        paragraph("支出预算100.00万元，其中：基本支出60.00万元、项目支出40.00万元，比上年减少2.00万元。")
    )
    assert [m.label for m in mentions if m.change is not None] == []


def test_a_part_with_its_own_change_keeps_it() -> None:
    mentions = scan(
        paragraph(
            "支出预算100.00万元，其中：基本支出60.00万元，比上年增加1.00万元；项目支出40.00万元，比上年减少3.00万元。"
        )
    )
    assert [m.label for m in mentions if m.change is not None] == ["基本支出", "项目支出"]
