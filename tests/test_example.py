"""The bundled example: a fictional department with exactly its four deliberate mistakes."""

from __future__ import annotations

from juesuan import pipeline
from juesuan.findings import Severity
from tests.conftest import EXAMPLE


def test_the_example_has_its_four_deliberate_mistakes_and_nothing_else() -> None:
    report = pipeline.run(EXAMPLE).report
    errors = sorted((f.rule, f.source.line) for f in report.findings if f.severity is Severity.ERROR)
    assert errors == [("ARITH-001", 38), ("PERF-004", 315), ("RATE-001", 54), ("RATE-002", 18)]
    warnings = [f.rule for f in report.findings if f.severity is Severity.WARNING]
    assert warnings == ["COMP-002"]
