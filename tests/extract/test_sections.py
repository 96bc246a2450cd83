"""Headings and sections."""

from __future__ import annotations

from juesuan.extract.sections import find, outline
from juesuan.ingest.text import parse


def test_numbered_headings_nest_and_list_items_do_not_count() -> None:
    document = parse(
        "第一部分 部门概况\n一、主要职能\n（一）贯彻执行有关法律法规，组织起草规章草案，并组织实施。\n"
        "第二部分 情况说明\n十、其他重要事项\n（一）机关运行经费支出情况\n机关运行经费5.00万元。\n",
        "t.txt",
    )
    headings, root = outline(document)
    assert [(h.level, h.number, h.title) for h in headings] == [
        (1, "第一部分", "部门概况"),
        (2, "一", "主要职能"),
        (1, "第二部分", "情况说明"),
        (2, "十", "其他重要事项"),
        (3, "（一）", "机关运行经费支出情况"),
    ]
    section = find(root, "机关运行经费")
    assert section is not None and [p.text for p in section.paragraphs] == ["机关运行经费5.00万元。"]
    functions = find(root, "主要职能")
    assert functions is not None and len(functions.paragraphs) == 1


def test_a_run_in_heading_of_an_other_matter_opens_its_section() -> None:
    """重庆: "（一）机关运行经费。2026 年…运行经费 910.53 万元…" in one paragraph."""
    text = (
        "五、其他重要事项的情况说明\n"
        "（一）机关运行经费。2026年一般公共预算财政拨款运行经费910.53万元，比2025年增加0.09万元。\n"
        "（二）贯彻执行有关法律法规。组织起草规章草案并组织实施。\n"
    )
    headings, root = outline(parse(text, "t.txt"))
    assert [(h.number, h.title) for h in headings] == [
        ("五", "其他重要事项的情况说明"),
        ("（一）", "机关运行经费"),
    ]
    section = find(root, "机关运行经费")
    assert section is not None and section.paragraphs[0].text.startswith("（一）机关运行经费。2026年")
    # with a heading of its own elsewhere, a run-in mention is body text
    headings, _ = outline(parse("（三）机关运行经费情况\n" + text, "t.txt"))
    assert [h.title for h in headings].count("机关运行经费") == 0


def test_a_line_cut_inside_a_run_in_paragraph_is_no_heading() -> None:
    """北京: a PDF line "（二）公务接待费。2026 年预算数 2.85 万元，主要用" ends mid-sentence."""
    text = "（二）公务接待费。2026 年预算数 2.85 万元，主要用\n（三）公务用车购置和运行维护费。2026 年预算数 0 万元，\n"
    headings, _ = outline(parse(text, "t.txt"))
    assert [h.title for h in headings] == [
        "公务接待费",
        "公务用车购置和运行维护费",
    ]  # run-in, not the whole line


def test_a_statement_titled_like_a_narrative_section_is_passed_over() -> None:
    """福州: the statement "一般公共预算基本支出经济分类情况表" comes before the narrative's
    "五、一般公共预算拨款基本支出情况"; the narrative is the section to read."""
    text = (
        "九、一般公共预算基本支出经济分类情况表\n2026 年度一般公共预算基本支出经济分类情况表\n"
        "第三部分 单位预算情况说明\n五、一般公共预算拨款基本支出情况\n（一）人员经费 2286.69 万元，主要包括：基本工资。\n"
    )
    _, root = outline(parse(text, "t.txt"))
    section = find(root, "基本支出")
    assert section is not None and section.title == "一般公共预算拨款基本支出情况"
