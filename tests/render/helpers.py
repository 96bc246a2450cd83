"""Shared helpers of the generator's tests: what a generated document can give back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from juesuan import pipeline
from juesuan.errors import JuesuanError
from juesuan.findings import Report
from juesuan.model.input import DisclosureInput, Entry
from juesuan.render import pdf, write
from juesuan.render.narrative import describe
from tests.render.convert import to_input

SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html", "docx": ".docx", "pdf": ".pdf"}


def has_cjk_font() -> bool:
    """Whether the Noto CJK fonts PDF output needs are installed (``python3 dev.py`` installs them)."""
    try:
        pdf.fonts()
    except JuesuanError:
        return False
    return True


def rendered(data: DisclosureInput, output_format: str, folder: Path, name: str = "doc") -> Path:
    """``data`` rendered into ``folder`` in ``output_format``."""
    return write(describe(data), folder / f"{name}{SUFFIX[output_format]}")


def read_back(path: Path) -> tuple[DisclosureInput, Report]:
    """The generated file read by juesuan's own reader, as input again, with its findings."""
    outcome = pipeline.run(path)
    return to_input(outcome.disclosure), outcome.report


def _plain(entry: Entry) -> Entry:
    """An entry with only what a sentence states about a part of a breakdown: label and amount."""
    return Entry(entry.label, entry.amount, code=entry.code)


def printed(data: DisclosureInput) -> DisclosureInput:
    """``data`` less what the narrative does not print (so cannot give back).

    The parts of 二/三 and the vehicle split are printed without year-on-year changes; the
    contents notes, function rows and carry-overs appear only in the statements.
    """
    three = data.three_public
    return dataclasses.replace(
        data,
        income_sources=tuple(_plain(e) for e in data.income_sources),
        expenditure_types=tuple(_plain(e) for e in data.expenditure_types),
        three_public=dataclasses.replace(
            three,
            overseas=dataclasses.replace(three.overseas, note=""),
            vehicles=dataclasses.replace(three.vehicles, budget=None, budget_reason=""),
            vehicle_purchase=dataclasses.replace(three.vehicle_purchase, previous=None, reason="", note=""),
            vehicle_operation=dataclasses.replace(three.vehicle_operation, previous=None, reason="", note=""),
            reception=dataclasses.replace(three.reception, note=""),
        ),
        assets=dataclasses.replace(data.assets, other_vehicles_note=""),
        performance=dataclasses.replace(data.performance, statement=""),
        balances=type(data.balances)(),
        income_rows=(),
        expenditure_rows=(),
        profile=dataclasses.replace(data.profile, units=()),
        date="",
    )
