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
