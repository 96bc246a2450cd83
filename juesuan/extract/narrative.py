"""The narrative sections 一–六 (totals, income, expenditure, appropriation, general-budget
expenditure by function, basic expenditure) from the figures their text quotes.

Each builder takes the :class:`~juesuan.extract.sections.Section` and returns model data;
a section that is missing or states nothing gives the model's empty value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from juesuan.document import Paragraph
from juesuan.extract.keys import EXPENDITURE_KEYS, INCOME_KEYS, key_of
from juesuan.extract.mentions import LIST_MARKERS, Mention, scan
from juesuan.extract.sections import Section, heading_of
from juesuan.model.figures import Breakdown, Figure, StatedAmount
from juesuan.model.narrative import AppropriationOverview, BasicExpenditureNarrative, ListedShare, Overview
from juesuan.source import Source


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
    """Every figure quoted in ``paragraphs``, in order; the items listed one per paragraph below
    a paragraph that ends with "其中：" are parts of that paragraph's figure."""
    found: list[Mention] = []
    listing: tuple[Source, str] | None = None  # the paragraph whose list runs on, and its marker
    previous: Paragraph | None = None
    for paragraph in paragraphs:
        mentions = scan_once(paragraph)
        if listing is not None and _lists_on(paragraph, mentions):
            mentions = [
                replace(m, after_marker=True, marker=listing[1], paragraph=listing[0], continued=True)
                for m in mentions
            ]
            if paragraph.text.rstrip().endswith("。"):
                listing = None
        else:
            listing = _list_opened(paragraph, previous, mentions)
            if previous is not None and _LIST_AT_START_RE.match(re.sub(r"\s", "", paragraph.text)):
                mentions = _run_on(mentions, previous.source)
        found.extend(m for m in mentions if not money_only or m.figure.is_money)
        if mentions or listing is None:
            previous = paragraph
    return found


#: "其中：" closing a paragraph (or standing alone) opens a list of one item per paragraph;
#: opening a paragraph, it lists the parts of the figure the paragraph before closed with.
_LIST_OPENING_RE = re.compile(rf"({LIST_MARKERS})[：:，,]?$")
_LIST_AT_START_RE = re.compile(rf"^(?:{LIST_MARKERS})")
#: A share naming the figure it is of: "占“三公”经费的15.70%".
_NAMED_BASE_RE = re.compile(r"占(.{2,12}?)的")


def _run_on(mentions: list[Mention], head: Source) -> list[Mention]:
    """The parts a paragraph opens with ("其中：A x万元，B y万元"), made parts of ``head``'s paragraph."""
    leading = 0
    while leading < len(mentions) and mentions[leading].after_marker:
        leading += 1
    return [replace(m, paragraph=head) for m in mentions[:leading]] + mentions[leading:]


def _list_opened(
    paragraph: Paragraph, previous: Paragraph | None, mentions: list[Mention]
) -> tuple[Source, str] | None:
    text = re.sub(r"\s", "", paragraph.text)
    if mentions and mentions[-1].after_marker and text.endswith(("；", ";")):
        return paragraph.source, mentions[-1].marker  # "…，其中：基本支出4,312.17万元，占92.7%；" runs on
    match = _LIST_OPENING_RE.search(text)
    if match is None:
        return None
    if match.start() == 0:  # the marker alone: the list is of the figure before it
        return (previous.source, match.group(1)) if previous is not None else None
    return paragraph.source, match.group(1)


def _lists_on(paragraph: Paragraph, mentions: list[Mention]) -> bool:
    """Whether ``paragraph`` is one more item of a list: a figure of its own, no heading, no list
    of its own inside."""
    return (
        bool(mentions)
        and heading_of(paragraph) is None
        and not any(m.after_marker for m in mentions)
        and len(paragraph.text) <= _LIST_ITEM_LENGTH
    )


#: An item of a list printed one per paragraph is a line or two, not a paragraph of prose.
_LIST_ITEM_LENGTH = 120


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
        # a part is of the figure before it in its paragraph; parts with no such figure
        # ("2.按支出用途分类，包括人员支出…") stand alone, none the total of the others
        head = result[-1].head if result else None
        if mention.after_marker and head and mention.paragraph == head.paragraph and not head.after_marker:
            result[-1] = Group(head, (*result[-1].parts, mention))
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
    if len({part.continued for part in group.parts}) > 1:
        return False  # "…，包括A、B。其中：" then C, D one per paragraph: two lists, of what is unsaid
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


def _plain_total(label: str) -> str:
    """ "苏州市审计局 2026 年收入预算合计" → "苏州市审计局2026年收入": a total's label without spaces,
    the budget/final word and 合计."""
    return re.sub(r"(?:预算|决算)?(?:合计|总额)?$", "", re.sub(r"\s", "", label))


def is_income_total(label: str) -> bool:
    """ "本年收入", "收入", "收入合计", "…2026年收入预算合计" and the like (not 财政拨款收入)."""
    plain = _plain_total(label)
    return plain in ("收入", "本年收入") or plain.endswith("年收入")


def is_expenditure_total(label: str) -> bool:
    """ "本年支出", "支出", "支出合计", "…2026年支出预算合计" and the like."""
    plain = _plain_total(label)
    return plain in ("支出", "本年支出") or plain.endswith("年支出")


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
        named_items=_named_items(section),
    )


#: "人员经费2152.26万元，主要包括：基本工资、津贴补贴、…、退休费；" — the names up to the clause's end.
_NAMED_ITEMS_RE = re.compile(r"(人员经费|公用经费)[^；;。]{0,30}?(?:主要)?包括[:：]?\s*([^；;。]+)")


def _named_items(section: Section | None) -> tuple[tuple[str, str, Source], ...]:
    """The economic items 人员经费 and 公用经费 are said to consist of, named without amounts."""
    found: list[tuple[str, str, Source]] = []
    for paragraph in section.all_paragraphs() if section else []:
        for match in _NAMED_ITEMS_RE.finditer(paragraph.text):
            source = paragraph.source_at(match.start(), match.end())
            for printed in re.split(r"[、，,]", match.group(2)):
                name = re.sub(r"\s|等$|等支出$", "", printed)
                if name and not re.search(r"\d", name):
                    found.append((match.group(1), name, source))
    return tuple(found)


def listed_shares(paragraphs: Iterable[Paragraph]) -> tuple[ListedShare, ...]:
    """Every share printed for a part listed under a figure, or naming the figure it is of
    ("占“三公”经费的15.70%") where a figure of that name is printed before it (the checks take each
    share once, whether a section of the model reads it too or not)."""
    mentions = mentions_in(paragraphs)
    found: list[ListedShare] = []
    for group in groups(mentions):
        subtotals: list[Figure] = []
        for part in group.parts:
            if part.share is None:
                subtotals.append(part.figure)
                continue
            found.append(
                ListedShare(
                    part.label, part.figure, part.share, group.head.label, group.head.figure, tuple(subtotals)
                )
            )
    listed = {share.share.source for share in found}
    unplaced: list[Mention] = []
    for index, mention in enumerate(mentions):
        if mention.share is not None and mention.share.source not in listed:
            named = _named_base(mention, mentions[:index])
            if named is not None:
                found.append(named)
            else:
                unplaced.append(mention)
    summed = list(_shares_of_their_sum(unplaced))
    found.extend(summed)
    placed = {share.share.source for share in summed}
    for mention in unplaced:
        assert mention.share is not None
        total = re.match(rf"占({_STATEMENT_TOTALS})的", mention.share.source.text)
        if total is not None and mention.share.source not in placed:
            found.append(ListedShare(mention.label, mention.figure, mention.share, total.group(1), None))
    return tuple(found)


#: The totals a share may name that only the statements print (the summary's rows).
_STATEMENT_TOTALS = "本年收入合计|本年支出合计|收入总计|支出总计"


def _shares_of_their_sum(mentions: list[Mention]) -> Iterator[ListedShare]:
    """Shares of a total that is not printed: "“三公”经费预算支出中，因公出国（境）费180万元，占
    “三公”经费的26.86%；…" lists every part of the same paragraph with shares that add up to 100%."""
    by_paragraph: dict[tuple[Source | None, str], list[Mention]] = {}
    for mention in mentions:
        assert mention.share is not None
        named = _NAMED_BASE_RE.match(mention.share.source.text)
        if named is not None:
            by_paragraph.setdefault((mention.paragraph, named.group(1)), []).append(mention)
    for (_, base_name), parts in by_paragraph.items():
        shares = sum((m.share.value for m in parts if m.share is not None), Decimal(0))
        if len(parts) < 2 or abs(shares - 100) > Decimal("0.05") * len(parts):
            continue
        total = sum((m.figure.value for m in parts), Decimal(0))
        for part in parts:
            assert part.share is not None
            base = replace(part.figure, value=total)
            others = tuple(m.figure for m in parts if m is not part)
            yield ListedShare(
                part.label, part.figure, part.share, f"所列各项之和（{base_name}）", base, (), others
            )


def _core(label: str) -> str:
    return re.sub(r"[“”\"'‘’\s]|预算|决算", "", label)


def _named_base(mention: Mention, before: list[Mention]) -> ListedShare | None:
    """The share with the figures printed before it under the name it gives its base: the nearest
    as the base, the others as alternatives (this year's total, last year's …)."""
    assert mention.share is not None
    named = _NAMED_BASE_RE.match(mention.share.source.text)
    if named is None:
        return None
    core = _core(named.group(1))
    candidates = [m.figure for m in reversed(before) if m.share is None and core in _core(m.label)]
    if not candidates:
        return None
    base = next(m for m in reversed(before) if m.figure is candidates[0])
    return ListedShare(
        mention.label, mention.figure, mention.share, base.label, candidates[0], tuple(candidates[1:])
    )
