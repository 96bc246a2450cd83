"""juesuan: read, check, score and generate Chinese budget and final-accounts disclosures.

The public API is small and lazy, so that ``import juesuan`` stays cheap:

- :func:`read` — a file → the typed :class:`~juesuan.model.disclosure.Disclosure`;
- :func:`check` — a file or a disclosure → the :class:`~juesuan.findings.Report`;
- :func:`run` — both at once, as an :class:`~juesuan.pipeline.Outcome`;
- :func:`generate` — an input (workbook, JSON/YAML or model) → the rendered disclosure files;
- :func:`score` — a file or a disclosure → the :class:`~juesuan.scoring.ScoreResult`
  (self-evaluations rescored by the published rules; completeness on request).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pathlib import Path

    from juesuan.findings import Report
    from juesuan.model.disclosure import Disclosure
    from juesuan.model.input import DisclosureInput
    from juesuan.pipeline import Outcome, Rendered
    from juesuan.scoring import ScoreResult
    from juesuan.settings import Settings


def read(path: str | Path) -> Disclosure:
    """Read and extract a disclosure from ``path`` (text, and later PDF, DOCX, XLSX, HTML)."""
    from juesuan import pipeline

    return pipeline.extract_file(path)


def check(
    target: str | Path | Disclosure,
    settings: Settings | None = None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> Report:
    """Check a file or an already extracted disclosure and return the report."""
    from juesuan import pipeline

    return pipeline.check(target, settings=settings, select=select, ignore=ignore)


def score(
    target: str | Path | Disclosure,
    profile: str = "central",
    completeness: bool = False,
) -> ScoreResult:
    """Rescore the self-evaluation tables of a file or disclosure (and, if asked, its completeness)."""
    from juesuan import pipeline

    return pipeline.score(target, profile=profile, completeness=completeness)


def run(path: str | Path, settings: Settings | None = None) -> Outcome:
    """Read, extract and check ``path``; the disclosure and its report together."""
    from juesuan import pipeline

    return pipeline.run(path, settings=settings)


def generate(
    source: str | Path | DisclosureInput,
    outputs: tuple[str | Path, ...] = (),
    force: bool = False,
) -> Rendered:
    """Generate a disclosure from its input (workbook, JSON/YAML or model) into ``outputs``.

    Named ``generate`` rather than ``render`` because ``juesuan.render`` is the rendering
    stage's package, and a package and a function cannot share one name without importing
    the package eagerly on every ``import juesuan``.
    """
    from juesuan import pipeline

    return pipeline.render(source, outputs, force=force)


__all__ = ["__version__", "check", "generate", "read", "run", "score"]
