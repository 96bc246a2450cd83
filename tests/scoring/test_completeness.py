"""Completeness checklists on real documents, against the reviewed expectation file."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path

import pytest

from juesuan import pipeline
from juesuan.scoring.completeness import UNKNOWN, assess
from juesuan.scoring.profiles import completeness_profiles
from tests.conftest import CORPUS, require_corpus

EXPECTATIONS = Path(__file__).resolve().parents[1] / "expectations" / "completeness.json"
DOCUMENTS = json.loads(EXPECTATIONS.read_text(encoding="utf-8"))["documents"]


def test_every_profile_weighs_100_and_names_its_regulation() -> None:
    profiles = completeness_profiles()
    assert set(profiles) == {"final_department", "final_unit", "budget_department", "budget_unit"}
    for profile in profiles.values():
        assert sum(Decimal(item["weight"]) for item in profile["items"]) == 100
        assert all(item["basis"] and item["name"] for item in profile["items"])


@pytest.mark.parametrize("path", sorted(DOCUMENTS))
def test_the_checklist_matches_the_reviewed_expectations(path: str) -> None:
    require_corpus()
    expected = DOCUMENTS[path]
    result = pipeline.score(CORPUS / path, completeness=True)
    checklist = result.completeness
    assert checklist is not None and checklist.profile == expected["profile"]
    statuses = {item.id: item.status for item in checklist.items}
    assert {key: statuses[key] for key in expected["verified"]} == expected["verified"]
    assert abs(checklist.score - Decimal(expected["score"])) <= 5


def test_items_that_cannot_be_judged_are_not_called_missing(seed: Path) -> None:
    result = pipeline.score(seed, completeness=True)
    assert result.completeness is not None
    timeliness = result.completeness.items[0]
    assert (timeliness.id, timeliness.status, timeliness.points) == ("timeliness", UNKNOWN, 0)
    assert result.completeness.unknown_weight == 10 and result.completeness.judged_weight == 90


def test_timeliness_is_judged_from_the_dates_when_known(seed: Path) -> None:
    disclosure = pipeline.extract_file(seed)
    on_time = assess(disclosure, published=datetime.date(2022, 9, 10), approved=datetime.date(2022, 9, 1))
    late = assess(disclosure, published=datetime.date(2022, 10, 10), approved=datetime.date(2022, 9, 1))
    assert on_time.items[0].status == "present" and late.items[0].status == "defective"


def test_without_the_document_the_model_headings_are_used(seed: Path) -> None:
    checklist = assess(pipeline.extract_file(seed))
    statuses = {item.id: item.status for item in checklist.items}
    assert statuses["glossary"] == "present" and statuses["st_summary"] == "defective"
