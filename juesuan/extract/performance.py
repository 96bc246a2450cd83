"""Performance self-evaluation tables (项目支出绩效自评表 / 部门整体支出绩效自评表).

The tables follow the central template (DOMAIN.md §3.1). Rows are recognised by their
labels, and the columns of the funds block and the indicator block by their header rows,
so the same code reads the table whatever the number of merged cells on the left. Several
self-evaluation tables printed back to back in one grid are split at their title rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from juesuan.document import Row, Table
from juesuan.extract.quantities import figure, quantity
from juesuan.model.disclosure import ExtractionNote
from juesuan.model.performance import FundsRow, Indicator, ResponsiblePerson, SelfEvaluation
from juesuan.source import Source

FUNDS_COLUMNS = {
    "年初预算数": "initial_budget",
    "全年预算数": "adjusted_budget",
    "全年执行数": "executed",
    "分值": "weight",
    "执行率": "execution_rate",
    "得分": "score",
}
FUNDS_ROWS = (
    ("年度资金总额", "total"),
    ("金额合计", "total"),
    ("资金总额", "total"),
    ("当年财政拨款", "current_appropriation"),
    ("本年财政拨款", "current_appropriation"),
    ("财政拨款", "current_appropriation"),
    ("上年结转", "carryover"),
    ("其他资金", "other"),
)
INDICATOR_COLUMNS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "name",
    "指标内容": "name",
    "指标名称": "name",
    "年度指标值": "target",
    "指标值": "target",
    "实际完成值": "actual",
    "分值": "weight",
    "得分": "score",
    "偏差原因": "deviation_note",
}
_TITLE_RE = re.compile(r"(项目支出|部门整体支出|整体支出)?绩效自评表")
_YEAR_RE = re.compile(r"(\d{4})\s*年")
#: First-cell labels that open a self-evaluation printed without its title inside the grid
#: (PDF layouts put the title above the ruled table), with the scope they imply.
_OPENING_LABELS = {"项目名称": "project", "部门（单位）名称": "department", "部门名称": "department"}
#: Words of a table that continues a self-evaluation across a page break.
_CONTINUATION_WORDS = ("一级指标", "总分", "总体目标", "二级指标", "偏差原因")
_WEIGHT_SUFFIX = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]$")
_NUMBERING = re.compile(r"^指标\d+[：:]")
_GRADES = ("优", "良", "中", "差")
_LABELS = ("项目名称", "主管部门", "实施单位", "单位名称", "部门名称", "部门（单位）名称", "联系电话")


@dataclass
class _Draft:
    """The self-evaluation being read (mutable while its rows are read)."""

    title: str
    source: Source
    fields: dict[str, object] = field(default_factory=dict)
    funds: list[FundsRow] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    persons: list[ResponsiblePerson] = field(default_factory=list)
    funds_columns: dict[str, int] = field(default_factory=dict)
    indicator_columns: dict[str, int] = field(default_factory=dict)
    expecting_goals: bool = False
    level1: str = ""
    level2: str = ""
    scope: str = ""
    finished: bool = False

    @property
    def useful(self) -> bool:
        """Whether anything of a self-evaluation was read (a stray title alone is not one)."""
        return bool(self.funds or self.indicators or "total_score" in self.fields)

    def build(self) -> SelfEvaluation:
        self.fields.setdefault("name", "")
        scope = self.scope or ("department" if "整体" in self.title else "project")
        return SelfEvaluation(
            scope=scope,
            title=self.title,
            source=self.source,
            funds=tuple(self.funds),
            indicators=tuple(self.indicators),
            persons=tuple(self.persons),
            **self.fields,  # type: ignore[arg-type]
        )


def self_evaluations(tables: tuple[Table, ...]) -> tuple[list[SelfEvaluation], list[ExtractionNote]]:
    """Every self-evaluation table in ``tables``, with notes on rows that could not be read.

    A table split by a page break continues the self-evaluation of the table before it as
    long as that one has no 总分 yet.
    """
    drafts: list[_Draft] = []
    notes: list[ExtractionNote] = []
    carried: _Draft | None = None
    for table in tables:
        if carried is not None and not _continues(table):
            drafts.append(carried)
            carried = None
        for draft in _split(table, notes, carried):
            if draft.finished:
                drafts.append(draft)
                carried = None
            else:
                carried = draft
    if carried is not None:
        drafts.append(carried)
    return [draft.build() for draft in drafts if draft.useful], notes


def _continues(table: Table) -> bool:
    head = "".join("".join(row.texts) for row in table.rows[:4]).replace(" ", "").replace("\n", "")
    return not any(label in head[:12] for label in _OPENING_LABELS) and any(
        word in head for word in _CONTINUATION_WORDS
    )


def _is_self_evaluation(table: Table) -> bool:
    words = "".join("".join(row.texts) for row in table.rows[:12]).replace("\n", "")
    return "得分" in words and ("全年执行数" in words or "实际完成值" in words or "执行率" in words)


def _split(table: Table, notes: list[ExtractionNote], carried: _Draft | None) -> Iterator[_Draft]:
    draft = carried
    untitled = None if carried is not None or not _is_self_evaluation(table) else table
    for row in table.rows:
        texts = [t.replace("\n", "") for t in row.texts if t]
        if len(texts) == 1 and _TITLE_RE.search(texts[0]):
            if draft is not None:
                draft.finished = True
                yield draft
            draft = _Draft(title=texts[0], source=row.source)
            continue
        scope = _opening(texts)
        if (
            scope
            and (draft is None or "name" in draft.fields)
            and (draft is not None or untitled is not None)
        ):
            if draft is not None:
                draft.finished = True
                yield draft
            title = table.caption if _TITLE_RE.search(table.caption) else ""
            default = "项目支出绩效自评表" if scope == "project" else "部门整体支出绩效自评表"
            draft = _Draft(title=title or default, source=row.source, scope=scope)
        if draft is not None:
            _read_row(draft, row, notes)
    if draft is not None:
        yield draft


def _opening(texts: list[str]) -> str:
    first = texts[0].replace(" ", "") if texts else ""
    return next((scope for label, scope in _OPENING_LABELS.items() if first.startswith(label)), "")


def _read_row(draft: _Draft, row: Row, notes: list[ExtractionNote]) -> None:
    texts = [t.replace("\n", "") for t in row.texts]  # lines inside a cell wrap Chinese text
    joined = "".join(texts)
    if draft.expecting_goals:  # the row after 年度总体目标 holds the goals, even when blank
        draft.expecting_goals = False
        values = [t for t in texts if t]
        draft.fields["expected_goal"] = values[0] if values else ""
        draft.fields["achieved_goal"] = values[1] if len(values) > 1 else ""
        return
    if not joined:
        return
    compact = joined.replace(" ", "")
    for keywords, handler in _HANDLERS:
        if (not keywords or any(k in compact for k in keywords)) and handler(draft, row, texts):
            return
    if draft.indicator_columns:
        _indicator(draft, row, texts, notes)


def _year(draft: _Draft, row: Row, texts: list[str]) -> bool:
    values = [t for t in texts if t]
    if len(values) == 1 and re.fullmatch(r"[（(]?\d{4}\s*年度?[）)]?", values[0]):
        draft.fields["year"] = int(_YEAR_RE.search(values[0])[1])  # type: ignore[index]
        return True
    return False


def _value_after(texts: list[str], label: str) -> str:
    for index, text in enumerate(texts):
        if text.replace(" ", "").startswith(label):
            rest = [t for t in texts[index + 1 :] if t]
            if not rest or rest[0].replace(" ", "").rstrip("：:") in _LABELS:
                return ""  # the next cell is the next label: this value was left blank
            return rest[0]
    return ""


def _names(draft: _Draft, row: Row, texts: list[str]) -> bool:
    labels = {
        "项目名称": "name",
        "主管部门": "department",
        "实施单位": "implementer",
        "单位名称": "name",
        "部门（单位）名称": "name",
        "部门名称": "name",
    }
    hit = False
    for label, slot in labels.items():
        if any(t.replace(" ", "").startswith(label) for t in texts):
            draft.fields[slot] = _value_after(texts, label)
            hit = True
    return hit


def _funds_header(draft: _Draft, row: Row, texts: list[str]) -> bool:
    compact = [t.replace(" ", "") for t in texts]
    if not any(t.startswith(("年初预算数", "全年预算数")) for t in compact):
        return False
    columns: dict[str, int] = {}
    for index, text in enumerate(compact):
        for label, slot in FUNDS_COLUMNS.items():
            # "全年预算数（A）", "执行率（B/A）": the label starts the header cell
            if text.startswith(label) and slot not in columns:
                columns[slot] = index
    draft.funds_columns = columns
    return True


def _funds_row(draft: _Draft, row: Row, texts: list[str]) -> bool:
    if not draft.funds_columns or draft.indicator_columns:
        return False
    first_value = min(draft.funds_columns.values())
    for index, text in enumerate(texts[:first_value]):  # labels stand left of the figures
        compact = text.replace(" ", "")
        key = next((k for label, k in FUNDS_ROWS if label in compact), None)
        if key is None:
            continue
        values: dict[str, object] = {}
        for slot, position in draft.funds_columns.items():
            if position <= index or position >= len(texts):
                continue
            unit = "%" if slot == "execution_rate" else "分" if slot in ("weight", "score") else "万元"
            cell = row.cells[position]
            values[slot] = figure(texts[position], cell.source, unit)
        draft.funds.append(FundsRow(key=key, label=compact, source=row.source, **values))  # type: ignore[arg-type]
        return True
    return False


def _goals_header(draft: _Draft, row: Row, texts: list[str]) -> bool:
    if any("年度总体目标" in t or t == "总体目标" for t in texts):
        draft.expecting_goals = True
        return True
    return False


def _indicator_header(draft: _Draft, row: Row, texts: list[str]) -> bool:
    compact = [t.replace(" ", "") for t in texts]
    if "一级指标" not in compact or not any(t in compact for t in ("三级指标", "指标内容", "指标名称")):
        return False
    columns: dict[str, int] = {}
    for index, text in enumerate(compact):
        for label, slot in INDICATOR_COLUMNS.items():
            if text.startswith(label) and slot not in columns:
                columns[slot] = index
    draft.indicator_columns = columns
    return True


def _total(draft: _Draft, row: Row, texts: list[str]) -> bool:
    if not texts or not texts[0].replace(" ", "").startswith("总分"):
        return False
    cells = [(t, c) for t, c in zip(texts[1:], row.cells[1:], strict=True) if t]
    if cells:
        draft.fields["total_weight"] = figure(cells[0][0], cells[0][1].source, "分")
    if len(cells) > 1:
        draft.fields["total_score"] = figure(cells[1][0], cells[1][1].source, "分")
    if len(cells) > 2 and re.fullmatch(r"[优良中差]", cells[2][0]):
        draft.fields["grade"] = cells[2][0]
    draft.finished = True
    return True


def _grade(draft: _Draft, row: Row, texts: list[str]) -> bool:
    values = [t.replace(" ", "") for t in texts if t.strip()]
    if not values or "等级" not in values[0]:
        return False
    grade = next((v for v in values[1:] if v in _GRADES or v.rstrip("等级") in _GRADES), "")
    if grade:
        draft.fields["grade"] = grade[0]
    return True


def _person(draft: _Draft, row: Row, texts: list[str]) -> bool:
    first = texts[0].replace(" ", "").rstrip("：:")
    if first not in ("项目负责人", "经办人", "填表人", "单位负责人", "财务负责人"):
        return False
    phone = _value_after(texts, "联系电话")
    name = texts[1] if len(texts) > 1 and not texts[1].startswith("联系电话") else ""
    draft.persons.append(ResponsiblePerson(role=first, name=name, phone=phone))
    return True


def _indicator(draft: _Draft, row: Row, texts: list[str], notes: list[ExtractionNote]) -> None:
    columns = draft.indicator_columns
    width = max(columns.values()) + 1
    if len(texts) < width:
        shift = width - len(texts)
        columns = {slot: index - shift for slot, index in columns.items() if index - shift >= 0}

    def cell(slot: str) -> tuple[str, Source]:
        index = columns.get(slot)
        if index is None or index >= len(texts):
            return "", row.source
        return texts[index], row.cells[index].source

    level1 = _WEIGHT_SUFFIX.sub("", cell("level1")[0]).strip()
    level2 = cell("level2")[0]
    draft.level1 = level1 or draft.level1
    draft.level2 = level2 or draft.level2
    name, name_source = cell("name")
    name = _NUMBERING.sub("", name).strip()
    target_text, target_source = cell("target")
    actual_text, actual_source = cell("actual")
    weight_text, weight_source = cell("weight")
    score_text, score_source = cell("score")
    if not (name or target_text or actual_text or weight_text or score_text):
        return  # a placeholder row such as 经济效益指标 with nothing filled in
    weight = figure(weight_text, weight_source, "分")
    score = figure(score_text, score_source, "分")
    if weight_text and weight is None:
        notes.append(ExtractionNote("self_evaluation", f"分值“{weight_text}”不是数字", weight_source))
    draft.indicators.append(
        Indicator(
            level1=draft.level1,
            level2=draft.level2,
            name=name,
            target=quantity(_operators(target_text), target_source),
            actual=quantity(_operators(actual_text), actual_source),
            weight=weight,
            score=score,
            deviation_note=cell("deviation_note")[0],
            source=name_source if name else row.source,
        )
    )


def _operators(text: str) -> str:
    """Variant comparison signs seen in real tables (≧ ≦ from Japanese-style fonts) → ≥ ≤."""
    return text.replace("≧", "≥").replace("≦", "≤")


#: Row handlers in order, each with the words a row must contain for it to apply.
_HANDLERS = (
    (("年",), _year),
    (("项目名称", "主管部门", "实施单位", "单位名称", "单位）名称", "部门名称"), _names),
    (("预算数",), _funds_header),
    (tuple(label for label, _ in FUNDS_ROWS), _funds_row),
    (("总体目标",), _goals_header),
    (("一级指标",), _indicator_header),
    (("总分",), _total),
    (("等级",), _grade),
    (("负责人", "经办人", "填表人"), _person),
)
