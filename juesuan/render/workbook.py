"""The template workbook a finance officer fills in (``juesuan template``), optionally filled.

One sheet per part of the input model (see :mod:`juesuan.model.input` for the shared
layout): 基本情况, 主要职能, 收支情况, 功能分类支出, 基本支出明细, 分科目收支, 其他事项,
one 绩效自评表 sheet per project (copy the sheet for more), and 名词解释. Column A of the
key/value sheets holds the field keys the reader goes by; it is hidden, so the officer
sees labels only. Amount cells carry data validation (non-negative numbers, two decimals
shown), choice cells a drop-down list; reasons are free text.

Filled from an input (``write(path, data)``), the workbook reads back into the same input;
the tests use that to pin the layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.model.input import (
    LINE_COLUMNS,
    LINE_ROWS,
    OTHER_ROWS,
    PROFILE_ROWS,
    VEHICLE_CATEGORIES,
    DisclosureInput,
    Entry,
    SelfEvaluationInput,
)
from juesuan.render.glossary import STANDARD_GLOSSARY
from juesuan.render.self_evaluation_xlsx import INDICATOR_HEADER

HEADER = Font(bold=True)
FILL = PatternFill("solid", fgColor="F2F2F2")
MONEY = "#,##0.00"
INCOME_COLUMNS = ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
EXPENDITURE_COLUMNS = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
FUNDS_LABELS = (
    ("total", "年度资金总额"),
    ("current", "其中：当年财政拨款"),
    ("carryover", "上年结转资金"),
    ("other", "其他资金"),
)
#: First row of the indicator table on a self-evaluation sheet.
INDICATOR_ROW = 15
EMPTY_ROWS = 12


def _header(sheet: Worksheet, row: int, titles: tuple[str, ...], start: int = 1) -> None:
    for column, title in enumerate(titles, start=start):
        cell = sheet.cell(row, column, title)
        cell.font, cell.fill = HEADER, FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _money_validation(sheet: Worksheet, ranges: str) -> None:
    rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    rule.error, rule.errorTitle = "请填写不小于0的数字（单位：万元）", "金额有误"
    sheet.add_data_validation(rule)
    rule.add(ranges)


def _choice(sheet: Worksheet, cell: str, choices: tuple[str, ...]) -> None:
    rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=False)
    sheet.add_data_validation(rule)
    rule.add(cell)


def _text_cell(sheet: Worksheet, row: int, column: int, value: object) -> None:
    """Write ``value``; a text such as "=100%" stays text instead of becoming a formula."""
    cell = sheet.cell(row, column, value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def _value_of(data: DisclosureInput, path: str) -> object:
    value: object = data
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _display(value: object, kind: str) -> object:
    if kind == "list" and isinstance(value, tuple):
        return "、".join(value)
    if kind == "items" and isinstance(value, tuple):
        return "；".join(value)
    if kind == "text" and value == "final":
        return "决算"
    if kind == "text" and value in ("budget", "department", "unit"):
        return {"budget": "预算", "department": "部门", "unit": "单位"}[str(value)]
    if isinstance(value, Decimal):
        return float(value)  # openpyxl writes numbers; the reader rounds back to cents
    return value


def _key_value_sheet(
    book: Workbook, title: str, rows: tuple[tuple[str, str, str], ...], data: DisclosureInput
) -> Worksheet:
    sheet = book.create_sheet(title)
    _header(sheet, 1, ("键", "项目", "内容"))
    for index, (key, label, kind) in enumerate(rows, start=2):
        sheet.cell(index, 1, key)
        sheet.cell(index, 2, label)
        cell = sheet.cell(index, 3, _display(_value_of(data, key), kind))
        if kind == "money":
            cell.number_format = MONEY
            _money_validation(sheet, cell.coordinate)
    sheet.column_dimensions["A"].hidden = True
    sheet.column_dimensions["B"].width = 36
    sheet.column_dimensions["C"].width = 60
    return sheet


def _entries(data: DisclosureInput) -> dict[str, Entry | None]:
    found: dict[str, Entry | None] = {}
    for key, _, _ in LINE_ROWS:
        if ":" in key:
            group, label = key.split(":")
            entries: tuple[Entry, ...] = getattr(data, group)
            found[key] = next((e for e in entries if e.label == label), None)
        else:
            value = _value_of(data, key)
            found[key] = value if isinstance(value, Entry) else None
    return found


def _lines_sheet(book: Workbook, data: DisclosureInput) -> None:
    sheet = book.create_sheet("收支情况")
    _header(sheet, 1, ("键", "项目", *(header for _, header in LINE_COLUMNS)))
    entries = _entries(data)
    for index, (key, label, _) in enumerate(LINE_ROWS, start=2):
        sheet.cell(index, 1, key)
        sheet.cell(index, 2, label)
        entry = entries[key]
        for column, (name, _) in enumerate(LINE_COLUMNS, start=3):
            value = getattr(entry, name) if entry is not None else None
            cell = sheet.cell(index, column, _display(value, "money") if value not in (None, "") else None)
            if column <= 5:
                cell.number_format = MONEY
    _money_validation(sheet, f"C2:E{len(LINE_ROWS) + 1}")
    sheet.column_dimensions["A"].hidden = True
    for letter, width in zip("BCDEFGH", (40, 14, 14, 16, 36, 36, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C2"


def _table_sheet(
    book: Workbook, title: str, headers: tuple[str, ...], rows: Sequence[tuple[object, ...]], money_from: int
) -> Worksheet:
    sheet = book.create_sheet(title)
    _header(sheet, 1, headers)
    for index, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(index, column, _display(value, "money"))
            if column >= money_from and isinstance(value, Decimal):
                cell.number_format = MONEY
    last = max(len(rows) + 1, 2) + EMPTY_ROWS
    if money_from <= len(headers):
        _money_validation(sheet, f"{chr(64 + money_from)}2:{chr(64 + len(headers))}{last}")
    for column in range(1, len(headers) + 1):
        sheet.column_dimensions[chr(64 + column)].width = 30 if column == 2 else 14
    sheet.freeze_panes = "A2"
    return sheet


def _evaluation_sheet(book: Workbook, number: int, evaluation: SelfEvaluationInput | None) -> None:
    sheet = book.create_sheet(f"绩效自评表{number}")
    e = evaluation or SelfEvaluationInput(name="")
    for row, (label, text) in enumerate(
        (("项目名称", e.name), ("主管部门", e.department), ("实施单位", e.implementer)), start=1
    ):
        sheet.cell(row, 1, label).font = HEADER
        sheet.cell(row, 2, text)
    _header(sheet, 4, ("项目资金（万元）", "年初预算数", "全年预算数", "全年执行数"))
    for row, (name, label) in enumerate(FUNDS_LABELS, start=5):
        funds = getattr(e, name)
        sheet.cell(row, 1, label)
        for column, amount in enumerate((funds.initial, funds.adjusted, funds.executed), start=2):
            sheet.cell(row, column, float(amount)).number_format = MONEY
    _money_validation(sheet, "B5:D8")
    for row, (label, goal) in enumerate(
        (("预期目标", e.expected_goal), ("实际完成情况", e.achieved_goal)), start=9
    ):
        sheet.cell(row, 1, label).font = HEADER
        sheet.cell(row, 2, goal)
    persons = list(e.persons) or [("项目负责人", "", ""), ("经办人", "", "")]
    for row, (role, name, phone) in enumerate(persons[:2], start=11):
        sheet.cell(row, 1, role).font = HEADER
        sheet.cell(row, 2, name)
        sheet.cell(row, 3, phone)
    _header(sheet, INDICATOR_ROW - 1, INDICATOR_HEADER)
    for row, item in enumerate(e.indicators, start=INDICATOR_ROW):
        cells: tuple[object, ...] = (
            item.level1,
            item.level2,
            item.name,
            item.target,
            item.actual,
            float(item.weight),
            float(item.score),
            item.note,
        )
        for column, value in enumerate(cells, start=1):
            _text_cell(sheet, row, column, value)
    last = INDICATOR_ROW + len(e.indicators) + EMPTY_ROWS
    _choice(sheet, f"A{INDICATOR_ROW}:A{last}", ("产出指标", "效益指标", "满意度指标"))
    rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
    sheet.add_data_validation(rule)
    rule.add(f"F{INDICATOR_ROW}:G{last}")
    for letter, width in zip("ABCDEFGH", (18, 16, 30, 16, 16, 8, 8, 30), strict=True):
        sheet.column_dimensions[letter].width = width


def workbook(data: DisclosureInput) -> Workbook:
    """The workbook for ``data`` (an empty input gives the blank template)."""
    book = Workbook()
    guide = book.active
    guide.title = "填表说明"
    for row, text in enumerate(GUIDE, start=1):
        guide.cell(row, 1, text)
    guide.column_dimensions["A"].width = 110
    profile = _key_value_sheet(book, "基本情况", PROFILE_ROWS, data)
    _choice(profile, "C2", ("决算", "预算"))
    _choice(profile, "C3", ("部门", "单位"))
    _table_sheet(
        book, "主要职能", ("序号", "主要职能"), [(n, f) for n, f in enumerate(data.profile.functions, 1)], 99
    )
    _lines_sheet(book, data)
    items = [
        (i.code, i.name, i.basic, i.project, i.budget, i.budget_reason) for i in data.general_budget_items
    ]
    _table_sheet(
        book,
        "功能分类支出",
        ("科目编码", "科目名称", "基本支出", "项目支出", "年初预算数", "预决算差异原因"),
        items,
        3,
    )
    basic = [("人员经费", e.code, e.label, e.amount) for e in data.basic.personnel_items]
    basic += [("公用经费", e.code, e.label, e.amount) for e in data.basic.operating_items]
    sheet = _table_sheet(book, "基本支出明细", ("类别", "经济分类科目编码", "科目名称", "金额"), basic, 4)
    _choice(sheet, f"A2:A{len(basic) + 1 + EMPTY_ROWS}", ("人员经费", "公用经费"))
    _table_sheet(
        book, "分科目收支", ("科目编码", "科目名称", *INCOME_COLUMNS, *EXPENDITURE_COLUMNS), _rows(data), 3
    )
    other = _key_value_sheet(book, "其他事项", OTHER_ROWS, data)
    counts = dict(data.assets.vehicle_categories)
    for offset, name in enumerate(VEHICLE_CATEGORIES, start=len(OTHER_ROWS) + 2):
        other.cell(offset, 1, f"vehicle:{name}")
        other.cell(offset, 2, f"其中：{name}（辆）")
        other.cell(offset, 3, counts.get(name, 0))
    for number, evaluation in enumerate(data.performance.evaluations or (None,), start=1):
        _evaluation_sheet(book, number, evaluation)
    _table_sheet(book, "名词解释", ("名词", "解释"), list(data.glossary or STANDARD_GLOSSARY), 99)
    return book


def _rows(data: DisclosureInput) -> list[tuple[object, ...]]:
    """The function rows of 公开02/03表, income and expenditure side by side by code."""
    merged: dict[str, list[object]] = {}
    width = len(INCOME_COLUMNS) + len(EXPENDITURE_COLUMNS)
    for offset, rows in ((0, data.income_rows), (len(INCOME_COLUMNS), data.expenditure_rows)):
        for row in rows:
            values = merged.setdefault(row.code, [row.code, row.name, *([Decimal(0)] * width)])
            for index, value in enumerate(row.values):
                values[2 + offset + index] = value
    return [tuple(values) for values in merged.values()]


def write(path: str | Path, data: DisclosureInput) -> None:
    """Save the workbook for ``data`` to ``path``."""
    workbook(data).save(path)


GUIDE = (
    "juesuan 部门决算（预算）公开模板：填写后运行 juesuan render 本文件.xlsx -o 决算.docx 生成公开文档。",
    "金额单位均为万元，保留两位小数；“上年数”“年初预算数”不填时，文中不写同比或预算对比。",
    "占比、增减额、增长率、完成率以及“增加/减少/持平”“大于/小于/等于”等用词均由程序按数字计算，无需填写。",
    "金额有变化时请填写“主要原因”；缺少原因时程序会列出提示。",
    "合计数请按财务系统数填写：合计与分项不符时程序拒绝生成并指出矛盾（可用 --force 强制生成）。",
    "绩效指标值以“=”开头时请写成“＝100%”或在前面加英文单引号（'=100%），否则 Excel 会当作公式。",
    "每个项目一张“绩效自评表”工作表：复制“绩效自评表1”并改名为“绩效自评表2”“绩效自评表3”……",
    "执行率、执行率得分（10×执行率，超过100%不加分）和总分由程序计算。",
    "“分科目收支”用于生成《收入决算表》《支出决算表》；不填时《支出决算表》按“功能分类支出”生成。",
)
