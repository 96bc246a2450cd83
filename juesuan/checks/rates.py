"""Percentages recomputed from the printed figures: shares, year-on-year rates, budget rates."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from juesuan.checks.rate_measures import (
    absolute,
    change_range,
    completion,
    judged,
    printed_shares,
    rate_violation,
    same_base,
    share_point,
    share_range,
    slip,
    variance,
)
from juesuan.checks.registry import Checked, CouldNotCheck, NotApplicable, Violation, Yield, rule
from juesuan.checks.tolerance import (
    HUNDRED,
    judge_rate,
    ratio_range,
)
from juesuan.checks.walk import amounts
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import StatedAmount, direction_of
from juesuan.model.narrative import ListedShare
from juesuan.settings import Settings


@rule(
    id="RATE-001",
    severity=Severity.ERROR,
    title="占比与金额不符",
    template="{label}{amount}万元占{base_label}{base}万元的比例应为{expected}%，文中为{printed}%{note}",
    tags=("rate", "narrative"),
    doc=(
        "“占x%”按所占金额÷基数×100重新计算。金额均按其印刷精度视为区间（±0.005万元），"
        "只要区间内存在一组真实值得到文中百分比（按四舍五入）即为一致；仅按截尾可得时记为提示，但文中其他比率表明本文按四舍五入（至少3处只有四舍五入可得，且不少于只有截尾可得者的2倍）时仍为错误；"
        "只差末位一个单位且不到0.05个百分点（为凑足100%而调整）时记为警告；否则为错误。"
        "基数为所列之数的上一层：若所列各项中有未写占比的小计，以其为基数也一致即视为一致；"
        "写明“占本年支出合计的…”而说明中未印出该合计时，取收支总表中的该合计。"
        "同一合计下所列各项的占比印出之和恰为100%、而各自四舍五入之和不是100%时，与自身四舍五入不同的那一项"
        "是为凑足100%而调整的，记为警告。"
        "基数为0时比例无意义，文中写0.00%视为一致。"
    ),
)
def check_shares(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Each "占 x%" equals the part over its total."""
    found = False
    lists: dict[tuple[str, Decimal], list[tuple[str, ListedShare, Yield]]] = {}
    for section, listed in printed_shares(disclosure, settings):
        found = True
        verdict = _judge_share(listed, section, disclosure, settings)
        if isinstance(verdict, Checked) and listed.base is not None:
            lists.setdefault((listed.base_label, listed.base.value), []).append((section, listed, verdict))
        else:
            yield verdict
    for shares in lists.values():
        yield from _adjusted_to_hundred(shares)
    if not found:
        yield NotApplicable("文中没有写明占比")


def _adjusted_to_hundred(shares: list[tuple[str, ListedShare, Yield]]) -> Iterator[Yield]:
    """A list of shares printed to add up to exactly 100% where rounding each gives another sum:
    the shares printed otherwise than their own rounding were adjusted to make up the 100%
    (法院 2017: 304.4 / 670.12 = 45.4247%, printed 45.43% so that 26.86 + 45.43 + 27.71 = 100)."""
    if any(listed.base is None or listed.base.value == 0 for _, listed, _ in shares):
        yield from (verdict for _, _, verdict in shares)
        return
    printed = [listed.share for _, listed, _ in shares]
    rounded = [
        share_point(listed).quantize(Decimal(1).scaleb(-listed.share.decimals), ROUND_HALF_UP)
        for _, listed, _ in shares
    ]
    whole = all(f.decimals == 0 for f in printed)  # whole percents leave no last digit to adjust
    if len(shares) < 2 or sum(f.value for f in printed) != HUNDRED or sum(rounded) == HUNDRED or whole:
        yield from (verdict for _, _, verdict in shares)
        return
    for (section, listed, verdict), expected in zip(shares, rounded, strict=True):
        if listed.share.value == expected:
            yield verdict
            continue
        total = listed.base
        assert total is not None
        values: dict[str, Decimal | str] = {
            "label": listed.label,
            "amount": listed.amount.value,
            "base_label": listed.base_label,
            "base": total.value,
            "printed": listed.share.value,
            "expected": expected,
            "note": "（各项占比为凑足100%而调整）",
        }
        evidence = (listed.amount.source, total.source)
        yield Violation(listed.share.source, values, evidence, Severity.WARNING, section)


def _judge_share(listed: ListedShare, section: str, disclosure: Disclosure, settings: Settings) -> Yield:
    share, total = listed.share, listed.base
    if total is None:
        return CouldNotCheck(f"“{share.source.text}”的基数没有印出")
    if not same_base(share, listed.base_label):
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
            {**values, "printed": share.value, "expected": "0（基数为0）", "note": ""},
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
    measured = share_range(listed)
    if measured is None:
        return CouldNotCheck(f"{listed.base_label}可能为0，占比无法判断")
    possible, point = measured
    verdict = judged(share, possible, point, disclosure, settings)
    if verdict.consistent and not verdict.truncated:
        return Checked()
    found = rate_violation(
        share, point, {**values, "note": ""}, evidence, section, verdict.truncated, verdict.expected
    )
    return slip(found, share, point, verdict)


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
    measured = change_range(current, delta, sign)
    if measured is None:
        return CouldNotCheck(f"{stated.label}的上年数可能为0，增长率无法判断")
    possible, point = measured
    verdict = judged(absolute(rate), possible, point, disclosure, settings)
    if verdict.consistent and not verdict.truncated:
        return Checked()
    found = rate_violation(rate, point, values, evidence, section, verdict.truncated, verdict.expected)
    return slip(found, rate, point, verdict)


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
            (comparison.variance_rate, "预决算差异率", variance),
            (comparison.completion_rate, "完成率", completion),
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
                if actual.value == 0 and (printed.value == 0 or function is completion):
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
            verdict = judged(printed, possible, point, disclosure, settings)
            if verdict.consistent and not verdict.truncated:
                yield Checked()
            else:
                yield rate_violation(
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
        "变动额不为0却写“持平”为错误；变动额为0却写“增加/减少”记为警告（应写“持平”，检查中会被退回的措辞）。"
    ),
)
def check_direction_words(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Direction words agree with each other and with the sign of the change."""
    found = False
    nothing: dict[int | None, list[tuple[str, StatedAmount]]] = {}  # "增加0.00万元" by page
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
            nothing.setdefault(change.source.page, []).append((section, stated))
            continue
        if problem is None:
            yield Checked()
        else:
            yield Violation(change.source, {"label": stated.label, "problem": problem}, (), severity, section)
    for said in nothing.values():
        # one wording habit a page, every figure it is used for named: a warning an inspector
        # sends back, not a contradiction
        section, first = said[0]
        assert first.change is not None
        labels = "、".join(dict.fromkeys(stated.label for _, stated in said))
        problem = f"变动为0却写“{first.change.word}”，宜写“持平”" + (
            f"（共{len(said)}处）" if len(said) > 1 else ""
        )
        evidence = tuple(s.change.source for _, s in said[1:] if s.change is not None)
        yield Violation(
            first.change.source, {"label": labels, "problem": problem}, evidence, Severity.WARNING, section
        )
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
