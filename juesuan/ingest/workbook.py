"""The generator's input: the filled template workbook, or JSON/YAML of the input model.

This is the ingest stage for ``juesuan render``: it reads a file the user gives and turns
it into the typed :class:`~juesuan.model.input.DisclosureInput` (instead of a Document,
because the workbook is data, not a document to extract from). The workbook's layout is
shared with its writer through :mod:`juesuan.model.input`.

Every problem becomes an :class:`~juesuan.errors.InputError` naming the file and the place
— ``工作表“收支情况”C5`` or ``income.previous`` — never a traceback.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from juesuan.errors import InputError
from juesuan.model.input import (
    LINE_COLUMNS,
    LINE_ROWS,
    OTHER_ROWS,
    PROFILE_ROWS,
    DisclosureInput,
    Entry,
    FundsInput,
    IndicatorInput,
    SelfEvaluationInput,
)

CENT = Decimal("0.01")
KINDS = {"决算": "final", "预算": "budget", "final": "final", "budget": "budget"}
SCOPES = {"部门": "department", "单位": "unit", "department": "department", "unit": "unit"}
INCOME_COUNT = 6


def read_input(path: str | Path) -> DisclosureInput:
    """The input in ``path`` (.xlsx/.xlsm workbook, .json, .yaml/.yml)."""
    file = Path(path)
    if not file.exists():
        raise InputError(str(path), "文件不存在")
    suffix = file.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_workbook(file, str(path))
    if suffix in (".json", ".yaml", ".yml"):
        return from_data(_load_structured(file, str(path)), str(path))
    raise InputError(str(path), f"不支持的输入格式“{suffix or '无后缀'}”（支持：.xlsx、.json、.yaml）")


def _load_structured(file: Path, name: str) -> object:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(name, f"无法读取：{error}") from error
    if file.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(
                name, f"第{error.lineno}行第{error.colno}列：JSON 格式错误（{error.msg}）"
            ) from error
    try:
        import yaml
    except ImportError as error:  # pragma: no cover - PyYAML is a dependency
        raise InputError(name, "读取 YAML 需要 PyYAML（pip install pyyaml）") from error
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第{mark.line + 1}行：" if mark is not None else ""
        raise InputError(name, f"{where}YAML 格式错误") from error


# --- JSON / YAML: the model's own field names -----------------------------------------


def from_data(data: object, name: str = "<数据>") -> DisclosureInput:
    """Build the input from plain data (the shape ``juesuan.serialize.to_data`` writes)."""
    result = _build(DisclosureInput, data, name, "")
    assert isinstance(result, DisclosureInput)
    return result


def _build(kind: Any, value: object, name: str, place: str) -> object:
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return None if value is None else _build(options[0], value, name, place)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _dataclass(kind, value, name, place)
    if origin is tuple:
        return _tuple(kind, value, name, place)
    if kind is Decimal:
        return _decimal(value, name, place)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise InputError(name, f"{place}：应为整数，而不是“{value}”")
        try:
            return int(value)
        except ValueError as error:
            raise InputError(name, f"{place}：“{value}”不是整数") from error
    if kind is str:
        if not isinstance(value, str | int | float):
            raise InputError(name, f"{place}：应为文字")
        return str(value)
    raise InputError(name, f"{place}：无法读取的类型")  # pragma: no cover - the model has no others


def _dataclass(kind: type, value: object, name: str, place: str) -> object:
    if not isinstance(value, dict):
        raise InputError(name, f"{place or '顶层'}：应为对象（键值对）")
    hints = typing.get_type_hints(kind)
    known = {f.name for f in dataclasses.fields(kind)}
    unknown = sorted(set(value) - known)
    if unknown:
        raise InputError(name, f"{place or '顶层'}：不认识的字段“{'、'.join(map(str, unknown))}”")
    fields = {
        key: _build(hints[key], item, name, f"{place}.{key}" if place else key) for key, item in value.items()
    }
    try:
        return kind(**fields)
    except TypeError as error:
        missing = [
            f.name
            for f in dataclasses.fields(kind)
            if f.name not in fields
            and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        ]
        raise InputError(name, f"{place or '顶层'}：缺少必填字段“{'、'.join(missing)}”") from error


def _tuple(kind: Any, value: object, name: str, place: str) -> tuple[object, ...]:
    if not isinstance(value, list | tuple):
        raise InputError(name, f"{place}：应为列表")
    arguments = typing.get_args(kind)
    if len(arguments) == 2 and arguments[1] is Ellipsis:
        return tuple(_build(arguments[0], item, name, f"{place}[{n}]") for n, item in enumerate(value))
    if len(value) != len(arguments):
        raise InputError(name, f"{place}：应有{len(arguments)}项，实有{len(value)}项")
    return tuple(
        _build(k, item, name, f"{place}[{n}]")
        for n, (k, item) in enumerate(zip(arguments, value, strict=True))
    )


def _decimal(value: object, name: str, place: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise InputError(name, f"{place}：应为数字")
    text = repr(value) if isinstance(value, float) else str(value)
    try:
        number = Decimal(text.replace(",", "").strip())
    except InvalidOperation as error:
        raise InputError(name, f"{place}：“{value}”不是数字") from error
    if not number.is_finite():
        raise InputError(name, f"{place}：“{value}”不是数字")
    return number


# --- the workbook ---------------------------------------------------------------------


class _Sheets:
    """The open workbook and its file name, for reading cells with their place."""

    def __init__(self, book: Any, name: str) -> None:
        self.book = book
        self.name = name

    def sheet(self, title: str) -> Any:
        if title not in self.book.sheetnames:
            raise InputError(self.name, f"缺少工作表“{title}”（请用 juesuan template 生成的模板填写）")
        return self.book[title]

    def fail(self, sheet: Any, cell: Any, message: str) -> InputError:
        return InputError(self.name, f"工作表“{sheet.title}”{cell.coordinate}：{message}")

    def money(self, sheet: Any, cell: Any, required: bool = False) -> Decimal | None:
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise self.fail(sheet, cell, "金额不能为空")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
            raise self.fail(sheet, cell, f"“{value}”不是金额")
        text = repr(value) if isinstance(value, float) else str(value)
        try:
            number = Decimal(text.replace(",", "").strip())
        except InvalidOperation as error:
            raise self.fail(sheet, cell, f"“{value}”不是金额") from error
        if not number.is_finite() or number < 0:
            raise self.fail(sheet, cell, f"“{value}”不是不小于0的金额")
        return number.quantize(CENT)

    def integer(self, sheet: Any, cell: Any) -> int:
        value = cell.value
        if value is None or value == "":
            return 0
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation as error:
            raise self.fail(sheet, cell, f"“{value}”不是整数") from error
        if number != number.to_integral_value() or number < 0:
            raise self.fail(sheet, cell, f"“{value}”不是非负整数")
        return int(number)

    @staticmethod
    def text(cell: Any) -> str:
        return "" if cell.value is None else str(cell.value).strip()


def read_workbook(file: Path, name: str) -> DisclosureInput:
    """The input from a filled template workbook."""
    try:
        from openpyxl import load_workbook

        book = load_workbook(file, data_only=True, read_only=False)
    except InputError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InputError(name, f"不是有效的 Excel 工作簿（{type(error).__name__}）") from error
    sheets = _Sheets(book, name)
    fields: dict[str, Any] = {}
    _key_values(sheets, "基本情况", PROFILE_ROWS, fields)
    _key_values(sheets, "其他事项", OTHER_ROWS, fields)
    fields["profile.functions"] = tuple(_column(sheets, "主要职能", 2))
    _lines(sheets, fields)
    _general_budget(sheets, fields)
    _basic_items(sheets, fields)
    _function_rows(sheets, fields)
    fields["performance.evaluations"] = tuple(
        _evaluation(sheets, book[title]) for title in book.sheetnames if title.startswith("绩效自评表")
    )
    fields["glossary"] = tuple(
        (sheets.text(row[0]), sheets.text(row[1]))
        for row in sheets.sheet("名词解释").iter_rows(min_row=2, max_col=2)
        if sheets.text(row[0])
    )
    return _assemble(fields, name)


def _key_values(
    sheets: _Sheets, title: str, spec: tuple[tuple[str, str, str], ...], fields: dict[str, Any]
) -> None:
    sheet = sheets.sheet(title)
    kinds = {key: kind for key, _, kind in spec}
    vehicles: list[tuple[str, int]] = []
    for row in sheet.iter_rows(min_row=2, max_col=3):
        key = sheets.text(row[0])
        cell = row[2]
        if key.startswith("vehicle:"):
            vehicles.append((key.removeprefix("vehicle:"), sheets.integer(sheet, cell)))
        elif key in kinds:
            fields[key] = _typed(sheets, sheet, cell, kinds[key])
    if vehicles:
        fields["assets.vehicle_categories"] = tuple(vehicles)


def _typed(sheets: _Sheets, sheet: Any, cell: Any, kind: str) -> object:
    if kind == "int":
        return sheets.integer(sheet, cell)
    if kind == "money":
        return sheets.money(sheet, cell) or Decimal("0.00")
    text = sheets.text(cell)
    if kind == "list":
        return tuple(part.strip() for part in text.replace("，", "、").split("、") if part.strip())
    if kind == "items":
        return tuple(part.strip() for part in text.replace(";", "；").split("；") if part.strip())
    return text


def _column(sheets: _Sheets, title: str, column: int) -> Iterator[str]:
    for row in sheets.sheet(title).iter_rows(min_row=2, min_col=column, max_col=column):
        if sheets.text(row[0]):
            yield sheets.text(row[0])


def _lines(sheets: _Sheets, fields: dict[str, Any]) -> None:
    sheet = sheets.sheet("收支情况")
    labels = {key: printed for key, _, printed in LINE_ROWS}
    for row in sheet.iter_rows(min_row=2, max_col=2 + len(LINE_COLUMNS)):
        key = sheets.text(row[0])
        if key not in labels:
            continue
        values: dict[str, Any] = {}
        for (name, _), cell in zip(LINE_COLUMNS, row[2:], strict=True):
            values[name] = (
                sheets.money(sheet, cell, required=name == "amount" and key != "agency_costs")
                if name in ("amount", "previous", "budget")
                else sheets.text(cell)
            )
        if values["amount"] is None:
            continue  # only 机关运行经费 may be left empty: the unit has none
        fields[key] = Entry(label=labels[key], **values)


def _general_budget(sheets: _Sheets, fields: dict[str, Any]) -> None:
    from juesuan.model.input import FunctionItem

    sheet = sheets.sheet("功能分类支出")
    items = []
    for row in sheet.iter_rows(min_row=2, max_col=6):
        code = sheets.text(row[0])
        if not code:
            continue
        items.append(
            FunctionItem(
                code=code,
                name=sheets.text(row[1]),
                basic=sheets.money(sheet, row[2]) or Decimal("0.00"),
                project=sheets.money(sheet, row[3]) or Decimal("0.00"),
                budget=sheets.money(sheet, row[4]),
                budget_reason=sheets.text(row[5]),
            )
        )
    fields["general_budget_items"] = tuple(items)


def _basic_items(sheets: _Sheets, fields: dict[str, Any]) -> None:
    sheet = sheets.sheet("基本支出明细")
    groups: dict[str, list[Entry]] = {"人员经费": [], "公用经费": []}
    for row in sheet.iter_rows(min_row=2, max_col=4):
        kind, label = sheets.text(row[0]), sheets.text(row[2])
        if not kind and not label:
            continue
        if kind not in groups:
            raise sheets.fail(sheet, row[0], f"类别应为“人员经费”或“公用经费”，而不是“{kind}”")
        amount = sheets.money(sheet, row[3], required=True)
        assert amount is not None
        groups[kind].append(Entry(label=label, amount=amount, code=sheets.text(row[1])))
    fields["basic.personnel_items"] = tuple(groups["人员经费"])
    fields["basic.operating_items"] = tuple(groups["公用经费"])


def _function_rows(sheets: _Sheets, fields: dict[str, Any]) -> None:
    from juesuan.model.input import FunctionRow

    sheet = sheets.sheet("分科目收支")
    income, spending = [], []
    for row in sheet.iter_rows(min_row=2, max_col=13):
        code = sheets.text(row[0])
        if not code:
            continue
        values = [sheets.money(sheet, cell) or Decimal("0.00") for cell in row[2:13]]
        name = sheets.text(row[1])
        if any(values[:INCOME_COUNT]):
            income.append(FunctionRow(code, name, tuple(values[:INCOME_COUNT])))
        if any(values[INCOME_COUNT:]):
            spending.append(FunctionRow(code, name, tuple(values[INCOME_COUNT:])))
    fields["income_rows"], fields["expenditure_rows"] = tuple(income), tuple(spending)


def _evaluation(sheets: _Sheets, sheet: Any) -> SelfEvaluationInput:
    by_label: dict[str, tuple[Any, ...]] = {}
    indicators: list[IndicatorInput] = []
    in_indicators = False
    for row in sheet.iter_rows(max_col=8):
        label = sheets.text(row[0]).replace(" ", "")
        if label == "一级指标":
            in_indicators = True
            continue
        if in_indicators:
            if any(sheets.text(cell) for cell in row):
                indicators.append(_indicator(sheets, sheet, row))
        elif label:
            by_label.setdefault(label, row)

    def text(label: str, column: int = 1) -> str:
        row = by_label.get(label)
        return sheets.text(row[column]) if row is not None else ""

    def funds(label: str) -> FundsInput:
        row = by_label.get(label)
        if row is None:
            return FundsInput()
        values = [sheets.money(sheet, cell) or Decimal("0.00") for cell in row[1:4]]
        return FundsInput(*values)

    persons = tuple(
        (role, text(role), text(role, 2)) for role in ("项目负责人", "经办人") if role in by_label
    )
    return SelfEvaluationInput(
        name=text("项目名称"),
        department=text("主管部门"),
        implementer=text("实施单位"),
        total=funds("年度资金总额"),
        current=funds("其中：当年财政拨款"),
        carryover=funds("上年结转资金"),
        other=funds("其他资金"),
        expected_goal=text("预期目标"),
        achieved_goal=text("实际完成情况"),
        indicators=tuple(indicators),
        persons=persons,
    )


def _indicator(sheets: _Sheets, sheet: Any, row: tuple[Any, ...]) -> IndicatorInput:
    texts = [sheets.text(cell) for cell in row]
    weight = sheets.money(sheet, row[5], required=True)
    score = sheets.money(sheet, row[6], required=True)
    assert weight is not None and score is not None
    weight, score = _whole(weight), _whole(score)
    if score > weight:
        raise sheets.fail(sheet, row[6], f"得分{score}超过分值{weight}")
    return IndicatorInput(
        level1=texts[0],
        level2=texts[1],
        name=texts[2],
        target=texts[3],
        actual=texts[4],
        weight=weight,
        score=score,
        note=texts[7],
    )


def _whole(value: Decimal) -> Decimal:
    """``15.00`` → ``15``: scores are written as the officer would, whole when whole."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _assemble(fields: dict[str, Any], name: str) -> DisclosureInput:
    """Nest the flat ``a.b.c`` fields into the input's dataclasses."""
    tree: dict[str, Any] = {}
    for path, value in fields.items():
        if ":" in path:
            group, _ = path.split(":")
            tree.setdefault(group, []).append(value)
            continue
        node = tree
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    kind, scope = tree.get("kind", ""), tree.get("scope", "") or "部门"
    if kind not in KINDS:
        raise InputError(name, f"工作表“基本情况”C2：文档类型应为“决算”或“预算”，而不是“{kind}”")
    if scope not in SCOPES:
        raise InputError(name, f"工作表“基本情况”C3：公开主体应为“部门”或“单位”，而不是“{scope}”")
    if not tree.get("year"):
        raise InputError(name, "工作表“基本情况”C4：请填写年度")
    if not tree.get("department"):
        raise InputError(name, "工作表“基本情况”C5：请填写部门（单位）名称")
    tree["kind"], tree["scope"] = KINDS[kind], SCOPES[scope]
    data: DisclosureInput = _instantiate(DisclosureInput, tree)
    return data


def _instantiate(kind: Any, tree: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(kind)
    values: dict[str, Any] = {}
    for key, raw in tree.items():
        target = hints[key]
        value = tuple(raw) if isinstance(raw, list) else raw
        if isinstance(value, dict) and dataclasses.is_dataclass(target):
            value = _instantiate(target, value)
        values[key] = value
    return kind(**values)
