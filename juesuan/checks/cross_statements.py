"""Ties between statements, and between the narrative and the statements.

The same quantity printed in two statements (the summary's 本年支出合计 and the expenditure
statement's 合计; a function class in statements 01, 03 and 05) must be the same figure; the
narrative's figures must be the statements' figures. Only statements that reconcile with
themselves are compared (see READ-001). A gap of one cent is a warning: the two statements
may have rounded from 元 along different paths.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from juesuan.checks.registry import Checked, CouldNotCheck, NotApplicable, Violation, Yield, rule
from juesuan.checks.statement_identities import trusted
from juesuan.checks.tolerance import half_width
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure, StatedAmount, blank_against
from juesuan.model.statements import Statement
from juesuan.model.summary import first_value, in_wan
from juesuan.model.summary_statements import agency_column
from juesuan.settings import Settings

CENT = Decimal("0.01")


def statement_of(disclosure: Disclosure, key: str, settings: Settings) -> Statement | None:
    """The one statement of ``key``, when it is there once and read reliably."""
    found = [s for s in disclosure.statements if s.key == key]
    if len(found) != 1 or not trusted(found[0], settings):
        return None  # absent, ambiguous (two tables of one kind) or not read reliably
    return found[0]


def _name(text: str) -> str:
    return re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]|\s|[（(][类款项][）)]", "", text)


def _rounding(figure: Figure) -> Decimal:
    """How far ``figure`` may lie from its true value, in 万元."""
    width = half_width(figure)
    return width / 10000 if figure.unit == "元" else width


def _compare(
    first: Figure, second: Figure, label: str, first_where: str, second_where: str, section: str
) -> Yield:
    if blank_against(first, second):
        return CouldNotCheck(
            f"{label}在一张表中留空，另一张表为{in_wan(second if first.blank else first)}万元，未作比较"
        )
    a, b = in_wan(first), in_wan(second)
    difference = abs(a - b)
    if difference == 0 or (difference < CENT and difference <= _rounding(first) + _rounding(second)):
        return Checked()  # the same 元 amount printed to fewer digits (480544221.6 for 480544221.62)
    return Violation(
        source=second.source,
        evidence=(first.source,),
        values={
            "label": label,
            "first_where": first_where,
            "first": a,
            "second_where": second_where,
            "second": b,
            "difference": difference,
        },
        severity=Severity.WARNING if difference <= CENT else None,
        section=section,
    )


def _pairs(disclosure: Disclosure, settings: Settings) -> Iterator[tuple[Figure, Figure, str, str, str]]:
    summary = statement_of(disclosure, "summary", settings)
    income = statement_of(disclosure, "income", settings)
    expenditure = statement_of(disclosure, "expenditure", settings)
    general = statement_of(disclosure, "general_budget_expenditure", settings)
    if summary is not None and income is not None:
        yield from _total_tie(summary, income, "income", ("合计", "总计"))
    if summary is not None and expenditure is not None:
        yield from _total_tie(summary, expenditure, "expenditure", ("合计",))
    # Rows by unit (a code printed under each unit): which 205 is meant, no code alone can say.
    expenditure = expenditure if expenditure is not None and not expenditure.codes_repeat else None
    general = general if general is not None and not general.codes_repeat else None
    if summary is not None and expenditure is not None:
        classes = {_name(r.name): r for r in expenditure.rows if r.code and len(r.code) == 3}
        for row in summary.rows:
            if row.side == "expenditure" and re.match(r"^[一二三四五六七八九十]+、", row.name):
                other = classes.get(_name(row.name))
                a, b = first_value(row, "total"), first_value(other, "total")
                if a is not None and b is not None and (a.value or b.value):
                    yield a, b, _name(row.name), summary.title, expenditure.title
    if expenditure is not None and general is not None:
        for row in general.rows:
            if row.code and len(row.code) == 3:
                other = expenditure.row_with_code(row.code)
                a, b = first_value(row, "total"), first_value(other, "total")
                if a is not None and b is not None and a.value > b.value:
                    yield (
                        b,
                        a,
                        f"{row.code}{_name(row.name)}（一般公共预算财政拨款不应超过全部支出）",
                        expenditure.title,
                        general.title,
                    )


def summary_total(summary: Statement | None, pattern: str, side: str) -> Figure | None:
    """The total of the summary's first row on ``side`` whose name matches ``pattern``."""
    if summary is None:
        return None
    row = next((r for r in summary.rows if r.side == side and re.search(pattern, r.name)), None)
    return first_value(row, "total")


def _total_tie(
    summary: Statement, statement: Statement, side: str, total_names: tuple[str, ...]
) -> Iterator[tuple[Figure, Figure, str, str, str]]:
    """The summary's current-year total against the income or expenditure statement's 合计.
    A statement with a carry-over column (西安's 支出总表 by source: 上年结转) totals the side's
    总计, carry-overs included, not the current year's."""
    carried = any(c.id.startswith("carryover") for c in statement.columns)
    word = "收入" if side == "income" else "支出"
    current, overall = f"本年{word}合计", f"{word}总计"
    total = first_value(next((r for r in statement.rows if r.name in total_names), None), "total")
    order = [(overall, "总计"), (current, current)] if carried else [(current, current), (overall, "总计")]
    found = [
        (label, f) for label, pattern in order if (f := summary_total(summary, pattern, side)) is not None
    ]
    if total is None or not found:
        return
    # A statement's 合计 may or may not count the carry-overs (西安: 支出总计 adds 结转下年 and 未安排
    # 支出的实户资金 to 本年支出合计): agreeing with either total is agreeing.
    label, figure = next(((lb, f) for lb, f in found if in_wan(f) == in_wan(total)), found[0])
    yield figure, total, label, summary.title, statement.title


@rule(
    id="XTAB-001",
    severity=Severity.ERROR,
    title="报表之间数字不一致",
    template="{label}：《{first_where}》为{first}万元，《{second_where}》为{second}万元，相差{difference}万元",
    tags=("statements", "tie"),
    doc=(
        "同一数字在不同报表中应相同：收支总表的本年收入合计、本年支出合计应等于收入决算表、支出决算表的合计"
        "（收入表、支出表另列上年结转一栏时，其合计对照收入总计、支出总计）；"
        "收支总表的各功能类支出应等于支出决算表同名类的合计；一般公共预算财政拨款支出表的类不应大于支出决算表同一类"
        "（财政拨款是全部支出的一部分）。相差0.01万元多为两表从元换算时舍入路径不同，记为警告；更大的差额为错误。"
        "以元列示、小数位数不同的同一数字（480544221.6与480544221.62）在舍入范围内视为一致。只比较各自平衡的表（见READ-001）。"
    ),
)
def check_statement_ties(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The same figure in two statements is the same."""
    found = False
    cents: dict[tuple[str, str], list[Violation]] = {}
    for first, second, label, first_where, second_where in _pairs(disclosure, settings):
        found = True
        if "不应超过" in label:
            yield Violation(
                second.source,
                {
                    "label": label,
                    "first_where": first_where,
                    "first": in_wan(first),
                    "second_where": second_where,
                    "second": in_wan(second),
                    "difference": abs(in_wan(first) - in_wan(second)),
                },
                (first.source,),
                None if abs(in_wan(first) - in_wan(second)) > CENT else Severity.WARNING,
                "报表之间",
            )
            continue
        verdict = _compare(first, second, label, first_where, second_where, "报表之间")
        if isinstance(verdict, Violation) and verdict.severity is Severity.WARNING:
            cents.setdefault((first_where, second_where), []).append(verdict)
        else:
            yield verdict
    yield from (group[0] if len(group) == 1 else _cent_gaps(group) for group in cents.values())
    if not found:
        yield NotApplicable("没有可相互对照的报表")


def _cent_gaps(group: list[Violation]) -> Violation:
    """Several one-cent gaps between the same two statements: one fact, the two tables rounded
    from 元 by different paths (上海: 卫生健康支出 236.63/236.64, 城乡社区支出 3845.25/3845.24)."""
    first = group[0]
    items = "、".join(f"{v.values['label']}{v.values['first']}/{v.values['second']}" for v in group)
    return Violation(
        first.source,
        {**first.values, "label": f"{first.values['label']}等{len(group)}项（{items}）"},
        tuple(dict.fromkeys(s for v in group for s in (*v.evidence, v.source) if s != first.source)),
        Severity.WARNING,
        first.section,
    )


def _narrative_pairs(
    disclosure: Disclosure, settings: Settings
) -> Iterator[tuple[StatedAmount, Figure, str]]:
    narrative = disclosure.narrative
    summary = statement_of(disclosure, "summary", settings)
    expenditure = statement_of(disclosure, "expenditure", settings)
    general = statement_of(disclosure, "general_budget_expenditure", settings)
    basic = statement_of(disclosure, "basic_expenditure", settings)

    candidates: list[tuple[StatedAmount | None, Figure | None, str]] = [
        (narrative.overview.income_total, summary_total(summary, r"本年收入合计", "income"), "收支总表"),
        (
            narrative.overview.expenditure_total,
            summary_total(summary, r"本年支出合计", "expenditure"),
            "收支总表",
        ),
        (
            narrative.income.total if narrative.income else None,
            summary_total(summary, r"本年收入合计", "income"),
            "收支总表",
        ),
        (
            narrative.expenditure.total if narrative.expenditure else None,
            summary_total(summary, r"本年支出合计", "expenditure"),
            "收支总表",
        ),
    ]
    total_row = next((r for r in expenditure.rows if r.name == "合计"), None) if expenditure else None
    if narrative.expenditure is not None:
        for part in narrative.expenditure.parts:
            column = {"basic_expenditure": "basic", "project_expenditure": "project"}.get(part.key)
            if column:
                candidates.append((part, first_value(total_row, column), "支出决算表"))
    general_total = next((r for r in general.rows if r.name == "合计"), None) if general else None
    if narrative.general_budget_expenditure is not None and general is not None:
        candidates.append(
            (narrative.general_budget_expenditure.total, first_value(general_total, "total"), general.title)
        )
        for part in narrative.general_budget_expenditure.parts:
            if part.code:
                candidates.append(
                    (part, first_value(general.row_with_code(part.code), "total"), general.title)
                )
    if narrative.basic_expenditure.total is not None and general is not None:
        candidates.append(
            (narrative.basic_expenditure.total, first_value(general_total, "basic"), general.title)
        )
    appropriation = statement_of(disclosure, "appropriation_summary", settings)
    grand = narrative.appropriation.grand_total
    if appropriation is not None and grand is not None:
        # 收入支出总计 counts 上年结转: the statement's 总计; a narrative giving the current year's
        # 合计 under that name uses the word loosely, and is not contradicted
        totals = [summary_total(appropriation, pattern, "income") for pattern in (r"总计", r"本年收入合计")]
        known = [f for f in totals if f is not None]
        figure = next((f for f in known if in_wan(f) == in_wan(grand.amount)), known[0] if known else None)
        candidates.append((grand, figure, appropriation.title))
    candidates.extend(_cost_pairs(disclosure, basic, statement_of(disclosure, "three_public", settings)))
    for stated, figure, where in candidates:
        label = re.sub(r"20\d{2}\s*年度?", "", stated.label) if stated is not None else ""
        if stated is None or figure is None or re.search(r"\d", label) or len(label) > 40:
            continue  # nothing to compare, or a label cut out of a sentence no pattern knows
        yield stated, figure, where


def _cost_pairs(
    disclosure: Disclosure, basic: Statement | None, three: Statement | None
) -> list[tuple[StatedAmount | None, Figure | None, str]]:
    """人员经费 and 公用经费 against the basic statement; 机关运行经费 against the column 上海 and
    烟台 print beside the “三公” figures."""
    narrative = disclosure.narrative
    pairs: list[tuple[StatedAmount | None, Figure | None, str]] = []
    if basic is not None:
        for breakdown, pattern in (
            (narrative.basic_expenditure.personnel_costs, r"^人员经费(?:合计)?$"),
            (narrative.basic_expenditure.operating_costs, r"^公用经费(?:合计)?$"),
        ):
            row = next((r for r in basic.rows if re.search(pattern, r.name)), None)
            if breakdown is not None:
                pairs.append((breakdown.total, first_value(row, "total"), basic.title))
    if three is not None:
        pairs.append((narrative.agency_operating_costs, agency_column(three), three.title))
    return pairs


def narrative_against(stated: Figure, figure: Figure, values: dict[str, Decimal | str]) -> Yield:
    """A narrative figure against the statement's: equal to the narrative's printed precision
    (a statement in 元 rounds to it; 877,080 元 cut to "87.70万元", as some of 上海's narratives
    do, is a warning); a gap of one cent is a warning."""
    if blank_against(stated, figure):
        return CouldNotCheck(
            f"报表中{values.get('label', '')}一栏留空，说明中为{in_wan(stated)}万元，未作比较"
        )
    narrative_value = in_wan(stated)
    table_value = in_wan(figure)
    step = Decimal(1).scaleb(-stated.decimals) if stated.unit == "万元" else CENT
    difference = abs(narrative_value - table_value)
    if figure.unit == "元":  # shown as the narrative would print it: 6,964,796元 is 696.48万元
        rounded = table_value.quantize(step, ROUND_HALF_UP)
        if rounded == narrative_value:
            return Checked()
        if Decimal(0) <= table_value - narrative_value < step:
            # cut instead of rounded (877,080元 printed "87.70万元"): a slip an inspector marks
            values = {
                **values,
                "stated": narrative_value,
                "table": rounded,
                "difference": rounded - narrative_value,
            }
            return Violation(stated.source, values, (figure.source,), Severity.WARNING, "说明与报表")
        table_value, difference = rounded, abs(narrative_value - rounded)
    elif difference == 0 or (difference <= step / 2 and step > CENT):
        return Checked()
    return Violation(
        source=stated.source,
        evidence=(figure.source,),
        values={**values, "stated": narrative_value, "table": table_value, "difference": difference},
        severity=Severity.WARNING if difference <= CENT else None,
        section="说明与报表",
    )


@rule(
    id="NARR-001",
    severity=Severity.ERROR,
    title="说明中的数字与报表不符",
    template="说明中{label}为{stated}万元，《{where}》中为{table}万元，相差{difference}万元",
    tags=("narrative", "statements", "tie"),
    doc=(
        "情况说明引用的数字应与报表一致：本年收入合计、本年支出合计（收支总表），基本支出、项目支出（支出决算表），"
        "一般公共预算财政拨款支出及其各功能科目、基本支出（一般公共预算财政拨款支出表），人员经费、公用经费（基本支出表），"
        "机关运行经费（“三公”经费表旁列出时），财政拨款收入支出总计（财政拨款收支总表的总计，与本年合计相符也视为一致）。"
        "报表以元为单位时换算为万元并按说明印出的精度四舍五入后比较（截尾而非四舍五入记为警告，如877,080元写作87.70万元）；相差0.01万元记为警告。只与各自平衡的表比较（见READ-001）。"
    ),
)
def check_narrative_against_statements(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Figures the narrative quotes are the statements' figures."""
    found = False
    for stated, figure, where in _narrative_pairs(disclosure, settings):
        found = True
        yield narrative_against(stated.amount, figure, {"label": stated.label, "where": where})
    if not found:
        yield NotApplicable("说明中没有可与报表对照的数字，或没有平衡的报表")
