"""Scoring and completeness profiles, loaded from the JSON files under ``juesuan/data``.

Where provinces differ, the choice is data, not code: a profile is a named entry of
``scoring_profiles.json`` (turned into :class:`~juesuan.model.evaluation.ScoringRules`) or of
``completeness_profiles.json`` (a checklist of weighted items, each naming its regulation).
"""

from __future__ import annotations

import functools
import json
from decimal import Decimal
from importlib import resources
from typing import Any

from juesuan.errors import JuesuanError
from juesuan.model.evaluation import ExecutionBand, ScoringRules

DEFAULT_PROFILE = "central"


@functools.cache
def _load(name: str) -> dict[str, Any]:
    text = resources.files("juesuan.data").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def scoring_profile_names() -> tuple[str, ...]:
    """The names of the scoring profiles, default first."""
    return tuple(_load("scoring_profiles.json")["profiles"])


def scoring_profile(name: str = DEFAULT_PROFILE) -> ScoringRules:
    """The scoring profile ``name``.

    Raises:
        JuesuanError: no such profile (the message lists the known ones).
    """
    profiles = _load("scoring_profiles.json")["profiles"]
    if name not in profiles:
        known = "、".join(profiles)
        raise JuesuanError(f"没有名为“{name}”的评分配置（可用：{known}）")
    entry = profiles[name]
    return ScoringRules(
        name=name,
        title=entry["title"],
        basis=entry["basis"],
        execution_weight=Decimal(entry["execution_weight"]),
        execution_method=entry["execution_method"],
        execution_bands=tuple(
            ExecutionBand(Decimal(rate), Decimal(fraction))
            for rate, fraction in entry.get("execution_bands", ())
        ),
        qualitative_bands=(Decimal(entry["qualitative_bands"][0]), Decimal(entry["qualitative_bands"][1])),
        qualitative_tolerance=Decimal(entry["qualitative_tolerance"]),
        over_achievement_ratio=Decimal(entry["over_achievement_ratio"]),
        over_achievement_deduction=Decimal(entry["over_achievement_deduction"]),
        zero_budget_full=bool(entry["zero_budget_full"]),
        grades=tuple((Decimal(bound), grade) for bound, grade in entry["grades"]),
        default_weights=tuple((level1, Decimal(weight)) for level1, weight in entry["default_weights"]),
    )


def completeness_profiles() -> dict[str, Any]:
    """The raw completeness profiles (validated by :mod:`juesuan.scoring.completeness`)."""
    profiles: dict[str, Any] = _load("completeness_profiles.json")["profiles"]
    return profiles
