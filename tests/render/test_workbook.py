"""The template workbook and the JSON/YAML input: written, filled, read back."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from juesuan.errors import InputError
from juesuan.ingest.workbook import from_data, read_input
from juesuan.model.input import DisclosureInput
from juesuan.render import workbook
from juesuan.render.synthetic import example
from juesuan.serialize import to_data


@pytest.mark.parametrize("seed", [0, 3, 8])
def test_a_filled_workbook_reads_back_into_the_same_input(seed: int, tmp_path: Path) -> None:
    data = example(seed)
    workbook.write(tmp_path / "t.xlsx", data)
    assert read_input(tmp_path / "t.xlsx") == data


def test_the_blank_template_has_every_sheet_with_validation(tmp_path: Path) -> None:
    workbook.write(tmp_path / "t.xlsx", DisclosureInput(kind="final", year=2024, department=""))
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames == [
        "填表说明",
        "基本情况",
        "主要职能",
        "收支情况",
        "功能分类支出",
        "基本支出明细",
        "分科目收支",
        "其他事项",
        "绩效自评表1",
        "名词解释",
    ]
    lines = book["收支情况"]
    assert lines["B2"].value == "本年收入合计" and lines.column_dimensions["A"].hidden
    assert any(v.type == "decimal" for v in lines.data_validations.dataValidation)
    assert any(v.type == "list" for v in book["基本情况"].data_validations.dataValidation)


def _edit(path: Path, sheet: str, cell: str, value: object) -> Path:
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book.save(path)
    return path


def test_a_bad_amount_names_the_sheet_and_the_cell(tmp_path: Path) -> None:
    workbook.write(tmp_path / "t.xlsx", example(1))
    with pytest.raises(InputError, match="工作表“收支情况”D3：“很多”不是金额"):
        read_input(_edit(tmp_path / "t.xlsx", "收支情况", "D3", "很多"))


def test_a_negative_amount_and_a_score_above_its_weight_are_refused(tmp_path: Path) -> None:
    workbook.write(tmp_path / "t.xlsx", example(1))
    with pytest.raises(InputError, match="基本支出明细”D2：“-1”不是不小于0的金额"):
        read_input(_edit(tmp_path / "t.xlsx", "基本支出明细", "D2", -1))
    workbook.write(tmp_path / "u.xlsx", example(1))
    with pytest.raises(InputError, match="绩效自评表1”G15：得分99超过分值15"):
        read_input(_edit(tmp_path / "u.xlsx", "绩效自评表1", "G15", 99))


def test_a_missing_sheet_or_an_unknown_kind_is_named(tmp_path: Path) -> None:
    workbook.write(tmp_path / "t.xlsx", example(1))
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    del book["其他事项"]
    book.save(tmp_path / "t.xlsx")
    with pytest.raises(InputError, match="缺少工作表“其他事项”"):
        read_input(tmp_path / "t.xlsx")
    workbook.write(tmp_path / "u.xlsx", example(1))
    with pytest.raises(InputError, match="基本情况”C2：文档类型应为“决算”或“预算”"):
        read_input(_edit(tmp_path / "u.xlsx", "基本情况", "C2", "报告"))


def test_json_and_yaml_of_the_model_read_back_into_the_same_input(tmp_path: Path) -> None:
    import yaml

    data = example(2)
    (tmp_path / "d.json").write_text(json.dumps(to_data(data), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "d.yaml").write_text(yaml.safe_dump(to_data(data), allow_unicode=True), encoding="utf-8")
    assert read_input(tmp_path / "d.json") == data
    assert read_input(tmp_path / "d.yaml") == data


def test_json_errors_name_the_field() -> None:
    plain = to_data(example(2))
    assert isinstance(plain, dict)
    plain["income"]["previous"] = "上年"
    with pytest.raises(InputError, match=r"income\.previous：“上年”不是数字"):
        from_data(plain, "d.json")
    with pytest.raises(InputError, match="顶层：不认识的字段“colour”"):
        from_data({"kind": "final", "year": 2024, "department": "x", "colour": 1}, "d.json")
    with pytest.raises(InputError, match="缺少必填字段“department”"):
        from_data({"kind": "final", "year": 2024}, "d.json")


def test_a_file_that_is_not_a_workbook_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_text("not a workbook", encoding="utf-8")
    with pytest.raises(InputError, match="不是有效的 Excel 工作簿"):
        read_input(tmp_path / "x.xlsx")
    (tmp_path / "x.csv").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="不支持的输入格式"):
        read_input(tmp_path / "x.csv")
