"""Every tolerance, threshold and profile choice in one validated, immutable place.

Checks and the scoring engine read their numbers from :class:`Settings`; nothing else in the
code base hard-codes a tolerance. Rules tagged [U] in DOMAIN.md (unverified) are switched or
tuned here and never raise an error on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Settings:
    """Tolerances and choices for extraction, checking and scoring.

    Attributes:
        max_sum_tolerance_quanta: the rounding allowance of a sum grows with its number of
            parts (⌊(n+1)/2⌋ quanta, DOMAIN.md §2.4) but never beyond this many quanta.
        allow_truncated_rates: accept a rate printed by truncation instead of rounding
            (reported as a hint, not an error).
        execution_weight: 预算执行率 weight in a self-evaluation (central default 10).
        default_weights: the default split of indicator weights by level-1 indicator.
        over_achievement_ratio: actual/target above which a positive indicator is flagged as
            possibly set too low (no national figure exists; a hint only).
        completeness_profile: the completeness profile name (see :mod:`juesuan.scoring`).
    """

    max_sum_tolerance_quanta: int = 5
    allow_truncated_rates: bool = True
    execution_weight: Decimal = Decimal(10)
    default_weights: tuple[tuple[str, Decimal], ...] = (
        ("产出指标", Decimal(50)),
        ("效益指标", Decimal(30)),
        ("满意度指标", Decimal(10)),
    )
    over_achievement_ratio: Decimal = Decimal("1.5")
    completeness_profile: str = "central"

    def __post_init__(self) -> None:
        if self.max_sum_tolerance_quanta < 1:
            raise ValueError("max_sum_tolerance_quanta must be at least 1")
        if self.execution_weight < 0 or self.execution_weight > 100:
            raise ValueError("execution_weight must lie between 0 and 100")


DEFAULT_SETTINGS = Settings()
