"""Join the lines of a PDF back into paragraphs, and drop what repeats on every page.

A PDF knows lines, not paragraphs. A line that runs to the right margin and does not end a
sentence continues on the next line (or on the next page, past the running footer); a
line that stops short, or ends with 。；：, ends its paragraph. Running headers and footers
(the same text on three or more pages, page numbers) are dropped first. Text from the other
formats is already in paragraphs and passes through untouched.
"""

from __future__ import annotations

import re
from dataclasses import replace

from juesuan.document import Block, Document, Paragraph
from juesuan.extract.sections import heading_of
from juesuan.extract.statement_titles import statement_key

#: A semicolon is not among them: a line wraps at 占0.00%； as often as anywhere, and the
#: items a semicolon closes start like list items, which never continue a paragraph.
SENTENCE_END = ("。", "！", "？")
LIST_ITEM_RE = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．](?!\d))"
)
PAGE_NUMBER_RE = re.compile(r"^[-—–\s第]*\d+[-—–\s页]*$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$")


#: A note that a statement is empty: printed under each empty statement, it says something of
#: each, however many pages repeat it.
EMPTY_NOTE_RE = re.compile(r"空表|无数据|本表无|无此项|无相关|未发生|无发生额|没有[^。]{0,30}(?:收入|支出)")


def furniture(document: Document) -> set[str]:
    """Texts printed on three or more pages: running headers and footers, not content. A
    statement's title or an empty-table note repeated on several pages is content."""
    pages: dict[str, set[int]] = {}
    for paragraph in document.paragraphs:
        if paragraph.source.page is not None:
            pages.setdefault(paragraph.text.strip(), set()).add(paragraph.source.page)
    return {
        text
        for text, seen in pages.items()
        if len(seen) >= 3 and not EMPTY_NOTE_RE.search(text) and statement_key(text) is None
    }


def reflow(document: Document) -> Document:
    """The document with PDF lines joined into paragraphs and page furniture removed."""
    if document.format != "pdf":
        return document
    repeated = furniture(document)
    kept = [
        block
        for block in document.blocks
        if not isinstance(block, Paragraph)
        or (block.text.strip() not in repeated and not PAGE_NUMBER_RE.match(block.text.strip()))
    ]
    margins = _right_margins(kept)
    joined: list[Block] = []
    for block in kept:
        previous = joined[-1] if joined else None
        if (
            isinstance(block, Paragraph)
            and isinstance(previous, Paragraph)
            and _continues(previous, block, margins)
        ):
            joined[-1] = Paragraph(previous.lines + block.lines)
        else:
            joined.append(block)
    return replace(document, blocks=tuple(joined))


def _right_margins(blocks: list[Block]) -> dict[int, list[tuple[float, float]]]:
    """Each page's lines as (left edge, right edge): a line's margin is the furthest right edge of
    the lines that start no further right than it does (a column of notes beside the text, 深圳's
    performance tables, runs further right than the body and is not its margin)."""
    margins: dict[int, list[tuple[float, float]]] = {}
    for block in blocks:
        if isinstance(block, Paragraph):
            for line in block.lines:
                if line.box is not None and line.source.page is not None:
                    margins.setdefault(line.source.page, []).append((line.box.x0, line.box.x1))
    return margins


def _margin(edges: list[tuple[float, float]], left: float, height: float) -> float:
    return max((right for x0, right in edges if x0 <= left + 2 * height), default=0.0)


def _continues(
    previous: Paragraph, following: Paragraph, margins: dict[int, list[tuple[float, float]]]
) -> bool:
    last = previous.lines[-1]
    text = previous.text.rstrip()
    if not text or text.endswith(SENTENCE_END) or last.box is None or last.source.page is None:
        return False
    first = following.lines[0]
    if (
        heading_of(following) is not None
        or heading_of(previous) is not None
        or LIST_ITEM_RE.match(first.text.strip())
    ):
        return False
    if re.sub(r"\s", "", following.text) in ("目录", "目錄"):
        return False
    height = max(1.0, last.box.bottom - last.box.top)
    if last.box.x1 < _margin(margins.get(last.source.page, []), last.box.x0, height) - 3 * height:
        return False  # the line stops short of the margin: a heading, a title, a paragraph's end
    return first.source.page in (last.source.page, last.source.page + 1)
