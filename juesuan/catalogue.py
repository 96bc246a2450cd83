"""Classification catalogues (政府收支分类科目) as reference data.

The rows come from ``juesuan/data/*.csv`` (started from ``catalogue-draft``); each says how
far it is verified: ``verified`` (seen in a primary source), ``secondary`` (seen in a
published document) or ``recalled`` (transcribed from memory, unverified). Checks may give
an error only on verified rows; anything else is a warning at most.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One code of a catalogue.

    Attributes:
        code: 3, 5 or 7 digits (function) or 3/5 digits (economic).
        name: the name in the catalogue year.
        level: 类, 款 or 项.
        parent: the parent code, empty for a 类.
        year: the catalogue year.
        verification: ``verified``, ``secondary`` or ``recalled``.
        former_names: names the code had in earlier catalogue years.
    """

    code: str
    name: str
    level: str
    parent: str
    year: int
    verification: str
    former_names: tuple[str, ...] = ()


#: Renames of function classes in the 2019 catalogue (DOMAIN.md §1.3).
FORMER_NAMES: dict[str, tuple[str, ...]] = {
    "207": ("文化体育与传媒支出",),
    "210": ("医疗卫生与计划生育支出", "医疗卫生支出"),
    "220": ("国土海洋气象等支出",),
    "20805": ("行政事业单位离退休",),
}
#: The catalogue year from which a former name is retired (None: the year is not known, so
#: the former name is accepted in every year).
RENAMED_IN: dict[str, int | None] = {"207": 2019, "210": 2019, "220": 2019, "20805": None}


def _verification(source: str) -> str:
    for level in ("verified", "secondary", "recalled"):
        if source.startswith(level):
            return level
    return "recalled"


@functools.cache
def load(name: str) -> dict[str, CatalogueEntry]:
    """The catalogue ``name`` (``func_class_2024``, ``econ_dept_budget_2024`` …) by code."""
    text = resources.files("juesuan.data").joinpath(f"{name}.csv").read_text(encoding="utf-8")
    entries: dict[str, CatalogueEntry] = {}
    for row in csv.DictReader(text.splitlines()):
        entries[row["code"]] = CatalogueEntry(
            code=row["code"],
            name=row["name"],
            level=row["level"],
            parent=row["parent"],
            year=int(row["year_of_catalogue"]),
            verification=_verification(row["source"]),
            former_names=FORMER_NAMES.get(row["code"], ()),
        )
    return entries


def function_codes() -> dict[str, CatalogueEntry]:
    """The expenditure function classification."""
    return load("func_class_2024")


def economic_codes() -> dict[str, CatalogueEntry]:
    """The department-budget economic classification."""
    return load("econ_dept_budget_2024")


def normalize_name(name: str) -> str:
    """A name compared loosely: no spaces, brackets unified, level suffixes such as （项） dropped."""
    compact = re.sub(r"\s", "", name).replace("(", "（").replace(")", "）").lstrip("-－·•")
    compact = re.sub(r"（[类款项]）$", "", compact)
    return compact.replace("“", "").replace("”", "").replace('"', "")


def name_matches(entry: CatalogueEntry, name: str) -> bool:
    """Whether ``name`` is the entry's name (or a former one), compared loosely."""
    wanted = normalize_name(name)
    return any(normalize_name(candidate) == wanted for candidate in (entry.name, *entry.former_names))
