"""Shared fixtures: the corpus beside the repository, the seed, and tiny-document helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from juesuan import pipeline
from juesuan.findings import Report, Severity
from juesuan.model.disclosure import Disclosure

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = CORPUS / "seed" / "000_ee3d802a371028c5.txt"
EXAMPLE = ROOT / "examples" / "qinghe_archives_2023_final.txt"


def require_corpus() -> None:
    """Skip (with the reason) when ../shared/corpus is not beside the repository."""
    if not CORPUS.exists():
        pytest.skip(f"corpus not found at {CORPUS}")


@pytest.fixture
def seed() -> Path:
    """The real seed disclosure (a 2021 final-accounts disclosure of a petition bureau)."""
    if not SEED.exists():
        pytest.skip(f"seed not found at {SEED}")
    return SEED


class Checker:
    """Writes a small disclosure text to a temporary file and runs the pipeline on it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def path(self, text: str, suffix: str = ".txt") -> Path:
        self.count += 1
        file = self.folder / f"doc{self.count}{suffix}"
        file.write_text(text.lstrip("\n"), encoding="utf-8")
        return file

    def read(self, text: str, suffix: str = ".txt") -> Disclosure:
        return pipeline.extract_file(self.path(text, suffix))

    def check(self, text: str, select: tuple[str, ...] = (), suffix: str = ".txt") -> Report:
        return pipeline.run(self.path(text, suffix), select=select).report

    def flat(
        self, text: str, rule: str, severity: Severity = Severity.INFO, suffix: str = ".txt"
    ) -> list[tuple[str, str, int | None]]:
        """[(rule, severity, line)] of the findings of ``rule`` (``suffix`` picks the reader)."""
        report = self.check(text, select=(rule,), suffix=suffix)
        return [(f.rule, f.severity.value, f.source.line) for f in report.at_least(severity)]


@pytest.fixture
def checker(tmp_path: Path) -> Checker:
    """Run the pipeline on small disclosure texts."""
    return Checker(tmp_path)
