"""部门概况: functions, divisions, subordinate units and headcount."""

from __future__ import annotations

import re
from decimal import Decimal

from juesuan.document import Paragraph
from juesuan.extract.keys import HEADCOUNT_KEYS, key_of
from juesuan.extract.narrative import groups, mentions_of, scan_once, stated
from juesuan.extract.numbers import CHINESE_COUNT, chinese_count
from juesuan.extract.sections import Section
from juesuan.model.disclosure import Profile
from juesuan.model.figures import Breakdown, Figure

_LIST_ITEM_RE = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|\d+[.、．]|[一二三四五六七八九十]+、)\s*")
_DIVISIONS_RE = re.compile(
    rf"(?:下设|内设)(?:机构)?(?P<count>\d+|{CHINESE_COUNT})个(?:内设机构|科室|处室|职能科室|部门|机构)?[，,]?"
    r"(?:分别)?(?:是|为|包括)?[:：]?(?P<names>[^。；;]*)"
)
_NO_SUBORDINATE_RE = re.compile(r"无下属(?:预算)?单位|没有下属(?:预算)?单位")


def profile(functions: Section | None, structure: Section | None) -> Profile:
    """The profile from the 主要职能 and 机构设置/人员 sections."""
    items = tuple(
        _LIST_ITEM_RE.sub("", p.text).strip()
        for p in (functions.all_paragraphs() if functions else [])
        if p.text.strip()
    )
    divisions: tuple[str, ...] = ()
    divisions_count: Figure | None = None
    subordinate: Figure | None = None
    for paragraph in structure.all_paragraphs() if structure else []:
        text = paragraph.text
        match = _DIVISIONS_RE.search(text)
        if match and (listed := _listed_names(match["names"])) is not None:
            divisions = listed
            divisions_count = next(
                (
                    m.figure
                    for m in scan_once(paragraph)
                    if m.figure.unit == "个" and m.start <= match.start("count") < m.end
                ),
                _chinese_count(paragraph, match),
            )
        for mention in scan_once(paragraph):
            if mention.figure.unit == "个" and "单位" in mention.label and subordinate is None:
                subordinate = mention.figure
        none_match = _NO_SUBORDINATE_RE.search(text)
        if none_match and subordinate is None:
            source = paragraph.source_at(none_match.start(), none_match.end())
            subordinate = Figure(value=Decimal(0), unit="个", source=source, decimals=0)
    return Profile(
        functions=items,
        divisions=divisions,
        divisions_count=divisions_count,
        subordinate_units=subordinate,
        headcount=_headcount(structure),
    )


_LIST_START_RE = re.compile(r"(?:分别(?:是|为)|包括|如下|[:：])")
_NAME_END_RE = re.compile(r"(?:处|科|室|部|局|委|会|队|所|站|中心|组|股|办|院|庭|馆|厅|支队|大队)$")


def _listed_names(text: str) -> tuple[str, ...] | None:
    """The names a "下设N个…，分别是A、B、C" lists, or None when the text is no plain list of names.

    The list starts after its last 分别是/包括/： ("内设24个处室和机关党委，内设处室分别是…"), is
    separated by 、 and ends at the first ，; an item said to be outside the count ("机关党委（不纳入
    内设机构数）") is not counted; a clause that is no name ("处级建制", "经费来源为…") means the
    sentence describes rather than lists, and nothing is counted.
    """
    starts = list(_LIST_START_RE.finditer(text))
    if starts:
        text = text[starts[-1].end() :]
    # every item, however separated ("党政办、综合办，督察办、信访中心"); else the 、 list up to
    # its first ， (the clause after it is no name: "…装备财务保障处，纳入局本级编制预算的还有…")
    for candidate in (re.split(r"[、，,]", text), re.split(r"[，,]", text)[0].split("、")):
        counted = [name for name in candidate if not re.search(r"不纳入|不计入|不含", name)]
        kept = [n for name in counted if (n := re.sub(r"[（(][^）)]*[）)]", "", name).strip(" 等"))]
        if len(kept) >= 2 and all(
            len(n) <= 20 and not re.search(r"\d", n) and _NAME_END_RE.search(n) for n in kept
        ):
            return tuple(kept)
    return None


def _chinese_count(paragraph: Paragraph, match: re.Match[str]) -> Figure | None:
    """ "下设三个科室": the count in Chinese numerals, as a figure at its place."""
    value = chinese_count(match["count"])
    if value is None:
        return None
    source = paragraph.source_at(match.start("count"), match.end("count") + 1)
    return Figure(value=Decimal(value), unit="个", source=source, decimals=0)


def _headcount(structure: Section | None) -> Breakdown | None:
    people = [m for m in mentions_of(structure, money_only=False) if m.figure.unit == "人"]
    for group in groups(people):
        if "人数" in group.head.label and group.parts:
            return Breakdown(
                key="headcount",
                label="实有人数",
                total=stated(group.head, "headcount"),
                parts=tuple(stated(p, key_of(p.label, HEADCOUNT_KEYS, "headcount")) for p in group.parts),
            )
    return None
