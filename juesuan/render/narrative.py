"""The disclosure from the input model: cover, contents, profile, the explanatory narrative,
glossary and statements, in the standard outline (DOMAIN.md §1.2).

Every sentence is built from the numbers, in the phrasing published documents use (the
seed's own wording, section by section): shares, changes, rates and comparative words are
computed, and only the reasons come from the input. Pure: input in, description out.
"""

from __future__ import annotations

from dataclasses import dataclass

from juesuan.model.input import DisclosureInput, Entry
from juesuan.render import budget, numbers, other_matters, statements
from juesuan.render.document import Chart, Contents, Description, Heading, PageBreak, Paragraph
from juesuan.render.glossary import STANDARD_GLOSSARY
from juesuan.render.writer import Writer, amount, budget_phrase, change_with_reason

NUMERALS = "一二三四五六七八九十"
SINCE = "与上年相比，"


@dataclass(frozen=True, slots=True)
class Layout:
    """How much of the full outline to print.

    Attributes:
        cover: a title page and the contents (else the department's name opens the text,
            as in a Word export of the narrative alone).
        statements: ``attached`` (the nine statements laid out) or ``listed`` (only their
            titles, the statements being published as a separate attachment, 见附表).
        placeholders: empty rows for the 效益 sub-levels nobody filled in (the template's).
    """

    cover: bool = True
    statements: str = "attached"
    placeholders: bool = True


FULL = Layout()
#: The narrative as departments export it from Word, statements published separately.
WORD_EXPORT = Layout(cover=False, statements="listed", placeholders=False)


def numeral(index: int) -> str:
    """1 → 一, 11 → 十一, 20 → 二十 (headings and list items)."""
    if index <= 10:
        return NUMERALS[index - 1]
    tens, ones = divmod(index, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


def kind_word(data: DisclosureInput) -> str:
    """决算 or 预算."""
    return "决算" if data.kind == "final" else "预算"


def scope_word(data: DisclosureInput) -> str:
    """部门 or 单位."""
    return "部门" if data.scope == "department" else "单位"


def title_of(data: DisclosureInput) -> str:
    """``青禾县档案局2023年度部门决算``."""
    return f"{data.department}{data.year}年度{scope_word(data)}{kind_word(data)}"


def describe(data: DisclosureInput, layout: Layout = FULL) -> Description:
    """The whole document for ``data``."""
    writer = Writer(placeholders=layout.placeholders)
    if layout.cover:
        cover(writer, data)
    else:
        writer.paragraph(data.department, "title")
    start = len(writer.blocks)
    profile(writer, data)
    writer.heading(1, "第二部分", f"{scope_word(data)}{kind_word(data)}情况说明")
    explanatory(writer, data)
    writer.add(PageBreak())
    writer.heading(1, "第三部分", "专业名词解释")
    for term, definition in data.glossary or STANDARD_GLOSSARY:
        writer.paragraph(f"{term}：{definition}")
    writer.add(PageBreak())
    if layout.statements == "listed":
        statements.listed(writer, data)
    else:
        writer.heading(1, "第四部分", f"{scope_word(data)}{kind_word(data)}报表")
        statements.write(writer, data)
    blocks = list(writer.blocks)
    if layout.cover:
        entries = tuple(b for b in writer.blocks[start:] if isinstance(b, Heading) and b.level <= 2)
        blocks = [*writer.blocks[:start], Contents(entries), PageBreak(), *writer.blocks[start:]]
    return Description(title=title_of(data), blocks=tuple(blocks), notes=tuple(writer.notes))


def cover(writer: Writer, data: DisclosureInput) -> None:
    """The cover: title, subtitle and date."""
    writer.add(Paragraph(title_of(data), "title"))
    writer.add(Paragraph(f"{data.year}年度{scope_word(data)}{kind_word(data)}公开", "subtitle"))
    if data.date:
        writer.add(Paragraph(data.date, "subtitle"))
    writer.add(PageBreak())


def profile(writer: Writer, data: DisclosureInput) -> None:
    """第一部分 部门单位概况: functions, structure and staff."""
    info, name, year = data.profile, data.department, data.year
    writer.heading(1, "第一部分", f"{scope_word(data)}单位概况")
    writer.heading(2, "一、", "主要职能")
    for index, function in enumerate(info.functions, start=1):
        writer.paragraph(f"（{numeral(index)}）{function}", "item")
    writer.heading(2, "二、", "机构设置及人员情况")
    people = info.headcount
    writer.paragraph(
        f"{name}{year}年度，实有人数{people.total}人，其中：在职人员{people.active}人，"
        f"离休人员{people.retired_before_1949}人，退休人员{people.retired}人。"
    )
    word = f"{scope_word(data)}{kind_word(data)}"
    units = "、".join(u if u.endswith(kind_word(data)) else f"{u}{kind_word(data)}" for u in info.units)
    sentence = f"从{word}单位构成看，{name}{word}包括：{units or name + kind_word(data)}。"
    if info.subordinate_units:
        sentence += f"单位有下属预算单位{info.subordinate_units}个"
    else:
        sentence += "单位无下属预算单位"
    if info.divisions:
        sentence += f"，下设{len(info.divisions)}个科室，分别是：{'、'.join(info.divisions)}"
    writer.paragraph(sentence + "。")


def explanatory(writer: Writer, data: DisclosureInput) -> None:
    """第二部分: sections 一 to 十一 (a budget's own sections: :mod:`juesuan.render.budget`)."""
    if data.kind == "budget":
        budget.write(writer, data)
        return
    overview(writer, data)
    composition(writer, data, "income")
    composition(writer, data, "expenditure")
    appropriation(writer, data)
    general_budget(writer, data)
    basic(writer, data)
    other_matters.write(writer, data)


def overview(writer: Writer, data: DisclosureInput) -> None:
    """一、收入支出决算总体情况说明."""
    writer.heading(2, "一、", f"收入支出{kind_word(data)}总体情况说明")
    income, spending = data.income, data.expenditure
    writer.paragraph(
        f"{data.year}年度本年收入{amount(income.amount)}"
        f"{change_with_reason(writer, income, SINCE, '本年收入')}。"
        f"本年支出{amount(spending.amount)}{change_with_reason(writer, spending, SINCE, '本年支出')}。"
    )
    bars = (data.income, data.expenditure, data.appropriation_income, data.appropriation_expenditure)
    if any(e.previous is not None for e in bars):
        writer.add(
            Chart(
                key="year_on_year",
                title=f"{data.year}年度收入支出与上年对比（万元）",
                kind="bars",
                labels=("本年收入", "本年支出", "财政拨款收入", "财政拨款支出"),
                values=tuple(e.amount for e in bars),
                previous=tuple(e.previous for e in bars),
            )
        )


def composition(writer: Writer, data: DisclosureInput, side: str) -> None:
    """二、收入决算情况说明 / 三、支出决算情况说明: the total and every part with its share."""
    income = side == "income"
    total = data.income if income else data.expenditure
    parts = data.income_sources if income else data.expenditure_types
    word = "收入" if income else "支出"
    writer.heading(2, "二、" if income else "三、", f"{word}{kind_word(data)}情况说明")
    items = "；".join(
        f"{part.label}{amount(part.amount)}，{numbers.share(part.amount, total.amount)}" for part in parts
    )
    lead = f"{data.year}年度本年{word}{amount(total.amount)}"
    writer.paragraph(f"{lead}，其中：{items}。" if parts else f"{lead}。")
    shown = [part for part in parts if part.amount > 0]
    if len(shown) > 1 or (shown and shown[0].amount != total.amount):
        writer.add(
            Chart(
                key=f"{side}_composition",
                title=f"{data.year}年度{word}构成",
                kind="pie",
                labels=tuple(p.label for p in shown),
                values=tuple(p.amount for p in shown),
            )
        )


def appropriation(writer: Writer, data: DisclosureInput) -> None:
    """四、财政拨款收入支出决算总体情况说明: changes and the comparison with the budget."""
    writer.heading(2, "四、", f"财政拨款收入支出{kind_word(data)}总体情况说明")
    income, spending = data.appropriation_income, data.appropriation_expenditure
    text = (
        f"{data.year}年度财政拨款收入{amount(income.amount)}"
        f"{change_with_reason(writer, income, SINCE, '财政拨款收入')}。"
        f"财政拨款支出{amount(spending.amount)}"
        f"{change_with_reason(writer, spending, SINCE, '财政拨款支出')}。"
    )
    compared = [e for e in (income, spending) if e.budget is not None]
    if compared:
        text += "与年初预算数相比情况：" + "".join(
            budget_phrase(writer, e, e.label, e.label) + "。" for e in compared
        )
    writer.paragraph(text)


def general_budget(writer: Writer, data: DisclosureInput) -> None:
    """五、一般公共预算财政拨款支出决算情况说明: the total and every 项."""
    writer.heading(2, "五、", f"一般公共预算财政拨款支出{kind_word(data)}情况说明")
    total, items = data.general_budget, data.general_budget_items
    lead = f"{data.year}年度一般公共预算财政拨款支出{amount(total.amount)}"
    lead += change_with_reason(writer, total, SINCE, "一般公共预算财政拨款支出")
    if not items:
        writer.paragraph(f"{lead}。")
        return
    writer.paragraph(f"{lead}。按功能分类科目项级科目公开，其中：")
    for index, item in enumerate(items):
        end = "。" if index == len(items) - 1 else "；"
        if item.budget is None:
            writer.paragraph(f"{item.code}{item.name}{amount(item.amount)}{end}", "item")
            continue
        completion = numbers.rate(item.amount, item.budget)
        rate_text = f"，完成年初预算的{numbers.percent(completion)}" if completion is not None else ""
        word = numbers.comparison_word(item.amount, item.budget)
        entry = Entry(item.name, item.amount, budget=item.budget, budget_reason=item.budget_reason)
        reason = writer.budget_reason(entry, f"功能分类支出 {item.code}")
        writer.paragraph(
            f"{item.code}{item.name}年初预算为{amount(item.budget)}，支出决算为{amount(item.amount)}"
            f"{rate_text}，决算数{word}年初预算数{reason}{end}",
            "item",
        )


def basic(writer: Writer, data: DisclosureInput) -> None:
    """六、一般公共预算财政拨款基本支出决算情况说明: personnel and operating costs."""
    writer.heading(2, "六、", f"一般公共预算财政拨款基本支出{kind_word(data)}情况说明")
    info = data.basic
    writer.paragraph(f"{data.year}年度一般公共预算财政拨款基本支出{amount(info.total.amount)}，其中：")
    for head, items in ((info.personnel, info.personnel_items), (info.operating, info.operating_items)):
        listed = "、".join(f"{item.label}{amount(item.amount)}" for item in items)
        text = f"{head.label}{amount(head.amount)}"
        writer.paragraph(f"{text}，包括：{listed}。" if listed else f"{text}。")
