"""``juesuan debug``: what was detected on one page, as text and as a picture with boxes.

For finding out why a figure was read wrong: every paragraph with what the extractor took it
for, every table with the statement it went into, its header rows, the role of each column
and the rows cell by cell.
"""

from __future__ import annotations

from pathlib import Path

import click

from juesuan.cli.options import format_option
from juesuan.document import Box
from juesuan.errors import InputError
from juesuan.inspection import ColumnRole, PageInspection, ParagraphInspection, TableInspection
from juesuan.model.statements import StatementRow

ROLE_NAMES = {
    "furniture": "页眉页脚（不参与提取）",
    "heading": "标题",
    "statement_title": "报表标题",
    "unit": "单位行",
    "body": "正文",
}
COLUMN_NAMES = {"code": "编码", "name": "名称", "value": "数值", "index": "行次", "ignored": "忽略"}
SIDE_NAMES = {"income": "收入侧", "expenditure": "支出侧"}
#: Header paths longer than this are cut (a contents page read as one column's header).
HEADER_WIDTH = 80
ROW_NAMES = {"title": "标题行", "header": "表头", "data": ""}


@click.command()
@click.argument("path", type=click.Path())
@click.option("--page", "page", type=int, required=True, help="页码（从 1 开始；表格文件为工作表序号）")
@click.option(
    "--image", "image", type=click.Path(dir_okay=False), help="图片输出路径（默认：<文件名>-p<页码>.png）"
)
@format_option("text", "json")
def debug(path: str, page: int, image: str | None, output_format: str) -> int:
    """显示某一页识别出的内容：段落、表格、所属报表、列的角色和每个单元格，并画出识别框。"""
    from juesuan.cli.output import echo_json
    from juesuan.inspection import inspect_page

    try:
        inspection = inspect_page(path, page)
    except InputError as error:
        click.echo(click.style(f"juesuan：{error}", fg="red"), err=True)
        return 2
    if output_format == "json":
        echo_json(inspection_data(inspection))
    else:
        click.echo(text_view(inspection))
    return _write_image(inspection, image, quiet=output_format == "json")


def _write_image(inspection: PageInspection, image: str | None, *, quiet: bool) -> int:
    """Draw the page when it is a PDF; say why not otherwise."""
    if inspection.format != "pdf":
        click.echo(
            f"juesuan：{inspection.path}：识别框图片需要 PDF 文件（此文件为 {inspection.format}），只输出文字视图",
            err=True,
        )
        return 0
    from juesuan.cli.debug_image import default_output, draw_page

    output = Path(image) if image else default_output(inspection.path, inspection.page)
    try:
        draw_page(inspection, output)
    except OSError as error:
        click.echo(
            click.style(f"juesuan：{output}：图片无法写入：{error.strerror or error}", fg="red"), err=True
        )
        return 2
    # On stderr, so that the text or JSON on stdout stays clean for other tools.
    click.echo(f"图片已写入 {output}", err=True)
    return 0


# --- Text view -------------------------------------------------------------------------------


def text_view(inspection: PageInspection) -> str:
    """The page, block by block, in words."""
    paragraphs = sum(isinstance(b, ParagraphInspection) for b in inspection.blocks)
    tables = len(inspection.blocks) - paragraphs
    lines = [
        click.style(
            f"{inspection.path}  第{inspection.page}页/共{inspection.pages}页（{inspection.format}）："
            f"段落 {paragraphs} 个，表格 {tables} 张",
            bold=True,
        )
    ]
    if not inspection.blocks:
        lines.append("  （此页没有识别出任何文字）")
    for block in inspection.blocks:
        lines.append("")
        if isinstance(block, ParagraphInspection):
            lines.append(_paragraph_line(block))
        else:
            lines.extend(_table_lines(block))
    return "\n".join(lines)


def _paragraph_line(block: ParagraphInspection) -> str:
    roles = "，".join(_role_name(block, role) for role in block.roles)
    line = block.paragraph.source.line
    place = f"第{line}行" if line is not None else "段落"
    return f"段落 {place} [{roles}] {block.paragraph.text}"


def _role_name(block: ParagraphInspection, role: str) -> str:
    if role == "heading" and block.heading is not None:
        return f"{block.heading.level}级标题 {block.heading.number}"
    if role == "statement_title" and block.statement_key:
        return f"报表标题 → {block.statement_key}"
    return ROLE_NAMES.get(role, role)


def _table_lines(block: TableInspection) -> list[str]:
    table = block.table
    width = max((len(row.cells) for row in table.rows), default=0)
    start = f"第{table.source.line}行起，" if table.source.line is not None else ""
    lines = [
        click.style(f"表格 表{table.source.table or '?'}（{start}{len(table.rows)}行×{width}列）", bold=True)
    ]
    lines.append(f"  报表：{_statement_text(block)}")
    if not block.agrees:
        lines.append("  注意：此处重算的列角色与提取结果不一致，仅供参考")
    lines.append(f"  表头：{_header_text(block)}")
    lines.append("  列：")
    lines.extend(f"    {_column_text(column)}" for column in block.columns)
    lines.append("  行（[列号]原文；→ 读入报表的编码、名称和各列数值）：")
    readings = _readings_by_row(block)
    for index, row in enumerate(table.rows):
        kind = _row_kind(block, index)
        cells = "  ".join(
            f"[{c}]{cell.text.replace(chr(10), '')}"
            for c, cell in enumerate(row.cells, 1)
            if cell.text.strip()
        )
        tag = f"[{ROW_NAMES[kind]}] " if ROW_NAMES[kind] else ""
        lines.append(f"    第{index + 1}行 {tag}{cells}".rstrip())
        lines.extend(f"        → {_reading_text(reading)}" for reading in readings.get(index, []))
        if kind == "data" and block.statement_key and index not in readings and cells:
            lines.append("        → （未读入报表）")
    return lines


def _readings_by_row(block: TableInspection) -> dict[int, list[StatementRow]]:
    found: dict[int, list[StatementRow]] = {}
    for index, row in block.readings:
        found.setdefault(index, []).append(row)
    return found


def _reading_text(row: StatementRow) -> str:
    """``2010601 行政运行  total=1511.90 appropriation=1511.89``: the code, the name and the non-zero figures."""
    code = f"{row.code}{'（推断）' if row.code_inferred else ''} " if row.code else ""
    side = f"（{SIDE_NAMES[row.side]}）" if row.side in SIDE_NAMES else ""
    # Blank cells are read as 0; listing them would bury the figures that matter.
    values = (
        " ".join(f"{key}={figure.value}" for key, figure in row.values if figure.value) or "（各列为空或 0）"
    )
    return f"{code}{row.name or '（无名称）'}{side}  {values}".rstrip()


def _statement_text(block: TableInspection) -> str:
    if block.statement_key is None:
        return "未识别（没有报表取用此表；下面的列角色是按本表单独推断的）"
    number = f"{block.statement_number} " if block.statement_number else ""
    text = f"{block.statement_key} {number}{block.statement_title}"
    return f"{text}（续表）" if block.continuation else text


def _header_text(block: TableInspection) -> str:
    parts = []
    if block.title_rows:
        parts.append(f"标题行 第1–{block.title_rows}行")
    if block.header_rows:
        first, last = block.title_rows + 1, block.title_rows + block.header_rows
        rows = f"第{first}行" if first == last else f"第{first}–{last}行"
        parts.append(f"{'重复的表头' if block.continuation else '表头'} {rows}")
    return "，".join(parts) or "无（表格直接从数据开始）"


def _column_text(column: ColumnRole) -> str:
    role = COLUMN_NAMES.get(column.role, column.role)
    if column.role == "value":
        side = f"（{SIDE_NAMES[column.side]}）" if column.side in SIDE_NAMES else ""
        role = f"{role} {column.column_id}{side}"
    header = " / ".join(column.header) or "（无表头）"
    if len(header) > HEADER_WIDTH:
        header = header[: HEADER_WIDTH - 1] + "…"
    return f"第{column.index + 1}列  {role}  ← {header}"


def _row_kind(block: TableInspection, index: int) -> str:
    if index < block.title_rows:
        return "title"
    if index < block.title_rows + block.header_rows:
        return "header"
    return "data"


# --- JSON ------------------------------------------------------------------------------------


def inspection_data(inspection: PageInspection) -> dict[str, object]:
    """The inspection as JSON-ready data (boxes as [x0, top, x1, bottom] in PDF points)."""
    return {
        "file": inspection.path,
        "format": inspection.format,
        "page": inspection.page,
        "pages": inspection.pages,
        "blocks": [
            _paragraph_data(block) if isinstance(block, ParagraphInspection) else _table_data(block)
            for block in inspection.blocks
        ],
    }


def _box(box: Box | None) -> list[float] | None:
    return (
        None if box is None else [round(box.x0, 2), round(box.top, 2), round(box.x1, 2), round(box.bottom, 2)]
    )


def _paragraph_data(block: ParagraphInspection) -> dict[str, object]:
    heading = block.heading
    return {
        "type": "paragraph",
        "line": block.paragraph.source.line,
        "text": block.paragraph.text,
        "roles": list(block.roles),
        "heading": None
        if heading is None
        else {"level": heading.level, "number": heading.number, "title": heading.title},
        "statement": block.statement_key,
        "lines": [
            {"line": line.source.line, "text": line.text, "box": _box(line.box)}
            for line in block.paragraph.lines
        ],
    }


def _reading_data(row: StatementRow) -> dict[str, object]:
    return {
        "code": row.code,
        "name": row.name,
        "side": row.side,
        "values": {key: f"{figure.value:f}" for key, figure in row.values},
    }


def _table_data(block: TableInspection) -> dict[str, object]:
    table = block.table
    statement = (
        None
        if block.statement_key is None
        else {"key": block.statement_key, "title": block.statement_title, "number": block.statement_number}
    )
    return {
        "type": "table",
        "table": table.source.table,
        "line": table.source.line,
        "box": _box(table.box),
        "statement": statement,
        "continuation": block.continuation,
        "title_rows": block.title_rows,
        "header_rows": block.header_rows,
        "agrees": block.agrees,
        "columns": [
            {
                "column": c.index + 1,
                "role": c.role,
                "id": c.column_id,
                "header": list(c.header),
                "side": c.side,
            }
            for c in block.columns
        ],
        "rows": [
            {
                "row": index + 1,
                "kind": _row_kind(block, index),
                "read": [_reading_data(r) for i, r in block.readings if i == index],
                "cells": [
                    {
                        "column": column,
                        "text": cell.text,
                        "box": _box(cell.box),
                        "col_span": cell.col_span,
                        "row_span": cell.row_span,
                    }
                    for column, cell in enumerate(row.cells, 1)
                    if cell.text.strip()
                ],
            }
            for index, row in enumerate(table.rows)
        ],
    }
