"""The self-evaluation spreadsheet template: write self-evaluations in the standard layout.

One worksheet per table, laid out like the central template of 财预〔2020〕10号 (title, year,
names, the funds block, the annual goals, the indicators, 总分 and the persons responsible).
Every value is written as text exactly as printed, so nothing passes through a float and the
workbook reads back — through the ordinary XLSX reader and the self-evaluation extractor —
to the same tables. With no tables, a blank template with the default weights is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from juesuan.model.figures import Figure
from juesuan.model.performance import FundsRow, Indicator, Quantity, SelfEvaluation
from juesuan.source import Source

WIDTH = 9
FUNDS_HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
FUNDS_LABELS = (
    ("total", "年度资金总额"),
    ("current_appropriation", "其中：当年财政拨款"),
    ("carryover", "上年结转资金"),
    ("other", "其他资金"),
)
INDICATOR_HEADER = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)
#: The blank template's indicator rows: level 1, level 2, default weight (50/30/10 split).
BLANK_INDICATORS = (
    ("产出指标", "数量指标", "15"),
    ("产出指标", "质量指标", "15"),
    ("产出指标", "时效指标", "10"),
    ("产出指标", "成本指标", "10"),
    ("效益指标", "社会效益指标", "15"),
    ("效益指标", "可持续影响指标", "15"),
    ("满意度指标", "服务对象满意度指标", "10"),
)


def rows_of(evaluation: SelfEvaluation) -> list[list[str]]:
    """The rows of one table in the standard layout (``WIDTH`` cells each)."""
    department = evaluation.scope == "department"
    rows: list[list[str]] = [[evaluation.title or _default_title(department)]]
    if evaluation.year is not None:
        rows.append([f"（{evaluation.year}年度）"])
    if department:
        rows.append(["部门（单位）名称", evaluation.name])
    else:
        rows.append(["项目名称", evaluation.name])
        rows.append(["主管部门", evaluation.department, "", "实施单位", evaluation.implementer])
    rows.append(["项目资金（万元）" if not department else "年度资金（万元）", "", *FUNDS_HEADER])
    for key, label in FUNDS_LABELS:
        row = evaluation.funds_row(key)
        rows.append(["", label, *_funds_cells(row, key == "total")])
    rows.append(["年度总体目标", "预期目标", "", "", "", "实际完成情况"])
    rows.append(["", evaluation.expected_goal, "", "", "", evaluation.achieved_goal])
    rows.append(["年度绩效指标", *INDICATOR_HEADER])
    for indicator in evaluation.indicators:
        rows.append(
            [
                "",
                indicator.level1,
                indicator.level2,
                indicator.name,
                indicator.target.text,
                indicator.actual.text,
                _text(indicator.weight),
                _text(indicator.score),
                indicator.deviation_note,
            ]
        )
    rows.append(
        [
            "总分",
            "",
            "",
            "",
            "",
            "",
            _text(evaluation.total_weight),
            _text(evaluation.total_score),
            evaluation.grade,
        ]
    )
    for person in evaluation.persons:
        rows.append(
            [
                person.role if person.role.endswith("：") else f"{person.role}：",
                person.name,
                "联系电话：",
                person.phone,
            ]
        )
    return [row + [""] * (WIDTH - len(row)) for row in rows]


def blank(scope: str = "project", year: int | None = None) -> SelfEvaluation:
    """An empty self-evaluation with the default weights, for the blank template."""
    here = Source(file="template", derived="template")
    indicators = tuple(
        Indicator(
            level1=level1,
            level2=level2,
            name="",
            target=Quantity("", here),
            actual=Quantity("", here),
            weight=Figure(Decimal(weight), "分", here, 0),
            score=None,
            deviation_note="",
            source=here,
        )
        for level1, level2, weight in BLANK_INDICATORS
    )
    total = FundsRow("total", "年度资金总额", here, weight=Figure(Decimal(10), "分", here, 0))
    return SelfEvaluation(
        scope=scope,
        title=_default_title(scope == "department"),
        name="",
        source=here,
        year=year,
        funds=(total,),
        indicators=indicators,
        total_weight=Figure(Decimal(100), "分", here, 0),
    )


def write(evaluations: Sequence[SelfEvaluation], path: str | Path) -> Path:
    """Write ``evaluations`` (a blank template when empty) to the workbook ``path``."""
    workbook: Any = Workbook()
    sheet = workbook.active
    for index, evaluation in enumerate(evaluations or (blank(),), start=1):
        if index > 1:
            sheet = workbook.create_sheet()
        sheet.title = _sheet_title(evaluation, index)
        for number, row in enumerate(rows_of(evaluation), start=1):
            for column, text in enumerate(row, start=1):
                cell = sheet.cell(row=number, column=column, value=text)
                cell.data_type = "s"  # "=1人" is a target, not a formula
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=WIDTH)
        sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
        sheet.cell(row=1, column=1).alignment = Alignment(horizontal="center")
        for letter, size in zip("ABCDEFGHI", (16, 14, 16, 30, 16, 16, 8, 8, 28), strict=True):
            sheet.column_dimensions[letter].width = size
    target = Path(path)
    workbook.save(target)
    return target


def _default_title(department: bool) -> str:
    return "部门整体支出绩效自评表" if department else "项目支出绩效自评表"


def _sheet_title(evaluation: SelfEvaluation, index: int) -> str:
    name = evaluation.name or "自评表"
    for bad in "[]:*?/\\":
        name = name.replace(bad, "")
    return f"{index}-{name}"[:31]  # Excel's limit on sheet names


def _text(figure: Figure | None) -> str:
    if figure is None:
        return ""
    return figure.source.text.strip() or f"{figure.value:f}"


def _funds_cells(row: FundsRow | None, total: bool) -> list[str]:
    if row is None:
        return ["", "", "", "10" if total else "—", "" if total else "—", "" if total else "—"]
    rate = row.execution_rate
    return [
        _text(row.initial_budget),
        _text(row.adjusted_budget),
        _text(row.executed),
        _text(row.weight) if total else "—",
        (rate.source.text.strip() or f"{rate.value:f}%")
        if total and rate is not None
        else ("" if total else "—"),
        _text(row.score) if total else "—",
    ]
