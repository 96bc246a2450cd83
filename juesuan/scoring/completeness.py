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
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from juesuan.document import Document, Paragraph
from juesuan.model.disclosure import Disclosure
from juesuan.scoring.profiles import completeness_profiles
from juesuan.source import Source

PRESENT, MISSING, DEFECTIVE, UNKNOWN = "present", "missing", "defective", "unknown"
STATUS_LABELS = {PRESENT: "具备", MISSING: "缺失", DEFECTIVE: "有缺陷", UNKNOWN: "无法判断"}
#: Below this many characters of text, the document cannot be judged (scanned or unread).
MIN_TEXT = 300
#: How many lines after a part's heading its details are looked for.
WINDOW = 60
#: Lines up to this long can be headings or table titles.
TITLE_LENGTH = 60
#: Deadline after approval (预算法第十四条).
DEADLINE_DAYS = 20
_IGNORED = re.compile(r"[\s“”\"‘’'「」『』〝〞]")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of evidence: normalised text and its place."""

    text: str
    source: Source


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
    unit = "单位预算" in cover or "单位决算" in cover or ("单位" in cover and "部门" not in cover)
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
    context = _Context(disclosure, lines, readable, published, approved, Decimal(entry["defective_fraction"]))
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
        return result(*_cover(context))
    if kind == "contents":
        return result(*_contents(context))
    matches = _matches(context.lines, item["find"], item.get("exclude", ()))
    if kind == "statement":
        return result(*_statement(context, matches))
    return result(*_text(context, item, matches))


def _matches(lines: list[Line], alternatives: list[list[str]], exclude: Iterable[str]) -> list[int]:
    """The lines matching the first alternative found anywhere (alternatives are in preference order)."""
    excluded = tuple(exclude)
    for words in alternatives:
        found = [
            index
            for index, line in enumerate(lines)
            if all(word in line.text for word in words) and not any(word in line.text for word in excluded)
        ]
        if found:
            return found
    return []


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


def _statement(context: _Context, matches: list[int]) -> tuple[str, str, Source | None]:
    lines = context.lines
    # A statement is named by a title line; a sentence that mentions it ("…决算表为空表") is not it.
    matches = [i for i in matches if len(lines[i].text) <= TITLE_LENGTH and "。" not in lines[i].text]
    if not matches:
        return MISSING, "未找到该表", None
    contents_end = _contents_end(lines)
    present = {statement.key for statement in context.disclosure.statements}
    listed = {
        (ref.source.page, ref.source.line)
        for ref in context.disclosure.statements_listed
        if not ref.attached and ref.key not in present
    }
    body = [
        i for i in matches if i > contents_end and (lines[i].source.page, lines[i].source.line) not in listed
    ]
    if body:
        return PRESENT, "", lines[body[0]].source
    return (
        DEFECTIVE,
        "只在目录或附表清单中列出名称，文档中没有报表本身（请核对附件）",
        lines[matches[0]].source,
    )


def _contents_end(lines: list[Line]) -> int:
    """The index of the last line of the contents (目录), or −1 without one."""
    start = next((i for i, line in enumerate(lines[:120]) if line.text.startswith("目录")), -1)
    if start < 0:
        return -1
    end = start
    for index in range(start + 1, min(len(lines), start + 80)):
        text = lines[index].text
        if len(text) > 60:
            break
        end = index
        if "名词解释" in text or "附件" in text:
            break
    return end


def _text(context: _Context, item: dict[str, Any], matches: list[int]) -> tuple[str, str, Source | None]:
    lines = context.lines
    if not matches:
        return MISSING, "未找到该部分", None
    headings = [i for i in matches if len(lines[i].text) <= TITLE_LENGTH] or matches
    contents_end = _contents_end(lines)
    # the part itself, not its line in the contents
    headings = (
        [i for i in headings if i > contents_end] or [i for i in matches if i > contents_end] or headings
    )
    details = item.get("details", [])
    if not details:
        return PRESENT, "", lines[headings[0]].source
    best: tuple[int, list[str]] | None = None
    for index in headings:
        window = "".join(line.text for line in lines[index : index + WINDOW])
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
