"""The narrative sections 一–六 (totals, income, expenditure, appropriation, general-budget
expenditure by function, basic expenditure) from the figures their text quotes.

Each builder takes the :class:`~juesuan.extract.sections.Section` and returns model data;
a section that is missing or states nothing gives the model's empty value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from juesuan.document import Paragraph
from juesuan.extract.keys import EXPENDITURE_KEYS, INCOME_KEYS, key_of
from juesuan.extract.mentions import Mention, scan
from juesuan.extract.sections import Section
from juesuan.model.figures import Breakdown, StatedAmount
from juesuan.model.narrative import AppropriationOverview, BasicExpenditureNarrative, Overview


def mentions_of(section: Section | None, money_only: bool = True) -> list[Mention]:
    """Every figure quoted in ``section`` (and its sub-sections), in order."""
    if section is None:
        return []
    return mentions_in(section.all_paragraphs(), money_only)


#: Mentions of the paragraphs of the document being extracted, by paragraph identity: the
#: sections overlap (a performance section is read for its summary and for petition figures).
_scanned: dict[int, tuple[Paragraph, list[Mention]]] = {}


def forget_scans() -> None:
    """Drop the cached scans (called before each document)."""
    _scanned.clear()


def scan_once(paragraph: Paragraph) -> list[Mention]:
    """``scan(paragraph)``, computed once per paragraph of the current document."""
    cached = _scanned.get(id(paragraph))
    if cached is None or cached[0] is not paragraph:
        cached = (paragraph, scan(paragraph))
        _scanned[id(paragraph)] = cached
    return cached[1]


def mentions_in(paragraphs: Iterable[Paragraph], money_only: bool = True) -> list[Mention]:
    """Every figure quoted in ``paragraphs``, in order."""
    found: list[Mention] = []
    for paragraph in paragraphs:
        found.extend(m for m in scan_once(paragraph) if not money_only or m.figure.is_money)
    return found


def stated(mention: Mention, key: str) -> StatedAmount:
    """The model's view of a mention under ``key``."""
    budget = mention.budget
    if budget is not None and mention.comparison_word is not None:
        budget = replace(budget, comparison_word=mention.comparison_word)
    return StatedAmount(
        key=key,
        label=mention.label,
        amount=mention.figure,
        share=mention.share,
        change=mention.change,
        budget=budget,
        reason=mention.reason,
        code=mention.code,
    )


@dataclass(frozen=True)
class Group:
    """A figure and the figures listed as its parts (after 其中/包括)."""

    head: Mention
    parts: tuple[Mention, ...]


def groups(mentions: list[Mention]) -> list[Group]:
    """Split mentions into heads, each with the after-marker mentions that follow it."""
    result: list[Group] = []
    for mention in mentions:
        if mention.after_marker and result:
            last = result[-1]
            result[-1] = Group(last.head, (*last.parts, mention))
        else:
            result.append(Group(mention, ()))
    return result


#: Markers that announce a list of examples, not all the parts.
PARTIAL_MARKERS = ("主要包括", "主要有", "主要用于")


def complete_list(
    group: Group, required: frozenset[str] = frozenset(), parts_keys: tuple[str, ...] = ()
) -> bool:
    """Whether the listed parts are meant to add up to the head.

    Not when the list is introduced as examples ("主要包括 …", "…等"), and not when a
    breakdown whose parts are known (goods/works/services …) names only some of them.
    """
    if not group.parts or group.parts[0].marker in PARTIAL_MARKERS:
        return False
    if any(part.followed_by_etc for part in group.parts):
        return False
    return required <= set(parts_keys)


def breakdown(
    group: Group, key: str, label: str, total_key: str, table: tuple[tuple[str, str], ...], family: str
) -> Breakdown:
    """A Breakdown of a group, parts keyed by ``table``."""
    parts = tuple(stated(part, key_of(part.label, table, family)) for part in group.parts)
    return Breakdown(
        key=key,
        label=label,
        total=stated(group.head, total_key),
        parts=parts,
        exhaustive=complete_list(group),
    )


def is_income_total(label: str) -> bool:
    """ "本年收入", "收入", "收入合计" and the like (not 财政拨款收入)."""
    return label in ("收入", "收入合计", "本年收入合计", "本年收入") or label.endswith("年收入")


def is_expenditure_total(label: str) -> bool:
    """ "本年支出", "支出", "支出合计" and the like."""
    return label in ("支出", "支出合计", "本年支出合计", "本年支出") or label.endswith("年支出")


def overview(section: Section | None) -> Overview:
    """一、收入支出决算总体情况."""
    income = expenditure = None
    for mention in mentions_of(section):
        if income is None and is_income_total(mention.label):
            income = stated(mention, "income_total")
        elif expenditure is None and is_expenditure_total(mention.label):
            expenditure = stated(mention, "expenditure_total")
    return Overview(income_total=income, expenditure_total=expenditure)


def composition(section: Section | None, side: str) -> Breakdown | None:
    """二、收入决算 (``side="income"``) or 三、支出决算 (``side="expenditure"``)."""
    is_total = is_income_total if side == "income" else is_expenditure_total
    table = INCOME_KEYS if side == "income" else EXPENDITURE_KEYS
    for group in groups(mentions_of(section)):
        if is_total(group.head.label) and group.parts:
            label = "本年收入" if side == "income" else "本年支出"
            return breakdown(group, f"{side}_composition", label, f"{side}_total", table, side)
    return None


def appropriation(section: Section | None) -> AppropriationOverview:
    """四、财政拨款收入支出决算总体情况."""
    found: dict[str, StatedAmount] = {}
    for mention in mentions_of(section):
        side = "income" if "收入" in mention.label else "expenditure" if "支出" in mention.label else ""
        if not side or "财政拨款" not in mention.label:
            continue
        if "总计" in mention.label:
            found.setdefault("grand_total", stated(mention, "appropriation_grand_total"))
            continue
        key = f"appropriation_{side}"
        slot = f"{side}_budget" if mention.budget is not None else side
        found.setdefault(slot, stated(mention, key))
    return AppropriationOverview(**found)


def general_budget_expenditure(section: Section | None) -> Breakdown | None:
    """五、一般公共预算财政拨款支出 by function code (项), or by class ("…支出（类）x万元，占y%")."""
    mentions = mentions_of(section)
    totals = [m for m in mentions if m.code is None and "一般公共预算" in m.label and m.budget is None]
    items = [m for m in mentions if m.code is not None]
    if not totals:
        return None
    if items:
        parts = tuple(stated(m, f"function:{m.code}") for m in items)
        exhaustive = True
    else:
        classes = [m for m in mentions if m.label.endswith("（类）") and m.budget is None]
        parts = tuple(stated(m, f"function_class:{m.label.removesuffix('（类）')}") for m in classes)
        exhaustive = (
            bool(classes)
            and not any(m.marker in PARTIAL_MARKERS for m in classes[:1])
            and all(m.share is not None for m in classes)
        )
    return Breakdown(
        key="general_budget_expenditure",
        label="一般公共预算财政拨款支出",
        total=stated(totals[0], "general_budget_expenditure"),
        parts=parts,
        exhaustive=exhaustive,
    )


def _subgroups(grouped: list[Group]) -> list[Group]:
    """The groups after the first, and the first group's parts as groups of their own
    ("基本支出x万元。其中：人员经费y万元，主要包括：…" lists no amounts under 人员经费)."""
    inner = [Group(part, ()) for part in grouped[0].parts] if grouped else []
    return grouped[1:] + inner


def basic_expenditure(section: Section | None) -> BasicExpenditureNarrative:
    """六、一般公共预算财政拨款基本支出 = 人员经费 + 公用经费, each with its items."""
    grouped = groups(mentions_of(section))
    if not grouped:
        return BasicExpenditureNarrative()
    total = stated(grouped[0].head, "general_budget_basic")
    personnel = operating = None
    for group in _subgroups(grouped):
        if "人员经费" in group.head.label and personnel is None:
            personnel = breakdown(group, "personnel_costs", "人员经费", "personnel_costs", (), "economic")
        elif "公用经费" in group.head.label and operating is None:
            operating = breakdown(group, "operating_costs", "公用经费", "operating_costs", (), "economic")
    parts = tuple(b.total for b in (personnel, operating) if b is not None)
    composition_ = None
    if len(parts) == 2:
        composition_ = Breakdown(key="basic_composition", label="基本支出", total=total, parts=parts)
    return BasicExpenditureNarrative(
        total=total,
        composition=composition_,
        personnel_costs=personnel,
        operating_costs=operating,
    )
