"""Classification as printed: names retired in 2019 (CODE-007), split codes misprinted (CODE-003)."""

from __future__ import annotations

import pytest

from tests.conftest import Checker


@pytest.mark.parametrize(("year", "caught"), [(2024, True), (2018, False)])
def test_a_retired_name_is_judged_by_the_documents_year(checker: Checker, year: int, caught: bool) -> None:
    text = f"测试局{year}年度部门预算\n一、支出预算情况说明\n文化体育与传媒支出（类）10.00万元。\n"
    assert bool(checker.flat(text, "CODE-007")) is caught


def test_a_retired_name_in_running_text_without_its_level_is_not_a_class(checker: Checker) -> None:
    text = "测试局2024年度部门预算\n一、支出预算情况说明\n开展医疗卫生支出绩效评价工作。\n"
    assert checker.flat(text, "CODE-007") == []


@pytest.mark.parametrize(
    ("parts", "parent", "wrong"),
    [
        (("301", "2"), (), True),
        (("210", "11", "02"), ("210", "11"), False),
        (("7", "11", "02"), ("210", "11"), True),
        (("7", "12", "02"), ("210", "11"), False),  # not under that 款: a misreading, not judged
        (("21", "11"), ("210", "11"), False),
    ],
)
def test_a_split_code_misprinted(parts: tuple[str, ...], parent: tuple[str, ...], wrong: bool) -> None:
    from juesuan.checks.classification import _misprint

    assert (_misprint(parts, parent) is not None) is wrong
