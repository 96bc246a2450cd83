"""Checks: :class:`~juesuan.model.disclosure.Disclosure` → :class:`~juesuan.findings.Report`.

:data:`ALL_RULES` is the catalogue, in run order, by family. Adding a rule means one
function in the family's module, one line here and one test. ``docs/rules.md`` is generated
from this tuple (``python -m juesuan rules --format markdown``).
"""

from __future__ import annotations

from juesuan.checks import (
    arithmetic,
    classification,
    completeness,
    counts,
    cross_statements,
    evaluation_reading,
    item_ties,
    narrative_costs,
    narrative_item_names,
    narrative_items,
    narrative_three_public,
    narrative_totals,
    performance,
    performance_funds,
    performance_rules,
    rates,
    statements,
    template,
    text,
    ties,
    wording,
)
from juesuan.checks.registry import CRASH_RULE, RegisteredRule
from juesuan.checks.registry import run as run_rules
from juesuan.checks.template import blank_template
from juesuan.findings import Report, Rule, merged
from juesuan.model.disclosure import Disclosure
from juesuan.settings import DEFAULT_SETTINGS, Settings

ALL_RULES: tuple[RegisteredRule, ...] = (
    template.check_blank_template,
    # completeness
    completeness.check_required_sections,
    completeness.check_statements_attached,
    completeness.check_statements_said_attached,
    # arithmetic
    arithmetic.check_breakdown_sums,
    arithmetic.check_bracketed_parts,
    # statements
    statements.check_statement_reading,
    statements.check_statement_columns,
    statements.check_statement_hierarchy,
    statements.check_statement_summary,
    statements.check_statement_balances,
    statements.check_empty_statements,
    statements.check_empty_notes,
    cross_statements.check_statement_ties,
    item_ties.check_item_income_expenditure,
    cross_statements.check_narrative_against_statements,
    narrative_items.check_item_amounts,
    narrative_item_names.check_item_names,
    narrative_item_names.check_item_paths,
    narrative_three_public.check_three_public_narrative,
    narrative_costs.check_named_cost_items,
    narrative_totals.check_budget_totals,
    # rates and wording
    rates.check_shares,
    rates.check_year_on_year,
    rates.check_budget_rates,
    rates.check_direction_words,
    rates.check_comparison_words,
    # ties between sections
    ties.check_restatements,
    ties.check_pension_tie,
    ties.check_general_budget_only_ties,
    ties.check_agency_costs,
    ties.check_evaluated_projects,
    ties.check_balanced_changes,
    # counts
    counts.check_divisions,
    counts.check_three_public_pairs,
    counts.check_three_public_counts,
    counts.check_petition_figures,
    # classification codes
    classification.check_function_code_format,
    classification.check_function_code_names,
    classification.check_statement_code_format,
    classification.check_statement_code_names,
    classification.check_economic_code_names,
    classification.check_retired_names,
    # self-evaluation tables
    evaluation_reading.check_evaluation_reading,
    performance.check_weights_total,
    performance.check_default_weights,
    performance.check_score_within_weight,
    performance.check_unmet_target_full_score,
    performance.check_total_score,
    performance_funds.check_execution_rate,
    performance_funds.check_execution_score,
    performance.check_deviation_notes,
    performance_funds.check_count_times_unit,
    performance_funds.check_funds_rows,
    performance_rules.check_proportional_scores,
    performance_rules.check_rescored_indicators,
    performance_rules.check_grade,
    performance_rules.check_evaluable_targets,
    # text
    completeness.check_year_references,
    text.check_text_hygiene,
    wording.check_drafting_notes,
    wording.check_empty_reasons,
    wording.check_incomplete_wording,
    wording.check_misspelt_terms,
    wording.check_pasted_articles,
    wording.check_dates_past_preparation,
    wording.check_stale_years,
    wording.check_department_names,
)


def catalogue() -> tuple[Rule, ...]:
    """Every rule's catalogue entry, in run order (the runner's own CHECK-000 last)."""
    return (*(registered.rule for registered in ALL_RULES), CRASH_RULE)


def run(
    disclosure: Disclosure,
    settings: Settings = DEFAULT_SETTINGS,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> Report:
    """Run every rule (filtered by ``select``/``ignore``: ids, id prefixes or tags); on a blank
    template only the rule that says so (nothing else in it can be judged)."""
    if blank_template(disclosure):
        return run_rules(ALL_RULES[:1], disclosure, settings, select, ignore)
    if not disclosure.units:
        return run_rules(ALL_RULES, disclosure, settings, select, ignore)
    return merged(
        disclosure.file,
        [
            (unit.department, run_rules(ALL_RULES, unit, settings, select, ignore))
            for unit in disclosure.units
        ],
    )


__all__ = ["ALL_RULES", "catalogue", "run"]
