"""Shares (RATE-001) wherever the narrative prints them: lists one item per paragraph, shares
naming their base, shares of a total that is only the sum of the parts listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from juesuan import pipeline
from juesuan.findings import Severity
from tests.conftest import Checker

HEAD = "测试局2026年部门预算\n三、支出预算情况说明\n"


def _shares(checker: Checker, text: str) -> list[tuple[str, str, int | None]]:
    return checker.flat(HEAD + text, "RATE-001")


@pytest.mark.parametrize(
    ("project_share", "found"),
    [("7.30%", []), ("8.30%", [("RATE-001", "error", 5)])],
)
def test_a_list_printed_one_item_per_paragraph(
    checker: Checker, project_share: str, found: list[tuple[str, str, int]]
) -> None:
    text = (
        "测试局2026年支出预算合计4,651.67万元，其中：\n"
        "基本支出4,312.17万元，占92.70%；\n"
        f"项目支出339.50万元，占{project_share}；\n"
        "上缴上级支出0万元，占0%。\n"
    )
    assert _shares(checker, text) == found


def test_a_list_ends_with_its_full_stop(checker: Checker) -> None:
    text = (
        "支出预算合计100.00万元，其中：\n"
        "基本支出60.00万元，占60.00%；\n"
        "项目支出40.00万元，占40.00%。\n"
        "另有结转资金10.00万元，占20.00%。\n"  # not an item of the list above: no base, not judged
    )
    assert _shares(checker, text) == []


def test_a_list_opened_by_a_marker_after_its_total(checker: Checker) -> None:
    text = "收入预算6256.31万元，比上年减少336.67万元。\n其中：一般公共预算拨款收入5973.01万元，占96.5%；其他收入283.30万元，占4.5%。\n"
    assert _shares(checker, text) == [("RATE-001", "error", 4)]


def test_parts_with_no_total_before_them_are_not_shares_of_each_other(checker: Checker) -> None:
    text = "2.按支出用途分类，包括人员支出1487.48万元，占23.8%；日常公用支出116.93万元，占1.9%；项目支出4651.90万元，占74.4%。\n"
    assert _shares(checker, text) == []


@pytest.mark.parametrize(
    ("vehicles", "reception", "severities"),
    [("45.42%", "27.71%", []), ("44.42%", "28.71%", ["error", "error"]), ("45.42%", "28.71%", [])],
)
def test_shares_of_a_total_that_is_only_their_sum(
    checker: Checker, vehicles: str, reception: str, severities: list[str]
) -> None:
    """The total is their sum only when the shares add up to 100% (the last case does not: no base)."""
    text = (
        "“三公”经费预算支出中，因公出国（境）费支出180.00万元，占“三公”经费的26.86%；"
        f"公务用车购置及运行费支出304.40万元，占“三公”经费的{vehicles}；"
        f"公务接待费支出185.72万元，占“三公”经费的{reception}。\n"
    )
    assert [f[1] for f in _shares(checker, text)] == severities


def test_a_share_adjusted_to_make_up_100_percent_is_a_warning(checker: Checker) -> None:
    text = (
        "本年支出合计24,169.74万元，其中：基本支出15,844.04万元，占65.56%；项目支出8,325.70万元，占34.45%。\n"
    )
    assert _shares(checker, text) == [("RATE-001", "warning", 3)]


def test_a_share_of_a_sub_total_listed_before_it(checker: Checker) -> None:
    text = "本年收入100.00万元，其中：财政拨款收入80.00万元，其中一般公共预算收入60.00万元，占75.00%。\n"
    assert _shares(checker, text) == []


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PUTUO_PLANNING = CORPUS / "real/zxj-GOV/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"


@pytest.mark.skipif(not PUTUO_PLANNING.is_file(), reason="corpus not present")
def test_a_share_of_a_total_only_the_summary_prints_and_the_documents_rounding() -> None:
    """p21: "占本年支出合计的99.86%" — 9746.50 / 9759.38 (收入支出决算总表) = 99.868%; the document
    rounds its other rates (7.744% printed 7.74%), so the cut 99.86% is an error, as is the
    completion rate 95.45% for 95.457%."""
    findings = pipeline.run(PUTUO_PLANNING, select=("RATE-001", "RATE-003")).report.findings
    errors = {(f.rule, f.source.page) for f in findings if f.severity is Severity.ERROR}
    assert ("RATE-001", 21) in errors and ("RATE-003", 21) in errors
    assert any("9759.38" in f.message and "99.87%" in f.message for f in findings)


def test_a_share_adjusted_so_the_list_makes_100_percent(checker: Checker) -> None:
    """180 / 670.12 = 26.86%, 304.4 / 670.12 = 45.42%, 185.72 / 670.12 = 27.71% add up to 99.99%:
    printed 45.43% makes the 100%. Consistent within the intervals, it is a warning, not an error."""
    text = (
        "“三公”经费预算支出中，因公出国（境）费支出180.00万元，占“三公”经费的26.86%；"
        "公务用车购置及运行费支出304.40万元，占“三公”经费的45.43%；公务接待费支出185.72万元，占“三公”经费的27.71%。\n"
    )
    found = checker.check(HEAD + text, select=("RATE-001",)).findings
    assert [(f.severity.value, "凑足100%" in f.message) for f in found] == [("warning", True)]
