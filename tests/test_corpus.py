"""The real corpus as a regression suite (../shared/corpus, read in place).

Every document is read, extracted and checked without a crash; what it reads (the statements
found, the key figures) and every error it reports must equal tests/expectations/corpus.json,
where each error carries a justification written after reading the document. An error with
no justification, or one that is not in the file, is a bug in juesuan until shown otherwise.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from juesuan import pipeline
from juesuan.errors import InputError
from juesuan.findings import Severity
from juesuan.model.summary import FIELDS, key_figures, summary
from tests.conftest import CORPUS

EXPECTATIONS = json.loads(
    (Path(__file__).parent / "expectations" / "corpus.json").read_text(encoding="utf-8")
)
LISTINGS = [CORPUS / "MANIFEST.csv", CORPUS / "WIDE.csv"]
DOCUMENTS = [
    row["file"]
    for listing in LISTINGS
    if listing.exists()
    for row in csv.DictReader(listing.open(encoding="utf-8"))
]
LABELS = CORPUS / "labels.csv"


def test_every_corpus_document_has_an_expectation() -> None:
    if not DOCUMENTS:
        pytest.skip(f"corpus not found at {CORPUS}")
    assert sorted(DOCUMENTS) == sorted(EXPECTATIONS)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_corpus_document_reads_as_expected(name: str) -> None:
    expected = EXPECTATIONS[name]
    try:
        outcome = pipeline.run(CORPUS / name)
    except InputError as error:
        assert expected.get("input_error") == error.message
        return
    figures = summary(outcome.disclosure)
    assert figures["statements"] == expected["statements"]
    identity = ("kind", "year", "scope", "department")
    assert [figures[k] for k in identity] == [expected[k] for k in identity]
    assert {k: figures[k] for k in expected["key_figures"]} == expected["key_figures"]
    errors = sorted(
        (f.rule, f.source.page, f.source.line, f.message)
        for f in outcome.report.findings
        if f.severity is Severity.ERROR
    )
    assert errors == sorted((e["rule"], e["page"], e["line"], e["message"]) for e in expected["errors"])
    assert all(e["justification"].strip() for e in expected["errors"]), "an error without a justification"


def _label_rows() -> list[dict[str, str]]:
    if not LABELS.exists():
        return []
    return list(csv.DictReader(LABELS.open(encoding="utf-8")))


def test_key_figures_agree_with_the_hand_made_labels() -> None:
    """No key figure contradicts labels.csv; most labelled figures are found.

    Labels record amounts in the document's unit; in documents whose statements are in 元 the
    “三公”, 机关运行经费 and 采购 figures are printed (and labelled) in 万元 (LABELS.md, notes).
    """
    rows = _label_rows()
    if not rows:
        pytest.skip(f"labels not found at {LABELS}")
    found = missing = 0
    wrong: list[str] = []
    for row in rows:
        figures = key_figures(pipeline.extract_file(CORPUS / row["file"]))
        for name in FIELDS:
            label = row.get(name, "")
            if label in ("", "?"):
                continue
            value = Decimal(label)
            accepted = {value, value / 10000} if row["unit"] == "元" else {value}
            mine = figures[name]
            if mine is None:
                missing += 1
            elif any(abs(mine.value - a) <= Decimal("0.005") for a in accepted):
                found += 1
            else:
                wrong.append(f"{row['file']} {name}: {mine.value} ≠ {label}")
    assert wrong == []
    assert found / (found + missing) >= 0.92, (found, missing)
