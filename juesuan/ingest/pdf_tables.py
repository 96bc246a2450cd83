"""Geometry for the PDF reader: words, visual lines and ruled table grids.

Nothing here touches the PDF library: :mod:`juesuan.ingest.pdf` turns a page into
:class:`Word` boxes and ruling :class:`Segment` s (top-left origin, PDF points) and this
module groups them. A table is a connected set of horizontal and vertical rules; its grid
columns are the distinct x positions of the vertical rules (plus the ends of the horizontal
rules, for tables drawn without left/right borders), its grid rows the distinct y positions
of the horizontal rules. A grid slot whose right (bottom) border is missing is merged with
its neighbour, which yields ``col_span`` / ``row_span``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from juesuan.document import Box, Cell, Row, Table
from juesuan.source import Source

#: Rules closer than this (points) are the same rule; also the slack when matching ends.
TOLERANCE = 2.0


@dataclass(slots=True)
class Word:
    """A run of characters without white space, with its box and text-page char range."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    start: int = 0
    end: int = 0
    line: int = 0  # 1-based visual line on the page, set by number_lines()

    @property
    def height(self) -> float:
        """The box height (at least a small positive value, for ratios)."""
        return max(self.bottom - self.top, 0.1)


class Segment(NamedTuple):
    """A ruling line: ``pos`` is y for a horizontal rule, x for a vertical one."""

    pos: float
    lo: float
    hi: float


@dataclass(slots=True)
class Grid:
    """The grid of one ruled table."""

    xs: list[float]
    ys: list[float]
    vertical: dict[int, list[Segment]] = field(default_factory=dict)
    horizontal: dict[int, list[Segment]] = field(default_factory=dict)

    @property
    def box(self) -> Box:
        """The outer box of the grid."""
        return Box(self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def contains(self, word: Word) -> bool:
        """Whether the word's centre lies inside the grid."""
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        return self.xs[0] <= cx <= self.xs[-1] and self.ys[0] <= cy <= self.ys[-1]

    def has_vertical(self, k: int, top: float, bottom: float) -> bool:
        """Whether a rule at ``xs[k]`` covers most of the span ``top..bottom``."""
        return _covered(self.vertical.get(k, ()), top, bottom)

    def has_horizontal(self, k: int, left: float, right: float) -> bool:
        """Whether a rule at ``ys[k]`` covers most of the span ``left..right``."""
        return _covered(self.horizontal.get(k, ()), left, right)


def _covered(segments: Iterable[Segment], lo: float, hi: float) -> bool:
    # Half the span is enough: borders are often drawn in pieces that stop short of corners.
    need = (hi - lo) * 0.5
    for _, seg_lo, seg_hi in segments:
        if (seg_hi if seg_hi < hi else hi) - (seg_lo if seg_lo > lo else lo) >= need:
            return True
    return False


def group_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Group words into visual lines, top to bottom, each line sorted left to right.

    Two words share a line when their vertical extents overlap by half the smaller height.
    """
    lines: list[list[Word]] = []
    top = bottom = 0.0
    for word in sorted(words, key=lambda w: w.top + w.bottom):
        if lines:
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap >= 0.5 * min(bottom - top, word.height):
                lines[-1].append(word)
                top, bottom = min(top, word.top), max(bottom, word.bottom)
                continue
        lines.append([word])
        top, bottom = word.top, word.bottom
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines


def line_text(words: Sequence[Word]) -> str:
    """The text of one visual line: its words left to right, one space between them."""
    return " ".join(word.text for word in words)


def union_box(words: Sequence[Word]) -> Box:
    """The box around ``words``."""
    return Box(
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
    )


def merge_segments(segments: Iterable[Segment]) -> list[Segment]:
    """Join collinear rules that overlap or touch (cell borders are often drawn per cell)."""
    merged: list[Segment] = []
    for seg in sorted(segments, key=lambda s: (round(s.pos / TOLERANCE), s.lo)):
        last = merged[-1] if merged else None
        if last and abs(last.pos - seg.pos) <= TOLERANCE and seg.lo <= last.hi + TOLERANCE:
            merged[-1] = Segment(last.pos, last.lo, max(last.hi, seg.hi))
        else:
            merged.append(seg)
    return merged


def _cluster(values: Iterable[float]) -> list[float]:
    result: list[float] = []
    for value in sorted(values):
        if not result or value - result[-1] > TOLERANCE:
            result.append(value)
    return result


def find_grids(horizontal: Iterable[Segment], vertical: Iterable[Segment]) -> list[Grid]:
    """Find the ruled tables among the page's rules, top to bottom."""
    hs = merge_segments(horizontal)
    vs = merge_segments(vertical)
    parent = list(range(len(hs) + len(vs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if (
                h.lo - TOLERANCE <= v.pos <= h.hi + TOLERANCE
                and v.lo - TOLERANCE <= h.pos <= v.hi + TOLERANCE
            ):
                parent[root(i)] = root(len(hs) + j)
    components: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(hs):
        components.setdefault(root(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        components.setdefault(root(len(hs) + j), ([], []))[1].append(v)
    grids = [grid for h_rules, v_rules in components.values() if (grid := _grid(h_rules, v_rules))]
    return sorted(grids, key=lambda g: g.ys[0])


def _grid(h_rules: list[Segment], v_rules: list[Segment]) -> Grid | None:
    ys_ruled = _cluster(h.pos for h in h_rules)
    xs_ruled = _cluster(v.pos for v in v_rules)
    if len(ys_ruled) < 2 or len(xs_ruled) < 2:
        return None
    # Tables drawn without outer side borders: the ends of the rules close the grid.
    xs = _cluster([*xs_ruled, min(h.lo for h in h_rules), max(h.hi for h in h_rules)])
    ys = _cluster([*ys_ruled, min(v.lo for v in v_rules), max(v.hi for v in v_rules)])
    if len(xs) < 3:
        return None  # a frame or a one-column box is not a table
    grid = Grid(xs, ys)
    for v in v_rules:
        grid.vertical.setdefault(_nearest(xs, v.pos), []).append(v)
    for h in h_rules:
        grid.horizontal.setdefault(_nearest(ys, h.pos), []).append(h)
    return grid


def _nearest(values: list[float], value: float) -> int:
    k = bisect_right(values, value)
    if k == len(values) or (k > 0 and value - values[k - 1] <= values[k] - value):
        return k - 1
    return k


def _spans(grid: Grid) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Map each grid slot to its merged cell (row0, col0, row1, col1), inclusive."""
    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def root(slot: tuple[int, int]) -> tuple[int, int]:
        while parent[slot] != slot:
            slot = parent[slot]
        return slot

    def join(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for r in range(rows):
        top, bottom = grid.ys[r], grid.ys[r + 1]
        for c in range(cols):
            if c + 1 < cols and not grid.has_vertical(c + 1, top, bottom):
                join((r, c), (r, c + 1))
            if r + 1 < rows and not grid.has_horizontal(r + 1, grid.xs[c], grid.xs[c + 1]):
                join((r, c), (r + 1, c))
    extent: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for slot in parent:
        anchor = root(slot)
        r0, c0, r1, c1 = extent.get(anchor, (slot[0], slot[1], slot[0], slot[1]))
        extent[anchor] = (min(r0, slot[0]), min(c0, slot[1]), max(r1, slot[0]), max(c1, slot[1]))
    return {slot: extent[root(slot)] for slot in parent}


Splitter = Callable[[Word, list[float]], list[Word]]


def build_table(
    grid: Grid, words: Sequence[Word], split: Splitter, *, file: str, page: int, index: int
) -> Table:
    """Lay ``words`` (those inside the grid) out on the grid as a :class:`Table`."""
    spans = _spans(grid)
    by_cell: dict[tuple[int, int, int, int], list[Word]] = {}
    for word in _split_crossing(grid, words, split):
        row = _index(grid.ys, (word.top + word.bottom) / 2)
        col = _index(grid.xs, (word.x0 + word.x1) / 2)
        by_cell.setdefault(spans[(row, col)], []).append(word)
    row_lines: dict[int, int] = {}
    for (r0, *_), cell_words in by_cell.items():
        first = min(w.line for w in cell_words)
        row_lines[r0] = min(row_lines.get(r0, first), first)
    rows: list[Row] = []
    for r in range(len(grid.ys) - 1):
        cells: list[Cell] = []
        row_line = row_lines.get(r)
        for c in range(len(grid.xs) - 1):
            place = Source(file=file, page=page, line=row_line, table=index, row=r + 1, column=c + 1)
            cells.append(_cell(grid, spans[(r, c)], (r, c), by_cell.get(spans[(r, c)]), place))
        rows.append(Row(tuple(cells), Source(file=file, page=page, line=row_line, table=index, row=r + 1)))
    first_line = next((row.source.line for row in rows if row.source.line is not None), None)
    return Table(tuple(rows), Source(file=file, page=page, line=first_line, table=index), box=grid.box)


def _cell(
    grid: Grid,
    span: tuple[int, int, int, int],
    slot: tuple[int, int],
    words: list[Word] | None,
    place: Source,
) -> Cell:
    """The cell at grid ``slot``; ``place`` is its source before any text is known."""
    r0, c0, r1, c1 = span
    if slot != (r0, c0):
        # A slot covered by a merged cell: an empty placeholder keeps one cell per grid column.
        row, col = slot
        return Cell("", place, Box(grid.xs[col], grid.ys[row], grid.xs[col + 1], grid.ys[row + 1]))
    box = Box(grid.xs[c0], grid.ys[r0], grid.xs[c1 + 1], grid.ys[r1 + 1])
    if not words:
        return Cell("", place, box, col_span=c1 - c0 + 1, row_span=r1 - r0 + 1)
    if len(words) == 1:
        text, line = words[0].text, words[0].line
    else:
        text = "\n".join(line_text(part) for part in group_lines(words))
        line = min(w.line for w in words)
    source = Source(place.file, place.page, line, place.table, place.row, place.column, text)
    return Cell(text, source, box, col_span=c1 - c0 + 1, row_span=r1 - r0 + 1)


def _index(bounds: list[float], value: float) -> int:
    return min(max(bisect_right(bounds, value) - 1, 0), len(bounds) - 2)


def _split_crossing(grid: Grid, words: Sequence[Word], split: Splitter) -> list[Word]:
    """Split words that run across a vertical rule (two cells drawn as one text run)."""
    result: list[Word] = []
    inner = grid.xs[1:-1]
    for word in words:
        first = bisect_right(inner, word.x0 + TOLERANCE)
        cuts = [
            x
            for k, x in enumerate(inner[first:], start=first + 1)
            if x < word.x1 - TOLERANCE and grid.has_vertical(k, word.top, word.bottom)
        ]
        result.extend(split(word, cuts) if cuts else (word,))
    return result
