"""How printed rates are measured against their figures: the true rates the figures allow,
where each share's base is, and whether a document rounds or truncates (DOMAIN.md §2.4)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from juesuan.checks.cross_statements import statement_of, summary_total
from juesuan.checks.memo import PerObject
from juesuan.checks.registry import Violation
from juesuan.checks.tolerance import (
    HUNDRED,
    Interval,
    RateVerdict,
    judge_rate,
    ratio_range,
    rounding_gives,
    truncation_gives,
)
from juesuan.checks.walk import amounts, breakdowns, section_name
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure, direction_of
from juesuan.model.narrative import ListedShare
from juesuan.model.statements import Statement
from juesuan.settings import Settings
from juesuan.source import Source


def rate_violation(
    printed: Figure,
    possible_point: Decimal,
    values: dict[str, Decimal | str],
    evidence: tuple[Source, ...],
    section: str,
    truncated: bool,
    expected: Decimal,
) -> Violation:
    values = {**values, "printed": printed.value, "expected": expected}
    return Violation(
        source=printed.source,
        evidence=evidence,
        values=values,
        severity=Severity.INFO if truncated else None,
        section=section,
    )


def variance(actual: Decimal, budget: Decimal) -> Decimal:
    return (actual - budget) / budget * HUNDRED


def completion(actual: Decimal, budget: Decimal) -> Decimal:
    return actual / budget * HUNDRED


def same_base(share: Figure, total_label: str) -> bool:
    """Whether "占…x%" names the total it is taken of (or names none): "占授予中小企业合同金额的
    28.93%" is a share of the SME amount, not of the procurement total."""
    base = re.sub(r"^占|[的比重例为\s]|[\d.,]+\s*%$", "", share.source.text)
    if not base:
        return True
    return any(base[i : i + 3] in total_label for i in range(len(base) - 2))


_shares: PerObject[Disclosure, list[tuple[str, ListedShare]]] = PerObject(1)


def printed_shares(disclosure: Disclosure, settings: Settings) -> list[tuple[str, ListedShare]]:
    """Every printed share with the figure it is of: the model's breakdowns, the procurement
    contracts, then the shares of any other listed parts; each share once (found once per
    disclosure: RATE-001 and the rounding convention both read them)."""
    return _shares.get(disclosure, lambda: list(_find_shares(disclosure, settings)))


def _find_shares(disclosure: Disclosure, settings: Settings) -> Iterator[tuple[str, ListedShare]]:
    seen: set[Source] = set()
    found: list[tuple[str, ListedShare]] = []
    for section, breakdown in breakdowns(disclosure):
        total = breakdown.total
        for part in breakdown.parts:
            if part.share is not None:
                found.append(
                    (section, ListedShare(part.label, part.amount, part.share, total.label, total.amount))
                )
    procurement = disclosure.narrative.procurement
    if procurement.composition is not None:
        total = procurement.composition.total
        for contracts in (procurement.sme_contracts, procurement.micro_small_contracts):
            if contracts is not None and contracts.share is not None:
                listed = ListedShare(
                    contracts.label, contracts.amount, contracts.share, total.label, total.amount
                )
                found.append(("政府采购", listed))
    name = section_name("listed_shares", disclosure.kind)
    summary = statement_of(disclosure, "summary", settings)
    for listed in disclosure.narrative.listed_shares:
        resolved = listed if listed.base is not None else _in_summary(listed, summary)
        if resolved is not None:
            found.append((name, resolved))
    for section, listed in found:
        if listed.share.source not in seen:
            seen.add(listed.share.source)
            yield section, listed


def _in_summary(listed: ListedShare, summary: Statement | None) -> ListedShare | None:
    """A share of a total only the summary prints ("占本年支出合计的99.86%"), with that total."""
    side = "income" if "收入" in listed.base_label else "expenditure"
    base = summary_total(summary, listed.base_label, side)
    if summary is None or base is None or base.unit != listed.amount.unit:
        return None
    return dataclasses.replace(listed, base=base, base_label=f"《{summary.title}》{listed.base_label}")


def share_range(listed: ListedShare) -> tuple[Interval, Decimal] | None:
    """The possible true shares and the share the printed figures give (None if the base may be 0)."""
    total = listed.base
    if total is None or total.value == 0:
        return None
    if listed.base_parts:  # the base is the sum of the parts: each figure's own interval
        possible = ratio_range(
            lambda a, *rest: a / (a + sum(rest)) * HUNDRED, [listed.amount, *listed.base_parts]
        )
    else:
        possible = ratio_range(lambda a, b: a / b * HUNDRED, [listed.amount, total])
    if possible is None:
        return None
    return possible, share_point(listed)


def share_point(listed: ListedShare) -> Decimal:
    """The share the printed figures give (in %), its base printed and not 0."""
    total = listed.base
    assert total is not None and total.value != 0
    return listed.amount.value / total.value * HUNDRED


def change_range(current: Figure, delta: Figure, sign: int) -> tuple[Interval, Decimal] | None:
    """The possible true rates of change and the rate the printed figures give."""
    previous = current.value - sign * delta.value
    possible = ratio_range(lambda c, d: d / (c - sign * d) * HUNDRED, [current, delta])
    if possible is None or previous == 0:
        return None
    return possible, delta.value / previous * HUNDRED


def slip(found: Violation, rate: Figure, point: Decimal, verdict: RateVerdict) -> Violation:
    """A rate one last digit and less than 0.05 of a point off is a warning.

    江苏's 7.57% for 7.56% is a rate worked from 元 and rounded twice, its 65.56% for 65.55% a share
    adjusted so that the shares add up to 100%: slips worth a look. Further off (湖州 prints 5.11%
    as "5.0%") contradicts the figures, which the interval tolerance has already allowed for.
    """
    if verdict.truncated_only:
        return found  # cut where the document's other rates are rounded: not a slip of the last digit
    step = Decimal(1).scaleb(-rate.decimals)
    rounded = abs(point).quantize(step, ROUND_HALF_UP)
    if (
        found.severity is None
        and abs(abs(rate.value) - rounded) <= step
        and abs(abs(rate.value) - abs(point)) < SLIP_POINTS
    ):
        return dataclasses.replace(found, severity=Severity.WARNING)
    return found


def judged(
    printed: Figure, possible: Interval, point: Decimal, disclosure: Disclosure, settings: Settings
) -> RateVerdict:
    """``judge_rate``, where a rate given only by truncation is inconsistent if the document's
    other rates show that it rounds (DOMAIN.md §2.4 allows truncation to documents that truncate)."""
    verdict = judge_rate(printed, possible, point, settings)
    if verdict.truncated and _document_rounds(disclosure, settings):
        return dataclasses.replace(verdict, consistent=False, truncated=False, truncated_only=True)
    return verdict


#: Rates that only rounding gives (not truncation) a document must print before its rounding is
#: taken as its convention, and how many times at least they must outnumber those only
#: truncation gives (the rate being judged among them).
ROUNDING_EVIDENCE = 3
ROUNDING_MAJORITY = 2

_conventions: PerObject[Disclosure, bool] = PerObject(1)


def _document_rounds(disclosure: Disclosure, settings: Settings) -> bool:
    """Whether the document's printed rates show that it rounds rather than truncates."""
    return _conventions.get(disclosure, lambda: _rounds(disclosure, settings))


def _rounds(disclosure: Disclosure, settings: Settings) -> bool:
    rounded = truncated = 0
    for printed, possible in _printed_rates(disclosure, settings):
        by_rounding, by_cutting = rounding_gives(printed, possible), truncation_gives(printed, possible)
        rounded += by_rounding and not by_cutting
        truncated += by_cutting and not by_rounding
    return rounded >= ROUNDING_EVIDENCE and rounded >= ROUNDING_MAJORITY * truncated


def _printed_rates(disclosure: Disclosure, settings: Settings) -> Iterator[tuple[Figure, Interval]]:
    """Every printed share, rate of change and budget rate with the true rates its figures allow."""
    for _section, listed in printed_shares(disclosure, settings):
        measured = share_range(listed)
        if measured is not None:
            yield listed.share, measured[0]
    for _section, stated in amounts(disclosure):
        change = stated.change
        if change is not None and change.amount is not None and change.rate is not None:
            sign = direction_of(change.word)
            measured = change_range(stated.amount, change.amount, sign) if sign else None
            if measured is not None and change.amount.value != 0:
                yield absolute(change.rate), measured[0]
        comparison = stated.budget
        if comparison is not None and comparison.actual is not None and comparison.budget.value != 0:
            for printed, function in (
                (comparison.variance_rate, variance),
                (comparison.completion_rate, completion),
            ):
                possible = ratio_range(function, [comparison.actual, comparison.budget])
                if printed is not None and possible is not None:
                    yield printed, possible


#: A stated rate this close to the figures' (in percentage points) is a slip, not a contradiction.
SLIP_POINTS = Decimal("0.05")


def absolute(figure: Figure) -> Figure:
    if figure.value >= 0:
        return figure
    return Figure(abs(figure.value), figure.unit, figure.source, figure.decimals)
