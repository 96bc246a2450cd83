"""A guarantee, not a fixture: changing any single figure of the seed that takes part in a sum,
a tie or a stated rate produces a new error.

The figures are enumerated from the extracted model (not listed by hand), each is changed in
the file at the place its provenance points to, and the changed file is checked again. An
error is new when its (rule, message) pair is not among the original findings: a sum that
already failed counts as newly failing when it now fails with other figures.

Not covered, because no error-level identity ties them (they take part only in warnings or
in no identity at all): the vehicle fleet and vehicles purchased (warning ties), building
area and value, vehicle value, equipment counts, petition workload figures (inequalities),
the funds used/completed of the performance narrative, indicator targets and actual values,
and year numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juesuan import pipeline
from juesuan.checks.walk import amounts, breakdowns
from juesuan.extract.numbers import NUMBER_RE, parse_decimal
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure
from tests.conftest import SEED

Site = tuple[int, int, int, str]  # line, start, end (in the line), the number as printed


def covered_figures(disclosure: Disclosure) -> list[Figure]:
    """Every figure the checks tie to another figure at error level."""
    figures: list[Figure | None] = []
    for _, breakdown in breakdowns(disclosure):
        if breakdown.exhaustive and breakdown.parts:
            figures += [breakdown.total.amount, *(p.amount for p in breakdown.parts)]
            figures += [p.share for p in breakdown.parts]
    for _, stated in amounts(disclosure):
        figures.append(stated.amount)
        if stated.change is not None and stated.change.rate is not None:
            figures += [stated.change.amount, stated.change.rate]
        if stated.budget is not None:
            budget = stated.budget
            figures += [budget.budget, budget.actual, budget.variance_rate, budget.completion_rate]
        figures.append(stated.share)
    for evaluation in disclosure.self_evaluations:
        for row in evaluation.funds:
            figures += [
                row.initial_budget,
                row.adjusted_budget,
                row.executed,
                row.weight,
                row.execution_rate,
                row.score,
            ]
        for indicator in evaluation.indicators:
            figures += [indicator.weight, indicator.score]
        figures += [evaluation.total_weight, evaluation.total_score]
    performance = disclosure.narrative.performance
    three = disclosure.narrative.three_public
    figures += [
        performance.evaluated_projects,
        performance.evaluated_funds,
        disclosure.profile.divisions_count,
        three.overseas_groups,
        three.overseas_persons,
        three.reception_batches,
        three.reception_persons,
    ]
    agency = disclosure.narrative.agency_operating_costs
    if agency is not None:
        figures.append(agency.amount)
    return [f for f in figures if f is not None]


def site_of(figure: Figure, lines: list[str]) -> Site:
    """Where the figure's digits are in the file."""
    source = figure.source
    assert source.line is not None and source.offset is not None, source
    line = lines[source.line - 1]
    first_line = source.text.split("\n")[0]
    assert line[source.offset : source.offset + len(first_line)] == first_line, (line, source)
    matches = [m for m in NUMBER_RE.finditer(first_line) if parse_decimal(m.group()) == figure.value]
    assert matches, (figure, source)
    match = matches[-1]
    return source.line, source.offset + match.start(), source.offset + match.end(), match.group()


def seed_sites() -> list[Site]:
    if not SEED.exists():
        return []
    lines = SEED.read_text(encoding="utf-8").splitlines()
    disclosure = pipeline.extract_file(SEED)
    return sorted({site_of(f, lines) for f in covered_figures(disclosure)})


SITES = seed_sites()


def _errors(path: Path) -> set[tuple[str, str]]:
    report = pipeline.run(path).report
    return {(f.rule, f.message) for f in report.findings if f.severity is Severity.ERROR}


BASELINE = _errors(SEED) if SEED.exists() else set()


def mutate(site: Site, new_number: str, folder: Path) -> Path:
    line_number, start, end, _ = site
    lines = SEED.read_text(encoding="utf-8").split("\n")
    line = lines[line_number - 1]
    lines[line_number - 1] = line[:start] + new_number + line[end:]
    path = folder / "mutated.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def changed(printed: str, delta_steps: int) -> str | None:
    """``printed`` moved by ``delta_steps`` units of its last digit; None if the result is negative.

    Decimal figures move by at least 1.00: smaller moves can stay inside the rounding of the
    figures they are tied to (0.10% of 0.89万元 is 9 元, printed as 0.00万元) and be consistent.
    """
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    step = Decimal(1).scaleb(-decimals)
    value = Decimal(printed.replace(",", "")) + step * delta_steps
    if value < 0:
        return None
    return f"{value:.{decimals}f}"


def test_the_seed_has_many_tied_figures() -> None:
    if not SITES:
        pytest.skip("seed not available")
    assert len(SITES) > 200


@pytest.mark.parametrize("site", SITES, ids=[f"L{s[0]}:{s[1]}={s[3]}" for s in SITES])
def test_raising_any_tied_figure_gives_a_new_error(site: Site, tmp_path: Path) -> None:
    decimals = "." in site[3]
    new = changed(site[3], 100 if decimals else 3)
    assert new is not None
    assert _errors(mutate(site, new, tmp_path)) - BASELINE, f"line {site[0]}: {site[3]} → {new}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    site=st.sampled_from(SITES or [(0, 0, 0, "0")]),
    steps=st.integers(min_value=100, max_value=5000),
    sign=st.sampled_from([1, -1]),
)
def test_changing_any_tied_figure_by_any_amount_gives_a_new_error(
    site: Site, steps: int, sign: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if not SITES:
        pytest.skip("seed not available")
    decimals = "." in site[3]
    new = changed(site[3], sign * (steps if decimals else max(1, steps // 10)))
    if new is None or (site[3], new) in HARMLESS or repairs_the_personnel_sum(site, new):
        return
    folder = tmp_path_factory.mktemp("mutation")
    assert _errors(mutate(site, new, folder)) - BASELINE, f"line {site[0]}: {site[3]} → {new}"


def repairs_the_personnel_sum(site: Site, new: str) -> bool:
    """The seed's personnel items add up to 5.00 more than their stated total (line 49): taking
    about 5.00 off one item makes the sum agree within rounding, which is no error at all."""
    if site[0] != 49:
        return False
    delta = Decimal(new) - Decimal(site[3])
    return abs(delta + Decimal("5.00")) <= Decimal("0.05") or abs(delta - Decimal("5.00")) <= Decimal("0.05")


#: Changes that leave the document consistent: 68.22 (evaluated funds) is the sum of the
#: tables' full-year budgets; 68.43, the sum of their initial budgets, is just as valid.
HARMLESS = {("68.22", "68.43")}


def test_numbers_in_sites_are_the_printed_ones() -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines() if SEED.exists() else []
    for line, start, end, printed in SITES:
        assert lines[line - 1][start:end] == printed
        assert re.fullmatch(r"[\d,.]+", printed)
