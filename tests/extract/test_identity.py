"""Department and year as real covers, labels and file names state them (corpus phrasings)."""

from __future__ import annotations

import pytest

from juesuan.extract.identity import department_of, year_of
from juesuan.ingest.text import parse


@pytest.mark.parametrize(
    ("file", "text", "department", "year"),
    [
        ("a.txt", "2026 年深圳市信访局部门预算\n目 录\n", "深圳市信访局", 2026),
        ("a.txt", "2026 年深圳市财政局（本级）部门预\n算\n目 录\n", "深圳市财政局", 2026),
        (
            "a.txt",
            "上海市普陀区2024年区级部门预算\n预算主管部门：上海市普陀区人民政府万里街道办事处\n目 录\n",
            "上海市普陀区人民政府万里街道办事处",
            2024,
        ),
        (
            "a.txt",
            "收支预算总表\n公开表一\n部门： 江苏省人大常委会办公厅 单位：万元\n",
            "江苏省人大常委会办公厅",
            None,
        ),
        ("a.txt", "江苏省省级报表部 门:中共江苏省委办公厅江苏省财政厅印制\n", "中共江苏省委办公厅", None),
        (
            "a.txt",
            "部门名称：西安市安全生产监督管理局保密审查情况：不设密\n",
            "西安市安全生产监督管理局",
            None,
        ),
        ("a.txt", "北京市信访办公室部门 信息\n", "北京市信访办公室", None),
        # A statements-only attachment: nothing on the page names the department, the file does.
        (
            "附件2：中共北京市委军民融合发展委员会办公室2026年度部门预算报表.txt",
            "预算01表 收支总表\n金额单位：万元\n",
            "中共北京市委军民融合发展委员会办公室",
            2026,
        ),
        # A table title is never a department, and a file named only by its office is not trusted.
        ("政府办公厅_2026年部门预算.txt", "部门整体绩效自评表（）\n（2024年度）\n", "", 2024),
        ("a.txt", "第一部分 情况\n", "", None),
    ],
)
def test_department_and_year(file: str, text: str, department: str, year: int | None) -> None:
    document = parse(text, file)
    assert department_of(document) == department
    assert year_of(document) == year
