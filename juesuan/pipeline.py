"""The one orchestrator: ingest → extract → check, each step named and timed.

Read this first. Stages never import each other; this module and the interfaces wire them.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from juesuan.document import Document
from juesuan.findings import Report
from juesuan.model.disclosure import Disclosure
from juesuan.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from juesuan.model.input import DisclosureInput
    from juesuan.render.document import Description
    from juesuan.scoring import ScoreResult


@dataclass(frozen=True, slots=True)
class Outcome:
    """What running the pipeline on one file gives.

    Attributes:
        document: the format-neutral document as read.
        disclosure: the extracted model.
        report: the findings and the outcome of every rule.
        timings: seconds spent in each step, in order.
    """

    document: Document
    disclosure: Disclosure
    report: Report
    timings: tuple[tuple[str, float], ...] = field(default=())


def read_document(path: str | Path) -> Document:
    """Step 1, ingest: the file as a format-neutral document."""
    from juesuan import ingest

    return ingest.read(path)


def extract_document(document: Document) -> Disclosure:
    """Step 2, extract: the document as a typed disclosure."""
    from juesuan import extract

    return extract.extract(document)


def check_disclosure(
    disclosure: Disclosure,
    settings: Settings = DEFAULT_SETTINGS,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> Report:
    """Step 3, check: every rule on the disclosure."""
    from juesuan import checks

    return checks.run(disclosure, settings, select, ignore)


def run(
    path: str | Path,
    settings: Settings | None = None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> Outcome:
    """Read, extract and check ``path``."""
    timings: list[tuple[str, float]] = []
    started = time.perf_counter()
    document = read_document(path)
    timings.append(("read", time.perf_counter() - started))
    started = time.perf_counter()
    disclosure = extract_document(document)
    timings.append(("extract", time.perf_counter() - started))
    started = time.perf_counter()
    report = check_disclosure(disclosure, settings or DEFAULT_SETTINGS, select, ignore)
    timings.append(("check", time.perf_counter() - started))
    return Outcome(document, disclosure, report, tuple(timings))


def extract_file(path: str | Path) -> Disclosure:
    """Read and extract ``path``."""
    return extract_document(read_document(path))


def check(
    target: str | Path | Disclosure,
    settings: Settings | None = None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> Report:
    """Check a file or an already extracted disclosure."""
    disclosure = target if isinstance(target, Disclosure) else extract_file(target)
    return check_disclosure(disclosure, settings or DEFAULT_SETTINGS, select, ignore)


def score(
    target: str | Path | Disclosure,
    profile: str = "central",
    completeness: bool = False,
    completeness_profile: str | None = None,
    published: datetime.date | None = None,
    approved: datetime.date | None = None,
) -> ScoreResult:
    """Score a file (or an already extracted disclosure): self-evaluations and, if asked, completeness.

    A file is read once; its document is handed to scoring as well, so the completeness
    checklist can see parts the model does not keep.
    """
    from juesuan import scoring

    if isinstance(target, Disclosure):
        return scoring.score(
            target,
            profile,
            completeness=completeness,
            completeness_profile=completeness_profile,
            published=published,
            approved=approved,
        )
    document = read_document(target)
    disclosure = extract_document(document)
    return scoring.score(
        disclosure,
        profile,
        completeness=completeness,
        completeness_profile=completeness_profile,
        document=document,
        published=published,
        approved=approved,
    )


@dataclass(frozen=True, slots=True)
class Rendered:
    """What generating a disclosure from its input gives.

    Attributes:
        data: the input as read.
        description: the generated document, format-neutral.
        report: the findings of checking the generated document (its text read back through
            the text reader and the extractor, then every rule), so contradictions in the
            input are found by the same rules as in any other disclosure.
        written: the files written; empty when error-level findings stopped the rendering.
        timings: seconds spent in each step, in order.
    """

    data: DisclosureInput
    description: Description
    report: Report
    written: tuple[Path, ...] = ()
    timings: tuple[tuple[str, float], ...] = field(default=())

    @property
    def stopped(self) -> bool:
        """Whether error-level findings kept the files from being written."""
        return self.report.has_errors and not self.written


def render(
    source: str | Path | DisclosureInput,
    outputs: tuple[str | Path, ...] = (),
    force: bool = False,
    output_format: str | None = None,
) -> Rendered:
    """Generate the disclosure of ``source`` (a workbook, JSON/YAML or an input) into ``outputs``.

    Step 1 reads the input, step 2 builds the document, step 3 checks it (text → ingest →
    extract → checks), step 4 writes each output, atomically. Error-level findings stop
    step 4 unless ``force``.
    """
    from juesuan import checks, extract
    from juesuan.ingest import text, workbook
    from juesuan.model.input import DisclosureInput
    from juesuan.render import narrative
    from juesuan.render import render as render_format
    from juesuan.render import write as write_file

    timings: list[tuple[str, float]] = []
    started = time.perf_counter()
    data = source if isinstance(source, DisclosureInput) else workbook.read_input(source)
    timings.append(("read", time.perf_counter() - started))
    started = time.perf_counter()
    description = narrative.describe(data)
    timings.append(("describe", time.perf_counter() - started))
    started = time.perf_counter()
    generated = render_format(description, "text").decode("utf-8")
    disclosure = extract.extract(text.parse(generated, "（生成的文档）"))
    report = checks.run(disclosure)
    timings.append(("check", time.perf_counter() - started))
    if report.has_errors and not force:
        return Rendered(data, description, report, (), tuple(timings))
    written = []
    for output in outputs:
        started = time.perf_counter()
        written.append(write_file(description, output, output_format))
        timings.append((f"write {Path(output).name}", time.perf_counter() - started))
    return Rendered(data, description, report, tuple(written), tuple(timings))


# --- Visual debug: what the extractor made of one page -------------------------------------
