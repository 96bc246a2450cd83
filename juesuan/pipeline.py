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
