"""Generated documents read back by juesuan's own readers: the same model, zero findings."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import example as also_with
from hypothesis import strategies as st

from juesuan import pipeline
from juesuan.render.synthetic import example
from tests.render.helpers import has_cjk_font, printed, read_back, rendered

#: PDF joins when its fonts are installed: Typst typesets a document in about 0.1 s.
FAST_FORMATS = ("text", "markdown", "html", "docx") + (("pdf",) if has_cjk_font() else ())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10**6))
@also_with(seed=3483)  # three empty statements: their shared "本表为空表" note is no running footer
def test_random_valid_models_come_back_equal_and_clean(seed: int, tmp_path: Path) -> None:
    data = example(seed)
    for output_format in FAST_FORMATS:
        back, report = read_back(rendered(data, output_format, tmp_path, f"{seed}-{output_format}"))
        assert [(f.rule, f.message) for f in report.findings] == [], output_format
        assert printed(back) == printed(data), output_format


def test_markdown_comes_back_equal_and_clean(tmp_path: Path) -> None:
    """.md is read by the Markdown reader: paragraphs, setext headings and pipe tables."""
    data = example(5)
    back, report = read_back(rendered(data, "markdown", tmp_path))
    assert [(f.rule, f.message) for f in report.findings] == []
    assert printed(back) == printed(data)


def test_the_nine_statements_are_laid_out_as_published_and_read_back(tmp_path: Path) -> None:
    disclosure = pipeline.extract_file(rendered(example(6), "html", tmp_path))
    assert [s.key for s in disclosure.statements] == [
        "summary",
        "income",
        "expenditure",
        "appropriation_summary",
        "general_budget_expenditure",
        "basic_expenditure",
        "three_public",
        "government_fund",
        "state_capital",
    ]


@pytest.mark.parametrize("output_format", FAST_FORMATS)
def test_statement_rows_come_back_with_their_codes_and_amounts(output_format: str, tmp_path: Path) -> None:
    data = example(7)
    disclosure = pipeline.extract_file(rendered(data, output_format, tmp_path))
    statement = next(s for s in disclosure.statements if s.key == "general_budget_expenditure")
    rows = {row.code: row for row in statement.rows if row.code}
    for item in data.general_budget_items:
        row = rows[item.code]
        values = {key: figure.value for key, figure in row.values}
        assert (values["total"], values["basic"], values["project"]) == (
            item.amount,
            item.basic,
            item.project,
        )


@pytest.mark.parametrize("output_format", FAST_FORMATS)
@pytest.mark.parametrize("seed", [3, 4, 8])
def test_a_generated_budget_reads_back_with_no_findings(
    seed: int, output_format: str, tmp_path: Path
) -> None:
    """Budgets print last year's “三公” budget beside this year's: both must read and add up."""
    data = dataclasses.replace(example(seed), kind="budget")
    disclosure = pipeline.extract_file(rendered(data, output_format, tmp_path))
    assert disclosure.kind == "budget"
    report = pipeline.check(disclosure)
    assert [(f.rule, f.message) for f in report.findings] == []
