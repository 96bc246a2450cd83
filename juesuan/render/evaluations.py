"""A 项目支出绩效自评表 laid out as the central template (财预〔2020〕10号) and the seed print it.

The execution rate, its score (10 × min(rate, 100%), DOMAIN.md §3.2) and the total are
computed from the funds and the indicator scores; the officer gives everything else.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan.model.input import FundsInput, IndicatorInput, SelfEvaluationInput
from juesuan.render import numbers
from juesuan.render.document import CONTINUED, Cell, Table

COLUMNS = 9
WEIGHT = Decimal(10)
INDICATOR_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
#: The second-level indicators every table lists, printed empty when none is filled in.
PLACEHOLDERS = (("效益指标", ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")),)


def execution(funds: FundsInput) -> tuple[Decimal | None, Decimal]:
    """The execution rate (%) and its score; a zero budget gives no rate and the full score."""
    rate = numbers.rate(funds.executed, funds.adjusted)
    if rate is None:
        return None, WEIGHT
    score = (WEIGHT * min(rate, numbers.HUNDRED) / numbers.HUNDRED).quantize(numbers.CENT)
    return rate, score


def total_score(evaluation: SelfEvaluationInput) -> tuple[Decimal, Decimal]:
    """The total weight and score (execution included)."""
    _, score = execution(evaluation.total)
    weights = WEIGHT + sum((i.weight for i in evaluation.indicators), Decimal(0))
    scores = score + sum((i.score for i in evaluation.indicators), Decimal(0))
    return weights, scores


def _funds_rows(evaluation: SelfEvaluationInput) -> list[tuple[Cell, ...]]:
    rate, score = execution(evaluation.total)
    header = (
        Cell("项目资金\n（万元）", rowspan=5, header=True),
        Cell("", colspan=2, header=True),
        *(Cell(t, header=True) for t in ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")),
    )
    rows: list[tuple[Cell, ...]] = [header]
    labels = ("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金")
    sources = (evaluation.total, evaluation.current, evaluation.carryover, evaluation.other)
    for index, (label, funds) in enumerate(zip(labels, sources, strict=True)):
        money = tuple(
            Cell(numbers.money(v), numeric=True) for v in (funds.initial, funds.adjusted, funds.executed)
        )
        if index == 0:
            rate_text = numbers.percent(rate) if rate is not None else "—"
            tail = (
                Cell(numbers.score(WEIGHT), numeric=True),
                Cell(rate_text, numeric=True),
                Cell(numbers.score(score), numeric=True),
            )
        else:
            tail = (Cell("—"), Cell("—"), Cell("—"))
        rows.append((CONTINUED, Cell(label, colspan=2), *money, *tail))
    return rows


def _indicator_rows(indicators: tuple[IndicatorInput, ...], placeholders: bool) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    ordered = _with_placeholders(indicators) if placeholders else list(indicators)
    previous_level1 = ""
    for index, item in enumerate(ordered):
        lead = Cell("年度绩效指标完成情况", rowspan=len(ordered), header=True) if index == 0 else CONTINUED
        level1 = Cell(item.level1 if item.level1 != previous_level1 else "")
        previous_level1 = item.level1
        values: tuple[Cell, ...]
        if item.name:
            values = (
                Cell(item.name),
                Cell(item.target),
                Cell(item.actual),
                Cell(numbers.score(item.weight), numeric=True),
                Cell(numbers.score(item.score), numeric=True),
                Cell(item.note),
            )
        else:
            values = tuple(Cell("") for _ in range(6))
        rows.append((lead, level1, Cell(item.level2), *values))
    return rows


def _with_placeholders(indicators: tuple[IndicatorInput, ...]) -> list[IndicatorInput]:
    """The indicators, with an empty row for each 效益 sub-level nobody filled in."""
    result = list(indicators)
    for level1, level2s in PLACEHOLDERS:
        present = {i.level2 for i in indicators if i.level1 == level1}
        if not present:
            continue
        for level2 in level2s:
            if level2 not in present:
                position = _position(result, level1, level2, level2s)
                result.insert(position, IndicatorInput(level1, level2, "", "", "", Decimal(0), Decimal(0)))
    return result


def _position(rows: list[IndicatorInput], level1: str, level2: str, order: tuple[str, ...]) -> int:
    rank = order.index(level2)
    for index, row in enumerate(rows):
        if row.level1 == level1 and row.level2 in order and order.index(row.level2) > rank:
            return index
    last = max(i for i, row in enumerate(rows) if row.level1 == level1)
    return last + 1


def table(evaluation: SelfEvaluationInput, year: int, placeholders: bool = True) -> Table:
    """The self-evaluation table of one project."""
    weights, scores = total_score(evaluation)
    rows: list[tuple[Cell, ...]] = [
        (Cell("项目支出绩效自评表", colspan=COLUMNS, header=True),),
        (Cell(f"({year}年度)", colspan=COLUMNS),),
        (Cell("项目名称", header=True), Cell(evaluation.name, colspan=8)),
        (
            Cell("主管部门", header=True),
            Cell(evaluation.department, colspan=4),
            Cell("实施单位", header=True),
            Cell(evaluation.implementer, colspan=3),
        ),
        *_funds_rows(evaluation),
        (
            Cell("年度总体目标", rowspan=2, header=True),
            Cell("预期目标", colspan=4, header=True),
            Cell("实际完成情况", colspan=4, header=True),
        ),
        (CONTINUED, Cell(evaluation.expected_goal, colspan=4), Cell(evaluation.achieved_goal, colspan=4)),
        (
            Cell("", header=True),
            *(Cell(t, header=True) for t in INDICATOR_HEADER),
            Cell("偏差原因分析及改进措施", header=True),
        ),
        *_indicator_rows(evaluation.indicators, placeholders),
        (
            Cell("总分", colspan=6, header=True),
            Cell(numbers.score(weights), numeric=True),
            Cell(numbers.score(scores), numeric=True),
            Cell(""),
        ),
    ]
    for role, name, phone in evaluation.persons:
        rows.append(
            (
                Cell(f"{role}：", header=True),
                Cell(name, colspan=3),
                Cell("联系电话："),
                Cell(phone, colspan=4),
            )
        )
    return Table(
        kind="evaluation", rows=tuple(rows), columns=COLUMNS, widths=(10, 10, 12, 20, 12, 12, 9, 10, 13)
    )
