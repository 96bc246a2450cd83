"""CODE-007: class names retired in 2019, in a later year's text and coded-less statement rows."""

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
