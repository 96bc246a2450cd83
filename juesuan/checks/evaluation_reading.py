"""Whether a self-evaluation table was read well enough to judge the department's scoring.

A table rebuilt from a PDF is trusted when it has indicators, its weights add up to its stated
total weight and its scores to its stated total score. A row lost in merged cells breaks one
of the two sums, and so does a real mistake in the table: from a PDF the two cannot be told
apart, so such a table gets a reading warning (READ-002, which names the sums) instead of
errors. Tables from text, DOCX, XLSX and HTML are read cell for cell and always judged.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.registry import Checked, NotApplicable, Violation, Yield, rule
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.performance import Indicator, SelfEvaluation
from juesuan.settings import Settings

MAX_EXECUTION_RATE = Decimal(300)


def _sum(values: list[Decimal | None]) -> Decimal | None:
    if not values or any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


def problems(evaluation: SelfEvaluation) -> list[str]:
    """Why the reading of ``evaluation`` cannot be trusted (empty when it can)."""
    found: list[str] = []
    if not evaluation.indicators:
        found.append("未读到任何绩效指标")
        return found
    total = evaluation.funds_row("total")
    rate = total.execution_rate if total is not None else None
    if rate is not None and not Decimal(0) <= rate.value <= MAX_EXECUTION_RATE:
        found.append(f"执行率读为{rate.value}%")
    execution_weight = total.weight.value if total is not None and total.weight is not None else None
    execution_score = total.score.value if total is not None and total.score is not None else None
    weights = _sum([execution_weight, *(i.weight.value if i.weight else None for i in evaluation.indicators)])
    scores = _sum([execution_score, *(i.score.value if i.score else None for i in evaluation.indicators)])
    weights_fit = (
        weights is not None
        and evaluation.total_weight is not None
        and weights == evaluation.total_weight.value
    )
    scores_fit = (
        scores is not None
        and evaluation.total_score is not None
        and abs(scores - evaluation.total_score.value) <= Decimal("0.5")
    )
    if not weights_fit:
        found.append(f"分值之和{weights if weights is not None else '无法读出'}与总分行的分值不符")
    if not scores_fit:
        found.append(f"得分之和{scores if scores is not None else '无法读出'}与总分不符")
    return found


#: Readers whose grids come cell for cell from the file (a PDF grid is rebuilt from positions).
EXACT_FORMATS = frozenset({"text", "docx", "xlsx", "html"})


def readable(evaluation: SelfEvaluation, disclosure: Disclosure) -> bool:
    """Whether the reading is certain (an exact format) or the table's own totals reconcile."""
    return disclosure.source_format in EXACT_FORMATS or not problems(evaluation)


@rule(
    id="READ-002",
    severity=Severity.WARNING,
    title="绩效自评表读取未能自洽",
    template="《{name}》读取后未能自洽（{why}），可能是表格读取有误，该表的评分检查未作判断",
    tags=("performance", "reading"),
    doc=(
        "在评判自评表的打分之前，先看表格本身能否对上：分值之和等于总分行的分值，得分之和等于总分。"
        "从PDF重建的表格对不上时，可能是合并单元格或列错位造成的读取问题，也可能是表格本身的错误，无法区分："
        "报告此警告（写明两个和），并跳过该表的PERF检查。"
        "只对PDF检查：文本、DOCX、XLSX、HTML中的表格是逐格读出的，读取是确定的。"
    ),
)
def check_evaluation_reading(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Self-evaluation tables whose own totals do not reconcile are flagged as reading problems."""
    if not disclosure.self_evaluations:
        yield NotApplicable("文档中没有绩效自评表")
        return
    for evaluation in disclosure.self_evaluations:
        why = [] if disclosure.source_format in EXACT_FORMATS else problems(evaluation)
        if not why:
            yield Checked()
        else:
            yield Violation(
                evaluation.source,
                {"name": evaluation.name or evaluation.title, "why": "；".join(why)},
                section="项目支出绩效自评表",
            )


def judged(disclosure: Disclosure) -> Iterator[SelfEvaluation]:
    """The self-evaluation tables whose reading can be trusted, for the PERF rules."""
    yield from (evaluation for evaluation in disclosure.self_evaluations if readable(evaluation, disclosure))


def judged_indicators(disclosure: Disclosure) -> Iterator[tuple[SelfEvaluation, Indicator]]:
    """Every indicator of the tables :func:`judged` gives, with its table."""
    for evaluation in judged(disclosure):
        for indicator in evaluation.indicators:
            yield evaluation, indicator


def nothing_to_judge(disclosure: Disclosure) -> Iterator[Yield]:
    """Not applicable when the document has no self-evaluation table."""
    if not disclosure.self_evaluations:
        yield NotApplicable("文档中没有绩效自评表")
