"""Documents that carry several units' disclosures: find each unit's part.

A department's 部门预算 may print, after the department's own statements, those of its 本级 and
of each unit below it (each with the unit's name on its form line, "单位名称：…中心"), or
several units' disclosures one after the other, each starting again with its 收支总表. Read as
one, one unit's figures would be compared with another's. This module tells the parts apart;
:mod:`.build` extracts each part on its own, so every check compares figures of one unit only.

A part is found by what the document prints, never guessed:
- the organisation named on the statements' form lines ("部门名称：深圳市财政局（本级）",
  "单位名称：…", "编制单位：…"), when two or more organisations each label a statement;
- else, a statement series that starts again: a second 收支总表 after the first one's series;
- the narrative's own sections headed by a unit's name (深圳: "一、深圳市生态环境局（本级）",
  "二、深圳市饮用水源保护管理办公室" …, each with that unit's 预算 and 项目支出);
- with no statements to tell them apart, cover pages naming different organisations.
Narrative between two units' statements goes to the unit whose cover starts in it (a cover is
the top of a page, short lines reading "…部门预算", not the running header of the unit before),
else to the unit it names most (a unit's name inside another's, "福州市公安局" in
"福州市公安局文职人员管理中心", counts for the longer one only), else to a part of its own,
compared with no unit's statements: a doubtful attribution never becomes a comparison.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from juesuan.document import Document, Paragraph, Table
from juesuan.extract.statement_titles import statement_key
from juesuan.model.organisations import organisation_label

_FORM_LABEL_RE = re.compile(
    r"(?:部门名称|单位名称|编制单位|编制部门|填报单位|预算单位|预算主管部门)\s*[：:]\s*(?P<name>[^\s：:]{4,60})"
)
_COVER_RE = re.compile(r"^(?:20\d{2}年度?)?\S{0,40}(?:部门|单位)(?:综合)?(?:预算|决算)(?:信息)?(?:公开)?$")
_PAGE_NUMBER_RE = re.compile(r"^[-—－\s第]*\d+[-—－\s页]*$")
#: The statement that opens a unit's series: a second one means a second unit.
_SERIES_START = "summary"


@dataclass(frozen=True, slots=True)
class UnitPart:
    """One unit's part of a document.

    Attributes:
        name: the organisation as its form lines, its section heading or its cover print it
            ("" when none does).
        document: the part's blocks, in the document's order, each keeping its place.
    """

    name: str
    document: Document


@dataclass(slots=True)
class _Start:
    """A statement's title, where its blocks begin."""

    index: int
    key: str
    name: str = ""


def unit_parts(document: Document) -> list[UnitPart]:
    """Each unit's part, or ``[]`` when the document is one unit's."""
    starts = _statement_starts(document)
    labels = _labels(starts)
    sections = _unit_sections(document, starts)
    if labels is None and not sections:
        return _by_covers(document)
    labels = labels or ["#0"] * len(starts)
    owners = _statement_blocks(document, starts, labels)
    taken = {index for index, owner in enumerate(owners) if owner}
    _narrative_owners(document, owners, list(dict.fromkeys(labels)) or ["#0"])
    for first, end, name in sections:  # a unit's own section of the narrative is that unit's
        owner = name if name in labels else f"@{name}"
        for index in range(first, end):
            if index not in taken:
                owners[index] = owner
    return [
        UnitPart(
            name=name.lstrip("@") if not name.startswith(("#", "~")) else "",
            document=replace(
                document,
                blocks=tuple(b for b, owner in zip(document.blocks, owners, strict=True) if owner == name),
            ),
        )
        for name in dict.fromkeys(owners)
    ]


def _by_covers(document: Document) -> list[UnitPart]:
    """Parts by cover pages naming different organisations ("2026年北京市司法局部门预算", later
    "2026年北京市医疗保障局部门预算"), when no statement series tells the units apart: each part
    runs from its cover to the next; ``[]`` for one organisation's covers."""
    covers: list[tuple[int, str]] = []
    for index in range(len(document.blocks)):
        title = _cover_title(document, index)
        name = _cover_name(title) if title else ""
        if name and (not covers or covers[-1][1] != name):
            covers.append((index, name))
    if len({name for _, name in covers}) < 2:
        return []
    bounds = [0] + [index for index, _ in covers[1:]] + [len(document.blocks)]
    return [
        UnitPart(name=name, document=replace(document, blocks=document.blocks[bounds[n] : bounds[n + 1]]))
        for n, (_, name) in enumerate(covers)
    ]


def _cover_name(title: str) -> str:
    """The organisation a cover's title names ("2026年北京市医疗保障局部门预算": 北京市医疗保障局)."""
    name = re.sub(r"^20\d{2}年度?", "", title)
    name = re.sub(r"(?:20\d{2}年度?)?(?:部门|单位)(?:综合)?(?:预算|决算)(?:信息)?(?:公开)?$", "", name)
    return organisation_label(name) or ""


def _statement_starts(document: Document) -> list[_Start]:
    """Each statement title followed by a table, with the organisation its form line names."""
    starts: list[_Start] = []
    pending: _Start | None = None
    for index, block in enumerate(document.blocks):
        if isinstance(block, Paragraph):
            text = block.text.strip()
            key = statement_key(text) if len(text) <= 60 else None
            if key is not None:
                pending = _Start(index, key)
            elif pending is not None and (name := _form_name(text)):
                pending.name = name
            elif _not_statement(text):
                pending = None  # a title listed in the contents, followed by text, not by its table
            continue
        if pending is not None:
            if not pending.name:
                pending.name = _name_in(block)
            starts.append(pending)
            pending = None
    return starts


def _name_in(table: Table) -> str:
    """The organisation a form line in the table's first rows names (spreadsheet exports)."""
    return next((name for row in table.rows[:3] for text in row.texts if (name := _form_name(text))), "")


def _form_name(text: str) -> str:
    """The organisation a form line ("部门名称：深圳市财政局（本级）") names, or ""."""
    match = _FORM_LABEL_RE.search(re.sub(r"\s", "", text))
    return (organisation_label(match["name"]) or "") if match else ""


def _labels(starts: list[_Start]) -> list[str] | None:
    """The part each statement belongs to, or None when there is only one."""
    named = Counter(start.name for start in starts if start.name)
    if len([name for name, count in named.items() if count >= 2]) >= 2:
        labels: list[str] = []
        for start in starts:  # a statement without a form line is its predecessor's unit's
            labels.append(start.name if start.name in named else labels[-1] if labels else "")
        first = next((label for label in labels if label), "")
        return [label or first for label in labels]
    part, opened, others, labels = 0, False, False, []
    for start in starts:  # a 收支总表 continued under its title again is not a new series
        if start.key == _SERIES_START:
            if opened and others:
                part += 1
            opened, others = True, False
        elif opened:
            others = True
        labels.append(f"#{part}")
    return labels if part else None


def _statement_blocks(document: Document, starts: list[_Start], labels: list[str]) -> list[str]:
    """The part of each statement's blocks, which run to the next title or narrative paragraph
    ("" for the blocks of no statement)."""
    owners: list[str] = [""] * len(document.blocks)
    bounds = [start.index for start in starts] + [len(document.blocks)]
    for number, start in enumerate(starts):
        end = bounds[number + 1]
        index = start.index
        while index < end:
            block = document.blocks[index]
            if index > start.index and isinstance(block, Paragraph) and _not_statement(block.text):
                break
            owners[index] = labels[number]
            index += 1
    return owners


def _narrative_owners(document: Document, owners: list[str], names: list[str]) -> None:
    """Give each run of blocks between statements (narrative, covers, contents) its part."""
    for number, run in enumerate(_unowned_runs(owners)):
        following = next((owners[i] for i in range(run[-1] + 1, len(owners)) if owners[i]), "")
        preceding = next((owners[i] for i in range(run[0] - 1, -1, -1) if owners[i]), "")
        if not preceding or not following or preceding == following:
            sides = [(run, preceding or following or names[0])]
        elif (cover := _cover(document, run)) is not None:
            sides = [(run[:cover], preceding), (run[cover:], following)]
        else:  # between two units, naming neither more: its own part, compared with no unit's statements
            sides = [(run, _named_most(document, run, names) or f"~{number}")]
        for indices, owner in sides:
            for index in indices:
                owners[index] = owner


_SECTION_HEADING_RE = re.compile(
    r"^(?P<number>[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]+部分)"
    r"(?P<title>\S{2,50})$"
)
_PLACE_RE = re.compile(r"[省市区县州]")


def _unit_sections(document: Document, starts: list[_Start]) -> list[tuple[int, int, str]]:
    """The narrative's sections about one unit each: (first block, end, unit), when there are two or more.

    深圳's 部门预算支出具体情况 gives every unit its own heading ("一、深圳市生态环境局（本级）",
    "二、深圳市饮用水源保护管理办公室" … "十八、…深汕管理局") and its own 预算, 项目支出 …: figures
    of that unit, never the department's, nor another unit's restated. A heading is a unit's when
    it is all an organisation's name, placed (省/市/区/县) or named like the department; a section
    runs to the next heading of its numbering, a 第N部分 or a statement.
    """
    headings: list[tuple[int, str, str]] = []  # (block, numbering style, unit name or "")
    for index, block in enumerate(document.blocks):
        if not isinstance(block, Paragraph):
            continue
        text = re.sub(r"\s", "", block.text)
        match = _SECTION_HEADING_RE.match(text) if len(text) <= 56 else None
        if match is None:
            continue
        number = match["number"]
        numbering = "part" if number.startswith("第") else "（" if number[0] in "（(" else "、"
        headings.append((index, numbering, match["title"] if numbering != "part" else ""))
    named = Counter(numbering for _, numbering, title in headings if _unit_name(title, placed=True))
    style = next((s for s, count in named.most_common() if count >= 2), None)
    if style is None:
        return []
    # among two placed units' headings, an organisation's name unplaced is a unit's too ("深圳鹏城技师学院")
    headings = [(i, s, _unit_name(title, placed=False) if s == style else "") for i, s, title in headings]
    statement_blocks = [start.index for start in starts]
    sections: list[tuple[int, int, str]] = []
    for position, (index, this_style, name) in enumerate(headings):
        if this_style != style or not name:
            continue
        ends = [i for i, s, _ in headings[position + 1 :] if s in (style, "part")][:1]
        ends += [i for i in statement_blocks if i > index][:1]
        sections.append((index, min([*ends, len(document.blocks)]), name))
    return sections if len({name for *_, name in sections}) >= 2 else []


def _unit_name(title: str, placed: bool) -> str:
    """The organisation a heading is all about ("深圳市社会保险基金管理局本级",
    "深圳城市职业学院（深圳技师学院）"), or ""; ``placed``: only a name with a place in it."""
    bare = re.sub(r"(?:[（(][^（()）]{2,20}[）)]|本级)$", "", title)
    if len(bare) < 6 or (placed and not _PLACE_RE.search(bare)) or organisation_label(bare) is None:
        return ""
    return title


def _unowned_runs(owners: list[str]) -> list[list[int]]:
    """The runs of consecutive blocks no statement owns (narrative, covers, contents)."""
    runs: list[list[int]] = []
    for index, owner in enumerate(owners):
        if owner:
            continue
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _cover(document: Document, run: list[int]) -> int | None:
    """Where a unit's own cover or contents starts inside ``run`` ("2026 年度 / …中心 / 单位预算",
    "目录"), with a title the unit before did not print: the same title over that unit's pages
    is its running header."""
    for position, index in enumerate(run):
        block = document.blocks[index]
        if isinstance(block, Paragraph) and re.sub(r"\s", "", block.text) == "目录":
            return position
        title = _cover_title(document, index)
        if title is not None and not _printed_before(document, run[0], title):
            return position
    return None


def _cover_title(document: Document, index: int) -> str | None:
    """The title of a cover starting at block ``index``: the first short lines of a page that
    together read "…部门预算", "…单位预算公开", "…部门预算信息公开"."""
    block = document.blocks[index]
    if not isinstance(block, Paragraph) or (
        index and document.blocks[index - 1].source.page == block.source.page
    ):
        return None
    texts: list[str] = []
    for later in document.blocks[index : index + 5]:
        if (
            not isinstance(later, Paragraph)
            or later.source.page != block.source.page  # a cover's lines are on its one page
            or len(later.text.strip()) > 40
            or "。" in later.text
            or _PAGE_NUMBER_RE.match(later.text.strip())
        ):
            break
        texts.append(re.sub(r"\s", "", later.text))
        if _SECTION_HEADING_RE.match(texts[0]):
            return None  # "第三部分 …部门决算…": a heading of the document, not a cover
        if _COVER_RE.search("".join(texts)):
            return "".join(texts)
    return None


def _printed_before(document: Document, index: int, title: str) -> bool:
    """Whether ``title`` is printed before block ``index``: the running header of the unit before."""
    return any(
        isinstance(b, Paragraph) and re.sub(r"\s", "", b.text) == title for b in document.blocks[:index]
    )


def _not_statement(text: str) -> bool:
    """Body text or a cover, which ends a statement's blocks (a unit line, a note or a page
    number does not)."""
    text = re.sub(r"\s", "", text)
    if text == "目录" or text.startswith("第一部分") or _COVER_RE.search(text):
        return True
    return (len(text) >= 40 or text.endswith("。")) and not text.startswith(("注", "备注", "说明："))


def _named_most(document: Document, run: list[int], names: list[str]) -> str:
    """The part whose organisation the run's paragraphs name most often."""
    real = sorted((name for name in names if not name.startswith(("#", "~"))), key=len, reverse=True)
    if len(real) < 2:
        return ""
    counts: Counter[str] = Counter()
    for index in run:
        block = document.blocks[index]
        if not isinstance(block, Paragraph):
            continue
        text = re.sub(r"\s", "", block.text)
        for name in real:  # the longer names first, blanked out so a name inside them is not counted
            bare = re.sub(r"[（(](?:本级|汇总)[）)]$", "", name)
            counts[name] += text.count(bare)
            text = text.replace(bare, "□")
    if not counts:
        return ""
    ranked = [*counts.most_common(2), ("", 0)]
    return ranked[0][0] if ranked[0][1] > ranked[1][1] else ""
