"""Findings: one per fact, a stable signature, and the report of a document of several units."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from juesuan.checks.registry import one_per_place
from juesuan.findings import Finding, Report, RuleOutcome, Severity, Status, merged
from juesuan.source import Source


def _finding(message: str, line: int, gap: str = "1.00", column: int = 1) -> Finding:
    return Finding(
        rule="STMT-002",
        severity=Severity.ERROR,
        message=message,
        source=Source("a.pdf", page=3, line=line, table=2, row=5, column=column),
        values=(("difference", Decimal(gap)),),
        section="预算报表",
    )


def test_findings_at_one_row_with_one_gap_are_one_fact() -> None:
    """福州's 20402 公安: 合计 and 项目支出 both 319.24 more than the rows under it."""
    joined = one_per_place(
        [_finding("合计多319.24", 9, "319.24", 3), _finding("项目支出多319.24", 9, "319.24", 5)]
    )
    assert [f.message for f in joined] == ["合计多319.24；项目支出多319.24"]


def test_findings_with_different_gaps_or_places_stay_apart() -> None:
    kept = one_per_place([_finding("a", 9, "1.00"), _finding("b", 9, "2.00"), _finding("c", 10, "1.00")])
    assert [f.message for f in kept] == ["a", "b", "c"]


def test_a_signature_follows_the_places_not_the_wording() -> None:
    first = _finding("合计多1.00", 9)
    assert first.signature == replace(first, message="合计比下级之和多1.00万元").signature
    assert first.signature != replace(first, source=first.source._replace(line=10)).signature
    assert first.to_json()["signature"] == first.signature


def test_the_report_of_several_units_names_each_units_findings() -> None:
    a = Report("a.pdf", (_finding("x", 9),), (RuleOutcome("STMT-002", Status.FAILED, 3),))
    b = Report("a.pdf", (), (RuleOutcome("STMT-002", Status.PASSED, 4),))
    report = merged("a.pdf", [("测试局（本级）", a), ("测试中心", b)])
    assert [f.section for f in report.findings] == ["测试局（本级）：预算报表"]
    assert report.outcomes == (RuleOutcome("STMT-002", Status.FAILED, 7),)
