"""Plain text in the layout of a Word "save as text" export (the seed's layout).

Paragraphs and headings are single lines; a table is one cell a line, each cell line
starting with a tab, lines inside a cell continuing without a tab, and a blank line after
each row. A slot covered by a merged cell above is an empty cell, as Word writes it.
Charts and page breaks have no text form and are left out. This is exactly the layout
juesuan's text reader understands, so the output reads back into the same model.
"""

from __future__ import annotations

from juesuan.render.document import Block, Contents, Description, Heading, Paragraph, Table


def render(description: Description) -> str:
    """The description as Word-export text (UTF-8, ``\\n`` line ends)."""
    lines: list[str] = []
    previous = None
    for block in description.blocks:
        if isinstance(block, Paragraph) and block.style == "item" and isinstance(previous, Heading):
            lines.append("")  # Word sets a list right under a heading apart, as the seed shows
        lines.extend(block_lines(block))
        previous = block
    return "\n".join(lines) + "\n"


def block_lines(block: Block) -> list[str]:
    """The lines of one block."""
    if isinstance(block, Heading):
        return [block.text]
    if isinstance(block, Paragraph):
        return [block.text, ""] if block.style == "item" else [block.text]
    if isinstance(block, Table):
        return ["", *table_lines(block)]
    if isinstance(block, Contents):
        return ["目录", "", *(f"\t{entry.text}\n" for entry in block.entries)]
    return []


def table_lines(table: Table) -> list[str]:
    """One tab-prefixed line per cell (continuation lines without a tab), a blank line per row.

    Word writes a horizontally merged cell once; statements are written with a cell for every
    slot a merge covers instead, so that their columns line up row by row: empty in the body,
    repeating the group's label in the header ("预算数" over each of its columns).
    """
    pad = table.kind == "statement"
    lines: list[str] = []
    for index, row in enumerate(table.rows):
        for cell in row:
            parts = [part.strip() for part in cell.text.split("\n") if part.strip()] or [""]
            lines.append("\t" + parts[0])
            lines.extend(parts[1:])
            if pad:
                repeated = parts[0] if index < table.header_rows else ""
                lines.extend("\t" + repeated for _ in range(cell.colspan - 1))
        lines.append("")
    return lines
