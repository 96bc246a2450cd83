"""Shared output helpers of the commands: JSON printing and the text report."""

from __future__ import annotations

import json
from collections import defaultdict

import click

from juesuan.findings import Finding, Report, Severity, Status
from juesuan.model.disclosure import Disclosure
from juesuan.model.summary import described
from juesuan.source import Source

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
KIND_NAMES = {"final": "决算", "budget": "预算"}
SCOPE_NAMES = {"department": "部门", "unit": "单位"}


def echo_json(data: object) -> None:
    """Print ``data`` as indented UTF-8 JSON."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def document_summary(disclosure: Disclosure) -> dict[str, object]:
    """What the document is, for the JSON output."""
    return {
        **described(disclosure),
        "unit": disclosure.unit,
        "self_evaluations": len(disclosure.self_evaluations),
        "statements": [statement.key for statement in disclosure.statements],
    }


def report_json(disclosure: Disclosure, report: Report, min_severity: Severity) -> dict[str, object]:
    """The JSON form of one checked document."""
    return {
        "document": document_summary(disclosure),
        "findings": [f.to_json() for f in report.at_least(min_severity)],
        "checked": [outcome.to_json() for outcome in report.outcomes],
        "summary": {severity.value: report.count(severity) for severity in Severity},
    }


def place(source: Source) -> str:
    """``第49行`` / ``第3页第12行`` / ``表2 第5行``: where, in words."""
    parts = []
    if source.page is not None:
        parts.append(f"第{source.page}页")
    if source.line is not None:
        parts.append(f"第{source.line}行")
    return "".join(parts) or "全文"


def _finding_lines(finding: Finding) -> list[str]:
    colour = COLOURS[finding.severity]
    head = (
        f"  {click.style(finding.severity.label, fg=colour, bold=True)} "
        f"{click.style(finding.rule, fg=colour)} {place(finding.source)}  {finding.message}"
    )
    lines = [head]
    if finding.source.text:
        lines.append(click.style(f"      原文：{finding.source.text}", dim=True))
    for evidence in finding.evidence[:3]:
        if evidence.text and evidence.line != finding.source.line:
            lines.append(click.style(f"      对照（{place(evidence)}）：{evidence.text}", dim=True))
    return lines


def text_report(disclosure: Disclosure, report: Report, min_severity: Severity) -> str:
    """The human-readable report of one document, grouped by section."""
    title_bits = [disclosure.file]
    if disclosure.year:
        title_bits.append(f"{disclosure.year}年度")
    if disclosure.kind:
        title_bits.append(f"{SCOPE_NAMES.get(disclosure.scope, '')}{KIND_NAMES[disclosure.kind]}")
    if disclosure.department:
        title_bits.append(disclosure.department)
    lines = [click.style("  ".join(title_bits), bold=True)]
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.at_least(min_severity):
        grouped[finding.section or "其他"].append(finding)
    for section, findings in grouped.items():
        lines.append("")
        lines.append(click.style(section, bold=True, underline=True))
        for finding in findings:
            lines.extend(_finding_lines(finding))
    lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines)


def summary_line(report: Report) -> str:
    """ "汇总：4 个错误，3 个警告，6 个提示；31 条规则：…"."""
    counts = {status: 0 for status in Status}
    for outcome in report.outcomes:
        counts[outcome.status] += 1
    errors = report.count(Severity.ERROR)
    findings = "，".join(f"{report.count(s)} 个{s.label}" for s in Severity)
    rules = "，".join(f"{counts[s]} {s.label}" for s in Status if counts[s])
    text = f"汇总：{findings}；{len(report.outcomes)} 条规则：{rules}"
    return click.style(text, fg="red" if errors else "green", bold=True)
