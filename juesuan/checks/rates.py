"""Percentages recomputed from the printed figures: shares, year-on-year rates, budget rates."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from juesuan.checks.cross_statements import statement_of, summary_total
from juesuan.checks.registry import Checked, CouldNotCheck, NotApplicable, Violation, Yield, rule
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
from juesuan.model.figures import Figure, StatedAmount, direction_of
from juesuan.model.narrative import ListedShare
from juesuan.model.statements import Statement
from juesuan.settings import Settings
from juesuan.source import Source


def _rate_violation(
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


def _variance(actual: Decimal, budget: Decimal) -> Decimal:
    return (actual - budget) / budget * HUNDRED


def _completion(actual: Decimal, budget: Decimal) -> Decimal:
    return actual / budget * HUNDRED


def _same_base(share: Figure, total_label: str) -> bool:
    """Whether "占…x%" names the total it is taken of (or names none): "占授予中小企业合同金额的
    28.93%" is a share of the SME amount, not of the procurement total."""
    base = re.sub(r"^占|[的比重例为\s]|[\d.,]+\s*%$", "", share.source.text)
    if not base:
        return True
    return any(base[i : i + 3] in total_label for i in range(len(base) - 2))


def _shares(disclosure: Disclosure, settings: Settings) -> Iterator[tuple[str, ListedShare]]:
    """Every printed share with the figure it is of: the model's breakdowns, the procurement
    contracts, then the shares of any other listed parts; each share once."""
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


@rule(
    id="RATE-001",
    severity=Severity.ERROR,
    title="占比与金额不符",
    template="{label}{amount}万元占{base_label}{base}万元的比例应为{expected}%，文中为{printed}%",
    tags=("rate", "narrative"),
    doc=(
        "“占x%”按所占金额÷基数×100重新计算。金额均按其印刷精度视为区间（±0.005万元），"
        "只要区间内存在一组真实值得到文中百分比（按四舍五入）即为一致；仅按截尾可得时记为提示，但文中其他比率表明本文按四舍五入（至少3处只有四舍五入可得，且不少于只有截尾可得者的2倍）时仍为错误；"
        "只差末位一个单位且不到0.05个百分点（为凑足100%而调整）时记为警告；否则为错误。"
        "基数为所列之数的上一层：若所列各项中有未写占比的小计，以其为基数也一致即视为一致；"
        "写明“占本年支出合计的…”而说明中未印出该合计时，取收支总表中的该合计。"
        "基数为0时比例无意义，文中写0.00%视为一致。"
    ),
)
def check_shares(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Each "占 x%" equals the part over its total."""
    found = False
    for section, listed in _shares(disclosure, settings):
        found = True
        yield _judge_share(listed, section, disclosure, settings)
    if not found:
        yield NotApplicable("文中没有写明占比")


def _judge_share(listed: ListedShare, section: str, disclosure: Disclosure, settings: Settings) -> Yield:
    share, total = listed.share, listed.base
    if total is None:
        return CouldNotCheck(f"“{share.source.text}”的基数没有印出")
    if not _same_base(share, listed.base_label):
        return CouldNotCheck(f"“{share.source.text}”的基数不是{listed.base_label}")
    values: dict[str, Decimal | str] = {
        "label": listed.label,
        "amount": listed.amount.value,
        "base_label": listed.base_label,
        "base": total.value,
    }
    evidence = (listed.amount.source, total.source)
    if total.value == 0:
        if share.value == 0:
            return Checked()
        return Violation(
            share.source,
            {**values, "printed": share.value, "expected": "0（基数为0）"},
            evidence,
            None,
            section,
        )
    for base in listed.other_bases:
        possible = ratio_range(lambda a, b: a / b * HUNDRED, [listed.amount, base]) if base.value else None
        if (
            possible is not None
            and judge_rate(share, possible, listed.amount.value / base.value * HUNDRED, settings).consistent
        ):
            return Checked()  # a share of the sub-total listed before it
    measured = _share_range(listed)
    if measured is None:
        return CouldNotCheck(f"{listed.base_label}可能为0，占比无法判断")
    possible, point = measured
    verdict = _judged(share, possible, point, disclosure, settings)
    if verdict.consistent and not verdict.truncated:
        return Checked()
    found = _rate_violation(share, point, values, evidence, section, verdict.truncated, verdict.expected)
    return _slip(found, share, point, verdict)


def _share_range(listed: ListedShare) -> tuple[Interval, Decimal] | None:
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
    return possible, listed.amount.value / total.value * HUNDRED


@rule(
    id="RATE-002",
    severity=Severity.ERROR,
    title="同比增减率与增减额不符",
    template="{label}为{current}{unit}、比上年{word}{change}{unit}，上年应为{previous}{unit}，"
    "{rate_word}率应为{expected}%，文中为{printed}%",
    tags=("rate", "narrative", "year_on_year"),
    doc=(
        "“与上年相比，增加Δ万元，增长r%”：上年数=本年数∓Δ，r=Δ÷上年数×100。"
        "按印刷精度的区间判断，截尾的处理同RATE-001；与应得之数只差末位一个单位且不到0.05个百分点时记为警告（截尾除外）。"
        "上年数为0时增长率无意义：Δ与r均为0视为一致，否则记为警告；推出的上年数为负则为错误。"
    ),
)
def check_year_on_year(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Each stated year-on-year rate equals the change over the previous year's figure."""
    found = False
    for section, stated in amounts(disclosure):
        change = stated.change
        if change is None or change.amount is None or change.rate is None:
            continue
        sign = direction_of(change.word)
        if sign is None or sign == 0:
            continue
        found = True
        yield _judge_change(stated, sign, section, disclosure, settings)
    if not found:
        yield NotApplicable("文中没有写明同比增减率")


def _judge_change(
    stated: StatedAmount, sign: int, section: str, disclosure: Disclosure, settings: Settings
) -> Yield:
    change = stated.change
    assert change is not None and change.amount is not None and change.rate is not None
    current, delta, rate = stated.amount, change.amount, change.rate
    previous = current.value - sign * delta.value
    values: dict[str, Decimal | str] = {
        "label": stated.label,
        "current": current.value,
        "word": change.word,
        "change": delta.value,
        "unit": current.unit,
        "previous": previous,
        "rate_word": change.rate_word or change.word,
        "printed": rate.value,
    }
    evidence = (current.source, delta.source)
    if delta.value == 0:  # no change means a rate of 0 whatever the base
        if rate.value == 0:
            return Checked()
        return Violation(rate.source, {**values, "expected": "0"}, evidence, None, section)
    if previous < 0:
        return Violation(
            rate.source, {**values, "expected": "无法计算（推出的上年数为负）"}, evidence, None, section
        )
    if previous == 0:
        return Violation(
            rate.source, {**values, "expected": "无法计算（上年为0）"}, evidence, Severity.WARNING, section
        )
    measured = _change_range(current, delta, sign)
    if measured is None:
        return CouldNotCheck(f"{stated.label}的上年数可能为0，增长率无法判断")
    possible, point = measured
    verdict = _judged(_absolute(rate), possible, point, disclosure, settings)
    if verdict.consistent and not verdict.truncated:
        return Checked()
    found = _rate_violation(rate, point, values, evidence, section, verdict.truncated, verdict.expected)
    return _slip(found, rate, point, verdict)


def _change_range(current: Figure, delta: Figure, sign: int) -> tuple[Interval, Decimal] | None:
    """The possible true rates of change and the rate the printed figures give."""
    previous = current.value - sign * delta.value
    possible = ratio_range(lambda c, d: d / (c - sign * d) * HUNDRED, [current, delta])
    if possible is None or previous == 0:
        return None
    return possible, delta.value / previous * HUNDRED


def _slip(found: Violation, rate: Figure, point: Decimal, verdict: RateVerdict) -> Violation:
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


def _judged(
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

_conventions: list[tuple[Disclosure, bool]] = []


def _document_rounds(disclosure: Disclosure, settings: Settings) -> bool:
    """Whether the document's printed rates show that it rounds rather than truncates."""
    if _conventions and _conventions[0][0] is disclosure:
        return _conventions[0][1]
    rounded = truncated = 0
    for printed, possible in _printed_rates(disclosure, settings):
        by_rounding, by_cutting = rounding_gives(printed, possible), truncation_gives(printed, possible)
        rounded += by_rounding and not by_cutting
        truncated += by_cutting and not by_rounding
    rounds = rounded >= ROUNDING_EVIDENCE and rounded >= ROUNDING_MAJORITY * truncated
    _conventions[:] = [(disclosure, rounds)]
    return rounds


def _printed_rates(disclosure: Disclosure, settings: Settings) -> Iterator[tuple[Figure, Interval]]:
    """Every printed share, rate of change and budget rate with the true rates its figures allow."""
    for _section, listed in _shares(disclosure, settings):
        measured = _share_range(listed)
        if measured is not None:
            yield listed.share, measured[0]
    for _section, stated in amounts(disclosure):
        change = stated.change
        if change is not None and change.amount is not None and change.rate is not None:
            sign = direction_of(change.word)
            measured = _change_range(stated.amount, change.amount, sign) if sign else None
            if measured is not None and change.amount.value != 0:
                yield _absolute(change.rate), measured[0]
        comparison = stated.budget
        if comparison is not None and comparison.actual is not None and comparison.budget.value != 0:
            for printed, function in (
                (comparison.variance_rate, _variance),
                (comparison.completion_rate, _completion),
            ):
                possible = ratio_range(function, [comparison.actual, comparison.budget])
                if printed is not None and possible is not None:
                    yield printed, possible


#: A stated rate this close to the figures' (in percentage points) is a slip, not a contradiction.
SLIP_POINTS = Decimal("0.05")


def _absolute(figure: Figure) -> Figure:
    if figure.value >= 0:
        return figure
    return Figure(abs(figure.value), figure.unit, figure.source, figure.decimals)


@rule(
    id="RATE-003",
    severity=Severity.ERROR,
    title="预决算差异率或完成率与金额不符",
    template="{label}{budget_label}{budget}万元、决算数{actual}万元，{rate_name}应为{expected}%，文中为{printed}%",
    tags=("rate", "narrative", "budget"),
    doc=(
        "预决算差异率=(决算数−预算数)÷预算数×100；完成预算的百分比=决算数÷预算数×100。"
        "按印刷精度的区间判断（同RATE-001）。预算数为0时比率无意义：决算数也为0且比率为0视为一致，否则记为警告。"
    ),
)
def check_budget_rates(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Each budget variance or completion rate equals what the two amounts give."""
    found = False
    for section, stated in amounts(disclosure):
        comparison = stated.budget
        if comparison is None or comparison.actual is None:
            continue
        budget, actual = comparison.budget, comparison.actual
        for printed, name, function in (
            (comparison.variance_rate, "预决算差异率", _variance),
            (comparison.completion_rate, "完成率", _completion),
        ):
            if printed is None:
                continue
            found = True
            values: dict[str, Decimal | str] = {
                "label": stated.label,
                "budget_label": comparison.budget_label,
                "budget": budget.value,
                "actual": actual.value,
                "rate_name": name,
            }
            evidence = (budget.source, actual.source)
            if budget.value == 0:
                if actual.value == 0 and (printed.value == 0 or function is _completion):
                    yield Checked()
                elif actual.value == 0:
                    yield Violation(
                        printed.source,
                        {**values, "printed": printed.value, "expected": "0"},
                        evidence,
                        None,
                        section,
                    )
                else:
                    yield Violation(
                        printed.source,
                        {**values, "printed": printed.value, "expected": "无法计算（预算数为0）"},
                        evidence,
                        Severity.WARNING,
                        section,
                    )
                continue
            possible = ratio_range(function, [actual, budget])
            if possible is None:
                continue
            point = function(actual.value, budget.value)
            verdict = _judged(printed, possible, point, disclosure, settings)
            if verdict.consistent and not verdict.truncated:
                yield Checked()
            else:
                yield _rate_violation(
                    printed, point, values, evidence, section, verdict.truncated, verdict.expected
                )
    if not found:
        yield NotApplicable("文中没有写明预决算差异率或完成率")


@rule(
    id="WORD-001",
    severity=Severity.ERROR,
    title="增减用词与数字方向不符",
    template="{label}的增减表述有误：{problem}",
    tags=("wording", "narrative", "year_on_year"),
    doc=(
        "“增加/增长”与“减少/下降/降低”须与变动方向一致：同一句中增减额与增减率用词方向相反为错误；"
        "变动额不为0却写“持平”为错误；变动额为0却写“增加/减少”记为提示（宜写“持平”）。"
    ),
)
def check_direction_words(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Direction words agree with each other and with the sign of the change."""
    found = False
    for section, stated in amounts(disclosure):
        change = stated.change
        if change is None:
            continue
        found = True
        word_sign = direction_of(change.word)
        rate_sign = direction_of(change.rate_word) if change.rate_word else None
        amount = change.amount.value if change.amount is not None else None
        problem = None
        severity = None
        if word_sign is not None and rate_sign is not None and {word_sign, rate_sign} == {1, -1}:
            problem = f"增减额写“{change.word}”，增减率却写“{change.rate_word}”"
        elif word_sign == 0 and amount:
            problem = f"变动{amount}{stated.amount.unit}却写“{change.word}”"
        elif word_sign in (1, -1) and amount == 0:
            problem = f"变动为0却写“{change.word}”，宜写“持平”"
            severity = Severity.INFO
        if problem is None:
            yield Checked()
        else:
            yield Violation(change.source, {"label": stated.label, "problem": problem}, (), severity, section)
    if not found:
        yield NotApplicable("文中没有同比增减表述")


@rule(
    id="WORD-002",
    severity=Severity.ERROR,
    title="预决算比较用词与金额不符",
    template="{label}决算数{actual}万元、{budget_label}{budget}万元，文中却说决算数{word}预算数",
    tags=("wording", "narrative", "budget"),
    doc="“决算数大于/小于/等于预算数”须与两数的大小一致。",
)
def check_comparison_words(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """ "决算数大于预算数" agrees with the two amounts."""
    found = False
    expected_sign = {"大于": 1, "高于": 1, "小于": -1, "低于": -1, "等于": 0}
    for section, stated in amounts(disclosure):
        comparison = stated.budget
        if comparison is None or comparison.actual is None or comparison.comparison_word is None:
            continue
        found = True
        difference = comparison.actual.value - comparison.budget.value
        sign = (difference > 0) - (difference < 0)
        if sign == expected_sign.get(comparison.comparison_word, sign):
            yield Checked()
        else:
            yield Violation(
                comparison.source,
                {
                    "label": stated.label,
                    "actual": comparison.actual.value,
                    "budget": comparison.budget.value,
                    "budget_label": comparison.budget_label,
                    "word": comparison.comparison_word,
                },
                (),
                None,
                section,
            )
    if not found:
        yield NotApplicable("文中没有“决算数大于/小于预算数”的表述")
