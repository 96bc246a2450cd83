"""Self-evaluation tables."""

from __future__ import annotations

from decimal import Decimal

from juesuan.extract.performance import self_evaluations
from juesuan.ingest.text import parse
from tests.builders import self_evaluation


def test_two_tables_printed_back_to_back_are_split_at_their_titles() -> None:
    document = parse(self_evaluation(name="甲") + "\n" + self_evaluation(name="乙"), "t.txt")
    found, notes = self_evaluations(document.tables)
    assert [e.name for e in found] == ["甲", "乙"] and notes == []
    first = found[0]
    assert first.year == 2021 and first.department == "测试局"
    assert [row.key for row in first.funds] == ["total", "current_appropriation", "carryover", "other"]
    total = first.funds_row("total")
    assert total is not None and total.execution_rate is not None
    assert total.execution_rate.value == Decimal("100.00")
    assert [i.level1 for i in first.indicators] == ["产出指标"] * 4 + ["效益指标", "满意度指标"]
    assert first.total_score is not None and first.total_score.value == 100


def test_a_weight_that_is_not_a_number_becomes_a_note() -> None:
    text = self_evaluation().replace("\t20\n\t20\n", "\t二十\n\t20\n", 1)
    found, notes = self_evaluations(parse(text, "t.txt").tables)
    assert found[0].indicators[0].weight is None
    assert [n.topic for n in notes] == ["self_evaluation"] and "二十" in notes[0].message
