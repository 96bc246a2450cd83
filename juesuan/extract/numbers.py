"""Numbers as printed in disclosures → :class:`~decimal.Decimal`.

Handles thousands separators (``1,234.56``), full-width digits and punctuation, a leading
minus or a parenthesised negative, and the placeholders that mean zero in tables
(``-``, ``—``, ``－``, blank).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

#: A number as it appears inside running text: optional sign, digits with optional
#: thousands separators, optional decimals.
NUMBER = r"[-−－]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−－]?\d+(?:\.\d+)?"
NUMBER_RE = re.compile(NUMBER)

#: Cell texts that mean "nothing / zero" in a statement.
ZERO_PLACEHOLDERS = frozenset({"", "-", "—", "–", "－", "——", "--", "/", "—-", "0", "-0"})

_PLAIN_NUMBER_RE = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_MINUS = str.maketrans({"−": "-", "－": "-", "，": ",", "．": "."})


def normalize_digits(text: str) -> str:
    """Full-width digits and punctuation to ASCII (numbers only: names keep their brackets)."""
    return unicodedata.normalize("NFKC", text).translate(_MINUS)


def parse_decimal(text: str) -> Decimal | None:
    """``"1,234.56"`` → ``Decimal("1234.56")``; None when ``text`` is not a number.

    Zero placeholders ("-", "—", blank) give ``Decimal(0)``; ``"(12.50)"`` gives ``-12.50``.
    """
    cleaned = text.strip().replace(" ", "")
    if not cleaned.isascii():
        cleaned = normalize_digits(cleaned)
    if cleaned in ZERO_PLACEHOLDERS:
        return Decimal(0) if cleaned != "0" else Decimal("0")
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    if negative:
        cleaned = cleaned[1:-1]
    if not _PLAIN_NUMBER_RE.fullmatch(cleaned):
        return None
    try:
        value = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        return None
    return -value if negative else value


def decimals_of(text: str) -> int:
    """How many digits follow the decimal point in ``text`` as printed."""
    cleaned = text.strip() if text.isascii() else normalize_digits(text).strip()
    if "." not in cleaned:
        return 0
    return len(cleaned.rsplit(".", 1)[1].rstrip(")%"))


_WRAPPED_NUMBER_RE = re.compile(r"[-\d,.]+(?:\s*\n\s*[\d,.]+)+")
#: A printed amount: thousands separators in their places, decimals after one point.
AMOUNT_RE = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def unwrapped_figure(text: str) -> str:
    """A figure a narrow column wrapped over two lines ("21,118.5" / "1") joined again; two
    figures stacked in one cell ("100.00" / "200.00", "100" / "200") are left as they are."""
    stripped = text.strip()
    if not _WRAPPED_NUMBER_RE.fullmatch(stripped):
        return text
    joined = re.sub(r"\s", "", stripped)
    first = stripped.splitlines()[0].strip()
    if not AMOUNT_RE.fullmatch(joined) or "." not in joined or re.fullmatch(r"-?[\d,]*\.\d{2}", first):
        return text
    return joined


_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
#: A count written in Chinese numerals up to 99 ("三", "十二", "二十", "三十五").
CHINESE_COUNT = r"[一二两三四五六七八九十]{1,3}"


def chinese_count(text: str) -> int | None:
    """The value of a count in Chinese numerals up to 99 ("十二" → 12), None when it is not one."""
    if not text or any(c not in _CHINESE_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _CHINESE_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)
