"""Project and department-wide performance self-evaluation tables (绩效自评表).

Layout follows the central template of 财预〔2020〕10号 (DOMAIN.md §3): a funds block
(initial budget, full-year budget, executed, weight 10, execution rate, score), the annual
goals, the indicators (level 1 / level 2 / indicator, target, actual, weight, score,
deviation note), the total, and the persons responsible.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from juesuan.model.figures import Figure
from juesuan.source import Source


@dataclass(frozen=True, slots=True)
class Quantity:
    """A target or actual value as printed: "≥95%", "2021年12月31日", "有效".

    Attributes:
        text: the cell text as printed.
        operator: for targets, one of ``>=``, ``<=``, ``=``, ``>``, ``<`` or ``""`` (none printed).
        value: the number, when there is one.
        unit: the unit after the number (``%``, ``万元``, ``人``, ``次`` …).
        date: the date, when the value is a date (a month alone means its last day).
        source: the cell.
    """

    text: str
    source: Source
    operator: str = ""
    value: Decimal | None = None
    unit: str = ""
    date: datetime.date | None = None

    @property
    def kind(self) -> str:
        """``quantitative``, ``date`` or ``qualitative`` (words only)."""
        if self.date is not None:
            return "date"
        if self.value is not None:
            return "quantitative"
        return "qualitative"


@dataclass(frozen=True, slots=True)
class Indicator:
    """One performance indicator row (三级指标).

    Attributes:
        level1: 一级指标 (产出指标 / 效益指标 / 满意度指标).
        level2: 二级指标 (数量指标, 质量指标, 时效指标, 成本指标, 社会效益指标 …).
        name: 三级指标.
        target: 年度指标值.
        actual: 实际完成值.
        weight: 分值.
        score: 得分 as claimed.
        deviation_note: 偏差原因分析及改进措施.
        source: the row.
    """

    level1: str
    level2: str
    name: str
    target: Quantity
    actual: Quantity
    weight: Figure | None
    score: Figure | None
    deviation_note: str
    source: Source


@dataclass(frozen=True, slots=True)
class FundsRow:
    """One row of the funds block (项目资金).

    Attributes:
        key: ``total`` (年度资金总额), ``current_appropriation`` (当年财政拨款),
            ``carryover`` (上年结转资金) or ``other`` (其他资金).
        label: as printed.
        initial_budget / adjusted_budget / executed: 年初预算数 / 全年预算数 / 全年执行数.
        weight / execution_rate / score: 分值 / 执行率 / 得分 (on the total row only).
        source: the row.
    """

    key: str
    label: str
    source: Source
    initial_budget: Figure | None = None
    adjusted_budget: Figure | None = None
    executed: Figure | None = None
    weight: Figure | None = None
    execution_rate: Figure | None = None
    score: Figure | None = None


@dataclass(frozen=True, slots=True)
class ResponsiblePerson:
    """项目负责人 / 经办人 with phone, as printed."""

    role: str
    name: str
    phone: str


@dataclass(frozen=True, slots=True)
class SelfEvaluation:
    """A 项目支出绩效自评表 or 部门整体支出绩效自评表.

    Attributes:
        scope: ``project`` or ``department``.
        title: the table title as printed.
        year: the year in the title, if printed.
        name: 项目名称 (or the department for a department-wide table).
        department / implementer: 主管部门 / 实施单位.
        funds: the funds rows.
        expected_goal / achieved_goal: 年度总体目标 预期目标 / 实际完成情况.
        indicators: the indicator rows in order.
        total_weight / total_score: the 总分 row.
        grade: 评价等级 when printed.
        persons: the persons responsible.
        source: where the table starts.
    """

    scope: str
    title: str
    name: str
    source: Source
    year: int | None = None
    department: str = ""
    implementer: str = ""
    funds: tuple[FundsRow, ...] = ()
    expected_goal: str = ""
    achieved_goal: str = ""
    indicators: tuple[Indicator, ...] = ()
    total_weight: Figure | None = None
    total_score: Figure | None = None
    grade: str = ""
    persons: tuple[ResponsiblePerson, ...] = ()

    def funds_row(self, key: str) -> FundsRow | None:
        """The funds row with ``key``, if present."""
        return next((row for row in self.funds if row.key == key), None)
