"""Sections 七 to 十一 of the narrative: “三公”经费, the two fund statements, 机关运行经费,
政府采购, 国有资产 and 预算绩效 (with the self-evaluation tables), as the seed words them."""

from __future__ import annotations

from juesuan.model.input import DisclosureInput, Entry, FundInput
from juesuan.render import evaluations, numbers
from juesuan.render.writer import Writer, amount, budget_phrase, change_with_reason

SINCE = "比上年"
ORDINALS = "一二三四五六七八九十"


def write(writer: Writer, data: DisclosureInput) -> None:
    """Sections 七 to 十一."""
    three_public(writer, data)
    fund(writer, data, data.government_fund, "八、", "政府性基金预算财政拨款收入支出")
    fund(writer, data, data.state_capital, "九、", "国有资本经营预算财政拨款收入支出")
    writer.heading(2, "十、", "其他重要事项的情况说明")
    agency_costs(writer, data)
    procurement(writer, data)
    assets(writer, data)
    performance(writer, data)


def _part(writer: Writer, entry: Entry, total: Entry, word: str) -> str:
    """``因公出国（境）费支出0.00万元，占0.00%，与上年持平``."""
    change = change_with_reason(writer, entry, SINCE, f"“三公”经费 {entry.label}")
    return f"{entry.label}{word}{amount(entry.amount)}，{numbers.share(entry.amount, total.amount)}{change}"


def three_public(writer: Writer, data: DisclosureInput) -> None:
    """七、一般公共预算财政拨款“三公”经费支出决算情况说明."""
    writer.heading(2, "七、", "一般公共预算财政拨款“三公”经费支出决算情况说明")
    info = data.three_public
    total = info.total
    parts = "；".join(_part(writer, e, total, "支出") for e in (info.overseas, info.vehicles, info.reception))
    writer.paragraph(
        f"{data.year}年度一般公共预算“三公”经费支出决算{amount(total.amount)}"
        f"{change_with_reason(writer, total, SINCE, '“三公”经费合计')}。其中：{parts}。具体情况如下："
    )
    overseas = info.overseas
    writer.paragraph(
        f"因公出国（境）费支出{amount(overseas.amount)}{_contents(overseas)}。单位全年安排的因公出国（境）团组"
        f"{info.overseas_groups}个，因公出国（境）{info.overseas_persons}人次。"
    )
    operation = info.vehicle_operation
    writer.paragraph(
        f"公务用车购置及运行维护费{amount(info.vehicles.amount)}，其中：公务用车购置费"
        f"{amount(info.vehicle_purchase.amount)}，公务用车运行维护费{amount(operation.amount)}。"
        f"{'公务用车运行维护费' + _contents(operation).lstrip('，') + '。' if operation.note else ''}"
        f"公务用车购置数{info.vehicles_purchased}辆，公务用车保有量{info.vehicle_fleet}辆。"
    )
    reception = info.reception
    writer.paragraph(
        f"公务接待费{amount(reception.amount)}{_contents(reception)}。单位全年安排的国内公务接待"
        f"{info.reception_batches}批次，{info.reception_persons}人次。"
    )
    budgeted = [
        (e, label)
        for e, label in (
            (info.overseas, "因公出国（境）费"),
            (info.vehicle_purchase, "公务用车购置费"),
            (info.vehicle_operation, "公务用车运行费"),
            (info.reception, "公务接待费"),
        )
        if e.budget is not None
    ]
    if total.budget is None:
        return
    head = budget_phrase(writer, total, "一般公共预算“三公”经费支出", "“三公”经费合计")
    rest = "；".join(
        budget_phrase(writer, e, label, f"“三公”经费 {label}", word="预算数") for e, label in budgeted
    )
    writer.paragraph(f"与年初预算数相比情况:{head}。" + (f"其中：{rest}。" if rest else ""))


def _contents(entry: Entry) -> str:
    return f"，开支内容包括{entry.note.rstrip('。')}" if entry.note else ""


def fund(writer: Writer, data: DisclosureInput, info: FundInput, number: str, name: str) -> None:
    """八 / 九: the fund's appropriation income and expenditure, or the empty-statement note."""
    writer.heading(2, number, f"{name}决算情况说明")
    if info.is_empty:
        writer.paragraph(f"我单位本年度无{name}，{name}决算表为空表。")
        return
    sentences = []
    for entry, word in ((info.income, "收入"), (info.expenditure, "支出")):
        if entry is not None:
            change = change_with_reason(writer, entry, SINCE, f"{name}{word}")
            sentences.append(f"{name[:-4]}{word}{amount(entry.amount)}{change}")
    writer.paragraph(f"{data.year}年度" + "；".join(sentences) + "。")


def agency_costs(writer: Writer, data: DisclosureInput) -> None:
    """（一）机关运行经费支出情况."""
    writer.heading(3, "（一）", "机关运行经费支出情况")
    entry = data.agency_costs
    if entry is None:
        writer.paragraph(f"{data.year}年度{data.department}无机关运行经费支出。")
        return
    change = change_with_reason(writer, entry, SINCE, "机关运行经费", rate_words=("增长", "降低"))
    writer.paragraph(f"{data.year}年度{data.department}机关运行经费支出{amount(entry.amount)}{change}。")


def procurement(writer: Writer, data: DisclosureInput) -> None:
    """（二）政府采购情况: total by goods/works/services, SME and micro contracts with shares."""
    writer.heading(3, "（二）", "政府采购情况")
    info = data.procurement
    writer.paragraph(
        f"{data.year}年度政府采购支出总额{amount(info.total)}，其中：政府采购货物支出{amount(info.goods)}、"
        f"政府采购工程支出{amount(info.works)}、政府采购服务支出{amount(info.services)}。"
    )
    writer.paragraph(
        f"授予中小企业合同金额{amount(info.sme)}，占政府采购支出总额的"
        f"{numbers.share(info.sme, info.total)[1:]}，其中：授予小微企业合同金额{amount(info.micro_small)}，"
        f"占政府采购支出总额的{numbers.share(info.micro_small, info.total)[1:]}。"
    )


def assets(writer: Writer, data: DisclosureInput) -> None:
    """（三）国有资产占用情况说明 at 31 December."""
    writer.heading(3, "（三）", "国有资产占用情况说明")
    info = data.assets
    categories = "、".join(f"{name}{count}辆" for name, count in info.vehicle_categories)
    other = f"，其他用车主要是：{info.other_vehicles_note}" if info.other_vehicles_note else ""
    vehicles = f"车辆{info.vehicles}辆，价值{amount(info.vehicles_value)}"
    if categories:
        vehicles += f"，其中：{categories}{other}"
    writer.paragraph(
        f"截止{data.year}年12月31日，单位共有房屋{numbers.money(info.building_area)}（平方米），"
        f"价值{amount(info.building_value)}。{vehicles}；"
        f"单位价值50万元以上通用设备{info.general_equipment}台（套）、"
        f"单位价值100万元以上专用设备{info.special_equipment}台（套）。"
    )


def _listed(items: tuple[str, ...]) -> str:
    return "；".join(f"{ORDINALS[i]}是{item.rstrip('。；')}" for i, item in enumerate(items))


def performance(writer: Writer, data: DisclosureInput) -> None:
    """十一、预算绩效的情况说明, then the self-evaluation tables."""
    writer.heading(2, "十一、", "预算绩效的情况说明")
    info = data.performance
    text = (
        f"根据预算绩效管理要求，我单位{data.year}年度开展预算绩效评价项目{info.projects}个，"
        f"共涉及资金{amount(info.funds)}。"
    )
    if info.achievements:
        text += f"根据预算绩效管理要求，预算绩效管理取得的成效：{_listed(info.achievements)}。"
    if info.problems:
        text += f"发现的问题及原因：{_listed(info.problems)}；"
    if info.improvements:
        text += f"下一步改进措施: {_listed(info.improvements)}，"
    if info.evaluations:
        text = text.rstrip("；，") + ("，" if text[-1] in "；，" else "")
        text += "具体项目自评情况附项目支出绩效自评表。"
    writer.paragraph(text)
    if info.statement:
        writer.paragraph(info.statement)
    for evaluation in info.evaluations:
        writer.add(evaluations.table(evaluation, data.year, writer.placeholders))
