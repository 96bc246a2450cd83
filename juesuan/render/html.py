"""HTML: one self-contained page, styles and charts inline.

Charts are inline SVG with tooltips, so the page works offline and in a browser shows
each amount on hover. The style sheet carries print rules too (A4, statements on landscape
pages, table headers repeated on every page) for printing from a browser; the PDF itself
is typeset by :mod:`juesuan.render.typeset`. The contents is a table, not a list, so that
juesuan's HTML reader does not take its entries for headings.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from juesuan.render import charts
from juesuan.render.document import (
    Block,
    Cell,
    Chart,
    Contents,
    Description,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    sections,
)

TAGS = {1: "h1", 2: "h2", 3: "h3"}


def stylesheet() -> str:
    """The page's CSS (``render/templates/disclosure.css``)."""
    return resources.files("juesuan.render").joinpath("templates/disclosure.css").read_text(encoding="utf-8")


def render(description: Description) -> str:
    """The description as an HTML page."""
    body = [
        ('<section class="statement">' if section.statement else "<section>")
        + "".join(block_html(block) for block in section.blocks)
        + "</section>"
        for section in sections(description)
    ]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(description.title)}</title><style>{stylesheet()}</style></head>\n"
        f"<body>\n{chr(10).join(body)}\n</body></html>\n"
    )


def block_html(block: Block) -> str:
    """One block as HTML."""
    if isinstance(block, Heading):
        tag = TAGS[block.level]
        return f'<{tag} id="{block.anchor}">{escape(block.text)}</{tag}>\n'
    if isinstance(block, Paragraph):
        return f'<p class="{block.style}">{escape(block.text)}</p>\n'
    if isinstance(block, Table):
        return table_html(block)
    if isinstance(block, Chart):
        return f'<figure class="chart">{charts.svg(block)}</figure>\n'
    if isinstance(block, Contents):
        return contents_html(block)
    if isinstance(block, PageBreak):
        return '<div class="page-break"></div>\n'
    return ""


def contents_html(contents: Contents) -> str:
    """The contents as a table of links (page numbers in the PDF)."""
    rows = "".join(
        f'<tr class="level{entry.level}"><td><a href="#{entry.anchor}">{escape(entry.text)}</a></td></tr>'
        for entry in contents.entries
    )
    return f'<div class="contents"><p class="toc-title">目　录</p><table class="toc">{rows}</table></div>\n'


def _cell_html(cell: Cell, in_header: bool) -> str:
    tag = "th" if cell.header or in_header else "td"
    attributes = ""
    if cell.colspan > 1:
        attributes += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        attributes += f' rowspan="{cell.rowspan}"'
    if cell.numeric:
        attributes += ' class="num"'
    text = "<br>".join(escape(line) for line in cell.text.split("\n"))
    return f"<{tag}{attributes}>{text}</{tag}>"


def table_html(table: Table) -> str:
    """A table with colspan/rowspan; the header rows in ``thead`` (repeated on each page)."""
    widths = ""
    if table.widths:
        total = sum(table.widths)
        widths = (
            "<colgroup>"
            + "".join(f'<col style="width:{w * 100 / total:.1f}%">' for w in table.widths)
            + "</colgroup>"
        )
    head, body = table.rows[: table.header_rows], table.rows[table.header_rows :]

    def rows_html(rows: tuple[tuple[Cell, ...], ...], in_header: bool) -> str:
        return "".join(
            "<tr>" + "".join(_cell_html(c, in_header) for c in row if not c.continued) + "</tr>"
            for row in rows
        )

    thead = f"<thead>{rows_html(head, True)}</thead>" if head else ""
    return f'<table class="{table.kind}">{widths}{thead}<tbody>{rows_html(body, False)}</tbody></table>\n'
