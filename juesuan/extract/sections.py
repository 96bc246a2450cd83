"""Headings and the sections they open.

Disclosures number their parts three ways: "第二部分 部门决算情况说明" (level 1),
"三、支出决算情况说明" (level 2) and "（一）机关运行经费支出情况" (level 3). The same
numbering is used for list items ("（一）贯彻执行……。"), so a line counts as a heading only
when it is short and does not read as a sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from juesuan.document import Block, Document, Paragraph
from juesuan.model.disclosure import Heading

CHINESE_NUMERALS = "一二三四五六七八九十"
LEVEL1_RE = re.compile(rf"^(第[{CHINESE_NUMERALS}]+部分)\s*(.*)$")
LEVEL2_RE = re.compile(rf"^([{CHINESE_NUMERALS}]+)[、.．]\s*(.+)$")
LEVEL3_RE = re.compile(rf"^([（(][{CHINESE_NUMERALS}]+[）)])\s*(.+)$")
#: A heading is at most this long; longer numbered lines are list items.
MAX_HEADING_LENGTH = 40


def heading_of(paragraph: Paragraph) -> Heading | None:
    """The heading ``paragraph`` is, or None if it is body text."""
    text = paragraph.text.strip()
    if len(text) > MAX_HEADING_LENGTH or text.endswith(("。", "；", ";", "，", ",")):
        return None
    for level, pattern in ((1, LEVEL1_RE), (2, LEVEL2_RE), (3, LEVEL3_RE)):
        match = pattern.match(text)
        if match and re.search(r"[。；;]\s*\S", match.group(2)):
            return None  # "（二）公务接待费。2026年预算数…": a run-in heading and its text, cut at a line end
        if match:
            return Heading(
                number=match.group(1), title=match.group(2).strip(), level=level, source=paragraph.source
            )
    return None


@dataclass(frozen=True)
class Section:
    """A heading and the blocks under it, up to the next heading of the same or a higher level.

    Attributes:
        heading: the heading (None for the text before the first heading).
        blocks: the paragraphs and tables directly under it (before any sub-heading).
        children: the sub-sections.
    """

    heading: Heading | None
    blocks: tuple[Block, ...]
    children: tuple[Section, ...]

    @property
    def title(self) -> str:
        """The heading's title, or empty."""
        return self.heading.title if self.heading else ""

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Paragraphs directly under the heading."""
        return tuple(block for block in self.blocks if isinstance(block, Paragraph))

    def walk(self) -> list[Section]:
        """This section and all below it, depth first."""
        return self._walked

    @functools.cached_property
    def _walked(self) -> list[Section]:
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found

    def all_paragraphs(self) -> list[Paragraph]:
        """Paragraphs under the heading, its sub-sections included, in order."""
        found = list(self.paragraphs)
        for child in self.children:
            found.extend(child.all_paragraphs())
        return found


def contents_pages(document: Document) -> set[int]:
    """Pages of the table of contents (目录): their numbered lines are entries, not headings."""
    pages: set[int] = set()
    for paragraph in document.paragraphs:
        if re.sub(r"\s", "", paragraph.text) in ("目录", "目錄") and paragraph.source.page is not None:
            pages.add(paragraph.source.page)
    return pages


#: A run-in heading of the "other matters" part: "（一）机关运行经费。2026年…运行经费910.53万元".
RUN_IN_RE = re.compile(rf"^([（(][{CHINESE_NUMERALS}]+[）)])\s*([^。：:，,；]{{2,12}})[。：:]\s*\S.{{7,}}$")
#: The parts that are read by their heading's words and printed run-in in some regions.
RUN_IN_TITLES = ("机关运行经费", "政府采购", "国有资产", "因公出国", "公务接待", "公务用车")


def _run_in(paragraph: Paragraph, explicit: set[str]) -> Heading | None:
    """A run-in heading of one of the ``RUN_IN_TITLES`` no heading of its own names."""
    match = RUN_IN_RE.match(paragraph.text.strip())
    if match is None:
        return None
    title = match.group(2).strip()
    words = next((w for w in RUN_IN_TITLES if w in title), None)
    if words is None or words in explicit:
        return None
    return Heading(number=match.group(1), title=title, level=3, source=paragraph.source)


def outline(document: Document) -> tuple[list[Heading], Section]:
    """The headings of ``document`` and its section tree (the root has no heading).

    A paragraph opening with a run-in heading ("（一）机关运行经费。…") opens a section and
    stays its first paragraph, when no heading of its own names that part.
    """
    headings: list[Heading] = []
    entries: list[tuple[Heading | None, list[Block]]] = [(None, [])]
    skip = contents_pages(document)
    found = [
        heading_of(block) if isinstance(block, Paragraph) and block.source.page not in skip else None
        for block in document.blocks
    ]
    explicit = {w for h in found if h is not None for w in RUN_IN_TITLES if w in h.title}
    for block, heading in zip(document.blocks, found, strict=True):
        run_in = None
        if heading is None and isinstance(block, Paragraph) and block.source.page not in skip:
            run_in = _run_in(block, explicit)
        if run_in is not None:
            headings.append(run_in)
            entries.append((run_in, [block]))
        elif heading is None:
            entries[-1][1].append(block)
        else:
            headings.append(heading)
            entries.append((heading, []))
    root, _ = _nest(entries, 0, 0)
    return headings, root


def _nest(entries: list[tuple[Heading | None, list[Block]]], index: int, level: int) -> tuple[Section, int]:
    heading, blocks = entries[index]
    children: list[Section] = []
    index += 1
    while index < len(entries):
        child_heading = entries[index][0]
        assert child_heading is not None  # only the root entry lacks a heading
        if child_heading.level <= level:
            break
        child, index = _nest(entries, index, child_heading.level)
        children.append(child)
    return Section(heading=heading, blocks=tuple(blocks), children=tuple(children)), index


def find(root: Section, *keywords: str, exclude: tuple[str, ...] = ()) -> Section | None:
    """The first section whose title contains every keyword and none of ``exclude``,
    preferring one with text under it (a statement list or a stray entry has none) and, among
    those, one not titled as a statement ("…经济分类情况表" heads a table, not the narrative)."""
    matches = [
        section
        for section in root.walk()
        if section.title
        and all(k in section.title for k in keywords)
        and not any(e in section.title for e in exclude)
    ]
    narrative = [s for s in matches if s.all_paragraphs() and not re.search(r"表(?:[（(].*[）)])?$", s.title)]
    return next(
        iter(narrative), next((s for s in matches if s.all_paragraphs()), matches[0] if matches else None)
    )
