"""Typst markup of a document description: the source :mod:`juesuan.render.pdf` compiles.

Every piece of text goes in as a Typst string literal (``#"…"``), never as markup, so no
character of a department's text (``*``, ``_``, ``#``, ``...``, quotes) can turn into
formatting or be replaced by a typographic variant: the PDF must read back to the same
words. The page rules mirror the HTML print style: A4 portrait, footer "第 N 页" from the
second page, statements on landscape pages with their header rows repeated, each
self-evaluation table from a new page, the contents with dot leaders and page numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from juesuan.render.document import (
    Block,
    Cell,
    Chart,
    Contents,
    Description,
    Heading,
    PageBreak,
    Paragraph,
    Section,
    Table,
    sections,
)

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"

# cjk-latin-spacing is off because the extra quarter-em between 2022 and 年 would read back
# as a space; rows never split across pages, as in the published statements.
PREAMBLE = f"""\
#set document(title: TITLE)
#set page(paper: "a4", margin: (x: 20mm, top: 24mm, bottom: 22mm),
  footer: context {{
    if counter(page).get().first() > 1 {{
      align(center, text(size: 9pt, fill: luma(68))[第 #counter(page).display() 页])
    }}
  }})
#set text(font: "{SERIF}", size: 12pt, lang: "zh", region: "cn", cjk-latin-spacing: none, hyphenate: false)
#set par(justify: true, leading: 0.85em, spacing: 0.6em, first-line-indent: (amount: 2em, all: true))
#show heading: set text(font: "{SANS}", weight: "bold")
#show heading: set block(above: 1.1em, below: 0.6em)
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 1): set align(center)
#show heading.where(level: 2): set text(size: 13.5pt)
#show heading.where(level: 3): set text(size: 12pt)
#set table(stroke: 0.6pt + luma(51), inset: (x: 4pt, y: 3pt))
#set table.cell(breakable: false)
#show table: set par(justify: false, first-line-indent: 0em, leading: 0.5em)
#show table: set text(size: 9pt)
#show outline.entry.where(level: 1): set text(weight: "bold")
"""


def string(text: str) -> str:
    """``text`` as a Typst string literal: only backslash and double quote need escaping."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "")
    return f'"{escaped}"'


def source(description: Description, picture: Callable[[Chart], str]) -> str:
    """The Typst document; ``picture`` gives the file name of each chart's image."""
    outlined = {
        entry.anchor for block in description.blocks if isinstance(block, Contents) for entry in block.entries
    }
    parts = [PREAMBLE.replace("TITLE", string(description.title), 1)]
    for section in sections(description):
        parts.append(_section(section, outlined, picture))
    return "\n".join(parts)


def _section(section: Section, outlined: set[str], picture: Callable[[Chart], str]) -> str:
    body = "\n".join(block_markup(block, outlined, picture) for block in section.blocks)
    if section.statement:
        return f"#page(flipped: true, margin: (x: 15mm, top: 16mm, bottom: 18mm))[\n{body}\n]\n"
    return body


def block_markup(block: Block, outlined: set[str], picture: Callable[[Chart], str]) -> str:
    """One block as Typst markup, a paragraph of its own."""
    if isinstance(block, Heading):
        listed = "true" if block.anchor in outlined else "false"
        return f"#heading(level: {block.level}, outlined: {listed}, {string(block.text)})\n"
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Table):
        return table_markup(block)
    if isinstance(block, Chart):
        return f'#align(center, image("{picture(block)}", width: 15cm))\n'
    if isinstance(block, Contents):
        return (
            "#align(center, text(font: "
            f'"{SANS}", size: 17pt, weight: "bold", "目　录"))\n'
            "#outline(title: none, depth: 2, indent: 2em)\n"
        )
    if isinstance(block, PageBreak):
        return "#pagebreak(weak: true)\n"
    return ""


def _paragraph(paragraph: Paragraph) -> str:
    text = string(paragraph.text)
    if paragraph.style == "title":
        return f'#v(70mm)\n#align(center, text(size: 24pt, weight: "bold", {text}))\n'
    if paragraph.style == "subtitle":
        return f"#align(center, text(size: 16pt, {text}))\n"
    if paragraph.style == "caption":
        return f"#align(right, text(size: 10pt, {text}))\n"
    return f"#{text}\n"


def _cell(cell: Cell, in_header: bool) -> str:
    header = cell.header or in_header
    arguments = []
    if cell.colspan > 1:
        arguments.append(f"colspan: {cell.colspan}")
    if cell.rowspan > 1:
        arguments.append(f"rowspan: {cell.rowspan}")
    if header:
        arguments.append("align: center + horizon")
    elif cell.numeric:
        arguments.append("align: right + horizon")
    else:
        arguments.append("align: left + horizon")
    if header:
        arguments.append(f'fill: luma(242), text(font: "{SANS}", weight: "bold", {string(cell.text)})')
    else:
        arguments.append(string(cell.text))
    return f"table.cell({', '.join(arguments)})"


def table_markup(table: Table) -> str:
    """A table with merged cells; its header rows repeat on every page it runs onto."""
    widths = table.widths or (1,) * table.columns
    columns = ", ".join(f"{width}fr" for width in widths)
    head, body = table.rows[: table.header_rows], table.rows[table.header_rows :]
    cells = [_cell(c, False) for row in body for c in row if not c.continued]
    if head:
        header = ", ".join(_cell(c, True) for row in head for c in row if not c.continued)
        cells.insert(0, f"table.header({header})")
    markup = f"#table(columns: ({columns},),\n  " + ",\n  ".join(cells) + ")\n"
    if table.kind == "evaluation":
        return "#pagebreak(weak: true)\n" + markup
    return markup
