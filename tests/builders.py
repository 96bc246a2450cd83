"""Builders of small disclosure texts in the Word-export layout, for tests."""

from __future__ import annotations

from collections.abc import Sequence

Indicator = tuple[
    str, str, str, str, str, str, str, str
]  # level1, level2, name, target, actual, weight, score, note


def table(rows: Sequence[Sequence[str]]) -> str:
    """Rows of cells as Word exports a table to text: one tab-prefixed cell a line, blank line between rows."""
    lines: list[str] = []
    for row in rows:
        lines.extend("\t" + cell for cell in row)
        lines.append("")
    return "\n".join(lines)


STANDARD_INDICATORS: tuple[Indicator, ...] = (
    ("产出指标", "数量指标", "发放次数", ">=2次", "2次", "20", "20", ""),
    ("产出指标", "质量指标", "资金发放合格率", "=100%", "100%", "15", "15", ""),
    ("产出指标", "时效指标", "项目完成时间", "<=2021年12月31日", "2021年12月31日", "10", "10", ""),
    ("产出指标", "成本指标", "项目总成本", "<=10万元", "10万元", "5", "5", ""),
    ("效益指标", "社会效益指标", "社会稳定", "有效", "达成预期指标", "30", "30", ""),
    ("满意度指标", "满意度指标", "受益人员满意度", ">=95%", "96%", "10", "10", ""),
)


def self_evaluation(
    name: str = "测试项目",
    funds: Sequence[str] = ("10.00", "10.00", "10.00", "10", "100.00%", "10"),
    sources: Sequence[Sequence[str]] = (("10.00", "10.00", "10.00"), ("0", "0", "0"), ("0", "0", "0")),
    indicators: Sequence[Indicator] = STANDARD_INDICATORS,
    total: tuple[str, str] = ("100", "100"),
) -> str:
    """A 项目支出绩效自评表 in the seed's layout."""
    rows: list[list[str]] = [
        ["项目支出绩效自评表"],
        ["(2021年度)"],
        ["项目名称", name],
        ["主管部门", "测试局", "实施单位", "测试局"],
        ["项目资金\n（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", *funds],
    ]
    labels = ("其中：当年财政拨款", "   上年结转资金", "  其他资金")
    for label, values in zip(labels, sources, strict=True):
        rows.append(["", label, *values, "—", "—", "—"])
    rows += [
        ["年度总体目标", "预期目标", "实际完成情况"],
        ["", "按计划完成", "已完成"],
        [
            "",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
    ]
    previous = ""
    for index, (level1, level2, indicator, target, actual, weight, score, note) in enumerate(indicators):
        lead = "年度绩效指标完成情况" if index == 0 else ""
        rows.append(
            [
                lead,
                level1 if level1 != previous else "",
                level2,
                indicator,
                target,
                actual,
                weight,
                score,
                note,
            ]
        )
        previous = level1
    rows.append(["总分", *total, ""])
    rows.append(["项目负责人：", "张三", "联系电话：", "0000"])
    return table(rows) + "\n"
