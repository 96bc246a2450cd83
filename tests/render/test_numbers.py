"""Numbers and comparative words as published documents print them."""

from __future__ import annotations

from decimal import Decimal

from juesuan.render import numbers


def test_amounts_have_two_decimals_rounded_half_up() -> None:
    assert numbers.money(Decimal("269.605")) == "269.61"
    assert numbers.money(Decimal("0")) == "0.00"
    assert numbers.table_money(Decimal("1234.5")) == "1,234.50"


def test_a_change_reads_as_the_seed_words_it() -> None:
    clause = numbers.change(Decimal("269.61"), Decimal("175.07"), "与上年相比，")
    assert clause == "与上年相比，增加94.54万元，增长54.00%"
    down = numbers.change(Decimal("5.84"), Decimal("7.28"), "比上年", rate_words=("增长", "降低"))
    assert down == "比上年减少1.44万元，降低19.78%"


def test_no_change_is_flat_and_no_base_year_has_no_rate() -> None:
    assert numbers.change(Decimal("0.00"), Decimal("0.00"), "比上年") == "与上年持平"
    assert numbers.change(Decimal("3.00"), Decimal("0.00"), "比上年") == "比上年增加3.00万元（上年无此项）"
    assert numbers.change(Decimal("3.00"), None, "比上年") == ""


def test_budget_rates_and_words_follow_the_sign() -> None:
    assert numbers.variance(Decimal("269.61"), Decimal("169.32")) == "59.23%"
    assert numbers.variance(Decimal("0"), Decimal("0")) == "0.00%"
    assert numbers.variance(Decimal("5"), Decimal("0")) == ""
    assert [numbers.comparison_word(Decimal(a), Decimal(b)) for a, b in ((2, 1), (1, 2), (1, 1))] == [
        "大于",
        "小于",
        "等于",
    ]


def test_a_share_of_a_zero_total_is_printed_as_zero() -> None:
    assert numbers.share(Decimal("194.09"), Decimal("269.56")) == "占72.00%"
    assert numbers.share(Decimal("0"), Decimal("0")) == "占0.00%"
