"""The totals a budget's narrative opens with: 收入预算, 支出预算, 财政拨款收入, 一般公共预算拨款支出….

上海: "2025年，上海市普陀区财政局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元…支出预算
3,121.42万元，其中：财政拨款支出预算3,121.42万元…一般公共预算拨款支出预算3,121.42万元"; 烟台:
"（一）收入预算：2026年收入预算3,558.35万元"; 江苏: "收入、支出预算总计24458.43万元". A figure is
taken when the words of its clause, the year and the department's name aside, are one of these
labels and nothing more, so "事业收入预算" or "上年收入预算" is never read as the total.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from juesuan.document import Paragraph
from juesuan.extract.mentions import Mention, figure_at
from juesuan.extract.narrative import scan_once, stated
from juesuan.model.figures import Figure, StatedAmount
from juesuan.source import Source

_ENDING = r"(?:合计|总计|总额)?(?:为|是|共计?)?"
#: (key, the whole clause), tried in order.
LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern + _ENDING))
    for key, pattern in (
        ("grand", r"(?:收入、支出|收、支|收支)(?:预算)?(?:总计|总预算)?|收支总预算"),
        ("income", r"(?:本年)?收入预算"),
        ("expenditure", r"(?:本年)?支出预算"),
        ("appropriation_income", r"(?:本年)?财政拨款收入(?:预算)?"),
        ("appropriation_expenditure", r"(?:本年)?财政拨款(?:支出预算|预算支出)"),
        ("general_budget_income", r"一般公共预算(?:财政)?拨款收入(?:预算)?"),
        ("general_budget_expenditure", r"(?:财政拨款支出预算中)?一般公共预算(?:财政)?拨款支出(?:预算)?"),
        ("basic", r"基本支出(?:预算)?数?"),
        ("project", r"项目支出(?:预算)?数?"),
    )
)
#: A department's name before the label when the document's department is not known.
_ORGANISATION = re.compile(
    r"^\S{2,30}?(?:局|委员会|委|办公室|办|院|厅|部|中心|所|站|队|馆|社|处)(?=(?:本年)?(?:收|支|财政拨款|一般公共预算))"
)
_CLAUSE_END = re.compile(r"[，。；,;：:）)]")
_OPENING = re.compile(r"^(?:其中|包括|另外|此外)?[：:]?(?:20\d{2}年度?)?")


def stated_totals(paragraphs: Iterable[Paragraph], department: str | None) -> tuple[StatedAmount, ...]:
    """Every total of :data:`LABELS` the ``paragraphs`` state, in order."""
    found: list[StatedAmount] = []
    for paragraph in paragraphs:
        for mention in scan_once(paragraph):
            if not mention.figure.is_money or mention.budget is not None:
                continue
            printed = _CLAUSE_END.split(re.sub(r"\s", "", mention.raw_label))[-1]
            clause = _OPENING.sub("", printed)
            for prefix in (department or "", "本部门", "本单位", "部门", "单位"):
                if prefix and clause.startswith(prefix):
                    clause = clause[len(prefix) :]
                    break
            else:
                clause = _ORGANISATION.sub("", clause)
            key = next((k for k, pattern in LABELS if pattern.fullmatch(clause)), None)
            if key is not None:
                found.append(replace(stated(mention, key), label=re.sub(r"(?:为|是|共计?)$", "", printed)))
    return tuple(found)


def year_on_year(paragraphs: Iterable[Paragraph], taken: set[Source]) -> tuple[StatedAmount, ...]:
    """Every money amount stated with its change and rate, but those at ``taken`` (already read
    by a section), so that RATE-002 and WORD-001 judge each once."""
    return _other_amounts(paragraphs, taken, _has_rate_of_change, "change")


def budget_rates(paragraphs: Iterable[Paragraph], taken: set[Source]) -> tuple[StatedAmount, ...]:
    """Every money amount compared with its budget and a rate ("年初预算为54.53万元，支出决算为54.53
    万元，完成年初预算的100.00%"), but those at ``taken``, so that RATE-003 judges each once."""
    return _other_amounts(paragraphs, taken, _has_budget_rate, "budget")


def _has_rate_of_change(mention: Mention) -> bool:
    change = mention.change
    return change is not None and change.amount is not None and change.rate is not None


def _has_budget_rate(mention: Mention) -> bool:
    budget = mention.budget
    return budget is not None and (budget.variance_rate is not None or budget.completion_rate is not None)


def _other_amounts(
    paragraphs: Iterable[Paragraph], taken: set[Source], wanted: Callable[[Mention], bool], prefix: str
) -> tuple[StatedAmount, ...]:
    found: list[StatedAmount] = []
    for paragraph in paragraphs:
        for mention in scan_once(paragraph):
            if not mention.figure.is_money or not wanted(mention):
                continue
            if mention.figure.source not in taken and not mention.after_marker:
                # a part of a list ("其中：…其他收入100.00万元，较上年增加…") may carry its head's change
                found.append(stated(mention, f"{prefix}:{mention.label}"))
    return tuple(found)


#: A figure followed by the parts it holds in brackets: "8013平方米（其中计容面积7998平方米，…）".
_FIGURE = r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元|平方米|㎡|人|辆|个)"
_BRACKETED_RE = re.compile(_FIGURE + r"\s*[（(]其中[:：，,]?([^（）()]{3,80})[）)]")


def bracketed_parts(paragraphs: Iterable[Paragraph]) -> tuple[tuple[Figure, tuple[Figure, ...]], ...]:
    """Every figure with the parts of the same unit it lists in brackets after 其中."""
    found: list[tuple[Figure, tuple[Figure, ...]]] = []
    for paragraph in paragraphs:
        for match in _BRACKETED_RE.finditer(paragraph.text):
            unit, offset = match.group(2), match.start(3)
            parts = tuple(
                figure_at(paragraph, offset + part.start(), offset + part.end(), part.group(1), unit)
                for part in re.finditer(_FIGURE, match.group(3))
                if part.group(2) == unit
            )
            if parts:
                found.append((figure_at(paragraph, match.start(), match.end(), match.group(1), unit), parts))
    return tuple(found)
