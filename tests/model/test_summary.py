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
