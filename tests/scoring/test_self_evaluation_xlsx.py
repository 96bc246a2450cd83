"""The self-evaluation spreadsheet template: written by render, read back by ingest + extract."""

from __future__ import annotations

from pathlib import Path

from juesuan import pipeline
from juesuan.model.performance import SelfEvaluation
from juesuan.render.self_evaluation_xlsx import write


def _key(evaluation: SelfEvaluation) -> tuple[object, ...]:
    funds = [
        (
            row.key,
            *(
                getattr(row, slot).value if getattr(row, slot) else None
                for slot in (
                    "initial_budget",
                    "adjusted_budget",
                    "executed",
                    "weight",
                    "execution_rate",
                    "score",
                )
            ),
        )
        for row in evaluation.funds
    ]
    indicators = [
        (
            i.level1,
            i.level2,
            i.name,
            i.target.text,
            i.actual.text,
            i.weight,
            i.score and i.score.value,
            i.deviation_note,
        )
        for i in evaluation.indicators
    ]
    indicators = [
        (row[0], row[1], row[2], row[3], row[4], row[5] and row[5].value, row[6], row[7])
        for row in indicators
    ]
    total = (
        evaluation.total_weight and evaluation.total_weight.value,
        evaluation.total_score and evaluation.total_score.value,
    )
    people = [(p.role, p.name, p.phone) for p in evaluation.persons]
    return (
        evaluation.scope,
        evaluation.name,
        evaluation.year,
        evaluation.department,
        evaluation.implementer,
        funds,
        evaluation.expected_goal,
        evaluation.achieved_goal,
        indicators,
        total,
        evaluation.grade,
        people,
    )


def test_the_seed_tables_round_trip_through_the_spreadsheet(seed: Path, tmp_path: Path) -> None:
    tables = pipeline.extract_file(seed).self_evaluations
    path = write(tables, tmp_path / "自评表.xlsx")
    back = pipeline.extract_file(path).self_evaluations
    assert [_key(t) for t in back] == [_key(t) for t in tables]
    rescored = pipeline.score(path).evaluations
    assert [str(e.total) for e in rescored] == ["100.00", "99.40", "100.00"]


def test_the_blank_template_reads_back_with_the_default_weights(tmp_path: Path) -> None:
    blank = pipeline.extract_file(write([], tmp_path / "blank.xlsx")).self_evaluations
    assert len(blank) == 1 and blank[0].department == "" and blank[0].expected_goal == ""
    weights = [i.weight.value for i in blank[0].indicators if i.weight is not None]
    assert sum(weights) == 90 and blank[0].total_weight is not None and blank[0].total_weight.value == 100
