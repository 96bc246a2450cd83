"""PDF reader built on pypdfium2's text page and page objects.

Speed matters (a whole disclosure should read in a few milliseconds per page), so the reader
never asks PDFium for one box per character unless it must. It takes the page text in one
call, cuts it into runs of non-blank characters (PDFium already inserts spaces between
separated text and line breaks between lines) and asks only for the boxes of each run's
first and last character. Ruling lines come from the page's path objects: thin paths are
rules, stroked rectangles give their four edges, filled rectangles are backgrounds and are
ignored. :mod:`juesuan.ingest.pdf_tables` turns connected rules into table grids; words
inside a grid become cells, all other words become lines and paragraphs.

Coordinates are PDF points with the origin at the top left of the page as displayed (page
rotation applied), so boxes match what a reader sees.

Covered slots of a merged cell are kept as empty cells, so every row has one cell per grid
column; the merged cell itself sits in its top-left slot with ``col_span``/``row_span``.
"""

from __future__ import annotations

import ctypes
import functools
import importlib
import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from juesuan.document import Block, Document, Paragraph, Table, TextLine
from juesuan.errors import InputError
from juesuan.ingest.pdf_tables import (
    Segment,
    Word,
    build_table,
    find_grids,
    group_lines,
    line_text,
    union_box,
)
from juesuan.source import Source

SCANNED = "扫描件（无文字层），无法读取文字；需要先做文字识别（OCR）"
#: Below this many characters per page on average, a PDF is treated as scanned.
MIN_CHARS_PER_PAGE = 20
#: Paths thinner than this (points) are ruling lines.
RULE_WIDTH = 3.0
#: A paragraph line ending with one of these ends the paragraph. Not a semicolon: a full
#: line may wrap at 占0.00%；, and the items a semicolon closes start like list items.
SENTENCE_END = "。：！？!?:"
#: Lines starting like a heading or list item never continue a paragraph ("2." does, "23.8%" does not).
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))")
_RUN = re.compile(r"\S+")
_PATH, _FORM = 2, 5

Transform = Callable[[float, float, float, float], tuple[float, float, float, float]]


def read(path: Path, display_path: str | None = None) -> Document:
    """Read a PDF into a Document of paragraphs and ruled tables.

    Raises:
        InputError: the file is encrypted, damaged, not a PDF, or scanned without text.
    """
    import pypdfium2 as pdfium

    name = display_path or str(path)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise InputError(name, _open_error(error.err_code)) from error
    except OSError as error:
        raise InputError(name, f"文件无法打开：{error.strerror or '不存在'}") from error
    try:
        return _read_document(pdf, name)
    except pdfium.PdfiumError as error:
        raise InputError(name, f"PDF 内容无法解析（文件可能已损坏）：{error}") from error
    finally:
        pdf.close()


def _open_error(code: int | None) -> str:
    from pypdfium2 import raw

    if code == raw.FPDF_ERR_PASSWORD:
        return "文件已加密（需要密码），无法读取；请提供未加密的版本"
    if code == raw.FPDF_ERR_SECURITY:
        return "文件使用了不支持的加密方式，无法读取"
    if code == raw.FPDF_ERR_FILE:
        return "文件无法打开（不存在或没有读取权限）"
    return "文件已损坏或不是有效的 PDF，无法读取"


def _read_document(pdf: Any, name: str) -> Document:
    blocks: list[Block] = []
    notes: list[str] = []
    chars = tables = 0
    pages = len(pdf)
    for index in range(pages):
        page = pdf[index]
        try:
            page_blocks, page_chars = _read_page(page, name, index + 1, tables + 1)
        finally:
            page.close()
        if not page_chars:
            notes.append(f"第{index + 1}页无文字层")
        chars += page_chars
        tables += sum(1 for block in page_blocks if isinstance(block, Table))
        blocks.extend(page_blocks)
    if chars < MIN_CHARS_PER_PAGE * max(pages, 1):
        raise InputError(name, SCANNED)
    return Document(path=name, format="pdf", blocks=tuple(blocks), pages=pages, notes=tuple(notes))


def _read_page(page: Any, name: str, number: int, next_table: int) -> tuple[list[Block], int]:
    """Read one page; returns its blocks in reading order and its count of visible characters."""
    transform = _transform(page)
    textpage = page.get_textpage()
    try:
        reader = _TextRuns(textpage.raw, transform)
        words = reader.words()
        if not words:
            return [], 0
        lines = group_lines(words)
        for line_number, line in enumerate(lines, start=1):
            for word in line:
                word.line = line_number
        # Walking the page objects costs as much as the text; pages of prose skip it.
        grids = find_grids(*_rules(page.raw, transform)) if _has_columns(lines) else []
        placed: list[tuple[float, Block]] = []
        free = words
        for grid in grids:
            inside = [w for w in free if grid.contains(w)]
            if not inside:
                continue
            free = [w for w in free if not grid.contains(w)]
            table = build_table(grid, inside, reader.split, file=name, page=number, index=next_table)
            next_table += 1
            placed.append((grid.ys[0], table))
        for paragraph in _paragraphs(free, name, number):
            box = paragraph.lines[0].box
            placed.append((box.top if box else 0.0, paragraph))
    finally:
        textpage.close()
    placed.sort(key=lambda item: item[0])
    return [block for _, block in placed], sum(len(w.text) for w in words)


def _has_columns(lines: list[list[Word]]) -> bool:
    """Whether some line has a wide gap between words, as table rows have (prose has none)."""
    for line in lines:
        for left, right in itertools.pairwise(line):
            if right.x0 - left.x1 > 1.5 * left.height:
                return True
    return False


@functools.cache
def _fast_calls() -> dict[str, Callable[..., Any]]:
    """PDFium functions for the hot loops, called without ctypes argument conversion.

    pypdfium2 declares argument types, and converting the arguments costs more than the call
    (measured: 2.0 against 0.66 µs for FPDFPageObj_GetBounds). The same symbols taken from the
    loaded library without declared types accept the handles and ``byref()`` values as they
    are. If pypdfium2's library object is not reachable, the declared bindings are used.
    """
    from pypdfium2 import raw

    try:
        library = importlib.import_module("pypdfium2_raw.bindings")._libs["pdfium"]
    except (ImportError, AttributeError, KeyError):  # pragma: no cover - other pypdfium2 layouts
        return {name: getattr(raw, name) for name in _FAST}
    calls: dict[str, Callable[..., Any]] = {}
    for name in _FAST:
        function = library[name]
        function.restype = raw.FPDF_PAGEOBJECT if name == "FPDFPage_GetObject" else ctypes.c_int
        calls[name] = function
    return calls


_FAST = (
    "FPDFPage_GetObject",
    "FPDFPageObj_GetType",
    "FPDFPageObj_GetBounds",
    "FPDFPath_GetDrawMode",
    "FPDFPageObj_GetStrokeColor",
    "FPDFPageObj_GetFillColor",
    "FPDFText_GetLooseCharBox",
)


def _transform(page: Any) -> Transform:
    """Map a user-space box (x0, y0, x1, y1; y up) to the displayed page, origin top left."""
    left, bottom, right, top = page.get_cropbox()
    rotation = page.get_rotation()
    if rotation == 90:
        return lambda x0, y0, x1, y1: (y0 - bottom, x0 - left, y1 - bottom, x1 - left)
    if rotation == 180:
        return lambda x0, y0, x1, y1: (right - x1, y0 - bottom, right - x0, y1 - bottom)
    if rotation == 270:
        return lambda x0, y0, x1, y1: (top - y1, right - x1, top - y0, right - x0)
    return lambda x0, y0, x1, y1: (x0 - left, top - y1, x1 - left, top - y0)


class _TextRuns:
    """The words of one text page, with box look-ups kept to a minimum."""

    def __init__(self, textpage: Any, transform: Transform) -> None:
        from pypdfium2 import raw

        self._raw = raw
        self._page = textpage
        self._transform = transform
        self._rect = raw.FS_RECTF()
        self._rect_ref = ctypes.byref(self._rect)
        self._char_box = _fast_calls()["FPDFText_GetLooseCharBox"]
        count = raw.FPDFText_CountChars(textpage)
        self.text = ""
        if count > 0:
            buffer = (ctypes.c_ushort * (count + 1))()
            written = raw.FPDFText_GetText(textpage, 0, count, buffer)
            self.text = ctypes.string_at(buffer, 2 * max(written - 1, 0)).decode("utf-16-le", "replace")
            if len(self.text) != count:
                # Characters outside the BMP take two UTF-16 units; fall back to one per index.
                self.text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))

    def box(self, index: int) -> tuple[float, float, float, float]:
        """The displayed box (x0, top, x1, bottom) of character ``index``."""
        self._char_box(self._page, index, self._rect_ref)
        rect = self._rect
        return self._transform(rect.left, rect.bottom, rect.right, rect.top)

    def words(self) -> list[Word]:
        """Every run of non-blank characters as a word, split where it leaves its line."""
        words: list[Word] = []
        for match in _RUN.finditer(self.text):
            start, end = match.span()
            first, last = self.box(start), self.box(end - 1)
            if end - start == 1 or _same_line(first, last):
                words.append(
                    Word(
                        match.group(),
                        first[0],
                        min(first[1], last[1]),
                        last[2],
                        max(first[3], last[3]),
                        start,
                        end,
                    )
                )
            else:
                words.extend(self._char_runs(start, end))
        return words

    def _char_runs(self, start: int, end: int) -> Iterator[Word]:
        """Split characters ``start..end`` into runs that stay on one line, left to right."""
        run: Word | None = None
        for index in range(start, end):
            x0, top, x1, bottom = self.box(index)
            if (
                run
                and _same_line((run.x0, run.top, run.x1, run.bottom), (x0, top, x1, bottom))
                and (run.x1 - run.height <= x0 <= run.x1 + run.height)
            ):
                run.text += self.text[index]
                run.x1, run.top, run.bottom, run.end = (
                    max(run.x1, x1),
                    min(run.top, top),
                    max(run.bottom, bottom),
                    index + 1,
                )
                continue
            if run:
                yield run
            run = Word(self.text[index], x0, top, x1, bottom, index, index + 1)
        if run:
            yield run

    def split(self, word: Word, cuts: list[float]) -> list[Word]:
        """Cut ``word`` at the x positions ``cuts`` (vertical rules it runs across)."""
        parts: dict[int, Word] = {}
        for index in range(word.start, word.end):
            x0, top, x1, bottom = self.box(index)
            part = sum(1 for cut in cuts if (x0 + x1) / 2 > cut)
            if part in parts:
                found = parts[part]
                found.text += self.text[index]
                found.x1, found.top, found.bottom = (
                    max(found.x1, x1),
                    min(found.top, top),
                    max(found.bottom, bottom),
                )
            else:
                parts[part] = Word(self.text[index], x0, top, x1, bottom, index, index + 1, word.line)
        return [parts[key] for key in sorted(parts)]


def _same_line(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= 0.5 * min(a[3] - a[1], b[3] - b[1]) and b[2] >= a[0]


def _rules(page: Any, transform: Transform) -> tuple[list[Segment], list[Segment]]:
    """The page's horizontal and vertical ruling lines (displayed coordinates)."""
    from pypdfium2 import raw

    boxes: list[tuple[float, float, float, float]] = []
    collector = _Rules(raw, boxes)
    get_object = _fast_calls()["FPDFPage_GetObject"]
    collector.walk([get_object(page, k) for k in range(raw.FPDFPage_CountObjects(page))], None)
    horizontal: list[Segment] = []
    vertical: list[Segment] = []
    for box in boxes:
        left, top, right, bottom = transform(*box)
        if bottom - top <= RULE_WIDTH < right - left:
            horizontal.append(Segment((top + bottom) / 2, left, right))
        elif right - left <= RULE_WIDTH < bottom - top:
            vertical.append(Segment((left + right) / 2, top, bottom))
    return horizontal, vertical


class _Rules:
    """Collects the boxes of ruling lines from path objects, in user space.

    This is the hottest loop of the reader (some producers draw 700 paths a page, every cell
    border twice), so it makes at most four PDFium calls per path and little else.
    """

    def __init__(self, raw: Any, boxes: list[tuple[float, float, float, float]]) -> None:
        self.raw = raw
        self.boxes = boxes
        self.bounds = [ctypes.c_float() for _ in range(4)]
        self.bounds_refs = [ctypes.byref(value) for value in self.bounds]
        self.fill, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.mode_refs = (ctypes.byref(self.fill), ctypes.byref(self.stroke))
        self.rgba = [ctypes.c_uint() for _ in range(4)]
        self.rgba_refs = [ctypes.byref(value) for value in self.rgba]

    def walk(self, objects: list[Any], matrix: tuple[float, ...] | None) -> None:
        """Visit ``objects`` (and the objects of forms among them)."""
        calls = _fast_calls()
        get_type, get_bounds = calls["FPDFPageObj_GetType"], calls["FPDFPageObj_GetBounds"]
        get_mode, mode_refs, bounds_refs = calls["FPDFPath_GetDrawMode"], self.mode_refs, self.bounds_refs
        left, bottom, right, top = self.bounds
        append = self.boxes.append
        for obj in objects:
            kind = get_type(obj)
            if kind != _PATH:
                if kind == _FORM:
                    self.walk_form(obj, matrix)
                continue
            if not get_bounds(obj, *bounds_refs):
                continue
            x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
            if matrix is not None:
                x0, y0, x1, y1 = _apply(matrix, x0, y0, x1, y1)
            width, height = x1 - x0, y1 - y0
            if width <= RULE_WIDTH and height <= RULE_WIDTH:
                continue  # a dot, e.g. a corner mark
            get_mode(obj, *mode_refs)
            if width <= RULE_WIDTH or height <= RULE_WIDTH:
                if self.inked(obj):
                    append((x0, y0, x1, y1))
            elif (
                self.stroke.value
                and self.raw.FPDFPath_CountSegments(obj) <= 5
                and self.inked(obj, fill=False)
            ):
                # A stroked rectangle draws four rules; a filled one is a background.
                self.boxes.extend(((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)))

    def walk_form(self, form: Any, matrix: tuple[float, ...] | None) -> None:
        """Visit the objects of a form XObject, which sit in the form's own space."""
        raw = self.raw
        inner = _form_matrix(raw, form, matrix)
        count = raw.FPDFFormObj_CountObjects(form)
        self.walk([raw.FPDFFormObj_GetObject(form, k) for k in range(count)], inner)

    def inked(self, obj: Any, fill: bool = True) -> bool:
        """Whether the path is painted in a colour that shows.

        Spreadsheet exports draw white rules around titles; only rules that show count.
        """
        calls = _fast_calls()
        if (
            self.stroke.value
            and calls["FPDFPageObj_GetStrokeColor"](obj, *self.rgba_refs)
            and _inked(self.rgba)
        ):
            return True
        return bool(
            fill
            and self.fill.value
            and calls["FPDFPageObj_GetFillColor"](obj, *self.rgba_refs)
            and _inked(self.rgba)
        )


def _inked(rgba: list[ctypes.c_uint]) -> bool:
    """Whether a colour shows on white paper (not transparent, not near white)."""
    red, green, blue, alpha = rgba
    return alpha.value > 0 and min(red.value, green.value, blue.value) < 235


def _form_matrix(raw: Any, obj: Any, outer: tuple[float, ...] | None) -> tuple[float, ...] | None:
    """The matrix from a form object's own space to page space (objects inside forms use it)."""
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return outer
    inner = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
    if outer is None:
        return None if inner == (1, 0, 0, 1, 0, 0) else inner
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def _apply(matrix: tuple[float, ...] | None, x0: float, y0: float, x1: float, y1: float) -> tuple[float, ...]:
    if matrix is None:
        return x0, y0, x1, y1
    a, b, c, d, e, f = matrix
    xs, ys = [], []
    for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


def _paragraphs(words: list[Word], name: str, page: int) -> list[Paragraph]:
    """Group the words outside tables into lines, and the lines into paragraphs."""
    by_line: dict[int, list[Word]] = {}
    for word in words:
        by_line.setdefault(word.line, []).append(word)
    lines = []
    for number in sorted(by_line):
        parts = sorted(by_line[number], key=lambda w: w.x0)
        text = line_text(parts)
        lines.append(TextLine(text, Source(file=name, page=page, line=number, text=text), union_box(parts)))
    if not lines:
        return []
    left = _mode(round(line.box.x0) for line in lines if line.box)
    right = max(line.box.x1 for line in lines if line.box)
    paragraphs: list[list[TextLine]] = []
    for line in lines:
        if paragraphs and _continues(paragraphs[-1][-1], line, left, right):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [Paragraph(tuple(group)) for group in paragraphs]


def _mode(values: Iterator[int]) -> int:
    counts: dict[int, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda v: (counts[v], -v))


def _continues(previous: TextLine, line: TextLine, left: float, right: float) -> bool:
    """Whether ``line`` wraps on from ``previous`` (a full line without a sentence end)."""
    a, b = previous.box, line.box
    if a is None or b is None:
        return False
    height = a.bottom - a.top
    return (
        not previous.text.endswith(tuple(SENTENCE_END))
        and a.x1 >= right - 2 * height
        and abs(b.x0 - left) <= 0.6 * height
        and 0 <= b.top - a.bottom <= 1.2 * height
        and abs((b.bottom - b.top) - height) <= 0.3 * height
        and not HEADING.match(line.text)
    )


__all__ = ["SCANNED", "read"]
