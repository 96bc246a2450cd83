"""Sums: every stated total against the parts the text lists for it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.registry import Checked, CouldNotCheck, NotApplicable, Violation, Yield, rule
from juesuan.checks.tolerance import sum_tolerance
from juesuan.checks.walk import breakdowns
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.settings import Settings


def direction(difference: object) -> str:
    """ "多" when the stated total exceeds the computed one, else "少"."""
    return "多" if difference > 0 else "少"  # type: ignore[operator]


@rule(
    id="ARITH-001",
    severity=Severity.ERROR,
    title="合计与分项之和不符",
    template="{label}合计{stated}{unit}，而所列{count}个分项之和为{computed}{unit}，相差{difference}{unit}（合计{direction}）",
    tags=("arithmetic", "narrative"),
    doc=(
        "文中写出的合计数（如“人员经费188.25万元，包括：基本工资…”、实有人数与在职/离休/退休人数、"
        "政府采购总额与货物/工程/服务、“三公”经费与三项分项、车辆总数与各类车辆）应等于所列分项之和。"
        "容差按四舍五入推算：n个分项时为⌊(n+1)/2⌋个末位单位（万元金额即0.01万元），最多5个；"
        "差额在容差内记为提示（舍入尾差），超出记为错误。人数、车辆数等计数不设容差。"
    ),
)
def check_breakdown_sums(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Every exhaustive breakdown's total equals the sum of its parts, within rounding."""
    found = False
    for section, breakdown in breakdowns(disclosure):
        if not breakdown.exhaustive or not breakdown.parts:
            continue
        found = True
        total = breakdown.total.amount
        parts = [part.amount for part in breakdown.parts]
        if any(part.unit != total.unit for part in parts):
            yield CouldNotCheck(f"{breakdown.label}的分项单位与合计不一致")
            continue
        computed = sum((part.value for part in parts), start=total.value * 0)
        difference = total.value - computed
        if difference == 0:
            yield Checked()
            continue
        tolerance = sum_tolerance(total, parts, settings)
        yield Violation(
            source=total.source,
            evidence=tuple(part.source for part in parts),
            values={
                "label": breakdown.label,
                "stated": total.value,
                "computed": computed,
                "difference": abs(difference),
                "direction": direction(difference),
                "unit": total.unit,
                "count": str(len(parts)),
            },
            severity=Severity.INFO if abs(difference) <= tolerance else None,
            section=section,
        )
    if not found:
        yield NotApplicable("文中没有列明分项的合计数")


@rule(
    id="ARITH-002",
    severity=Severity.ERROR,
    title="括号内的其中项超过总数",
    template="“{text}”：括号内所列其中项之和为{computed}{unit}，超过总数{stated}{unit}",
    tags=("arithmetic", "narrative"),
    doc=(
        "数字后括号内写“其中…”列出的各项（“8013平方米（其中计容面积7998平方米，不计容面积105平方米）”）都是该数的一部分，"
        "之和不能超过该数（7998 + 105 = 8103 > 8013）。括号把所列各项限定在紧挨它的数之下，没有嵌套列举的歧义；"
        "不要求各项之和等于总数（可能只列了一部分）。容差为⌊(n+1)/2⌋个末位单位。"
    ),
)
def check_bracketed_parts(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The parts a figure lists in brackets do not add up to more than the figure."""
    listed = disclosure.narrative.bracketed_parts
    if not listed:
        yield NotApplicable("文中没有数字后括号内列出的其中项")
        return
    for head, parts in listed:
        computed = sum((part.value for part in parts), Decimal(0))
        step = Decimal(1).scaleb(-head.decimals)
        if computed <= head.value + step * ((len(parts) + 1) // 2):
            yield Checked()
            continue
        values: dict[str, Decimal | str] = {
            "text": head.source.text,
            "computed": computed,
            "stated": head.value,
            "unit": head.unit,
        }
        yield Violation(head.source, values, tuple(part.source for part in parts), section="说明")
