"""Model objects → plain JSON-ready data, and back for the types that round-trip.

Decimals become strings (no precision lost), dates ISO strings, enums their values,
frozen dataclasses dicts of their fields. Empty optional fields are kept as ``null`` so the
shape of the output is stable.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
from decimal import Decimal


def to_data(value: object) -> object:
    """``value`` as JSON-ready builtins."""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {name: to_data(item) for name, item in value._asdict().items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_data(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    return value
