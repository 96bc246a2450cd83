"""HTML reader (.html, .htm) on selectolax (lexbor): paragraphs and tables in document order.

Block elements (p, h1–h6, div, li, …) end a paragraph; ``<br>`` starts a new line inside
it. Whitespace collapses as a browser would, and each line is stripped (the ideographic
spaces that indent Chinese paragraphs included).

A table holding another table is a layout table, which old government sites use to frame
the whole page: its cells are read as ordinary content and only the innermost tables
become :class:`~juesuan.document.Table` blocks. Rows are laid on a grid: colspan/rowspan go
on the cell that carries the text, every covered slot is an empty cell, and all rows are
padded to the table's width, so ``row.cells[i]`` is grid column i + 1 in every row.

``Source.line`` is the line in the HTML source where the element starts (see
:class:`_LineMap`).
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from juesuan.document import Block, Cell, Document, Paragraph, Row, Table, TextLine
from juesuan.errors import InputError
from juesuan.ingest.files import read_bytes
from juesuan.source import Source

BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir"),
        *("div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre"),
        *("section", "summary", "ul", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"),
    }
)
#: Elements whose content is not page text.
SKIPPED_TAGS = frozenset(
    {
        *("head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"),
        *("select", "textarea", "button"),
    }
)
#: Elements whose start line is looked up in the source; enough to place every block and row.
TRACKED_TAGS = frozenset(
    {
        *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote"),
        *("table", "caption", "tr", "td", "th", "br", "span", "font"),
    }
)
_TRACKED_SELECTOR = ", ".join(sorted(TRACKED_TAGS))
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: Markup that the parser does not turn into elements, blanked before counting start tags.
_RAW = re.compile(
    r"<!--.*?-->|<(script|style|textarea|title|xmp|template|iframe|noembed|noframes)\b.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)")
_DIGITS = re.compile(r"\s*(\d+)")
_SPACES = re.compile(r"[ \t\n\r\f]+")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_NOT_HTML = {b"%PDF": "PDF", b"PK\x03\x04": "ZIP/Office", b"\xd0\xcf\x11\xe0": "Office 97-2003"}


def read(path: Path, display_path: str | None = None) -> Document:
    """Read an HTML page into a Document of paragraphs and tables."""
    name = display_path or str(path)
    text, notes = decode(read_bytes(path, name), name)
    document = parse(text, name)
    if not document.blocks:
        raise InputError(name, "页面中没有可读取的文字或表格")
    return Document(path=name, format="html", blocks=document.blocks, notes=tuple(notes))


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode as UTF-8, else with the declared charset, else GB18030; notes say what happened.

    Strictly valid UTF-8 wins over the declaration: GBK text practically never is, while
    pages re-saved as UTF-8 often keep their old ``charset=gb2312``. GB2312 and GBK are
    decoded as GB18030, their superset: pages labelled GB2312 routinely contain GBK-only
    characters. Bytes no encoding accepts are replaced (noted), since one broken character
    should not make a whole disclosure unreadable.

    Raises:
        InputError: the file is binary (a PDF, an Office file, an image…).
    """
    for magic, kind in _NOT_HTML.items():
        if data.startswith(magic):
            raise InputError(path, f"不是 HTML 文件（看起来是 {kind} 文件）")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    if b"\x00" in data[:4096]:
        raise InputError(path, "不是 HTML 文件（含二进制内容）")
    codec, label = _declared_encoding(data)
    furthest = (-1, "utf-8")
    for encoding in dict.fromkeys(("utf-8", codec or "utf-8", "gb18030")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            furthest = max(furthest, (error.start, encoding))
            continue
        if encoding == (codec or "utf-8") or (encoding == "utf-8" and data.isascii()):
            return text, []
        return text, [f"按 {encoding} 解码（页面声明的编码为 {label or '无'}）"]
    position, encoding = furthest
    line = data[:position].count(b"\n") + 1
    note = f"第{line}行起有无法按 {encoding} 解码的字节，已替换为“\ufffd”"
    return data.decode(encoding, errors="replace"), [note]


def _declared_encoding(data: bytes) -> tuple[str | None, str | None]:
    """The Python codec of the page's <meta> charset (None when absent or unknown) and its label."""
    match = _CHARSET.search(data[:16384])
    if match is None:
        return None, None
    label = match.group(1).decode("ascii")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None, label
    return ("gb18030" if name in ("gb2312", "gbk", "gb18030") else name), label


def parse(text: str, file: str) -> Document:
    """Turn decoded HTML into paragraphs and tables (see the module docstring)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    builder = _Builder(file=file, lines=_LineMap(text, tree))
    if tree.head is not None:
        builder.lines.skip(tree.head)  # keep the element counts in step with the source
    root = tree.body if tree.body is not None else tree.root
    if root is not None:
        builder.walk(root)
    builder.end_block()
    return Document(path=file, format="html", blocks=tuple(builder.blocks))


class _LineMap:
    """Source line of each tracked element, found by matching start tags in order.

    lexbor does not report positions. The n-th ``<td`` in the source is the n-th td element
    of the tree whenever the counts agree; for a tag whose counts differ (markup the parser
    repaired, implied or dropped elements) the line of the previous element is kept.
    """

    def __init__(self, text: str, tree: Any) -> None:
        blanked = _RAW.sub(lambda match: "\n" * match.group(0).count("\n"), text)
        found: dict[str, list[int]] = {}
        line, position = 1, 0
        for match in _START_TAG.finditer(blanked):
            line += blanked.count("\n", position, match.start())
            position = match.start()
            found.setdefault(match.group(1).lower(), []).append(line)
        counts = Counter(node.tag for node in tree.css(_TRACKED_SELECTOR))
        self.lines = {tag: lines for tag in TRACKED_TAGS if len(lines := found.get(tag, [])) == counts[tag]}
        self.seen: Counter[str] = Counter()
        self.current = 1

    def enter(self, tag: str) -> int:
        """Note that the walk reached a ``tag`` element; the line it starts on (or the last known)."""
        if tag in TRACKED_TAGS:
            index = self.seen[tag]
            self.seen[tag] += 1
            lines = self.lines.get(tag)
            if lines is not None:
                self.current = lines[index]
        return self.current

    def skip(self, node: Any) -> None:
        """Count the tracked elements of a subtree the walk does not enter."""
        for inner in node.css(_TRACKED_SELECTOR):
            self.seen[inner.tag] += 1


@dataclass(slots=True)
class _Builder:
    """Collects paragraphs (lines of text pieces) and tables during the walk."""

    file: str
    lines: _LineMap
    blocks: list[Block] = field(default_factory=list)
    paragraph: list[TextLine] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    start_line: int = 1
    started: bool = False  # whether the current line has visible text yet
    tables: int = 0

    def walk(self, root: Any) -> None:
        """Visit ``root``'s subtree in document order without recursion (pages nest deeply)."""
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self.end_block()
                continue
            if node.is_text_node:
                self.add_text(node.text_content or "")
                continue
            tag = node.tag
            if not node.is_element_node or tag in SKIPPED_TAGS:
                if node.is_element_node:
                    self.lines.skip(node)
                continue
            line = self.lines.enter(tag)
            if tag == "br":
                self.break_line()
            elif tag == "table" and len(node.css("table")) == 1:  # css() includes the node itself
                self.end_block()
                self.tables += 1
                table = _TableReader(self, line).read(node)
                if table is None:
                    self.tables -= 1  # an empty <table> (spacer) is not counted
                else:
                    self.blocks.append(table)
            else:
                if tag in BLOCK_TAGS:
                    self.end_block()
                    stack.append((node, True))
                stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))

    def add_text(self, text: str) -> None:
        if not self.started:
            # The line starts at this text: after the last located element, plus the line
            # breaks before the first visible character (approximate: end tags are not seen).
            content = text.lstrip(" \t\n\r\f")
            if content:
                self.start_line = self.lines.current + text[: len(text) - len(content)].count("\n")
                self.started = True
        self.pieces.append(text)

    def break_line(self) -> None:
        line = clean("".join(self.pieces))
        self.pieces.clear()
        self.started = False
        if line:
            source = Source(file=self.file, line=self.start_line, text=line)
            self.paragraph.append(TextLine(line, source))

    def end_block(self) -> None:
        self.break_line()
        if self.paragraph:
            self.blocks.append(Paragraph(tuple(self.paragraph)))
            self.paragraph = []


def clean(text: str) -> str:
    """Collapse HTML whitespace, turn no-break spaces into spaces, strip the ends."""
    return _SPACES.sub(" ", text).replace("\xa0", " ").strip()


class _TableReader:
    """Reads one data table (a table without nested tables) onto a grid."""

    def __init__(self, builder: _Builder, line: int) -> None:
        self.builder, self.line = builder, line
        self.number = builder.tables

    def read(self, table: Any) -> Table | None:
        caption = ""
        raw_rows: list[tuple[int, list[tuple[int, str, int, int]]]] = []  # (line, [(line, text, cs, rs)])
        for child in table.iter():
            if child.tag == "caption":
                self.builder.lines.enter("caption")
                caption = " ".join(self.cell_lines(child))
            elif child.tag == "tr":
                raw_rows.append(self.row(child))
            elif child.tag in ("thead", "tbody", "tfoot"):
                raw_rows.extend(self.row(tr) for tr in child.iter() if tr.tag == "tr")
        return self.build(raw_rows, caption) if raw_rows else None

    def row(self, tr: Any) -> tuple[int, list[tuple[int, str, int, int]]]:
        line = self.builder.lines.enter("tr")
        cells = []
        for td in tr.iter():
            if td.tag in ("td", "th"):
                cell_line = self.builder.lines.enter(td.tag)
                text = "\n".join(self.cell_lines(td))
                attributes = td.attributes
                col_span = max(_span(attributes.get("colspan"), 1000), 1)
                cells.append((cell_line, text, col_span, _span(attributes.get("rowspan"), 65534)))
        return line, cells

    def cell_lines(self, node: Any) -> list[str]:
        """The lines of a cell: text split at <br> and block elements, cleaned, empty ones dropped."""
        child = node.child
        if child is None:
            return []
        if child.is_text_node and child.next is None:  # the common case, without a walk
            text = clean(child.text_content or "")
            return [text] if text else []
        inner = _Builder(file=self.builder.file, lines=self.builder.lines)
        for child in node.iter(include_text=True):
            inner.walk(child)
        inner.end_block()
        return [line.text for block in inner.blocks if isinstance(block, Paragraph) for line in block.lines]

    def build(self, raw_rows: list[tuple[int, list[tuple[int, str, int, int]]]], caption: str) -> Table:
        file, number = self.builder.file, self.number
        placed: dict[tuple[int, int], tuple[int, str, int, int]] = {}
        covered: set[tuple[int, int]] = set()
        for r, (_, cells) in enumerate(raw_rows):
            c = 0
            for cell_line, text, col_span, declared_rows in cells:
                while (r, c) in covered:
                    c += 1
                # rowspan="0" means "to the end of the table"; no span reaches past it.
                left = len(raw_rows) - r
                row_span = left if declared_rows == 0 else min(declared_rows, left)
                placed[(r, c)] = (cell_line, text, col_span, row_span)
                covered.update((r + i, c + j) for i in range(row_span) for j in range(col_span))
                c += col_span
        width = max((c + 1 for _, c in covered), default=0)
        rows = []
        for r, (row_line, _) in enumerate(raw_rows):
            row_source = Source(file=file, line=row_line, table=number, row=r + 1)
            cells_out = []
            for c in range(width):
                cell_line, text, col_span, row_span = placed.get((r, c), (row_line, "", 1, 1))
                source = Source(file=file, line=cell_line, table=number, row=r + 1, column=c + 1, text=text)
                cells_out.append(Cell(text, source, col_span=col_span, row_span=row_span))
            rows.append(Row(cells=tuple(cells_out), source=row_source))
        table_source = Source(file=file, line=self.line, table=number)
        return Table(rows=tuple(rows), source=table_source, caption=caption)


def _span(value: str | None, limit: int) -> int:
    """A colspan/rowspan value as browsers read it: leading digits, clamped; 1 when absent."""
    if not value:
        return 1
    match = _DIGITS.match(value)
    return 1 if match is None else min(int(match.group(1)), limit)
