"""Disclosure completeness: a weighted checklist like the ones finance bureaus fill in.

The checklist is data (``juesuan/data/completeness_profiles.json``): one profile per kind
(final/budget) and scope (department/unit), each item with its weight and the regulation it
comes from. Each item is judged from the document's lines — paragraphs and table rows when
the :class:`~juesuan.document.Document` is at hand, else the headings and listings the
:class:`~juesuan.model.disclosure.Disclosure` keeps — as present, missing, defective (present
but lacking a required detail) or "无法判断" (could not tell), never "missing" by guess.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from juesuan.document import Document, Paragraph
from juesuan.model.disclosure import Disclosure
from juesuan.scoring.outline import (
    TITLE_LENGTH,
    Line,
    last_contents_line,
    section_lines,
)
from juesuan.scoring.profiles import completeness_profiles
from juesuan.source import Source

PRESENT, MISSING, DEFECTIVE, UNKNOWN = "present", "missing", "defective", "unknown"
STATUS_LABELS = {PRESENT: "具备", MISSING: "缺失", DEFECTIVE: "有缺陷", UNKNOWN: "无法判断"}
#: Below this many characters of text, the document cannot be judged (scanned or unread).
MIN_TEXT = 300
#: Deadline after approval (预算法第十四条).
DEADLINE_DAYS = 20
_IGNORED = re.compile(r"[\s“”\"‘’'「」『』〝〞]")
#: Words in a file name or cover that say the document is only the statements of a disclosure
#: published in parts (e.g. 北京 "附件2：…部门预算报表", 江苏 "…预算公开表格").
_STATEMENTS_PART = ("报表", "公开表", "表格")
#: … or only its narrative (e.g. 北京 "附件1：…部门预算情况说明").
_NARRATIVE_PART = ("情况说明", "文字说明")
#: Amount-unit and form phrases with 单位 in them, which say nothing about the scope.
_UNIT_WORDS = re.compile(
    r"(金额|计量|编制|填报|预算)?单位(名称|编码|代码)?[:：]|金额单位|编制单位|单位编码|单位名称"
)


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One checklist item judged.

    Attributes:
        id / name / weight / basis: the item as the profile defines it.
        status: ``present``, ``missing``, ``defective`` or ``unknown`` (无法判断).
        points: the points it earns (weight; a fraction of it when defective; 0 when missing).
        detail: why, in Chinese (what is lacking, or why it could not be judged).
        source: where it was found, when found.
    """

    id: str
    name: str
    weight: Decimal
    basis: str
    status: str
    points: Decimal
    detail: str = ""
    source: Source | None = None

    @property
    def status_label(self) -> str:
        """The status in Chinese."""
        return STATUS_LABELS[self.status]


@dataclass(frozen=True, slots=True)
class CompletenessScore:
    """The completeness checklist of one disclosure.

    Attributes:
        profile / title / basis: the profile used.
        items: every item judged, in profile order.
        points: points earned over the items that could be judged.
        judged_weight: the weight of the items that could be judged.
        unknown_weight: the weight of the items that could not.
        score: ``points`` scaled to 100 over the judged items (two decimals).
    """

    profile: str
    title: str
    basis: str
    items: tuple[ChecklistItem, ...]
    points: Decimal
    judged_weight: Decimal
    unknown_weight: Decimal
    score: Decimal


def profile_for(disclosure: Disclosure, lines: list[Line] | None = None) -> str:
    """The completeness profile matching the disclosure's kind and scope.

    The cover's own words ("…年度部门决算", "…单位预算") decide when they are unambiguous;
    otherwise the model's reading, and the body's words when the model has none.
    """
    cover = "".join(line.text for line in (lines or [])[:8])
    cover_kind = _kind_in(cover)
    body_kind = _kind_in("".join(line.text for line in lines or [])) or "final"
    kind = cover_kind or (disclosure.kind if disclosure.kind in ("final", "budget") else body_kind)
    scope_words = _UNIT_WORDS.sub("", cover)
    unit = "单位预算" in cover or "单位决算" in cover or ("单位" in scope_words and "部门" not in scope_words)
    scope = (
        "unit" if unit else disclosure.scope if disclosure.scope in ("department", "unit") else "department"
    )
    return f"{kind}_{scope}"


def _kind_in(text: str) -> str:
    final = text.count("决算")
    budget = text.count("预算") - text.count("预算数") - text.count("公共预算") - text.count("经营预算")
    if final and not budget:
        return "final"
    if budget > 0 and not final:
        return "budget"
    return ""


def normalize(text: str) -> str:
    """Text without spaces and quotation marks, so regional spellings of titles compare equal."""
    return _IGNORED.sub("", text).replace("(", "（").replace(")", "）")


def lines_of(disclosure: Disclosure, document: Document | None) -> list[Line]:
    """The evidence lines: the document's paragraphs and table rows, else the model's headings."""
    if document is not None:
        found: list[Line] = []
        for block in document.blocks:
            if isinstance(block, Paragraph):
                found.extend(Line(normalize(line.text), line.source) for line in block.lines)
            else:
                found.extend(Line(normalize("".join(row.texts)), row.source) for row in block.rows)
        return [line for line in found if line.text]
    lines = [Line(normalize(h.number + h.title), h.source) for h in disclosure.headings]
    lines += [Line(normalize(ref.title), ref.source) for ref in disclosure.statements_listed]
    lines += [Line(normalize(g.term), g.source) for g in disclosure.glossary]
    return lines


def assess(
    disclosure: Disclosure,
    document: Document | None = None,
    profile: str | None = None,
    published: datetime.date | None = None,
    approved: datetime.date | None = None,
) -> CompletenessScore:
    """Judge every item of the completeness profile (by default the one matching the disclosure)."""
    lines = lines_of(disclosure, document)
    name = profile or profile_for(disclosure, lines)
    profiles = completeness_profiles()
    if name not in profiles:
        raise KeyError(f"没有名为“{name}”的完整性配置（可用：{'、'.join(profiles)}）")
    entry = profiles[name]
    readable = sum(len(line.text) for line in lines) >= MIN_TEXT or document is None
    part = document_part(disclosure, lines) if document is not None else ""
    context = _Context(
        disclosure, lines, readable, published, approved, Decimal(entry["defective_fraction"]), part
    )
    items = tuple(_judge(context, item) for item in entry["items"])
    judged = [i for i in items if i.status != UNKNOWN]
    points = sum((i.points for i in judged), Decimal(0))
    judged_weight = sum((i.weight for i in judged), Decimal(0))
    unknown = sum((i.weight for i in items if i.status == UNKNOWN), Decimal(0))
    score = (points / judged_weight * 100).quantize(Decimal("0.01")) if judged_weight else Decimal(0)
    return CompletenessScore(
        name, entry["title"], entry["basis"], items, points, judged_weight, unknown, score
    )


@dataclass(frozen=True, slots=True)
class _Context:
    disclosure: Disclosure
    lines: list[Line]
    readable: bool
    published: datetime.date | None
    approved: datetime.date | None
    defective_fraction: Decimal
    part: str = ""


#: Why an item of the part a document does not contain cannot be judged from it.
_PART_REASONS = {
    "statements": "本文件只是分册公开的报表部分（文件名或封面称“报表/公开表/表格”），"
    "文字说明另册公开，无法仅凭本文件判断",
    "narrative": "本文件只是分册公开的情况说明部分（文件名或封面称“情况说明”，正文无报表），"
    "报表另册公开，无法仅凭本文件判断",
}


def document_part(disclosure: Disclosure, lines: list[Line]) -> str:
    """``statements`` or ``narrative`` when the document is only that part of a disclosure, else "".

    Some regions publish a disclosure as two files (北京: 附件1 情况说明, 附件2 报表; 江苏:
    部门预算 and 预算公开表格). The file's name or its cover says which part it is; the body
    must agree (a statements part has statement titles and no numbered narrative headings, a
    narrative part has no statement itself).
    """
    name = re.sub(r"\.[A-Za-z]+$", "", disclosure.file.replace("\\", "/").rsplit("/", 1)[-1])
    cover = list(itertools.takewhile(lambda line: not line.text.startswith("目录"), lines[:4]))
    label = normalize(name) + "".join(line.text for line in cover)
    body = lines[last_contents_line(lines) + 1 :]
    if any(word in label for word in _STATEMENTS_PART) and not any(w in label for w in _NARRATIVE_PART):
        sentences = sum(1 for line in body if not line.in_table and "。" in line.text)
        if any(line.is_title for line in body) and sentences <= 3:
            return "statements"
    narrative = any(word in label for word in _NARRATIVE_PART)
    if narrative and not disclosure.statements and not any(line.in_table for line in body):
        return "narrative"
    return ""


def _part_of(item: dict[str, Any]) -> str:
    """The part of a disclosure an item belongs to: ``statements`` or ``narrative``."""
    return str(item.get("part") or ("statements" if item["kind"] == "statement" else "narrative"))


def _judge(context: _Context, item: dict[str, Any]) -> ChecklistItem:
    weight = Decimal(item["weight"])

    def result(status: str, detail: str = "", source: Source | None = None) -> ChecklistItem:
        points = {PRESENT: weight, DEFECTIVE: weight * context.defective_fraction}.get(status, Decimal(0))
        return ChecklistItem(item["id"], item["name"], weight, item["basis"], status, points, detail, source)

    kind = item["kind"]
    if kind == "timeliness":
        return result(*_timeliness(context))
    if not context.readable:
        return result(UNKNOWN, "文档几乎没有可读文字（可能是扫描件），无法判断")
    if kind == "cover":
        judged = _cover(context)
    elif kind == "contents":
        judged = _contents(context)
    elif kind == "statement":
        candidates = [line for line in context.lines if line.is_title]
        after = last_contents_line(context.lines, candidates)
        judged = _statement(
            context, candidates, _matches(candidates, item["find"], item.get("exclude", ()), after)
        )
    else:
        # a narrative part is told in paragraphs: not in table rows, nor by a statement's title
        # (unless the item says a statement also discloses it, e.g. 政府采购预算表)
        candidates = [
            line
            for line in context.lines
            if not line.in_table and (item.get("tables", False) or not line.is_title)
        ]
        after = last_contents_line(context.lines, candidates)
        judged = _text(
            context, item, candidates, _matches(candidates, item["find"], item.get("exclude", ()), after)
        )
    status, detail, source = judged
    if status != PRESENT and context.part and context.part != _part_of(item):
        return result(UNKNOWN, _PART_REASONS[context.part], source)
    return result(status, detail, source)


def _matches(
    lines: list[Line], alternatives: list[list[str]], exclude: Iterable[str], after: int = -1
) -> list[int]:
    """The lines matching the first alternative found after line ``after`` (the contents), else
    the first found anywhere (alternatives are in preference order): the contents may name a
    part "主要职能" that the body heads "主要职责"."""
    excluded = tuple(exclude)
    first: list[int] = []
    for words in alternatives:
        found = [
            index
            for index, line in enumerate(lines)
            if all(word in line.text for word in words) and not any(word in line.text for word in excluded)
        ]
        if found and found[-1] > after:
            return found
        first = first or found
    return first


def _timeliness(context: _Context) -> tuple[str, str, Source | None]:
    if context.published is None or context.approved is None:
        missing = "发布日期" if context.published is None else "批复日期"
        return (
            UNKNOWN,
            f"未提供{missing}（--published/--approved），无法判断是否在批复后{DEADLINE_DAYS}日内公开",
            None,
        )
    days = (context.published - context.approved).days
    if days <= DEADLINE_DAYS:
        return PRESENT, f"批复后第{days}日公开", None
    return DEFECTIVE, f"批复后第{days}日才公开，超过{DEADLINE_DAYS}日", None


def _cover(context: _Context) -> tuple[str, str, Source | None]:
    head = context.lines[:6]
    for line in head:
        if re.search(r"20\d{2}", line.text) and ("决算" in line.text or "预算" in line.text):
            return PRESENT, "", line.source
    # a title broken over lines ("2026年" / "广州市信访局部门预算")
    joined = "".join(line.text for line in head[:3] if not line.text.startswith("目录"))
    if re.search(r"20\d{2}", joined) and ("决算" in joined or "预算" in joined):
        return PRESENT, "", head[0].source
    if not head:
        return MISSING, "文档开头没有封面标题", None
    if any("决算" in line.text or "预算" in line.text for line in head):
        return DEFECTIVE, "开头有标题但未写明年度", head[0].source
    name = normalize(context.disclosure.department)
    if name and any(name in line.text for line in head[:2]):
        return DEFECTIVE, "开头只有单位名称，未写明“××年度部门决算/预算”", head[0].source
    return MISSING, "开头几行没有“××年度部门决算/预算”字样的封面标题", head[0].source


def _contents(context: _Context) -> tuple[str, str, Source | None]:
    early = context.lines[: max(80, len(context.lines) // 8)]
    for line in early:
        if line.text.startswith("目录") or line.text == "目 录":
            return PRESENT, "", line.source
    return MISSING, "文档开头没有目录", None


def _statement(context: _Context, lines: list[Line], matches: list[int]) -> tuple[str, str, Source | None]:
    # A statement is named by a title line (``Line.is_title``); a sentence that mentions it
    # ("…决算表为空表"), a narrative heading ("…情况说明（详见表6）") or a table row is not it.
    if not matches:
        return MISSING, "未找到该表", None
    contents_end = last_contents_line(context.lines, lines)
    present = {statement.key for statement in context.disclosure.statements}
    listed = {
        (ref.source.page, ref.source.line)
        for ref in context.disclosure.statements_listed
        if not ref.attached and ref.key not in present
    }
    body = [
        i
        for i in matches
        if i > contents_end
        and (
            (lines[i].source.page, lines[i].source.line) not in listed
            # a title heading its own page is the statement, whatever the model made of its table
            or (lines[i].source.page is not None and (lines[i].source.line or 0) <= 3)
        )
    ]
    if body:
        return PRESENT, "", lines[body[0]].source
    return (
        DEFECTIVE,
        "只在目录或附表清单中列出名称，文档中没有报表本身（请核对附件）",
        lines[matches[0]].source,
    )


def _text(
    context: _Context, item: dict[str, Any], lines: list[Line], matches: list[int]
) -> tuple[str, str, Source | None]:
    if not matches:
        return MISSING, "未找到该部分", None
    headings = [i for i in matches if len(lines[i].text) <= TITLE_LENGTH] or matches
    contents_end = last_contents_line(context.lines, lines)
    # the part itself, not its line in the contents
    headings = [i for i in headings if i > contents_end] or [i for i in matches if i > contents_end]
    if not headings:
        return DEFECTIVE, "只在目录中列出，正文中没有该部分", lines[matches[0]].source
    # numbered headings first, then other short lines, statements' titles last
    headings.sort(key=lambda i: (lines[i].is_title, not lines[i].is_heading))
    details = item.get("details", [])
    if not details:
        return PRESENT, "", lines[headings[0]].source
    best: tuple[int, list[str]] | None = None
    for index in headings:
        window = "".join(line.text for line in section_lines(lines, index))
        lacking = [d["name"] for d in details if not any(all(w in window for w in a) for a in d["any"])]
        if lacking and any(all(w in window for w in words) for words in item.get("empty_ok", [])):
            return PRESENT, "文中说明无此项", lines[index].source
        if best is None or len(lacking) < len(best[1]):
            best = (index, lacking)
    assert best is not None
    index, lacking = best
    if not lacking:
        return PRESENT, "", lines[index].source
    return DEFECTIVE, "缺少：" + "、".join(lacking), lines[index].source
