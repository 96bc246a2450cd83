"""Scoring: :class:`~juesuan.model.disclosure.Disclosure` → :class:`ScoreResult`.

Two scores, both by published rules kept as data: every performance self-evaluation table
rescored under a named scoring profile (:mod:`.performance`, ``scoring_profiles.json``), and,
on request, the disclosure's completeness checklist (:mod:`.completeness`,
``completeness_profiles.json``). The result says which profiles were used.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from juesuan.document import Document
from juesuan.model.disclosure import Disclosure
from juesuan.model.evaluation import ScoringRules
from juesuan.scoring.completeness import ChecklistItem, CompletenessScore, assess
from juesuan.scoring.performance import (
    EvaluationScore,
    ExecutionScore,
    IndicatorScore,
    ScoreIssue,
    score_evaluation,
)
from juesuan.scoring.profiles import DEFAULT_PROFILE, scoring_profile, scoring_profile_names
from juesuan.scoring.summary import SummaryCheck, check_summary


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """What scoring one disclosure gives.

    Attributes:
        file: the input file.
        profile: the scoring profile used (its name, title and basis are in ``rules``).
        rules: the profile's rules.
        evaluations: every self-evaluation table rescored, in document order.
        summary: the narrative's summary of the self-evaluations compared with the tables.
        completeness: the completeness checklist, when asked for.
    """

    file: str
    profile: str
    rules: ScoringRules
    evaluations: tuple[EvaluationScore, ...]
    summary: tuple[SummaryCheck, ...] = ()
    completeness: CompletenessScore | None = None


def score(
    disclosure: Disclosure,
    profile: str = DEFAULT_PROFILE,
    *,
    completeness: bool = False,
    completeness_profile: str | None = None,
    document: Document | None = None,
    published: datetime.date | None = None,
    approved: datetime.date | None = None,
) -> ScoreResult:
    """Score ``disclosure``'s self-evaluations under ``profile`` and, if asked, its completeness.

    Args:
        disclosure: the extracted disclosure.
        profile: the scoring profile (``central`` by default; see ``scoring_profiles.json``).
        completeness: also fill in the completeness checklist.
        completeness_profile: the checklist to use (default: by the disclosure's kind and scope).
        document: the document as read, for finding parts the model does not keep.
        published / approved: publication and approval dates, for timeliness.
    """
    rules = scoring_profile(profile)
    evaluations = tuple(score_evaluation(e, rules) for e in disclosure.self_evaluations)
    summary = check_summary(disclosure, evaluations, document)
    checklist = (
        assess(disclosure, document, completeness_profile, published, approved) if completeness else None
    )
    return ScoreResult(disclosure.file, rules.name, rules, evaluations, summary, checklist)


__all__ = [
    "ChecklistItem",
    "CompletenessScore",
    "EvaluationScore",
    "ExecutionScore",
    "IndicatorScore",
    "ScoreIssue",
    "ScoreResult",
    "SummaryCheck",
    "score",
    "scoring_profile",
    "scoring_profile_names",
]
