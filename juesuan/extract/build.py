"""Assemble the :class:`~juesuan.model.disclosure.Disclosure` from a Document.

The builders of the other modules each read one part; this module finds the sections they
read, works out what the document is (kind, year, department) and collects what the
extractor was unsure of.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from juesuan.document import Document, Paragraph
from juesuan.extract import narrative, narrative_items, narrative_totals, other_matters
from juesuan.extract.identity import department_of, year_of
from juesuan.extract.performance import self_evaluations
from juesuan.extract.profile import profile
from juesuan.extract.reflow import reflow
from juesuan.extract.sections import Section, find, outline
from juesuan.extract.statement_titles import statement_key
from juesuan.extract.statements import statements
from juesuan.extract.units import unit_parts
from juesuan.model.disclosure import Disclosure, GlossaryEntry, Passage, StatementReference
from juesuan.model.narrative import Narrative, stated_sources

_GLOSSARY_RE = re.compile(r"^(?P<term>[^：:。]{2,30})[：:](?P<definition>.+)$")


def extract(document: Document) -> Disclosure:
    """Everything the document states, as typed data; a document of several units also part by part."""
    whole = _extract(document)
    parts = unit_parts(document)
    if not parts:
        return whole
    units = tuple(_unit(part.document, part.name, whole) for part in parts)
    return replace(whole, units=units)


def _unit(document: Document, name: str, whole: Disclosure) -> Disclosure:
    """One unit's part: its kind and year are the document's, its name its form lines' or its own."""
    unit = _extract(document)
    return replace(
        unit, kind=whole.kind, year=whole.year, department=name or unit.department or whole.department
    )


def _extract(document: Document) -> Disclosure:
    narrative.forget_scans()
    found = statements(document)
    department = department_of(document)  # before reflow, which drops the lines statements consumed
    document = reflow(document)
    headings, root = outline(document)
    evaluations, notes = self_evaluations(document.tables)
    listed = statements_listed(root, {s.key for s in found})
    return Disclosure(
        file=document.path,
        kind=kind_of(document),
        scope=scope_of(document),
        year=year_of(document),
        department=department,
        headings=tuple(headings),
        profile=profile(find(root, "职能") or find(root, "职责"), find(root, "机构") or find(root, "人员")),
        statements=tuple(found),
        statements_listed=tuple(listed),
        narrative=_with_listed_empty(narrative_of(root, department), document),
        self_evaluations=tuple(evaluations),
        glossary=glossary(find(root, "名词解释")),
        notes=tuple(notes),
        passages=tuple(Passage(p.text.strip(), p.source) for p in document.paragraphs if p.text.strip()),
        cell_texts=cell_texts(document),
        source_format=document.format,
    )


def _with_listed_empty(read: Narrative, document: Document) -> Narrative:
    """The narrative's empty-statement notes and those a contents table declares."""
    listed = other_matters.listed_empty(document.tables)
    return replace(read, empty_statements=read.empty_statements + listed) if listed else read


_CHINESE_RE = re.compile(r"[\u4e00-\u9fff]")
#: Chinese characters a cell must hold for its text to be read as prose by the wording rules:
#: a header such as "因公出国(境)费" or a target such as "2026年9月31日前" is prose too.
CELL_PROSE = 4


def cell_texts(document: Document) -> tuple[Passage, ...]:
    """The prose of the document's table cells: a cell's lines joined, CELL_PROSE Chinese characters or more."""
    return tuple(
        Passage(text, cell.source)
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        if len(_CHINESE_RE.findall(text := cell.text.replace("\n", ""))) >= CELL_PROSE
    )


def narrative_of(root: Section, department: str | None = None) -> Narrative:
    """The narrative sections, each found by the words of its heading."""
    fund = find(root, "政府性基金")
    capital = find(root, "国有资本经营")
    empty = tuple(
        note
        for note in (
            other_matters.empty_statement(fund, "government_fund"),
            other_matters.empty_statement(capital, "state_capital"),
        )
        if note is not None
    )
    performance_section = find(root, "绩效", exclude=("自评表",))
    text = root.all_paragraphs()  # read whatever section it is in
    read = Narrative(
        overview=narrative.overview(find(root, "收入支出", "总体", exclude=("财政拨款",))),
        income=narrative.composition(find(root, "收入决算", exclude=("财政拨款", "支出")), "income"),
        expenditure=narrative.composition(
            find(root, "支出决算", exclude=("财政拨款", "收入", "基本", "三公")), "expenditure"
        ),
        appropriation=narrative.appropriation(find(root, "财政拨款收入支出", exclude=("政府性", "国有"))),
        general_budget_expenditure=narrative.general_budget_expenditure(
            find(root, "一般公共预算财政拨款支出", exclude=("基本", "三公"))
        ),
        basic_expenditure=narrative.basic_expenditure(find(root, "基本支出")),
        three_public=other_matters.three_public(find(root, "三公")),
        empty_statements=empty,
        agency_operating_costs=other_matters.agency_operating_costs(find(root, "机关运行经费")),
        procurement=other_matters.procurement(find(root, "政府采购")),
        state_assets=other_matters.state_assets(find(root, "国有资产")),
        performance=other_matters.performance_summary(performance_section),
        petition=other_matters.petition(performance_section),
        item_amounts=narrative_items.item_amounts(text),
        stated_totals=narrative_totals.stated_totals(text, department),
    )
    taken = stated_sources(read)
    return replace(
        read,
        year_on_year=narrative_totals.year_on_year(text, taken),
        budget_rates=narrative_totals.budget_rates(text, taken),
        bracketed_parts=narrative_totals.bracketed_parts(text),
        listed_shares=narrative.listed_shares(text),
    )


def kind_of(document: Document) -> str | None:
    """``final`` or ``budget``: by the title when it says, else by which word the opening uses more."""
    for paragraph in document.paragraphs[:6]:
        text = paragraph.text
        if "决算" in text and "预算" not in text:
            return "final"
        if "预算" in text and "决算" not in text and len(text) < 60:
            return "budget"
    words: Counter[str] = Counter()
    for paragraph in document.paragraphs[:80]:
        words["final"] += paragraph.text.count("决算")
        words["budget"] += paragraph.text.count("预算")
    if not words["final"] and not words["budget"]:
        return None
    return "final" if words["final"] >= words["budget"] else "budget"


def scope_of(document: Document) -> str:
    """``unit`` when the title says 单位预算/单位决算, else ``department``."""
    for paragraph in document.paragraphs[:6]:
        text = re.sub(r"\s", "", paragraph.text)
        if re.search(r"单位(?:综合)?(?:预算|决算)", text):
            return "unit"
        if re.search(r"部门(?:综合)?(?:预算|决算)", text):
            return "department"
    return "department"


def statements_listed(root: Section, present: set[str]) -> list[StatementReference]:
    """The statements named in the 报表/附表 part, and whether each is attached."""
    section = find(root, "报表") or find(root, "附表") or find(root, "决算表")
    if section is None:
        return []
    references: list[StatementReference] = []
    for child in section.walk()[1:]:
        if child.heading is None:
            continue
        title = child.heading.title.strip("《》")
        key = statement_key(title)
        if key is not None:
            attached = key in present or any(not isinstance(block, Paragraph) for block in child.blocks)
            references.append(
                StatementReference(title=title, source=child.heading.source, key=key, attached=attached)
            )
    return references


def glossary(section: Section | None) -> tuple[GlossaryEntry, ...]:
    """The 名词解释 entries ("term：definition")."""
    entries: list[GlossaryEntry] = []
    for paragraph in section.all_paragraphs() if section else []:
        match = _GLOSSARY_RE.match(paragraph.text.strip())
        if match:
            term = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*", "", match["term"]).strip()
            entries.append(
                GlossaryEntry(term=term, definition=match["definition"].strip(), source=paragraph.source)
            )
    return tuple(entries)
