"""The narrative's summary of self-evaluations against the attached tables.

Disclosures summarise their self-evaluations in one sentence ("绩效自评的项目N个，涉及预算
金额X万元，平均得分Y分（其中，绩效评级为“优”的项目N个 …）"). The number of projects, the
money, the average score and the count per grade are compared with the tables as attached
(claimed totals) and as rescored. Only paragraphs about performance are read; a figure the
sentence does not state is not compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from juesuan.document import Document, Paragraph
from juesuan.model.disclosure import Disclosure
from juesuan.model.evaluation import grade_for
from juesuan.model.performance import SelfEvaluation
from juesuan.scoring.performance import EvaluationScore, cents
from juesuan.source import Source

_NUMBER = r"(\d+(?:\.\d+)?)"
_COUNT = re.compile(r"(?:自评|评价)[^。；]{0,20}?项目\s*(\d+)\s*个")
_FUNDS = re.compile(rf"涉及(?:预算)?(?:资金|金额)(?:共计|合计)?\s*{_NUMBER}\s*万元")
_AVERAGE = re.compile(rf"平均(?:得分|分)\s*{_NUMBER}\s*分?")
_GRADE = re.compile(r"[“\"]?(优|良|中|差|合格|不合格)[”\"]?(?:等级)?的?(?:项目)?\s*(\d+)\s*个")
#: Grade words of the 2024 template → the grade bands of the rules.
GRADE_WORDS = {"优": "优", "良": "良", "中": "中", "合格": "中", "差": "差", "不合格": "差"}


@dataclass(frozen=True, slots=True)
class SummaryCheck:
    """One figure of the narrative summary compared with the tables.

    Attributes:
        item: what is compared, in Chinese (项目个数, 涉及资金, 平均得分, 等级“优”的项目数 …).
        stated: the figure as the narrative states it.
        from_tables: what the attached tables give (claimed scores).
        rescored: what the tables give when rescored (for scores and grades), else "".
        consistent: whether the stated figure agrees with the tables as attached.
        source: where the narrative states it.
    """

    item: str
    stated: str
    from_tables: str
    rescored: str
    consistent: bool
    source: Source


def check_summary(
    disclosure: Disclosure, scores: tuple[EvaluationScore, ...], document: Document | None
) -> tuple[SummaryCheck, ...]:
    """Compare the narrative's summary sentence with the project tables (empty when none)."""
    projects = [s for s in scores if s.scope == "project"]
    tables = [e for e in disclosure.self_evaluations if e.scope == "project"]
    paragraph = _summary_paragraph(document)
    if paragraph is None or not projects:
        return ()
    text = paragraph.text
    found: list[SummaryCheck] = []
    count = _COUNT.search(text)
    if count:
        stated = int(count[1])
        found.append(
            SummaryCheck(
                "项目个数",
                str(stated),
                str(len(projects)),
                "",
                stated == len(projects),
                _at(paragraph, count),
            )
        )
    funds = _FUNDS.search(text)
    if funds:
        stated_funds = Decimal(funds[1])
        totals = _funds(tables)
        matching = [f"{name}{value:f}" for name, value in totals.items() if value == stated_funds]
        described = "、".join(f"{name}之和{value:f}万元" for name, value in totals.items())
        found.append(
            SummaryCheck(
                "涉及资金（万元）", f"{stated_funds:f}", described, "", bool(matching), _at(paragraph, funds)
            )
        )
    average = _AVERAGE.search(text)
    if average:
        found.append(_average(projects, Decimal(average[1]), _at(paragraph, average)))
    for match in _GRADE.finditer(text):
        found.append(_grade_count(projects, GRADE_WORDS[match[1]], int(match[2]), _at(paragraph, match)))
    return tuple(found)


def _summary_paragraph(document: Document | None) -> Paragraph | None:
    if document is None:
        return None
    for paragraph in document.paragraphs:
        text = paragraph.text
        if "绩效" in text and _COUNT.search(text) and "自评表" not in text[:12]:
            return paragraph
    return None


def _at(paragraph: Paragraph, match: re.Match[str]) -> Source:
    return paragraph.source_at(match.start(), match.end())


def _funds(tables: list[SelfEvaluation]) -> dict[str, Decimal]:
    names = {"executed": "全年执行数", "adjusted_budget": "全年预算数", "initial_budget": "年初预算数"}
    totals: dict[str, Decimal] = {}
    for slot, name in names.items():
        values = []
        for table in tables:
            row = table.funds_row("total")
            figure = getattr(row, slot) if row is not None else None
            if figure is not None:
                values.append(figure.value)
        if values and len(values) == len(tables):
            totals[name] = sum(values, Decimal(0))
    return totals


def _average(projects: list[EvaluationScore], stated: Decimal, source: Source) -> SummaryCheck:
    claimed = [p.claimed_total for p in projects if p.claimed_total is not None]
    from_tables = cents(sum(claimed, Decimal(0)) / len(claimed)) if len(claimed) == len(projects) else None
    rescored = cents(sum((p.total for p in projects), Decimal(0)) / len(projects))
    consistent = from_tables is not None and abs(from_tables - stated) <= Decimal("0.05")
    return SummaryCheck(
        "平均得分",
        f"{stated:f}",
        f"{from_tables:f}" if from_tables is not None else "未能读出全部总分",
        f"{rescored:f}",
        consistent,
        source,
    )


def _grade_count(projects: list[EvaluationScore], grade: str, stated: int, source: Source) -> SummaryCheck:
    claimed = sum(
        1
        for p in projects
        if (p.claimed_grade or (grade_for(p.claimed_total) if p.claimed_total is not None else "")) == grade
    )
    rescored = sum(1 for p in projects if p.grade == grade)
    return SummaryCheck(
        f"等级“{grade}”的项目数", str(stated), str(claimed), str(rescored), claimed == stated, source
    )
