"""The rule catalogue: ids unique and stable, every rule documented and triggered by a test;
the classification catalogue loads and says how far each row is verified."""

from __future__ import annotations

import re
from pathlib import Path

from juesuan import catalogue as codes
from juesuan.checks import ALL_RULES, catalogue
from juesuan.docs import rules_markdown
from juesuan.findings import Severity
from tests.checks.test_rules import EXAMPLES as NARRATIVE_EXAMPLES
from tests.checks.test_statement_rules import EXAMPLES as STATEMENT_EXAMPLES

EXAMPLES = {**NARRATIVE_EXAMPLES, **STATEMENT_EXAMPLES}

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_rule_ids_are_unique_and_well_formed() -> None:
    ids = [rule.id for rule in catalogue()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[A-Z]+-\d{3}", rule_id) for rule_id in ids)


def test_every_rule_has_chinese_text_and_tags() -> None:
    for rule in catalogue():
        assert re.search(r"[\u4e00-\u9fff]", rule.title) and re.search(r"[\u4e00-\u9fff]", rule.template)
        assert len(rule.doc) > 20 and rule.tags


def test_every_rule_is_triggered_by_an_example() -> None:
    assert sorted(r.rule.id for r in ALL_RULES) == sorted(EXAMPLES)


def test_every_template_field_is_filled_by_its_example(checker) -> None:  # type: ignore[no-untyped-def]
    for rule_id, (text, _, _) in EXAMPLES.items():
        for finding in checker.check(text, select=(rule_id,)).findings:
            assert "{" not in finding.message, finding.message


def test_docs_rules_md_is_generated_from_the_catalogue() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(catalogue()), (
        "docs/rules.md is stale: run `juesuan rules --format markdown > docs/rules.md`"
    )


def test_unverified_catalogue_rows_never_give_errors() -> None:
    rule = next(r.rule for r in ALL_RULES if r.rule.id == "CODE-002")
    assert rule.severity is Severity.WARNING


def test_the_function_catalogue_loads_with_verification_levels() -> None:
    entries = codes.function_codes()
    assert entries["2080505"].name == "机关事业单位基本养老保险缴费支出"
    assert {e.verification for e in entries.values()} <= {"verified", "secondary", "recalled"}
    assert entries["210"].former_names and codes.name_matches(entries["210"], "医疗卫生与计划生育支出")
    assert codes.name_matches(entries["2080505"], "机关事业单位基本养老保险缴费支出（项）")
    assert codes.economic_codes()["30101"].name == "基本工资"


def test_retired_names_are_accepted_before_their_rename_only() -> None:
    entry = codes.function_codes()["210"]
    assert codes.RENAMED_IN["210"] == 2019 and "医疗卫生与计划生育支出" in entry.former_names
    assert codes.normalize_name("-行政单位医疗") == "行政单位医疗"
