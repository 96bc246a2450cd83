"""How many single-figure mutations of real documents juesuan catches.

For each corpus PDF, figures of the standard statements are raised by 100 in the read document
(before extraction) one at a time, and the document is extracted and checked again. A mutation
is *caught* when a new error-level finding appears, *warned* when only a new warning does, and
*silent* otherwise (the figure takes part in no identity juesuan trusts). Prints one line per
document and the totals; not part of ``python -m benchmarks`` (it takes minutes).

With ``--narrative``, 万元 amounts of the running text are raised instead: caught when the
narrative figure is compared with a statement or with another figure of the text.

Usage::

    .venv/bin/python -m benchmarks.mutation_recall [--sites N] [--documents N] [--silent] [--narrative]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from juesuan import pipeline
from juesuan.checks.statement_identities import all_identities
from juesuan.document import Document, Paragraph, Table, TextLine
from juesuan.errors import InputError
from juesuan.extract.numbers import decimals_of, parse_decimal
from juesuan.extract.statement_titles import STANDARD_STATEMENTS
from juesuan.findings import Severity
from juesuan.settings import Settings
from juesuan.source import Source

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
#: The nine standard statements, whose figures all take part in identities (a procurement
#: list's quantities, for one, need not).
NINE_STATEMENTS = frozenset(key for key, _ in STANDARD_STATEMENTS)

Site = tuple[int, int, int]  # block, row, cell


def findings(document: Document, severity: Severity) -> set[tuple[str, str]]:
    """(rule, place) of the findings of exactly ``severity``."""
    report = pipeline.check(pipeline.extract_document(document))
    return {(f.rule, f.source.location()) for f in report.findings if f.severity is severity}


def covered(document: Document) -> set[Source]:
    """The places of every figure that takes part in an identity of its statement."""
    settings = Settings()
    places: set[Source] = set()
    for statement in pipeline.extract_document(document).statements:
        for identity in all_identities(statement, settings):
            places.add(identity.stated.source)
            places.update(part.source for part in identity.parts)
    return places


def figure_sites(document: Document, count: int) -> list[Site]:
    """``count`` non-zero figures of the standard statements, at a fixed stride."""
    statements = pipeline.extract_document(document).statements
    tables = {s.source.table for s in statements if s.key in NINE_STATEMENTS}
    sites = [
        (b, r, c)
        for b, block in enumerate(document.blocks)
        if isinstance(block, Table) and block.source.table in tables
        for r, row in enumerate(block.rows)
        for c, cell in enumerate(row.cells)
        if "." in cell.text and parse_decimal(cell.text)
    ]
    stride = max(1, len(sites) // count)
    return sites[::stride][:count]


def table_at(document: Document, site: Site) -> Table:
    """The table that holds ``site``."""
    block = document.blocks[site[0]]
    assert isinstance(block, Table)
    return block


def raised(document: Document, site: Site, amount: int = 100) -> Document:
    """The document with the figure at ``site`` raised by ``amount``, printed as before."""
    b, r, c = site
    block = table_at(document, site)
    cell = block.rows[r].cells[c]
    value = (parse_decimal(cell.text) or 0) + amount
    cells = list(block.rows[r].cells)
    cells[c] = cell._replace(text=f"{value:.{decimals_of(cell.text)}f}")
    rows = list(block.rows)
    rows[r] = replace(rows[r], cells=tuple(cells))
    blocks = list(document.blocks)
    blocks[b] = replace(block, rows=tuple(rows))
    return replace(document, blocks=tuple(blocks))


def describe(document: Document, site: Site) -> str:
    """Where a mutation is: page, the row's first cells and the figure."""
    _, r, c = site
    block = table_at(document, site)
    row = block.rows[r]
    label = " ".join(cell.text for cell in row.cells[:3] if cell.text)[:40]
    return f"p{row.source.page} table {block.source.table} row {r} col {c}: {label} | {row.cells[c].text}"


#: A 万元 amount in running text, with two decimals (the narrative's usual precision).
NARRATIVE_AMOUNT = re.compile(r"(\d[\d,]*\.\d{2})(?=\s*万元)")
TextSite = tuple[int, int, int, int]  # block, line, start, end


def text_sites(document: Document, count: int) -> list[TextSite]:
    """``count`` 万元 amounts of the running text, at a fixed stride."""
    sites = [
        (b, line_index, match.start(1), match.end(1))
        for b, block in enumerate(document.blocks)
        if isinstance(block, Paragraph)
        for line_index, line in enumerate(block.lines)
        for match in NARRATIVE_AMOUNT.finditer(line.text)
    ]
    stride = max(1, len(sites) // count)
    return sites[::stride][:count]


def paragraph_line(document: Document, site: TextSite) -> tuple[Paragraph, TextLine]:
    """The paragraph and the line that hold ``site``."""
    block = document.blocks[site[0]]
    assert isinstance(block, Paragraph)
    return block, block.lines[site[1]]


def raised_in_text(document: Document, site: TextSite, amount: int = 100) -> Document:
    """The document with the amount at ``site`` raised by ``amount``, printed as before."""
    b, line_index, start, end = site
    block, line = paragraph_line(document, site)
    value = (parse_decimal(line.text[start:end]) or 0) + amount
    lines = list(block.lines)
    lines[line_index] = line._replace(text=f"{line.text[:start]}{value:.2f}{line.text[end:]}")
    blocks = list(document.blocks)
    blocks[b] = Paragraph(tuple(lines))
    return replace(document, blocks=tuple(blocks))


def mutations(document: Document, count: int, narrative: bool) -> Iterator[tuple[Document, str, bool]]:
    """Each mutated document, where its mutation is, and whether that figure is in an identity."""
    if narrative:
        for text_site in text_sites(document, count):
            _, line = paragraph_line(document, text_site)
            start, end = text_site[2:]
            where = f"p{line.source.page}: {line.text[max(0, start - 30) : end + 6]}"
            yield raised_in_text(document, text_site), where, False
        return
    in_identities = covered(document)
    for site in figure_sites(document, count):
        _, r, c = site
        in_identity = table_at(document, site).rows[r].cells[c].source in in_identities
        yield raised(document, site), describe(document, site), in_identity


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=8, help="mutations per document")
    parser.add_argument("--documents", type=int, default=0, help="only the first N PDFs (0: all)")
    parser.add_argument("--silent", action="store_true", help="print each silent mutation's place")
    parser.add_argument(
        "--narrative",
        action="store_true",
        help="mutate 万元 amounts of the running text instead of statements",
    )
    options = parser.parse_args(argv)
    with (CORPUS / "MANIFEST.csv").open(encoding="utf-8") as manifest:
        names = [row["file"] for row in csv.DictReader(manifest) if row["format"] == "pdf"]
    totals = {"caught": 0, "warned": 0, "silent": 0, "untrusted": 0}
    print(f"{'caught':>6} {'warned':>6} {'silent':>6}  document")
    for name in names[: options.documents or None]:
        try:
            document = pipeline.read_document(CORPUS / name)
        except InputError as error:
            print(f"{'':>6} {'':>6} {'':>6}  {name}: {error.message}")
            continue
        errors, warnings = findings(document, Severity.ERROR), findings(document, Severity.WARNING)
        counts = dict.fromkeys(totals, 0)
        for mutated, where, in_identity in mutations(document, options.sites, options.narrative):
            if findings(mutated, Severity.ERROR) - errors:
                counts["caught"] += 1
            elif findings(mutated, Severity.WARNING) - warnings:
                counts["warned"] += 1
            else:
                counts["silent"] += 1
                counts["untrusted"] += in_identity  # in an identity, but its statement is not trusted
                if options.silent:
                    print(f"{'':>22}silent: {where}")
        for key, value in counts.items():
            totals[key] += value
        print(f"{counts['caught']:>6} {counts['warned']:>6} {counts['silent']:>6}  {name}", flush=True)
    done = totals["caught"] + totals["warned"] + totals["silent"] or 1
    print(
        f"mutations: {done}; caught {totals['caught']} ({totals['caught'] / done:.0%}), "
        f"warned {totals['warned']}, silent {totals['silent']} "
        f"({totals['untrusted']} in an identity of a statement not trusted, "
        f"{totals['silent'] - totals['untrusted']} in no identity juesuan forms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
