"""部门概况: functions, divisions, subordinate units and headcount."""

from __future__ import annotations

import re
from decimal import Decimal

from juesuan.extract.keys import HEADCOUNT_KEYS, key_of
from juesuan.extract.narrative import groups, mentions_of, scan_once, stated
from juesuan.extract.sections import Section
from juesuan.model.disclosure import Profile
from juesuan.model.figures import Breakdown, Figure

_LIST_ITEM_RE = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|\d+[.、．]|[一二三四五六七八九十]+、)\s*")
_DIVISIONS_RE = re.compile(
    r"(?:下设|内设)(?:机构)?(?P<count>\d+)个(?:内设机构|科室|处室|职能科室|部门|机构)?[，,]?"
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
        if match:
            names = re.split(r"[、，,]", match["names"])
            divisions = tuple(name.strip() for name in names if name.strip())
            count_figure = next(
                (
                    m.figure
                    for m in scan_once(paragraph)
                    if m.figure.unit == "个" and m.start <= match.start("count") < m.end
                ),
                None,
            )
            divisions_count = count_figure
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
