"""The builder the narrative sections write into: blocks in order, plus notes on gaps."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from juesuan.model.input import Entry
from juesuan.render import numbers
from juesuan.render.document import Block, Heading, Note, Paragraph


@dataclass
class Writer:
    """Collects blocks and notes while the sections are written (mutable, then frozen).

    Attributes:
        blocks: the blocks so far.
        notes: the gaps found so far (a reason required but missing).
        anchors: how many headings have been given an anchor.
        placeholders: whether self-evaluation tables list unfilled 效益 sub-levels.
    """

    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    anchors: int = 0
    placeholders: bool = True

    def heading(self, level: int, number: str, title: str) -> None:
        """Add a heading with a fresh anchor."""
        self.anchors += 1
        self.blocks.append(Heading(level, number, title, anchor=f"h{self.anchors}"))

    def paragraph(self, text: str, style: str = "body") -> None:
        """Add a paragraph."""
        self.blocks.append(Paragraph(text, style))

    def add(self, block: Block) -> None:
        """Add any block."""
        self.blocks.append(block)

    def reason(self, entry: Entry, place: str, colon: bool = True) -> str:
        """``，主要原因是：…`` for a year-on-year change; a note when the reason is missing."""
        if entry.previous is None:
            return ""
        changed = (entry.amount - entry.previous).quantize(numbers.CENT) != 0
        return self._reason(entry.reason, changed, f"{place} 增减原因", colon)

    def budget_reason(self, entry: Entry, place: str, colon: bool = True) -> str:
        """``，主要原因是：…`` for a difference from the budget; a note when it is missing."""
        if entry.budget is None:
            return ""
        differs = (entry.amount - entry.budget).quantize(numbers.CENT) != 0
        return self._reason(entry.budget_reason, differs, f"{place} 预算差异原因", colon)

    def _reason(self, text: str, required: bool, place: str, colon: bool) -> str:
        if text:
            return f"，主要原因是{'：' if colon else ''}{text.rstrip('。；;')}"
        if required:
            self.notes.append(Note(place, "金额有变化，但没有填写原因（请补充“主要原因是”）"))
        return ""


def change_with_reason(
    writer: Writer,
    entry: Entry,
    lead: str,
    place: str,
    rate_words: tuple[str, str] = ("增长", "下降"),
    same: str = "",
) -> str:
    """The change clause of ``entry`` with its reason: ``，与上年相比，增加…，主要原因是：…``;
    ``same`` is what no change reads (see :func:`numbers.change`)."""
    clause = numbers.change(entry.amount, entry.previous, lead, rate_words=rate_words, same=same)
    if not clause:
        return ""
    return f"，{clause}{writer.reason(entry, place)}"


def budget_phrase(writer: Writer, entry: Entry, label: str, place: str, word: str = "年初预算数") -> str:
    """``{label}年初预算数X万元，决算数Y万元，预决算差异率Z%，主要原因是：…``."""
    assert entry.budget is not None
    rate = numbers.variance(entry.amount, entry.budget)
    rate_text = f"，预决算差异率{rate}" if rate else ""
    return (
        f"{label}{word}{numbers.money(entry.budget)}万元，决算数{numbers.money(entry.amount)}万元"
        f"{rate_text}{writer.budget_reason(entry, place)}"
    )


def amount(value: Decimal) -> str:
    """``269.61万元``."""
    return f"{numbers.money(value)}万元"
