"""Statements: find each statement's tables, join its continuations, read every row.

A statement is a title paragraph (or a title row inside the grid), an optional unit line
("单位：万元"), then one table, continued on the following pages by tables of the same width
with or without the header repeated. Tables that follow no statement title are left alone
(self-evaluation tables, project lists): they are read elsewhere or not at all.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from juesuan.document import Document, Paragraph, Row, Table
from juesuan.extract.numbers import decimals_of, parse_decimal, unwrapped_figure
from juesuan.extract.reflow import EMPTY_NOTE_RE, furniture
from juesuan.extract.statement_columns import Blocks, Layout, compact, layout
from juesuan.extract.statement_titles import split_number, statement_key
from juesuan.model.figures import Figure
from juesuan.model.statements import Statement, StatementRow

UNIT_RE = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元|亿元)")
PAGE_NUMBER_RE = re.compile(r"^[-—\s第]*\d+[-—\s页]*$|^第\s*\d+\s*页")


@dataclass
class _Draft:
    """A statement whose tables are being collected."""

    key: str
    title: str
    number: str
    unit: str
    first: Table
    rows: list[Row] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    empty_note: str = ""

    @property
    def width(self) -> int:
        return max(len(row.cells) for row in self.first.rows)

    def add(self, table: Table, skip: int = 0) -> None:
        self.rows.extend(table.rows[skip:])
        page = table.source.page
        if page is not None and page not in self.pages:
            self.pages.append(page)


def document_unit(document: Document) -> str:
    """The amount unit the document's unit lines use most (万元 when none is printed)."""
    units = Counter(m.group(1) for p in document.paragraphs for m in UNIT_RE.finditer(p.text))
    return units.most_common(1)[0][0] if units else "万元"


def statements(document: Document) -> list[Statement]:
    """Every statement of ``document``, in order."""
    default_unit = document_unit(document)
    repeated = furniture(document)
    found: list[Statement] = []
    current: _Draft | None = None
    title: tuple[str, str, str] | None = None  # key, title, number
    # The last code read per statement key and block: a table continued on the next page
    # (烟台) may start with a 项 whose 类 and 款 were printed on the page before.
    codes_above: dict[str, dict[int, str]] = {}
    unit: str | None = None
    previous = ""  # the paragraph before, for a title whose last 表 wrapped onto a line of its own
    for block in document.blocks:
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text in repeated and not UNIT_RE.search(text):
                continue
            if _wrapped_title(previous, text):
                # 江苏 2017: "…会议费、培训费支出预算" / "表"; 西安 2021: "…支出明细表（按支出功能分类科" /
                # "目-不含上年结转）"
                text = previous + text
            previous = text
            key = statement_key(text)
            if key is not None:
                found.extend(_finish(current, codes_above))
                current = None
                number, name = split_number(text)
                title, unit = (key, name, number), None
            elif (match := UNIT_RE.search(text)) is not None:
                unit = match.group(1)
            elif current is not None and EMPTY_NOTE_RE.search(text) and not current.empty_note:
                current.empty_note = text
            elif _substantial(text):
                found.extend(_finish(current, codes_above))
                current, title = None, None
            continue
        inner_title, skip = _title_row(block)
        if inner_title is not None:
            found.extend(_finish(current, codes_above))
            current, title = None, inner_title
        if title is not None:
            current = _Draft(title[0], title[1], title[2], unit or _unit_in(block) or default_unit, block)
            current.add(block, skip)
            title = None
        elif current is not None and _continues(current, block):
            current.add(block, _repeated_header(current, block))
        else:
            found.extend(_finish(current, codes_above))
            current = None
    found.extend(_finish(current, codes_above))
    return _join_repeated(found)


def _join_repeated(found: list[Statement]) -> list[Statement]:
    """A statement whose title is printed again on the next page is one statement."""
    joined: list[Statement] = []
    for statement in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.key == statement.key
            and [c.id for c in previous.columns] == [c.id for c in statement.columns]
            and previous.pages
            and statement.pages
            and statement.pages[0] - previous.pages[-1] <= 1
        ):
            joined[-1] = replace(
                previous,
                rows=previous.rows + statement.rows,
                pages=previous.pages + tuple(p for p in statement.pages if p not in previous.pages),
                notes=previous.notes + statement.notes,
                empty_note=previous.empty_note or statement.empty_note,
            )
        elif previous is not None and _column_block(previous, statement):
            joined[-1] = _beside(previous, statement)
        else:
            joined.append(statement)
    return joined


def _column_block(previous: Statement, statement: Statement) -> bool:
    """Whether ``statement`` is the next block of columns of ``previous``, printed on the next page.

    北京's 收入总表 is too wide for its page: 合计 … 附属单位上缴收入 on one page, 其他收入 and
    上年结转结余 on the next, under the title printed again, the same rows in the same order.
    """
    ids = {c.id for c in previous.columns}
    return (
        previous.key == statement.key
        and previous.title == statement.title
        and bool(previous.pages)
        and bool(statement.pages)
        and statement.pages[0] - previous.pages[-1] == 1
        and bool(statement.columns)
        and not ids & {c.id for c in statement.columns}
        and len(previous.rows) == len(statement.rows) > 0
        and all(not b.name or a.name == b.name for a, b in zip(previous.rows, statement.rows, strict=True))
    )


def _beside(previous: Statement, statement: Statement) -> Statement:
    """The two column blocks as one statement, row by row.

    A group header cut by the page edge (本年收入 over 小计 … 附属单位上缴收入, then 其他收入
    alone on the next page) goes on: the next block's leading ungrouped columns belong to the
    group the previous block ended in.
    """
    group = previous.columns[-1].id.rpartition(".")[0]
    renamed: dict[str, str] = {}
    for column in statement.columns:
        if "." in column.id or not group:
            break
        renamed[column.id] = f"{group}.{column.id}"
    columns = tuple(
        replace(c, id=renamed.get(c.id, c.id), header=(*previous.columns[-1].header[:1], *c.header))
        if c.id in renamed
        else c
        for c in statement.columns
    )
    rows = tuple(
        replace(a, values=a.values + tuple((renamed.get(key, key), figure) for key, figure in b.values))
        for a, b in zip(previous.rows, statement.rows, strict=True)
    )
    return replace(
        previous,
        columns=previous.columns + columns,
        rows=rows,
        pages=previous.pages + statement.pages,
        notes=previous.notes + statement.notes,
    )


def _wrapped_title(previous: str, text: str) -> bool:
    """Whether ``text`` is the end of a statement title that wrapped after ``previous``."""
    return (
        len(text) <= 16
        and (text == "表" or text.endswith(("）", ")")))
        and statement_key(previous) is None
        and statement_key(text) is None
        and statement_key(previous + text) is not None
    )


def _substantial(text: str) -> bool:
    """Body text that ends a statement (a page number, a unit or a short caption does not)."""
    if PAGE_NUMBER_RE.match(text) or "单位" in text[:12] or text.startswith(("注", "说明", "备注")):
        return False
    return len(text) >= 20 or text.endswith("。")


def _title_row(table: Table) -> tuple[tuple[str, str, str] | None, int]:
    """A statement title printed as the first row(s) of the grid (spreadsheet exports)."""
    for index, row in enumerate(table.rows[:2]):
        texts = [t for t in row.texts if t]
        if len(texts) == 1 and (key := statement_key(texts[0])) is not None:
            number, name = split_number(texts[0])
            return (key, name, number), index + 1
    return None, 0


def _unit_in(table: Table) -> str | None:
    for row in table.rows[:3]:
        for text in row.texts:
            if (match := UNIT_RE.search(text)) is not None:
                return match.group(1)
    return None


def _continues(draft: _Draft, table: Table) -> bool:
    width = max((len(row.cells) for row in table.rows), default=0)
    return width == draft.width


def _repeated_header(draft: _Draft, table: Table) -> int:
    """How many leading rows of a continuation repeat the statement's header."""
    header = [tuple(compact(t) for t in row.texts) for row in draft.first.rows[:4]]
    count = 0
    for row in table.rows[:4]:
        if tuple(compact(t) for t in row.texts) in header and any(row.texts):
            count += 1
        else:
            break
    return count


def _finish(draft: _Draft | None, codes_above: dict[str, dict[int, str]]) -> list[Statement]:
    if draft is None or not draft.rows:
        return []
    grid = layout(draft.rows, draft.width)
    rows, notes = _rows(draft, grid, codes_above.setdefault(draft.key, {}))
    return [
        Statement(
            key=draft.key,
            title=draft.title,
            number=draft.number,
            source=draft.rows[0].source,
            unit=draft.unit,
            columns=tuple(grid.columns[i] for i in sorted(grid.columns)),
            rows=tuple(rows),
            empty_note=draft.empty_note,
            pages=tuple(draft.pages),
            notes=tuple(notes),
        )
    ]


def _rows(draft: _Draft, grid: Layout, above: dict[int, str]) -> tuple[list[StatementRow], list[str]]:
    """The rows of each block; ``above`` holds the last code per block, and is updated."""
    rows: list[StatementRow] = []
    notes: list[str] = []
    units: dict[int, str] = {}  # the unit each block's period rows belong to, printed once
    for row in draft.rows[grid.header_rows :]:
        skipped, names = _merged_labels(row, grid.blocks)
        for index, (codes, name_index, values) in enumerate(grid.blocks):
            if index in skipped:
                continue
            detail = _cell_text(row, grid.details[index] if grid.details else None)
            if detail == "小计":
                detail = ""  # the group's own line, named in the first column
            name = detail or names.get(index, "")  # a detail of the group above, named in the second column
            if period := re.sub(r"\s", "", _cell_text(row, grid.periods[index] if grid.periods else None)):
                units[index] = re.sub(r"\s", "", _cell_text(row, name_index)) or units.get(index, "")
                name = f"{units[index]}{period}"  # "深圳市财政局（本级）2026年"
            built = _row(row, codes, name_index, values, grid, draft.unit, notes, name, above.get(index, ""))
            if built is None:
                continue
            rows.append(replace(built, level=1) if detail else built)
            if built.code:
                above[index] = built.code
    return rows, notes


def _merged_labels(row: Row, blocks: Blocks) -> tuple[set[int], dict[int, str]]:
    """Labels merged across blocks, given to the block whose figure they name.

    江苏's 收支预算总表 prints "当年支出小计" over the function block (name and amount) and
    the purpose block's name, with the figure in the purpose block's amount: the row is the
    purpose block's, not an empty line of the function block. Returns the blocks to skip
    and the names to give.
    """
    skipped: set[int] = set()
    names: dict[int, str] = {}
    for index, (_, name_index, values) in enumerate(blocks):
        if name_index is None or name_index >= len(row.cells):
            continue
        cell = row.cells[name_index]
        end = name_index + cell.col_span
        if cell.col_span < 2 or not cell.text.strip() or not values or any(v >= end for v in values):
            continue
        for later, (_, later_name, later_values) in enumerate(blocks[index + 1 :], index + 1):
            if later_name is None or not name_index < later_name < end or _cell_text(row, later_name):
                continue
            if any(_cell_text(row, v) for v in later_values if v >= end):
                skipped.add(index)
                names[later] = cell.text
            break
    return skipped, names


def _inherited(parts: list[str], above: str) -> list[str]:
    """Split code cells with the leading ones left blank, filled from the coded row above:
    长沙 prints "204 公共安全支出", then "  02 公安" for 20402 and "204 02 01 行政运行"."""
    if (
        len(parts) < 2
        or parts[0]
        or not any(parts)
        or not all(p.isdigit() and len(p) == 2 for p in parts if p)
    ):
        return parts
    printed = [i for i, p in enumerate(parts) if p]
    first = printed[0]
    if printed != list(range(first, printed[-1] + 1)):
        return parts  # a gap between printed parts: not a code
    prefix = above[: 3 + 2 * (first - 1)]
    if len(prefix) != 3 + 2 * (first - 1) or not prefix.isdigit():
        return parts
    return [prefix[:3], *(prefix[3 + 2 * i : 5 + 2 * i] for i in range(first - 1)), *parts[first:]]


def _scheme_parts(parts: list[str]) -> tuple[str, ...]:
    """The split code cells of the first classification, when the code was printed split."""
    first: list[str] = []
    for part in parts:
        if first and len(part) >= 3:
            break
        first.append(part)
    return tuple(first) if len(first) > 1 else ()


def _first_scheme(parts: list[str]) -> str:
    """Join split code cells ("301" "01" → "30101"), stopping where a second classification
    starts (tables that print the department and the government economic codes side by side)."""
    code = ""
    for part in parts:
        if code and len(part) >= 3:
            break
        code += part
    return code


def _index_row(name: str, figures: list[tuple[str, Figure]]) -> bool:
    """A row that numbers the columns (栏次 1 2 3 …) rather than holding figures."""
    if name in ("栏次", "行次", "**", "*", "序号", "栏号"):
        return True
    printed = [f for _, f in figures if f.value != 0]
    values = [f.value for f in printed]
    # Column numbers are printed without decimals and never repeat: "3.00 3.00 3.00" is a row
    # of amounts (长沙's 其他纪检监察事务支出), not 1 2 3.
    return (
        len(values) >= 3
        and all(v == int(v) and f.decimals == 0 for v, f in zip(values, printed, strict=True))
        and all(a < b for a, b in itertools.pairwise(values))
        and (values[-1] - values[0] == len(values) - 1 or values[-1] <= len(figures) + 2)
    )


def _cell_text(row: Row, index: int | None) -> str:
    if index is None or index >= len(row.cells):
        return ""
    return row.cells[index].text.strip()


def _row(
    row: Row,
    codes: tuple[int, ...],
    name_index: int | None,
    values: tuple[int, ...],
    grid: Layout,
    unit: str,
    notes: list[str],
    merged_name: str = "",
    above: str = "",
) -> StatementRow | None:
    code_texts = _inherited([re.sub(r"\s", "", _cell_text(row, i)) for i in codes], above)
    split_digits = code_texts and all(not t or t.isdigit() for t in code_texts) and any(code_texts)
    code = _first_scheme(code_texts) if split_digits and len("".join(code_texts)) >= 3 else ""
    name = re.sub(r"\s", "", merged_name or _cell_text(row, name_index))
    if not code and not name:
        name = "".join(t for t in code_texts if t and not t.isdigit() and t not in ("类", "款", "项"))
    if not code and (match := re.match(r"^[\[【(（]?(\d{3,7})(?!\d)[\]】)）]?(.*)$", name)) is not None:
        code, name = match.group(1), match.group(2)
    figures: list[tuple[str, Figure]] = []
    for index in values:
        column = grid.columns[index]
        if index >= len(row.cells):
            continue
        cell = row.cells[index]
        text = unwrapped_figure(cell.text)
        value = parse_decimal(text)
        if value is None:
            notes.append(f"第{cell.source.page or '?'}页第{cell.source.line or '?'}行：“{cell.text}”不是数字")
            continue
        figures.append(
            (
                column.id,
                Figure(value, unit, cell.source, decimals_of(text) if text.strip() else 2, not text.strip()),
            )
        )
    if not code and not name and all(f.value == 0 for _, f in figures):
        return None
    if _index_row(name, figures):
        return None
    side = grid.columns[values[0]].side if values else ""
    source = (
        row.cells[name_index].source if name_index is not None and name_index < len(row.cells) else row.source
    )
    parts = _scheme_parts([t for t in code_texts if t]) if code else ()
    return StatementRow(
        name=name, source=source, code=code or None, code_parts=parts, values=tuple(figures), side=side
    )
