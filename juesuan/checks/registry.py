"""The ``@rule`` decorator, what a rule may yield, and the runner.

A rule is a function ``(disclosure, settings) -> Iterator[Yield]``. It yields a
:class:`Violation` for each problem (the runner renders it into a
:class:`~juesuan.findings.Finding` with the rule's template), :class:`Checked` for each
identity it verified, :class:`NotApplicable` when the document has nothing for it to check
and :class:`CouldNotCheck` when the reading is too uncertain to judge. Rules never print and
never raise on bad input; if one raises anyway, the runner reports it as could-not-check
and a CHECK-000 finding, and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from juesuan.findings import Finding, Report, Rule, RuleOutcome, Severity, Status
from juesuan.model.disclosure import Disclosure
from juesuan.settings import Settings
from juesuan.source import Source


@dataclass(frozen=True)
class Violation:
    """One problem, before rendering.

    Attributes:
        source: where it is.
        values: the template's values (decimals and strings).
        evidence: the other places involved.
        severity: a lower severity than the rule's default, when the finding is weaker
            (a rounding gap, an uncertain reading).
        section: the Chinese name of the document part, for grouping.
    """

    source: Source
    values: dict[str, Decimal | str] = field(default_factory=dict)
    evidence: tuple[Source, ...] = ()
    severity: Severity | None = None
    section: str = ""


@dataclass(frozen=True)
class Checked:
    """The rule verified ``count`` identities or items."""

    count: int = 1


@dataclass(frozen=True)
class NotApplicable:
    """The document has nothing this rule checks."""

    reason: str


@dataclass(frozen=True)
class CouldNotCheck:
    """The rule could not judge (a reading it does not trust, a value it cannot interpret)."""

    reason: str


Yield = Violation | Checked | NotApplicable | CouldNotCheck
RuleFunction = Callable[[Disclosure, Settings], Iterable[Yield]]


@dataclass(frozen=True)
class RegisteredRule:
    """A catalogue entry with the function that implements it."""

    rule: Rule
    function: RuleFunction


def rule(
    id: str,
    severity: Severity,
    title: str,
    template: str,
    tags: tuple[str, ...],
    doc: str,
) -> Callable[[RuleFunction], RegisteredRule]:
    """Register a function as the implementation of catalogue entry ``id``."""

    def wrap(function: RuleFunction) -> RegisteredRule:
        return RegisteredRule(Rule(id, severity, title, template, tags, doc), function)

    return wrap


CRASH_RULE = Rule(
    id="CHECK-000",
    severity=Severity.WARNING,
    title="规则执行失败",
    template="规则 {rule} 执行失败（{error}），该项未能检查",
    tags=("internal",),
    doc="某条规则在本文档上执行时出现程序错误。这是 juesuan 的缺陷，不是文档的问题；该规则记为“无法检查”。",
)


def _format(value: Decimal | str) -> str:
    if isinstance(value, Decimal):
        return f"{value:f}"
    return value


def render(rule_: Rule, violation: Violation) -> Finding:
    """The finding for ``violation`` of ``rule_`` with its message rendered."""
    values = {name: _format(value) for name, value in violation.values.items()}
    severity = violation.severity or rule_.severity
    if severity.rank > rule_.severity.rank:
        severity = rule_.severity  # a finding may be weaker than its rule, never stronger
    return Finding(
        rule=rule_.id,
        severity=severity,
        message=rule_.template.format(**values),
        source=violation.source,
        evidence=violation.evidence,
        values=tuple(violation.values.items()),
        section=violation.section,
    )


def matches(rule_: Rule, patterns: tuple[str, ...]) -> bool:
    """Whether ``rule_`` is named by any pattern: its id, an id prefix (``ARITH``) or a tag."""
    return any(p == rule_.id or rule_.id.startswith(p.rstrip("-") + "-") or p in rule_.tags for p in patterns)


def run(
    rules: tuple[RegisteredRule, ...],
    disclosure: Disclosure,
    settings: Settings,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> Report:
    """Run ``rules`` (filtered by ``select``/``ignore``) on ``disclosure``."""
    findings: list[Finding] = []
    outcomes: list[RuleOutcome] = []
    for registered in rules:
        rule_ = registered.rule
        if (select and not matches(rule_, select)) or matches(rule_, ignore):
            continue
        found, outcome = _run_one(registered, disclosure, settings)
        findings.extend(found)
        outcomes.append(outcome)
    return Report(file=disclosure.file, findings=tuple(findings), outcomes=tuple(outcomes))


def _run_one(
    registered: RegisteredRule, disclosure: Disclosure, settings: Settings
) -> tuple[list[Finding], RuleOutcome]:
    rule_ = registered.rule
    findings: list[Finding] = []
    checked = 0
    not_applicable: list[str] = []
    uncertain: list[str] = []
    try:
        for item in registered.function(disclosure, settings):
            if isinstance(item, Violation):
                findings.append(render(rule_, item))
            elif isinstance(item, Checked):
                checked += item.count
            elif isinstance(item, NotApplicable):
                not_applicable.append(item.reason)
            else:
                uncertain.append(item.reason)
    except Exception as error:
        crash = Violation(
            source=Source(file=disclosure.file),
            values={"rule": rule_.id, "error": f"{type(error).__name__}: {error}"},
        )
        findings.append(render(CRASH_RULE, crash))
        return findings, RuleOutcome(rule_.id, Status.COULD_NOT_CHECK, checked, (f"规则执行失败：{error}",))
    findings = one_per_place(findings)
    status = _status(findings, checked, uncertain)
    reasons = tuple(uncertain or (not_applicable if not checked else ()))
    if status is Status.NOT_APPLICABLE and not reasons:
        reasons = ("文档中没有该规则检查的内容",)
    return findings, RuleOutcome(rule_.id, status, checked, reasons)


def one_per_place(findings: list[Finding]) -> list[Finding]:
    """One finding per fact: a rule's findings at the same line (or table row) with the same gap
    are one mistake; the same message twice is one finding.

    Two columns of one row off by the same missing item (福州's 20402 公安: 合计 and 项目支出 both
    319.24 more than the rows under it), or a 基本支出 and its 人员经费 stated in one sentence
    with all funds instead of 财政拨款, are one mistake to correct: one finding, its messages
    joined, its evidence together, the more severe severity.
    """
    grouped: dict[tuple[object, ...], list[Finding]] = {}
    for finding in findings:
        where = finding.source
        gap = dict(finding.values).get("difference")  # the same gap at the same place: one cause
        fact = ("gap", gap) if gap is not None else ("message", finding.message)
        grouped.setdefault((where.page, where.line, where.table, where.row, where.derived, fact), []).append(
            finding
        )
    merged: list[Finding] = []
    for group in grouped.values():
        first = group[0]
        messages = list(dict.fromkeys(f.message for f in group))
        evidence = tuple(dict.fromkeys(e for f in group for e in f.evidence))
        severity = max((f.severity for f in group), key=lambda s: s.rank)
        values = (
            tuple(dict.fromkeys(v for f in group for v in f.values)) if len(messages) > 1 else first.values
        )
        merged.append(
            replace(first, message="；".join(messages), evidence=evidence, severity=severity, values=values)
        )
    return merged


def _status(findings: list[Finding], checked: int, uncertain: list[str]) -> Status:
    if any(f.severity.rank >= Severity.WARNING.rank for f in findings):
        return Status.FAILED
    if uncertain:
        return Status.COULD_NOT_CHECK
    if checked or findings:
        return Status.PASSED
    return Status.NOT_APPLICABLE
