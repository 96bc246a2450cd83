"""Target and actual values of performance indicators: "≥95%", "<=0.12万元", "2021年12月", "有效"."""

from __future__ import annotations

import calendar
import datetime
import re

from juesuan.extract.numbers import NUMBER, decimals_of, normalize_digits, parse_decimal
from juesuan.model.figures import Figure
from juesuan.model.performance import Quantity
from juesuan.source import Source

#: Printed operators → canonical ones, longest first so "≥" does not shadow "大于等于".
OPERATORS: tuple[tuple[str, str], ...] = (
    ("大于等于", ">="),
    ("大于或等于", ">="),
    ("不低于", ">="),
    ("不少于", ">="),
    ("不小于", ">="),
    ("小于等于", "<="),
    ("小于或等于", "<="),
    ("不高于", "<="),
    ("不超过", "<="),
    ("不大于", "<="),
    ("不多于", "<="),
    (">=", ">="),
    ("≥", ">="),
    ("=>", ">="),
    ("<=", "<="),
    ("≤", "<="),
    ("=<", "<="),
    ("==", "="),
    ("=", "="),
    ("等于", "="),
    ("达到", ">="),
    (">", ">"),
    ("大于", ">"),
    ("高于", ">"),
    ("<", "<"),
    ("小于", "<"),
    ("低于", "<"),
)
_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_VALUE_RE = re.compile(rf"^(?P<num>{NUMBER})\s*(?P<unit>.*)$")


def quantity(text: str, source: Source) -> Quantity:
    """Parse a target or actual cell."""
    printed = text.strip()
    rest = normalize_digits(printed).replace("＞", ">").replace("＜", "<").strip()
    operator = ""
    for word, canonical in OPERATORS:
        if rest.startswith(word):
            operator, rest = canonical, rest[len(word) :].strip()
            break
    date = _date(rest)
    if date is not None:
        return Quantity(text=printed, source=source, operator=operator, date=date)
    match = _VALUE_RE.match(rest)
    if match:
        value = parse_decimal(match["num"])
        unit = match["unit"].strip()
        if value is not None and len(unit) <= 6:
            return Quantity(text=printed, source=source, operator=operator, value=value, unit=unit)
    return Quantity(text=printed, source=source, operator=operator)


def _date(text: str) -> datetime.date | None:
    match = _DATE_RE.fullmatch(text.strip().rstrip("前底末"))
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return None
    day = int(match[3]) if match[3] else calendar.monthrange(year, month)[1]
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def figure(text: str, source: Source, unit: str) -> Figure | None:
    """A number cell ("10", "10.00分", "100.00%") as a Figure in ``unit``; None when blank or not a number."""
    cleaned = text.strip().removesuffix("分").removesuffix("%").strip()
    if cleaned in ("", "—", "-", "/", "——"):
        return None
    value = parse_decimal(cleaned)
    if value is None:
        return None
    return Figure(value=value, unit=unit, source=source, decimals=decimals_of(cleaned))
