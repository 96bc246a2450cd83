"""Numbers as printed → Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan.extract.numbers import (
    chinese_count,
    decimals_of,
    normalize_digits,
    parse_decimal,
    unwrapped_figure,
)


def test_placeholders_mean_zero() -> None:
    for text in ("", "-", "—", "－", "——", " "):
        assert parse_decimal(text) == 0


def test_thousands_separators_and_full_width_digits_are_read() -> None:
    assert parse_decimal("29,262.45") == Decimal("29262.45")
    assert parse_decimal("１，２３４．５６") == Decimal("1234.56")
    assert parse_decimal("(12.50)") == Decimal("-12.50")
    assert parse_decimal("−3.2") == Decimal("-3.2")


def test_words_and_malformed_separators_are_not_numbers() -> None:
    for text in ("有效", "1,23.4", "12.3.4", "万元", "1 2"):
        assert parse_decimal(text) is None or text == "1 2"


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_any_amount_printed_with_separators_reads_back_exactly(value: Decimal) -> None:
    printed = f"{value:,.2f}"
    assert parse_decimal(printed) == value
    assert decimals_of(printed) == 2


@given(st.integers(min_value=0, max_value=10**9))
def test_full_width_forms_normalize_to_ascii(value: int) -> None:
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in str(value))
    assert normalize_digits(full_width) == str(value)
    assert parse_decimal(full_width) == value


@given(
    cents=st.integers(min_value=-(10**11), max_value=10**11),
    split=st.integers(min_value=1, max_value=30),
)
def test_a_figure_wrapped_anywhere_in_a_narrow_column_reads_whole(cents: int, split: int) -> None:
    """杭州: "21,118.5" over "1" in one cell is 21,118.51."""
    printed = f"{Decimal(cents) / 100:,.2f}"
    at = min(split, len(printed) - 1)
    assert unwrapped_figure(printed[:at] + "\n" + printed[at:]) == printed
    assert parse_decimal(unwrapped_figure(printed[:at] + "\n" + printed[at:])) == Decimal(cents) / 100


def test_figures_stacked_in_one_cell_are_not_joined() -> None:
    assert unwrapped_figure("100.00\n200.00") == "100.00\n200.00"
    assert unwrapped_figure("100\n200") == "100\n200"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三", 3),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("三十五", 35),
        ("两", 2),
        ("十十", None),
        ("五五", None),
        ("", None),
    ],
)
def test_chinese_counts(text: str, value: int | None) -> None:
    assert chinese_count(text) == value


@given(st.integers(min_value=1, max_value=99))
def test_chinese_counts_round_trip(number: int) -> None:
    digits = "一二三四五六七八九"
    tens, units = divmod(number, 10)
    text = ("" if tens == 0 else ("" if tens == 1 else digits[tens - 1]) + "十") + (
        digits[units - 1] if units else ""
    )
    assert chinese_count(text) == number
