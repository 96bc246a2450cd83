"""Regenerate tests/expectations/corpus.json from the current reading of the corpus (real/ and wide/).

Run ``.venv/bin/python -m tests.expectations.make_corpus`` after a change that alters what
juesuan reads. Justifications already written for an error are kept (keyed by rule, page and
line); a new error gets an empty justification, which makes tests/test_corpus.py fail until
someone has read the document and written why the error is real (or fixed juesuan).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from juesuan import pipeline
from juesuan.errors import InputError
from juesuan.findings import Severity
from juesuan.model.summary import summary

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1].parent / "shared" / "corpus"
TARGET = HERE / "corpus.json"
#: The documents of real/ and of wide/ (94 budgets of 12 cities nothing was tuned on).
LISTINGS = ("MANIFEST.csv", "WIDE.csv")


def expectation(path: Path, old: dict[str, object]) -> dict[str, object]:
    """What juesuan reads in one document, with the justifications already written."""
    try:
        outcome = pipeline.run(path)
    except InputError as error:
        return {"input_error": error.message}
    figures = summary(outcome.disclosure)
    written = {
        (e["rule"], e["page"], e["line"], e["message"]): e["justification"]
        for e in old.get("errors", [])  # type: ignore[union-attr]
    }
    errors = [
        {
            "rule": f.rule,
            "page": f.source.page,
            "line": f.source.line,
            "message": f.message,
            "justification": _justification(written, f.rule, f.source.page, f.source.line, f.message),
        }
        for f in outcome.report.findings
        if f.severity is Severity.ERROR
    ]
    return {
        "kind": figures.pop("kind"),
        "year": figures.pop("year"),
        "scope": figures.pop("scope"),
        "department": figures.pop("department"),
        "statements": figures.pop("statements"),
        "key_figures": {k: v for k, v in figures.items() if k not in ("file", "unit")},
        "errors": errors,
    }


def _justification(
    written: dict[tuple[object, ...], str], rule: str, page: int | None, line: int | None, message: str
) -> str:
    """The justification written for this error, or for each of the messages it joins (one
    finding per fact joins a rule's messages at one place with one gap)."""
    if (rule, page, line, message) in written:
        return written[(rule, page, line, message)]
    parts = [written.get((rule, page, line, part), "") for part in message.split("；")]
    return " ".join(dict.fromkeys(parts)) if all(parts) else ""


def main() -> None:
    old = json.loads(TARGET.read_text(encoding="utf-8")) if TARGET.exists() else {}
    result: dict[str, object] = {}
    for listing in LISTINGS:
        with (CORPUS / listing).open(encoding="utf-8") as manifest:
            for row in csv.DictReader(manifest):
                result[row["file"]] = expectation(CORPUS / row["file"], old.get(row["file"], {}))
    TARGET.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
