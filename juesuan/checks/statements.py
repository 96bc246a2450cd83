"""Checks inside each statement: columns, code hierarchy, two-sided totals, balances, empty tables.

A statement that does not reconcile with itself was probably read wrong; READ-001 says so
and the identity rules then report "could not check" for it instead of errors.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.classification import STANDARD_KEYS
from juesuan.checks.identity import Identity
from juesuan.checks.memo import PerObject
from juesuan.checks.registry import Checked, CouldNotCheck, NotApplicable, Violation, Yield, rule
from juesuan.checks.statement_identities import all_identities, trusted
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.statements import Statement
from juesuan.settings import Settings
from juesuan.source import Source

SECTION = "决算报表"


def statement_name(disclosure: Disclosure) -> str:
    """The Chinese name of the statements part for grouping (预算/决算)."""
    return "预算报表" if disclosure.kind == "budget" else SECTION


#: The statements whose columns are always sums of each other: the standard ones and 三公.
READ_KEYS = STANDARD_KEYS | {"three_public"}


def _family(disclosure: Disclosure, settings: Settings, family: str) -> Iterator[Yield]:
    found = False
    for statement in disclosure.statements:
        identities = [i for i in all_identities(statement, settings) if i.family == family]
        if not identities:
            continue
        found = True
        if not trusted(statement, settings):
            yield CouldNotCheck(f"《{statement.title}》读取后未能自洽，未据此判断（见 READ-001）")
            continue
        # Levels told by names: a line the catalogue misplaces breaks two sums that share the
        # 款's figure, just as a wrong 款 figure does; only a lone failure is the document's.
        doubtful = sum(1 for i in identities if i.inferred and not i.holds) > 1
        for identity in identities:
            if identity.inferred and doubtful:
                yield CouldNotCheck(f"《{statement.title}》按科目名称推断的层级不自洽，未据此判断")
            else:
                yield _judge(identity, disclosure, settings)
    if not found:
        yield NotApplicable("没有可检查的报表")


def _judge(identity: Identity, disclosure: Disclosure, settings: Settings) -> Yield:
    if identity.exact:
        return Checked()
    difference = identity.difference
    return Violation(
        source=identity.stated.source,
        evidence=tuple(p.source for p in identity.parts[:8]),
        values={
            "title": identity.statement.title,
            "label": identity.label,
            "stated": identity.stated.value,
            "computed": identity.computed,
            "difference": abs(difference),
            "direction": "多" if difference > 0 else "少",
            "unit": identity.statement.unit,
        },
        severity=_severity(identity, settings),
        section=statement_name(disclosure),
    )


def _severity(identity: Identity, settings: Settings) -> Severity | None:
    """Rounding gaps are hints, but for the total a statement with nothing to round gets wrong;
    a total left blank while its parts are filled is an omission (a warning), not a contradiction."""
    if identity.holds and identity.stated.source not in _misprinted(identity.statement, settings):
        return Severity.INFO
    if not identity.stated.source.text.strip():
        return Severity.WARNING
    return None


def _places(identity: Identity) -> set[Source]:
    return {identity.stated.source} | {part.source for part in identity.parts}


#: An integer-元 statement with this many identities exact has no rounding; the few cells all of
#: whose other sums are off by a yuan or two are misprints.
EXACT_TABLE_IDENTITIES = 8
#: At most this many such cells (one figure printed in the 合计 and the 财政拨款 column).
WRONG_CELLS = 3

_wrong_cells: PerObject[Statement, frozenset[Source]] = PerObject(64)


def _misprinted(statement: Statement, settings: Settings) -> frozenset[Source]:
    """The cells whose sums are off by rounding in a statement that otherwise adds up exactly.

    Whole 元 are what the ledger records (DOMAIN.md §2.4): a statement printed in whole 元 has
    nothing to round unless its cents were dropped, which would put small gaps all over it. When
    every sum is exact but the few through one or two cells (万里街道's 21201 printed 94,995,790
    where its items add up to 94,995,789, and class 212 with it), those cells are wrong: each is
    in two or more of the failing sums, and every failing sum goes through one of them.
    """
    return _wrong_cells.get(statement, lambda: _shared_cells(statement, settings))


def _shared_cells(statement: Statement, settings: Settings) -> frozenset[Source]:
    figures = [f for row in statement.rows for _, f in row.values if not f.blank]
    if statement.unit != "元" or not figures or any(f.decimals != 0 for f in figures):
        return frozenset()
    identities = [i for i in all_identities(statement, settings) if i.family != "balance" and not i.inferred]
    inexact = [i for i in identities if not i.exact]
    if (
        not inexact
        or len(identities) - len(inexact) < EXACT_TABLE_IDENTITIES
        or not all(i.holds for i in inexact)
    ):
        return frozenset()
    seen = Counter(place for i in inexact for place in _places(i))
    shared = frozenset(place for place, count in seen.items() if count >= 2)
    if len(shared) <= WRONG_CELLS and all(_places(i) & shared for i in inexact):
        return shared
    return frozenset()


TEMPLATE = "《{title}》{label}：表中为{stated}{unit}，计算得{computed}{unit}，相差{difference}{unit}（表中{direction}）"


@rule(
    id="STMT-001",
    severity=Severity.ERROR,
    title="报表各列之间不平衡",
    template=TEMPLATE,
    tags=("statements", "arithmetic"),
    doc=(
        "报表每一行的合计列应等于其组成列之和，例如支出决算表“本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + "
        "经营支出 + 对附属单位补助支出”，收入决算表“本年收入合计 = 财政拨款收入 + 上级补助收入 + …”，"
        "“三公”经费表“合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费”、“公务用车购置及运行费 = 购置费 + 运行费”。"
        "组成由表头推断；表头中有无法识别的列时不检查；“其中：基本支出、项目支出”两列合起来即为合计。"
        "同一组列按“上年、当年、增减变化情况”（或“2020年、2021年、增减变化情况”）重复印出时，每组各自检查，"
        "且增减 = 当年 − 上年；按单位每年一行（2025年、2026年、增减变化金额）印出时，增减行 = 后一年 − 前一年。各项再按资金性质（一般公共预算、政府性基金预算…）分列时，每种资金各自检查。"
        "容差按舍入推算（见ARITH-001）；以整元印出、其余各和（至少8个）都精确相符的表没有舍入：一两元之差全都经过的一两个单元格是印错了，以其为合计的等式记为错误。"
    ),
)
def check_statement_columns(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Each row's total columns equal the sum of their component columns."""
    unread = [(s, why) for s in disclosure.statements if s.key in READ_KEYS and (why := _unread_header(s))]
    for statement, why in unread:
        yield CouldNotCheck(f"《{statement.title}》的表头未能读懂（{why}），未检查各列之和")
    checked = list(_family(disclosure, settings, "columns"))
    if unread and all(isinstance(y, NotApplicable) for y in checked):
        return
    yield from checked


def _unread_header(statement: Statement) -> str:
    """Why the column sums of ``statement`` cannot be formed, or "" when they can (or need not)."""
    if not statement.rows or len(statement.columns) < 2:
        return ""
    seen: dict[tuple[str, str], int] = {}
    for column in statement.columns:
        seen[(column.side, column.id)] = seen.get((column.side, column.id), 0) + 1
    repeated = sorted({column_id for (_, column_id), count in seen.items() if count > 1})
    if repeated == ["total"] and {c.id for c in statement.columns} == {"total"}:
        return ""  # blocks side by side, one amount each (上海's 基本支出决算表): no columns to sum
    if repeated:
        return f"多列读成同一含义：{'、'.join(repeated)}"
    unknown = ["/".join(c.header) for c in statement.columns if c.id.startswith("unknown")]
    if unknown:
        return f"不认识的列：{'、'.join(unknown[:3])}"
    return ""


@rule(
    id="STMT-002",
    severity=Severity.ERROR,
    title="报表上下级科目不平衡",
    template=TEMPLATE,
    tags=("statements", "arithmetic", "classification"),
    doc=(
        "按科目编码：合计 = Σ类，类 = Σ其下款，款 = Σ其下项（功能分类3/5/7位，经济分类3/5位）；"
        "只印款或项、不印上级科目的表，合计 = 各行之和；类、款栏留空的分栏编码取上一行的类、款。"
        "只印科目名称不印编码的表（深圳、湖州的收支总表），按功能分类目录的类、款名称推断层级："
        "其中只有一个等式不成立时才报告；多个不成立可能是目录未收的新款被当作项，记为无法检查。"
        "基本支出表中人员经费合计 = 301 + 303，公用经费合计 = 其余各类。"
        "“小计”分组、明细列在第二名称栏的表（江苏收入预算总表），小计 = 其下明细，总计 = 各组小计。"
        "“三公”经费表竖排（每项一行）时，合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费，"
        "公务用车购置及运行费 = 购置费 + 运行费；另列会议费、培训费等行时不检查合计。"
        "按预算单位分行、单位编码每级三位的表（西安：114 部门，114001、114002 其下单位），部门 = 其下单位之和，"
        "合计 = 各部门之和。"
        "每个数值列分别检查，容差按舍入推算；以整元印出、其余各和（至少8个）都精确相符的表没有舍入：一两元之差全都经过的一两个单元格是印错了，以其为合计的等式记为错误。"
    ),
)
def check_statement_hierarchy(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """合计 = Σ 类 = Σ 款 = Σ 项 within each statement."""
    yield from _family(disclosure, settings, "hierarchy")


@rule(
    id="STMT-003",
    severity=Severity.ERROR,
    title="收支总表不平衡",
    template=TEMPLATE,
    tags=("statements", "arithmetic"),
    doc=(
        "收支总表与财政拨款收支总表：本年收入合计 = 各收入项之和（一、二、三…），本年支出合计 = 各功能类支出之和，"
        "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余，支出总计 = 本年支出合计 + 结余分配 + "
        "年末结转和结余，收入总计 = 支出总计（DOMAIN.md I1–I3、I6）。没有本年合计行时，总计 = 依次编号的各项"
        "（一、二、三…，编号重复或夹有其他行时不检查），只印一个“合计”行的（无论在各项之前或之后）同样处理；"
        "“当年收入小计”“当年支出小计”与本年合计同义。某项下列有从（一）、1.或(1)起连续编号的全部子项时，该项 = 子项之和；"
        "编号可多级嵌套（一、部门预算 / 1、财政拨款 / (1)一般公共预算拨款），“其中”行不计入，夹有不编号的行时不检查；"
        "不编号的一般公共预算、政府性基金、国有资本经营三行依次列在某项下时，视同该项的子项。"
        "支出分功能分类与支出用途两栏并列时，两栏各自检查。"
    ),
)
def check_statement_summary(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Two-sided statements add up and balance."""
    yield from _family(disclosure, settings, "summary")


@rule(
    id="STMT-004",
    severity=Severity.WARNING,
    title="结转结余不衔接",
    template=TEMPLATE,
    tags=("statements", "arithmetic"),
    doc=(
        "政府性基金、国有资本经营预算表中：年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余。"
        "结转结余调整、归集上缴等可使其合理不等，故只记为警告（DOMAIN.md I7、I12）。"
    ),
)
def check_statement_balances(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Carry-over at the start plus income minus expenditure is the carry-over at the end."""
    found = False
    for statement in disclosure.statements:
        for identity in all_identities(statement, settings):
            if identity.family == "balance":
                found = True
                yield _judge(identity, disclosure, settings)
    if not found:
        yield NotApplicable("没有列示结转结余的基金/国资报表")


@rule(
    id="READ-001",
    severity=Severity.WARNING,
    title="报表读取未能自洽",
    template="《{title}》读取后有{failed}处不平衡（共{total}处），可能是表格读取有误，该表的平衡检查未作判断；首处：{first}",
    tags=("statements", "reading"),
    doc=(
        "juesuan 在信任一张表之前先检查它自身是否平衡。多处不平衡通常意味着列错位、行丢失或跨页续表未能接上，"
        "这是读取问题而不是文档的错误：报告此警告，并把该表的平衡检查记为“无法检查”。请用 juesuan debug 查看该页。"
    ),
)
def check_statement_reading(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Statements whose own totals do not reconcile are flagged as reading problems."""
    if not disclosure.statements:
        yield NotApplicable("文档中没有读到报表")
        return
    for statement in disclosure.statements:
        identities = [i for i in all_identities(statement, settings) if i.family != "balance"]
        if trusted(statement, settings):
            yield Checked()
            continue
        failed = [i for i in identities if not i.holds]
        yield Violation(
            source=statement.source,
            evidence=tuple(i.stated.source for i in failed[1:6]),
            values={
                "title": statement.title,
                "failed": str(len(failed)),
                "total": str(len(identities)),
                "first": failed[0].label,
            },
            section=statement_name(disclosure),
        )


#: What the text names when it says a statement has nothing ("本单位无政府性基金预算支出").
SUBJECTS = {"government_fund": "政府性基金", "state_capital": "国有资本经营", "three_public": "三公"}
NIL_RE = re.compile(r"(?:无|没有|未(?:安排|发生)|不涉及)")


def _said_to_be_nil(disclosure: Disclosure, statement: Statement) -> bool:
    """Whether a paragraph says the statement's subject is nil (the explanation in the narrative)."""
    subject = SUBJECTS.get(statement.key)
    if subject is None:
        return False
    for passage in disclosure.passages:  # "…预算为0" is a figure, not the explanation an inspector asks for
        at = passage.text.find(subject)
        if at >= 0 and NIL_RE.search(passage.text[max(0, at - 12) : at + len(subject) + 12]):
            return True
    return False


def _unread(statement: Statement) -> bool:
    """Whether the cells were not read as numbers rather than printed blank: 上海's "125360,898"
    falls apart into a name ",000" and rows without a single value."""
    valueless = sum(1 for row in statement.rows if not row.values)
    return any("不是数字" in note for note in statement.notes) or valueless * 2 > len(statement.rows)


#: Tables that hold no money of their own: an indicator table is never an empty statement.
_NOT_MONEY = ("performance_targets", "other")


@rule(
    id="STMT-005",
    severity=Severity.WARNING,
    title="空表未作说明",
    template="《{title}》没有数据，但表下和说明中都没有“本表为空表”一类的说明",
    tags=("statements", "completeness"),
    doc="没有数据的表格应当列出空表并说明原因（财政预决算领域基层政务公开标准目录；DOMAIN.md §1.1、X8）。",
)
def check_empty_statements(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """An empty statement carries its explanation."""
    explained = {note.statement for note in disclosure.narrative.empty_statements}
    found = False
    for statement in disclosure.statements:
        if not statement.is_empty or statement.key in _NOT_MONEY or _unread(statement):
            continue
        found = True
        if statement.empty_note or statement.key in explained or _said_to_be_nil(disclosure, statement):
            yield Checked()
        else:
            yield Violation(statement.source, {"title": statement.title}, section=statement_name(disclosure))
    if not found:
        yield NotApplicable("没有空表")


#: What an empty fund statement's note must name, and the other fund's word.
_FUND_WORDS = {key: SUBJECTS[key] for key in ("government_fund", "state_capital")}


@rule(
    id="STMT-007",
    severity=Severity.WARNING,
    title="空表说明与表名不符",
    template="《{title}》的空表说明写“{note}”，说的是{other}预算，不是本表的{own}预算",
    tags=("statements", "completeness"),
    doc="空表下的说明应说本表：国有资本经营预算支出表下写“本部门无政府性基金预算…”，是从另一张表照抄的。",
)
def check_empty_notes(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """An empty fund statement's note speaks of that fund."""
    found = False
    for statement in disclosure.statements:
        own = _FUND_WORDS.get(statement.key or "")
        if own is None or not statement.is_empty or not statement.empty_note:
            continue
        found = True
        note = statement.empty_note
        others = [word for key, word in _FUND_WORDS.items() if key != statement.key and word in note]
        if own in note or not others:
            yield Checked()
            continue
        values: dict[str, Decimal | str] = {
            "title": statement.title,
            "note": note,
            "other": others[0],
            "own": own,
        }
        yield Violation(statement.source, values, section=statement_name(disclosure))
    if not found:
        yield NotApplicable("没有带说明的空表")
