"""Findings, the rule catalogue's entry type, and the report a check run returns.

A :class:`Rule` is one catalogue entry: a permanent id, a default severity, a Chinese title
and message template, tags, and a documentation paragraph. A :class:`Finding` is one
occurrence of a rule in a document, with its rendered message, the place it points at, the
other places that make up the evidence and the figures involved. A :class:`Report` holds the
findings of one document and, for every rule, what came of it (:class:`RuleOutcome`).
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import PurePath

from juesuan.source import Source


class Severity(enum.Enum):
    """How bad a finding is.

    ERROR: the document contradicts itself; WARNING: likely wrong or inconsistent;
    INFO: worth a look (rounding gaps, unusual wording).
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    @property
    def label(self) -> str:
        """The Chinese name shown to users."""
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass(frozen=True, slots=True)
class Rule:
    """One catalogue entry.

    Attributes:
        id: permanent identifier such as ``ARITH-001``; never reused for another meaning.
        severity: the default severity of its findings (a finding may be lowered, never raised).
        title: short Chinese title.
        template: Chinese message template, formatted with the finding's values.
        tags: families for ``--select``/``--ignore`` (e.g. ``arithmetic``, ``narrative``).
        doc: what the rule checks, its tolerance and where the rule comes from (Chinese).
    """

    id: str
    severity: Severity
    title: str
    template: str
    tags: tuple[str, ...]
    doc: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a document.

    Attributes:
        rule: the rule id.
        severity: this finding's severity (the rule's default or lower).
        message: the message rendered from the rule's template.
        source: the place the finding points at.
        evidence: the other places involved (the other side of a tie, the parts of a sum).
        values: the figures involved, by name (``stated``, ``computed``, ``difference`` …).
        section: the Chinese name of the part of the document (for grouping the output).
    """

    rule: str
    severity: Severity
    message: str
    source: Source
    evidence: tuple[Source, ...] = ()
    values: tuple[tuple[str, Decimal | str], ...] = ()
    section: str = ""

    @property
    def signature(self) -> str:
        """A stable id of the fact: the rule and the places of the figures, not the wording.

        The same mistake found again in a re-published file, or by a later version whose
        message reads differently, keeps its signature, so a store can track it.
        """
        places = [self.source, *self.evidence]
        key = "|".join(
            [self.rule, PurePath(self.source.file).name]
            + [f"{p.page}:{p.line}:{p.table}:{p.row}:{p.column}" for p in places]
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_json(self) -> dict[str, object]:
        """A plain dict; decimals become strings so no precision is lost."""
        return {
            "signature": self.signature,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "section": self.section,
            "location": self.source.to_json(),
            "evidence": [source.to_json() for source in self.evidence],
            "values": {name: str(value) for name, value in self.values},
        }


class Status(enum.Enum):
    """What came of one rule on one document."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_APPLICABLE = "not_applicable"
    COULD_NOT_CHECK = "could_not_check"

    @property
    def label(self) -> str:
        """The Chinese name shown to users."""
        return {
            "passed": "通过",
            "failed": "未通过",
            "not_applicable": "不适用",
            "could_not_check": "无法检查",
        }[self.value]


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    """The outcome of one rule on one document.

    Attributes:
        rule: the rule id.
        status: passed / failed / not applicable / could not check.
        checked: how many identities or items the rule verified.
        reasons: why it was not applicable or could not check (Chinese), when it says so.
    """

    rule: str
    status: Status
    checked: int = 0
    reasons: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        """A plain dict."""
        data: dict[str, object] = {"rule": self.rule, "status": self.status.value, "checked": self.checked}
        if self.reasons:
            data["reasons"] = list(self.reasons)
        return data


@dataclass(frozen=True, slots=True)
class Report:
    """The result of checking one document.

    Attributes:
        file: the checked file.
        findings: every finding, in rule order then document order.
        outcomes: one entry per rule that was run.
    """

    file: str
    findings: tuple[Finding, ...] = ()
    outcomes: tuple[RuleOutcome, ...] = field(default=())

    def count(self, severity: Severity) -> int:
        """How many findings have exactly this severity."""
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def has_errors(self) -> bool:
        """Whether the document contradicts itself somewhere."""
        return self.count(Severity.ERROR) > 0

    def at_least(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings of this severity or worse."""
        return tuple(f for f in self.findings if f.severity.rank >= severity.rank)


_STATUS_ORDER = ("not_applicable", "passed", "could_not_check", "failed")


def merged(file: str, reports: list[tuple[str, Report]]) -> Report:
    """One report of the parts of a document of several units, checked each by itself.

    Each finding's section names its unit ("深圳市财政局（本级）：说明与报表"); a rule's outcome
    is its worst over the parts, its count the sum, its reasons all of theirs.
    """
    findings = tuple(
        replace(f, section=f"{unit}：{f.section}" if unit and f.section else unit or f.section)
        for unit, report in reports
        for f in report.findings
    )
    outcomes: dict[str, RuleOutcome] = {}
    for _, report in reports:
        for outcome in report.outcomes:
            known = outcomes.get(outcome.rule)
            if known is None:
                outcomes[outcome.rule] = outcome
                continue
            worse = max(known.status, outcome.status, key=lambda s: _STATUS_ORDER.index(s.value))
            reasons = tuple(dict.fromkeys(known.reasons + outcome.reasons))
            outcomes[outcome.rule] = RuleOutcome(
                outcome.rule, worse, known.checked + outcome.checked, reasons
            )
    return Report(file, findings, tuple(outcomes.values()))


def flatten(report: Report, severity: Severity = Severity.INFO) -> list[tuple[str, int | None]]:
    """``[(rule, line), …]`` of the findings at or above ``severity``, for compact test assertions."""
    return [(f.rule, f.source.line) for f in report.at_least(severity)]
