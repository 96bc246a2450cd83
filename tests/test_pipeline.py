"""The orchestrator and the public API."""

from __future__ import annotations

from pathlib import Path

import juesuan
from juesuan import pipeline
from juesuan.checks.registry import RegisteredRule, rule, run
from juesuan.findings import Severity, Status
from juesuan.model.disclosure import Disclosure
from juesuan.settings import DEFAULT_SETTINGS


def test_run_names_and_times_each_step(seed: Path) -> None:
    outcome = pipeline.run(seed)
    assert [name for name, _ in outcome.timings] == ["read", "extract", "check"]
    assert outcome.document.format == "text" and outcome.disclosure.year == 2021


def test_the_public_api_reads_and_checks(seed: Path) -> None:
    disclosure = juesuan.read(seed)
    assert juesuan.check(disclosure).has_errors
    assert juesuan.check(seed, select=("CODE-001",)).count(Severity.ERROR) == 1
    assert juesuan.run(seed).report.count(Severity.ERROR) == 4


def test_a_crashing_rule_is_reported_and_the_others_still_run(seed: Path) -> None:
    @rule(
        id="TEST-999",
        severity=Severity.ERROR,
        title="测试",
        template="测试{x}",
        tags=("test",),
        doc="测试用的规则，执行时必然出错。",
    )
    def broken(disclosure: Disclosure, settings: object) -> list[object]:
        raise ZeroDivisionError("boom")

    assert isinstance(broken, RegisteredRule)
    disclosure = pipeline.extract_file(seed)
    report = run((broken, *juesuan.checks.ALL_RULES[:2]), disclosure, DEFAULT_SETTINGS)  # type: ignore[attr-defined]
    assert report.outcomes[0].status is Status.COULD_NOT_CHECK
    assert report.findings[0].rule == "CHECK-000" and "TEST-999" in report.findings[0].message
    assert report.findings[0].severity is Severity.WARNING
    assert len(report.outcomes) == 3
