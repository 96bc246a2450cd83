"""Markdown: headings as setext underlines, paragraphs, pipe tables; no charts.

Setext headings (a line of ``=`` or ``-`` under the heading) keep the heading line itself
plain, so that juesuan's text reader, which reads ``.md`` files, still sees "一、主要职能"
as a heading and reads the narrative back. Pipe tables cannot carry merged cells: a merged
cell is written once and the slots it covers stay empty.
"""

from __future__ import annotations

from juesuan.render.document import Block, Contents, Description, Heading, Paragraph, Table

UNDERLINE = {1: "=", 2: "-", 3: "-"}


def render(description: Description) -> str:
    """The description as Markdown."""
    parts: list[str] = []
    for block in description.blocks:
        text = block_text(block)
        if text:
            parts.append(text)
    return "\n\n".join(parts) + "\n"


def block_text(block: Block) -> str:
    """One block as Markdown."""
    if isinstance(block, Heading):
        return f"{block.text}\n{UNDERLINE[block.level] * 8}"
    if isinstance(block, Paragraph):
        return escape(block.text)
    if isinstance(block, Table):
        return table_text(block)
    if isinstance(block, Contents):
        return "目录：" + "、".join(entry.text for entry in block.entries if entry.level == 1)
    return ""  # charts and page breaks have no Markdown form


def escape(text: str) -> str:
    """Escape the characters Markdown would take for markup at the start of a line or inline."""
    return text.replace("*", "\\*").replace("_", "\\_")


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|").replace("\n", "<br>")


def table_text(table: Table) -> str:
    """A pipe table: the first row is the header row Markdown requires."""
    grid: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row:
            cells.append("" if cell.continued else _cell(cell.text))
            cells.extend("" for _ in range(cell.colspan - 1))
        grid.append(cells + [""] * (table.columns - len(cells)))
    lines = ["| " + " | ".join(grid[0]) + " |", "|" + "---|" * table.columns]
    lines.extend("| " + " | ".join(cells) + " |" for cells in grid[1:])
    return "\n".join(lines)
