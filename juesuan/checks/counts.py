"""Counts that must agree: divisions listed, “三公” trips, vehicles and receptions, petition cases."""

from __future__ import annotations

from collections.abc import Iterator

from juesuan.checks.registry import Checked, NotApplicable, Violation, Yield, rule
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure
from juesuan.settings import Settings


@rule(
    id="COUNT-001",
    severity=Severity.ERROR,
    title="内设机构数与所列名称个数不符",
    template="文中说下设{count}个机构，随后列出{listed}个：{names}",
    tags=("count", "profile"),
    doc="“下设N个科室，分别是：A、B、C”中的N应等于所列名称的个数。",
)
def check_divisions(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The number of divisions equals the names listed."""
    profile = disclosure.profile
    if profile.divisions_count is None or not profile.divisions:
        yield NotApplicable("文中没有“下设N个…，分别是…”的表述")
        return
    if profile.divisions_count.value == len(profile.divisions):
        yield Checked()
        return
    yield Violation(
        source=profile.divisions_count.source,
        values={
            "count": profile.divisions_count.value,
            "listed": str(len(profile.divisions)),
            "names": "、".join(profile.divisions),
        },
        section="部门概况",
    )


def _pair_problem(amount: Figure | None, count: Figure | None, other: Figure | None) -> str | None:
    """A contradiction between a "number of X" and "persons of X", or None."""
    if count is None or other is None:
        return None
    if count.value == 0 and other.value > 0:
        return f"次数为0而人次为{other.value}"
    if count.value > 0 and other.value == 0:
        return f"次数为{count.value}而人次为0"
    return None


@rule(
    id="COUNT-002",
    severity=Severity.ERROR,
    title="“三公”经费的批次与人次矛盾",
    template="{label}的次数与人次矛盾：{problem}",
    tags=("count", "three_public"),
    doc="因公出国（境）团组数与人次、国内公务接待批次与人次必须同为0或同不为0。",
)
def check_three_public_pairs(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Groups and persons, batches and persons are zero together or not at all."""
    tp = disclosure.narrative.three_public
    pairs = (
        ("因公出国（境）", tp.overseas_groups, tp.overseas_persons),
        ("国内公务接待", tp.reception_batches, tp.reception_persons),
    )
    found = False
    for label, count, persons in pairs:
        if count is None or persons is None:
            continue
        found = True
        problem = _pair_problem(None, count, persons)
        if problem is None:
            yield Checked()
        else:
            yield Violation(
                count.source,
                {"label": label, "problem": problem},
                (persons.source,),
                section="“三公”经费支出决算情况",
            )
    if not found:
        yield NotApplicable("文中没有写明团组数/接待批次与人次")


def _three_public_amount(disclosure: Disclosure, key: str) -> Figure | None:
    tp = disclosure.narrative.three_public
    for breakdown in (tp.composition, tp.vehicles):
        if breakdown is None:
            continue
        for stated in (breakdown.total, *breakdown.parts):
            if stated.key == key:
                return stated.amount
    return next((m.amount for m in tp.mentions if m.key == key), None)


@rule(
    id="COUNT-003",
    severity=Severity.WARNING,
    title="“三公”经费金额与数量不相称",
    template="金额与数量不相称：{label}",
    tags=("count", "three_public"),
    doc=(
        "有因公出国（境）费却无团组、有公务接待费却无接待批次、有购置费却购置0辆（或反之）、"
        "有运行维护费却保有0辆（或反之），以及公务用车保有量与国有资产中的车辆数不同，均记为警告：可能有合理原因，须人工核对。"
    ),
)
def check_three_public_counts(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Amounts and counts of the “三公” section agree in kind, and the fleet matches the assets."""
    tp = disclosure.narrative.three_public
    checks = (
        ("因公出国（境）费", _three_public_amount(disclosure, "overseas_travel"), tp.overseas_groups, "团组"),
        (
            "公务接待费",
            _three_public_amount(disclosure, "official_reception"),
            tp.reception_batches,
            "接待批次",
        ),
        (
            "公务用车购置费",
            _three_public_amount(disclosure, "vehicle_purchase"),
            tp.vehicles_purchased,
            "购置车辆",
        ),
        (
            "公务用车运行维护费",
            _three_public_amount(disclosure, "vehicle_operation"),
            tp.vehicle_fleet,
            "保有车辆",
        ),
    )
    found = False
    for label, amount, count, noun in checks:
        if amount is None or count is None:
            continue
        found = True
        if (amount.value > 0) == (count.value > 0):
            yield Checked()
            continue
        message = f"{label}{amount.value}万元，{noun}{count.value}"
        yield Violation(amount.source, {"label": message}, (count.source,), section="“三公”经费支出决算情况")
    held = disclosure.narrative.state_assets.vehicles
    if tp.vehicle_fleet is not None and held is not None:
        found = True
        if tp.vehicle_fleet.value == held.total.amount.value:
            yield Checked()
        else:
            detail = "、".join(f"{p.label}{p.amount.value}辆" for p in held.parts if p.amount.value)
            message = (
                f"“三公”经费中公务用车保有量{tp.vehicle_fleet.value}辆，国有资产中车辆{held.total.amount.value}辆"
                + (f"（{detail}）" if detail else "")
            )
            yield Violation(
                tp.vehicle_fleet.source,
                {"label": message},
                (held.total.amount.source,),
                section="“三公”经费支出决算情况",
            )
    if not found:
        yield NotApplicable("文中没有“三公”经费的数量信息")


@rule(
    id="COUNT-004",
    severity=Severity.ERROR,
    title="信访工作数字矛盾",
    template="信访工作数字矛盾：{problem}",
    tags=("count", "petition"),
    doc=(
        "已办理的重复信访案件不能多于案件总数；及时受理率、办结率、满意率不能超过100%（错误）。"
        "人次少于件数记为警告（一件至少一人次）。"
    ),
)
def check_petition_figures(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Petition workload figures are possible."""
    work = disclosure.narrative.petition
    found = False
    if work.repeat_cases is not None and work.repeat_handled is not None:
        found = True
        if work.repeat_handled.value > work.repeat_cases.value:
            yield Violation(
                work.repeat_handled.source,
                {
                    "problem": f"重复信访案件{work.repeat_cases.value}件，已办理却为{work.repeat_handled.value}件"
                },
                (work.repeat_cases.source,),
                section="信访工作",
            )
        else:
            yield Checked()
    for name, rate in (
        ("及时受理率", work.timely_acceptance_rate),
        ("办结率", work.conclusion_rate),
        ("满意率", work.satisfaction_rate),
    ):
        if rate is None:
            continue
        found = True
        if rate.value > 100 or rate.value < 0:
            yield Violation(
                rate.source, {"problem": f"{name}为{rate.value}%，不可能超出0–100%"}, section="信访工作"
            )
        else:
            yield Checked()
    if work.cases is not None and work.person_times is not None:
        found = True
        if work.person_times.value < work.cases.value:
            yield Violation(
                work.person_times.source,
                {"problem": f"信访案件{work.cases.value}件，人次却只有{work.person_times.value}"},
                (work.cases.source,),
                Severity.WARNING,
                "信访工作",
            )
        else:
            yield Checked()
    if not found:
        yield NotApplicable("文中没有信访工作数字")
