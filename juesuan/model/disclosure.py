"""The whole disclosure: what it is, its profile, statements, narrative and self-evaluations."""

from __future__ import annotations

from dataclasses import dataclass

from juesuan.model.figures import Breakdown, Figure
from juesuan.model.narrative import Narrative
from juesuan.model.performance import SelfEvaluation
from juesuan.model.statements import Statement
from juesuan.source import Source


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading: "第二部分 部门决算情况说明", "三、支出决算情况说明", "（一）机关运行经费".

    Attributes:
        number: the numbering as printed (``第二部分``, ``三``, ``（一）``).
        title: the heading text after the numbering.
        level: 1 for 第N部分, 2 for 一、, 3 for （一）.
        source: the heading line.
    """

    number: str
    title: str
    level: int
    source: Source


@dataclass(frozen=True, slots=True)
class Profile:
    """部门概况: functions, structure and staff.

    Attributes:
        functions: the listed functions (主要职能), one per item.
        divisions: the internal divisions named (内设机构/科室).
        divisions_count: how many divisions the text says there are.
        subordinate_units: how many subordinate budget units the text says there are.
        headcount: 实有人数 = 在职 + 离休 + 退休 (keys ``active``, ``retired_before_1949``, ``retired``).
    """

    functions: tuple[str, ...] = ()
    divisions: tuple[str, ...] = ()
    divisions_count: Figure | None = None
    subordinate_units: Figure | None = None
    headcount: Breakdown | None = None


@dataclass(frozen=True, slots=True)
class StatementReference:
    """A statement the document lists (in its contents or a 附表 list).

    Attributes:
        key: the semantic id of the statement, when recognised.
        title: the title as listed.
        attached: whether the statement itself is in the document.
        source: the listing line.
    """

    title: str
    source: Source
    key: str | None = None
    attached: bool = False


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One 名词解释 entry."""

    term: str
    definition: str
    source: Source


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph of the document's text, kept for the checks that read wording."""

    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class ExtractionNote:
    """Something the extractor was unsure of or could not read (it never becomes an error).

    Attributes:
        topic: the model part concerned, e.g. ``self_evaluation`` or a statement key.
        message: what happened, in Chinese.
        source: where.
    """

    topic: str
    message: str
    source: Source


@dataclass(frozen=True, slots=True)
class Disclosure:
    """A budget or final-accounts disclosure as extracted.

    Attributes:
        file: the input file.
        kind: ``final`` (决算) or ``budget`` (预算); None when not recognised.
        scope: ``department`` (部门) or ``unit`` (单位).
        year: the fiscal year the figures are for.
        department: the department's name as printed.
        unit: the amount unit of the narrative and statements (``万元`` unless stated).
        headings: the numbered headings in order.
        profile: 部门概况.
        statements: the statements present, as read.
        statements_listed: the statements the document lists.
        narrative: the explanatory narrative.
        self_evaluations: the performance self-evaluation tables.
        glossary: the 名词解释 entries.
        notes: what the extractor was unsure of.
        passages: the paragraphs of text (outside tables), in order.
        source_format: the reader that produced it (``text``, ``pdf`` …). Grids from text,
            DOCX, XLSX and HTML are read cell for cell; PDF grids are reconstructed from
            positions, so their readings are checked before they are trusted.
        cell_texts: the prose inside tables (a project's goals, an indicator's wording: cells of
            fifteen Chinese characters or more), for the wording rules that read a cell whole.
        units: when the document carries several units' disclosures (a department and its
            units, each with its own statements), each unit's part extracted on its own, in
            the document's order; the checks judge each part by itself. Empty for one unit.
    """

    file: str
    kind: str | None = None
    scope: str = "department"
    year: int | None = None
    department: str = ""
    unit: str = "万元"
    headings: tuple[Heading, ...] = ()
    profile: Profile = Profile()
    statements: tuple[Statement, ...] = ()
    statements_listed: tuple[StatementReference, ...] = ()
    narrative: Narrative = Narrative()
    self_evaluations: tuple[SelfEvaluation, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    notes: tuple[ExtractionNote, ...] = ()
    passages: tuple[Passage, ...] = ()
    source_format: str = ""
    cell_texts: tuple[Passage, ...] = ()
    units: tuple[Disclosure, ...] = ()
