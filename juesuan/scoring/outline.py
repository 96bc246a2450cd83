"""The outline of a document as lines: statement titles, numbered headings, the contents
(目录) and where it ends, and the lines of one part — what the completeness checklist looks in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from juesuan.source import Source

#: How many lines after a part's heading its details are looked for.
WINDOW = 60
#: Lines up to this long can be headings or table titles.
TITLE_LENGTH = 60
#: A statement's title: the name ends in 表, perhaps followed by a parenthesised qualifier
#: ("（按功能分类科目）"), a table number ("公开01表") or the amount unit.
TITLE_END = re.compile(r"表》?(（[^）]*）)*(公开\d+表|预算\d+表|表\d+|(金额)?单位[:：].*|\d+)?$")
#: Words that make a short line a narrative heading or a reference, not a statement's title.
NOT_TITLE = ("说明", "详见", "见表", "见附表", "。")
#: A numbered heading ("一、", "（一）", "1.", "第一部分").
NUMBERED = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十\d]+）|\d+[、.．])"
)
#: Leader dots and page numbers of a contents entry.
LEADERS = re.compile(r"[.…·．\-—_]{2,}\d*$|\d+$")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of evidence: normalised text and its place."""

    text: str
    source: Source

    @property
    def in_table(self) -> bool:
        """Whether the line is a row of a table (not a paragraph line)."""
        return self.source.table is not None

    @property
    def is_title(self) -> bool:
        """Whether the line reads as a statement's title (a short line ending in …表)."""
        text = LEADERS.sub("", self.text)
        return (
            not self.in_table
            and len(text) <= TITLE_LENGTH
            and not any(word in text for word in NOT_TITLE)
            and not re.match(r"第[一二三四五六七八九十]+部分", text)
            and TITLE_END.search(text) is not None
        )

    @property
    def is_heading(self) -> bool:
        """Whether the line reads as a numbered heading of the narrative."""
        return len(self.text) <= 40 and NUMBERED.match(self.text) is not None


def last_contents_line(lines: list[Line], among: list[Line] | None = None) -> int:
    """The index of the last line of the contents (目录), or −1 without one.

    In a paged document the contents is the rest of the page that starts with 目录 and the pages
    after it made only of short, numbered entries; in a text file it runs until a long line
    or its last usual entry (名词解释, 附件). With ``among`` (a subset of ``lines`` in order),
    the index is into ``among``.
    """
    start = next((i for i, line in enumerate(lines[:120]) if line.text.startswith("目录")), -1)
    if start < 0:
        return -1
    end = start
    page = lines[start].source.page
    if page is not None:
        while end + 1 < len(lines) and lines[end + 1].source.page == page:
            if len(LEADERS.sub("", lines[end + 1].text)) > TITLE_LENGTH:
                break
            end += 1
        for _ in range(3):
            following = [line for line in lines[end + 1 :] if line.source.page == (page or 0) + 1]
            if not following or not _contents_page(following):
                break
            end += len(following)
            page = (page or 0) + 1
    else:
        for index in range(start + 1, min(len(lines), start + 80)):
            text = lines[index].text
            if len(text) > 60:
                break
            end = index
            if "名词解释" in text or "附件" in text:
                break
    if among is None:
        return end
    within = {id(line) for line in lines[: end + 1]}
    return sum(1 for line in among if id(line) in within) - 1


def _contents_page(lines: list[Line]) -> bool:
    """Whether a page continues the contents: short entries, most of them numbered, no table and
    no sentence."""
    if any(
        line.in_table or "。" in line.text or len(LEADERS.sub("", line.text)) > TITLE_LENGTH for line in lines
    ):
        return False
    numbered = sum(1 for line in lines if NUMBERED.match(line.text) or line.text.startswith("表"))
    return numbered * 2 >= len(lines)


def heading_level(text: str) -> int | None:
    """The level of a numbered heading: 第一部分 0, 一、 1, （一） 2, 1. 3; None if not numbered."""
    match = NUMBERED.match(text) if len(text) <= 40 else None
    if match is None:
        return None
    number = match.group(0)
    if number.startswith("第"):
        return 0
    if number.startswith("（"):
        return 2
    return 3 if number[0].isdigit() else 1


def section_lines(lines: list[Line], index: int) -> list[Line]:
    """The lines of the part headed at ``index``: up to the next heading of its level or above
    (a heading of the first level when it is not numbered), at most ``WINDOW`` lines."""
    level = heading_level(lines[index].text)
    limit = 1 if level is None else level
    end = index + 1
    while end < min(len(lines), index + WINDOW):
        following = heading_level(lines[end].text)
        if following is not None and following <= limit:
            break
        end += 1
    return lines[index:end]
