"""Amounts the narrative gives function items by their 类/款/项 names.

上海's budgets explain each 项 of their appropriation spending in a numbered list:
"1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，主要用于…", or with the
levels joined by dashes: "“卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元". Only a
figure printed right after the names is taken: "…（项）。年初预算为…，支出决算为…" (a final
account's wording) names two figures, and which is meant is for other readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from juesuan.document import Paragraph
from juesuan.extract.narrative import scan_once
from juesuan.model.narrative import ItemAmount

_OPENING = (
    r"^\s*(?:\d+\s*[.、．]|[（(][一二三四五六七八九十\d]+[）)])?\s*(?:其中[:：]?|包括[:：]?)?\s*[“\"]?\s*"
)
_CLOSING = r"\s*[”\"]?\s*(?:科目)?\s*(?:预算数?|支出|安排|为|共计?|合计|金额|是)*\s*$"
_LEVELS = ("类", "款", "项")
_MARKED_RE = re.compile(
    _OPENING + r"(?:([^“”\"（）()]+?)\s*[（(]类[）)](支出)?)?"
    r"(?:\s*([^“”\"]+?)\s*[（(]款[）)])?(?:\s*([^“”\"]+?)\s*[（(]项[）)])?" + _CLOSING
)
#: "（三）2080502-事业单位离退休" (福州, 泉州): the item's code and name.
_CODED_RE = re.compile(_OPENING + r"(\d{3}|\d{5}|\d{7})\s*[-－—]?\s*([^\d“”\"，,。；;：:]+?)" + _CLOSING)
_DASHED_RE = re.compile(r"^\s*(?:\d+\s*[.、．])?\s*[“\"]([^“”\"]+?)[”\"]" + _CLOSING)
_DASH = re.compile(r"\s*[-－—]\s*")


def item_amounts(paragraphs: Iterable[Paragraph]) -> tuple[ItemAmount, ...]:
    """Every amount the ``paragraphs`` give an item right after its 类/款/项 names, and, in a
    paragraph opening with the names, its actual (a final's "年初预算为…，支出决算为…") and
    its year's budget (a budget's "2024年预算安排…")."""
    found: list[ItemAmount] = []
    for paragraph in paragraphs:
        lead = _lead(paragraph.text)
        for mention in scan_once(paragraph):
            label = mention.raw_label.strip()
            if not mention.figure.is_money:
                continue
            if names := item_names(mention.raw_label):
                found.append(ItemAmount(names=names, amount=mention.figure, label=label))
            elif coded := _CODED_RE.match(mention.raw_label):
                code, name = coded.group(1), re.sub(r"\s", "", coded.group(2))
                names = ("",) * ((len(code) - 3) // 2) + (name,)
                found.append(ItemAmount(names=names, amount=mention.figure, label=label, code=code))
            elif lead and mention.budget is not None:
                found.append(ItemAmount(names=lead, amount=mention.figure, measure="actual", label=label))
            elif lead and _BUDGET_RE.search(label):
                found.append(ItemAmount(names=lead, amount=mention.figure, measure="budget", label=label))
    return tuple(found)


_BUDGET_RE = re.compile(r"20\d{2}\s*年(?:度)?预算(?:安排|数)?为?$")


def _lead(text: str) -> tuple[str, ...] | None:
    """The names a paragraph opens with, closed by a full stop, a colon ("1、…（项）。主要用于…")
    or a closing quote ("2.“…（项）”738.66万元")."""
    stop = re.search(r"[。：:]|[”\"](?=\s*(?:科目)?\s*\d)", text)
    return item_names(text[: stop.end() if stop and stop.group() in '”"' else stop.start()]) if stop else None


def item_names(label: str) -> tuple[str, ...] | None:
    """The 类, 款 and 项 names a label ends with, "" for a level above those printed
    ("人大事务（款）行政运行（项）" gives ("", "人大事务", "行政运行")), or None."""
    if match := _MARKED_RE.match(label):
        class_name, class_spending, section, item = match.groups()
        if class_name and class_spending and not class_name.endswith("支出"):
            class_name += "支出"  # "社会保障和就业（类）支出"
        levels = [re.sub(r"\s", "", n) if n else "" for n in (class_name, section, item)]
        printed = [i for i, name in enumerate(levels) if name]
        if not printed or printed != list(range(printed[0], printed[-1] + 1)):
            return None
        if printed[0] > 0 and len(printed) < 2:
            return None  # a lone 款 or 项 named: too common a name to place
        return tuple(levels[: printed[-1] + 1])
    if match := _DASHED_RE.match(label):
        parts = tuple(re.sub(r"\s", "", p) for p in _DASH.split(match.group(1)))
        if 2 <= len(parts) <= 3 and all(parts) and parts[0].endswith("支出"):
            return parts
    return None
