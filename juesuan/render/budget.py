"""The explanatory narrative of a budget disclosure (部门预算公开, DOMAIN.md §1.4).

Same input model as a final-accounts disclosure, read as budget figures: ``amount`` is this
year's budget and ``previous`` last year's budget, so every comparison is "比上年预算". The
sections follow the usual budget outline: totals, income, expenditure, appropriation,
general-budget appropriation by 项, basic expenditure, “三公”经费, the two funds, other
matters (机关运行经费, 政府采购预算, 国有资产占用 at the end of last year, 绩效目标).
"""

from __future__ import annotations

from juesuan.model.input import DisclosureInput, Entry
from juesuan.render import numbers
from juesuan.render.writer import Writer, amount, change_with_reason

SINCE = "比上年预算"
#: No change, as budgets print it ("比上年预算持平" is not said).
SAME = "与上年预算持平"


def _line(writer: Writer, entry: Entry, label: str) -> str:
    """``本年收入预算320.50万元，比上年预算增加30.50万元，增长10.52%，主要原因是：…``."""
    return f"{label}{amount(entry.amount)}{change_with_reason(writer, entry, SINCE, label, same=SAME)}"


def _shares(parts: tuple[Entry, ...], total: Entry) -> str:
    return "；".join(f"{p.label}{amount(p.amount)}，{numbers.share(p.amount, total.amount)}" for p in parts)


def write(writer: Writer, data: DisclosureInput) -> None:
    """第二部分 of a budget disclosure."""
    year = data.year
    writer.heading(2, "一、", "收支预算总体情况说明")
    writer.paragraph(
        f"{year}年度{_line(writer, data.income, '本年收入预算')}。{_line(writer, data.expenditure, '本年支出预算')}。"
    )
    writer.heading(2, "二、", "收入预算情况说明")
    writer.paragraph(
        f"{year}年度本年收入预算{amount(data.income.amount)}，其中：{_shares(data.income_sources, data.income)}。"
    )
    writer.heading(2, "三、", "支出预算情况说明")
    writer.paragraph(
        f"{year}年度本年支出预算{amount(data.expenditure.amount)}，其中：{_shares(data.expenditure_types, data.expenditure)}。"
    )
    writer.heading(2, "四、", "财政拨款收支预算总体情况说明")
    writer.paragraph(
        f"{year}年度{_line(writer, data.appropriation_income, '财政拨款收入预算')}。"
        f"{_line(writer, data.appropriation_expenditure, '财政拨款支出预算')}。"
    )
    writer.heading(2, "五、", "一般公共预算当年拨款情况说明")
    items = data.general_budget_items
    writer.paragraph(
        f"{year}年度{_line(writer, data.general_budget, '一般公共预算财政拨款支出预算')}。"
        + ("按功能分类科目项级科目公开，其中：" if items else "")
    )
    for index, item in enumerate(items):
        end = "。" if index == len(items) - 1 else "；"
        writer.paragraph(f"{item.code}{item.name}{amount(item.amount)}{end}", "item")
    _basic_and_three_public(writer, data)
    _other_matters(writer, data)


def _basic_and_three_public(writer: Writer, data: DisclosureInput) -> None:
    info = data.basic
    writer.heading(2, "六、", "一般公共预算基本支出预算情况说明")
    writer.paragraph(f"{data.year}年度一般公共预算基本支出预算{amount(info.total.amount)}，其中：")
    for head, items in ((info.personnel, info.personnel_items), (info.operating, info.operating_items)):
        listed = "、".join(f"{item.label}{amount(item.amount)}" for item in items)
        writer.paragraph(f"{head.label}{amount(head.amount)}" + (f"，包括：{listed}。" if listed else "。"))
    three = data.three_public
    writer.heading(2, "七、", "一般公共预算“三公”经费预算情况说明")
    parts = "；".join(
        f"{e.label}预算{amount(e.amount)}，{numbers.share(e.amount, three.total.amount)}"
        f"{change_with_reason(writer, e, SINCE, e.label, same=SAME)}"
        for e in (three.overseas, three.vehicles, three.reception)
    )
    writer.paragraph(
        f"{data.year}年度一般公共预算“三公”经费预算{amount(three.total.amount)}"
        f"{change_with_reason(writer, three.total, SINCE, '“三公”经费', same=SAME)}。其中：{parts}。"
    )
    for number, name, fund in (
        ("八、", "政府性基金预算", data.government_fund),
        ("九、", "国有资本经营预算", data.state_capital),
    ):
        writer.heading(2, number, f"{name}支出预算情况说明")
        if fund.is_empty:
            writer.paragraph(f"我单位本年度无{name}财政拨款安排的支出，{name}支出预算表为空表。")
        elif fund.expenditure is not None:
            writer.paragraph(f"{data.year}年度{_line(writer, fund.expenditure, f'{name}财政拨款支出预算')}。")


def _other_matters(writer: Writer, data: DisclosureInput) -> None:
    writer.heading(2, "十、", "其他重要事项的情况说明")
    writer.heading(3, "（一）", "机关运行经费预算情况")
    if data.agency_costs is None:
        writer.paragraph(f"{data.year}年度{data.department}无机关运行经费预算。")
    else:
        writer.paragraph(
            f"{data.year}年度{data.department}{_line(writer, data.agency_costs, '机关运行经费预算')}。"
        )
    writer.heading(3, "（二）", "政府采购预算情况")
    info = data.procurement
    writer.paragraph(
        f"{data.year}年度政府采购预算总额{amount(info.total)}，其中：政府采购货物预算{amount(info.goods)}、"
        f"政府采购工程预算{amount(info.works)}、政府采购服务预算{amount(info.services)}。"
    )
    writer.heading(3, "（三）", "国有资产占用情况")
    assets = data.assets
    writer.paragraph(
        f"截至{data.year - 1}年12月31日，单位共有车辆{assets.vehicles}辆；"
        f"单位价值50万元以上通用设备{assets.general_equipment}台（套）、"
        f"单位价值100万元以上专用设备{assets.special_equipment}台（套）。"
    )
    writer.heading(3, "（四）", "预算绩效目标情况")
    performance = data.performance
    writer.paragraph(
        f"{data.year}年度实行绩效目标管理的项目{performance.projects}个，涉及预算资金{amount(performance.funds)}。"
    )
