"""The seed's model with its four contradictions corrected, as generator input.

The extracted model lacks what people wrote in free text (the “三公” contents, the note on
other vehicles, the self-statement on performance); those are taken from the seed verbatim.
The four corrections, each the smallest change that removes the contradiction:

1. ARITH-001: 其他工资福利支出 44.12 → 39.12, so the personnel items add up to 188.25
   (188.25 + 5.84 = 194.09 is the basic expenditure the other sections state).
2. CODE-001: 204999 → 2049999 (其他公共安全支出 is a 7-digit 项).
3. PERF-004: 接访劝返… actual 59.03万元 → 51.99万元, the amount executed (target ≤ 51.99).
4. PERF-005: the total score 95.80 → 100, computed by the generator from the scores.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from juesuan import pipeline
from juesuan.model.input import DisclosureInput
from tests.render.convert import to_input

CORRECTIONS = (
    ("其他工资福利支出44.12万元", "其他工资福利支出39.12万元"),
    ("204999其他公共安全支出", "2049999其他公共安全支出"),
)


def corrected_seed_input(seed: Path) -> DisclosureInput:
    """The seed's input, corrected, with its human-written texts."""
    data = to_input(pipeline.extract_file(seed))
    three = data.three_public
    data = replace(
        data,
        three_public=replace(
            three,
            overseas=replace(three.overseas, note="本年单位无因公出国（境）费支出"),
            vehicle_operation=replace(three.vehicle_operation, note="单位无此支出"),
            reception=replace(three.reception, note="单位无此支出"),
        ),
        assets=replace(data.assets, other_vehicles_note="单位无其他用车"),
    )
    statement = next(
        line for line in seed.read_text(encoding="utf-8").splitlines() if line.startswith("自述")
    )
    basic = data.basic
    personnel = tuple(
        replace(e, amount=Decimal("39.12")) if e.label == "其他工资福利支出" else e
        for e in basic.personnel_items
    )
    items = tuple(replace(i, code="2049999") if i.code == "204999" else i for i in data.general_budget_items)
    evaluations = list(data.performance.evaluations)
    indicators = tuple(
        replace(i, actual="51.99万元") if i.actual == "59.03万元" else i for i in evaluations[1].indicators
    )
    evaluations[1] = replace(evaluations[1], indicators=indicators)
    return replace(
        data,
        basic=replace(basic, personnel_items=personnel),
        general_budget_items=items,
        performance=replace(data.performance, statement=statement, evaluations=tuple(evaluations)),
    )
