"""Figures quoted in running text, with what the sentence says about them.

The narrative of a disclosure is formulaic: "本年收入269.61万元，与上年相比，增加94.54万元，
增长54.00%，主要原因是：……。其中：财政拨款收入269.61万元，占100.00%；……". This module
finds every printed figure (amount, count or rate) with the label before it, and attaches
the share (占 x%), the year-on-year change, the budget comparison and the stated reason to
the figure they speak of. It knows nothing of sections: :mod:`.narrative` decides what each
labelled figure means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from juesuan.document import Paragraph
from juesuan.extract.numbers import NUMBER, decimals_of, parse_decimal
from juesuan.model.figures import BudgetComparison, Change, Figure
from juesuan.source import Source

_N = f"(?:{NUMBER})"
_MONEY = r"万元|亿元|元"
_YEAR = r"(?:上年|\s*\d{4}\s*年)(?:度)?(?:预算|决算)?数?"
_LEAD = rf"与{_YEAR}(?:相比|比较)|与{_YEAR}(?=\s*持平)|比{_YEAR}|较{_YEAR}|同比"
_WORD = r"增加|减少|增长|下降|降低|上升|持平"

CHANGE_RE = re.compile(
    rf"(?P<lead>{_LEAD})[，,]?\s*(?:[^，,。；;\d]{{0,16}}?)(?P<word>{_WORD})了?\s*"
    rf"(?:(?P<amount>{_N})\s*(?P<unit>{_MONEY}))?"
    rf"(?:[，,]?\s*(?P<rword>{_WORD})了?\s*(?P<rate>{_N})\s*%)?"
)
BUDGET_RE = re.compile(
    rf"(?P<blabel>年初预算数|全年预算数|调整预算数|调整后预算数|预算数|年初预算|预算)(?:为|是)?\s*"
    rf"(?P<budget>{_N})\s*(?P<bunit>{_MONEY})[，,]?\s*(?:支出)?决算数?(?:为|是)?\s*"
    rf"(?P<actual>{_N})\s*(?P<aunit>{_MONEY})"
    rf"(?:[，,]?\s*(?:预决算)?差异率(?:为|是)?\s*(?P<variance>{_N})\s*%)?"
    rf"(?:[，,]?\s*完成(?:年初|全年)?预算的?\s*(?P<completion>{_N})\s*%)?"
)
SHARE_RE = re.compile(rf"占[^，,。；;\d%]{{0,30}}?(?P<rate>{_N})\s*%")
REASON_RE = re.compile(r"主要原因(?:是|为)?[:：]?\s*(?P<reason>[^。；;]*)")
COMPARISON_WORD_RE = re.compile(r"决算数?(?P<word>大于|小于|等于|高于|低于)(?:年初)?预算数?")
FIGURE_RE = re.compile(
    rf"(?P<num>{_N})\s*(?P<unit>万元|万(?![元\w/／])|亿元|元(?![/／])|%|人次|批次|个|人|辆|件|台（套）|台|套|[（(]?平方米[）)]?|次|项|家)"
)
#: A label that ends with a direction word introduces a change, not an amount.
CHANGE_WORD_END_RE = re.compile(r"(?:增加|减少|增长|下降|降低|上升|节约|超支|增|减)了?\s*$")
#: Digits spaced out right before a figure: the figure is the end of a letter-spaced number.
SPACED_DIGITS_RE = re.compile(r"\d\s+[\d.．]?\s*$|[.．]\s+$")
#: Characters that end a label: the label of a figure starts after the last of these.
BOUNDARY = "，,。；;：:、\n"
#: Markers after which the following figures are parts of the figure before them (the
#: more specific first: "主要包括" announces a partial list, "包括" a complete one).
PART_MARKERS = ("主要包括", "主要有", "主要用于", "其中", "包括", "分别是", "分别为")
#: The markers that announce every part, as a regular-expression alternative.
LIST_MARKERS = "其中|包括|分别是|分别为"

_LABEL_PREFIX_RE = re.compile(
    r"^(?:其中|包括|分别是|分别为|主要包括|主要有|主要用于|具体包括|"
    r"截[止至]\d{4}年\d{1,2}月\d{1,2}日|\d{4}年(?:度)?|本年度|全年|我单位|本单位|我局|本局|单位|共有|共|为)+"
)


@dataclass(slots=True)
class Mention:
    """A figure printed in running text with what the sentence says about it.

    Attributes:
        label: the cleaned label before the figure ("财政拨款收入").
        raw_label: the label as printed, uncleaned.
        figure: the figure itself.
        start / end: span of label+figure in the paragraph text.
        sentence: index of the sentence (split at 。) within the paragraph.
        code: a classification code printed at the start of the label, if any.
        after_marker: whether 其中/包括 precedes it in the same sentence.
        paragraph: where its paragraph starts (a part listed below "其中：" takes the place of the
            paragraph that ends with the marker).
        continued: a part listed in a paragraph after the one that ends with the marker.
        share / change / budget / reason / comparison_word: what the sentence says about it.
    """

    label: str
    raw_label: str
    figure: Figure
    start: int
    end: int
    sentence: int
    code: str | None = None
    after_marker: bool = False
    marker: str = ""
    paragraph: Source | None = None
    continued: bool = False
    followed_by_etc: bool = False
    share: Figure | None = None
    change: Change | None = None
    budget: BudgetComparison | None = None
    reason: str | None = None
    comparison_word: str | None = None


def clean_label(raw: str) -> str:
    """Strip numbering, years and fillers around a label: "2021年度本年收入" → "本年收入"."""
    label = raw.strip().strip("“”\"'（( ")
    label = _LABEL_PREFIX_RE.sub("", label)
    label = re.sub(r"(?:为|是|共计|合计|达|约)$", "", label)
    return label.strip()


def figure_at(paragraph: Paragraph, start: int, end: int, number: str, unit: str) -> Figure:
    """The figure ``number`` printed at ``start``–``end`` of ``paragraph``, quoting that span."""
    value = parse_decimal(number)
    assert value is not None  # the patterns admit numbers only
    return Figure(
        value=value,
        unit=unit,
        source=paragraph.source_at(start, end),
        decimals=decimals_of(number),
    )


def _label_start(text: str, end: int, floor: int) -> int:
    start = end
    while start > floor and text[start - 1] not in BOUNDARY:
        start -= 1
    return start


def scan(paragraph: Paragraph) -> list[Mention]:
    """Every figure in ``paragraph`` as a :class:`Mention`, in text order."""
    text = paragraph.text
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in BUDGET_RE.finditer(text):
        taken.append(match.span())
        mentions.append(_budget_mention(paragraph, match))
    changes = [m for m in CHANGE_RE.finditer(text) if free(*m.span())]
    taken.extend(m.span() for m in changes)
    shares = [m for m in SHARE_RE.finditer(text) if free(*m.span())]
    taken.extend(m.span() for m in shares)
    previous_end = 0
    for match in FIGURE_RE.finditer(text):
        if not free(*match.span()):
            previous_end = max(previous_end, match.end())
            continue
        start = _label_start(text, match.start(), max(previous_end, _last_taken_before(taken, match.start())))
        raw = text[start : match.start()]
        previous_end = match.end()
        if CHANGE_WORD_END_RE.search(raw):
            continue  # "…比上年决算减少0.15万元" in a wording no pattern knows: a change, not an amount
        if SPACED_DIGITS_RE.search(text[: match.start()]):
            continue  # "4 1 0 . 7 1 万元": the tail of a figure printed letter-spaced, unreadable
        mentions.append(_plain_mention(paragraph, match, start, raw))
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        _locate_sentence(text, mention)
        mention.paragraph = paragraph.source
    _attach(paragraph, mentions, changes, shares)
    return mentions


def _last_taken_before(taken: list[tuple[int, int]], position: int) -> int:
    ends = [end for _, end in taken if end <= position]
    return max(ends, default=0)


def _split_code(label: str) -> tuple[str | None, str]:
    match = re.match(r"^(\d{3,9})\s*(.*)$", label)
    if match:
        return match.group(1), match.group(2).strip()
    return None, label


def _plain_mention(paragraph: Paragraph, match: re.Match[str], start: int, raw: str) -> Mention:
    code, label = _split_code(clean_label(raw))
    unit = "平方米" if "平方米" in match["unit"] else "万元" if match["unit"] == "万" else match["unit"]
    return Mention(
        label=label,
        raw_label=raw,
        figure=figure_at(paragraph, start, match.end(), match.group("num"), unit),
        start=start,
        end=match.end(),
        sentence=0,
        code=code,
    )


_ITEM_TITLE_RE = re.compile(
    r"^\s*(?:\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)])?\s*([^。：:；;]{2,80}?)[。：:；;]"
)


def _budget_mention(paragraph: Paragraph, match: re.Match[str]) -> Mention:
    text = paragraph.text
    start = _label_start(text, match.start(), 0)
    raw = text[start : match.start()]
    code, label = _split_code(clean_label(raw))
    if not label and (title := _ITEM_TITLE_RE.match(text)) is not None and title.end() <= match.start():
        # "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于…。年初预算为…": the
        # item is named at the head of the paragraph, not before the figures
        code, label = _split_code(clean_label(title.group(1)))
    actual = figure_at(paragraph, match.start("actual"), match.end("aunit"), match["actual"], match["aunit"])
    budget = BudgetComparison(
        budget=figure_at(
            paragraph, match.start("budget"), match.end("bunit"), match["budget"], match["bunit"]
        ),
        budget_label=match["blabel"],
        source=paragraph.source_at(start, match.end()),
        actual=actual,
        variance_rate=_rate(paragraph, match, "variance"),
        completion_rate=_rate(paragraph, match, "completion"),
    )
    return Mention(
        label=label,
        raw_label=raw,
        figure=actual,
        start=start,
        end=match.end(),
        sentence=0,
        code=code,
        budget=budget,
    )


def _rate(paragraph: Paragraph, match: re.Match[str], group: str) -> Figure | None:
    if match.group(group) is None:
        return None
    return figure_at(paragraph, match.start(group), match.end(group) + 1, match.group(group), "%")


def _locate_sentence(text: str, mention: Mention) -> None:
    before = text[: mention.start]
    mention.sentence = before.count("。")
    # the label may open with the marker itself: "，包括人员支出1487.48万元" lists 人员支出 as a part
    opening = re.match(rf"[\s，,、；;：:]*(?:主要|具体)?(?:{LIST_MARKERS})", mention.raw_label)
    clause = before[before.rfind("。") + 1 :] + (opening.group(0) if opening else "")
    found = [
        (clause.rfind(marker) + len(marker), len(marker), marker)
        for marker in PART_MARKERS
        if marker in clause
    ]
    mention.after_marker = bool(found)
    mention.marker = max(found)[2] if found else ""  # the last marker; of two ending together, the longer
    mention.followed_by_etc = text[mention.end : mention.end + 1] == "等"


def _change(paragraph: Paragraph, match: re.Match[str]) -> Change:
    amount = None
    if match.group("amount") is not None:
        amount = figure_at(
            paragraph, match.start("amount"), match.end("unit"), match["amount"], match["unit"]
        )
    rate = None
    if match.group("rate") is not None:
        rate = figure_at(paragraph, match.start("rate"), match.end("rate") + 1, match["rate"], "%")
    return Change(
        word=match["word"],
        amount=amount,
        rate_word=match.group("rword"),
        rate=rate,
        source=paragraph.source_at(match.start(), match.end()),
    )


def _owner(mentions: list[Mention], position: int) -> int | None:
    """Index of the last mention that ends before ``position``."""
    best = None
    for index, mention in enumerate(mentions):
        if mention.end <= position:
            best = index
    return best


def _change_owner(text: str, mentions: list[Mention], position: int) -> int | None:
    """The mention a change at ``position`` speaks of: the figure before it, unless that is the last
    of the parts listed after 其中/包括.

    "支出预算10344.71万元，其中：基本支出8974.01万元、项目支出1370.70万元。比上年减少32.61万元" (福州):
    a change opening the next sentence is the head's. Right after a list of parts ("…、项目支出
    1370.70万元，比上年减少…") it may be either's: it is given to none, so no rate is judged on a guess.
    """
    index = _owner(mentions, position)
    if index is None or not mentions[index].after_marker:
        return index
    part = mentions[index]
    listed = index > 0 and mentions[index - 1].after_marker and mentions[index - 1].sentence == part.sentence
    if "。" in text[part.end : position]:
        heads = [
            i for i in range(index) if mentions[i].sentence == part.sentence and not mentions[i].after_marker
        ]
        return heads[-1] if heads and listed else index if not listed else None
    between = text[mentions[index - 1].end : part.start] if listed else ""
    return None if listed and "、" in between and mentions[index - 1].change is None else index


def _attach(
    paragraph: Paragraph,
    mentions: list[Mention],
    changes: list[re.Match[str]],
    shares: list[re.Match[str]],
) -> None:
    text = paragraph.text
    for match in changes:
        index = _change_owner(text, mentions, match.start())
        if index is not None and mentions[index].change is None:
            mentions[index].change = _change(paragraph, match)
    for match in shares:
        index = _owner(mentions, match.start())
        if index is not None and mentions[index].share is None:
            share = figure_at(paragraph, match.start(), match.end(), match["rate"], "%")  # quote "占…x%"
            mentions[index].share = share
    for match in REASON_RE.finditer(text):
        index = _owner(mentions, match.start())
        if index is not None and mentions[index].reason is None:
            mentions[index].reason = match["reason"].strip()
    for match in COMPARISON_WORD_RE.finditer(text):
        index = _owner(mentions, match.start())
        if index is not None:
            mentions[index].comparison_word = match["word"]


def rate_value(figure: Figure | None) -> Decimal | None:
    """The value of an optional figure."""
    return None if figure is None else figure.value
