"""Classification codes: well-formed, and named as the catalogue names them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from juesuan import catalogue
from juesuan.checks.registry import Checked, CouldNotCheck, NotApplicable, Violation, Yield, rule
from juesuan.checks.walk import amounts
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure
from juesuan.model.statements import StatementRow
from juesuan.settings import Settings
from juesuan.source import Source

FUNCTION_CODE_LENGTHS = (3, 5, 7)


def _coded(disclosure: Disclosure) -> Iterator[tuple[str, str, str, Figure]]:
    for section, stated in amounts(disclosure):
        if stated.code is not None and stated.key.startswith("function:"):
            yield section, stated.code, stated.label, stated.amount


@rule(
    id="CODE-001",
    severity=Severity.ERROR,
    title="功能分类科目编码格式错误",
    template="功能分类科目编码“{code}”（{name}）有{digits}位，类、款、项编码应为3、5、7位，且以2开头",
    tags=("classification",),
    doc="支出功能分类科目编码：类3位、款5位、项7位，支出科目以2开头（预算法第三十二条；DOMAIN.md §4.1）。",
)
def check_function_code_format(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Function codes have 3, 5 or 7 digits and start with 2."""
    found = False
    for section, code, name, amount in _coded(disclosure):
        found = True
        if len(code) in FUNCTION_CODE_LENGTHS and re.fullmatch(r"2\d+", code):
            yield Checked()
            continue
        yield Violation(
            source=amount.source,
            values={"code": code, "name": name, "digits": str(len(code))},
            section=section,
        )
    if not found:
        yield NotApplicable("文中没有带编码的功能分类科目")


@rule(
    id="CODE-002",
    severity=Severity.WARNING,
    title="科目名称与分类目录不符",
    template="科目{code}在{year}年分类目录中为“{expected}”，文中写作“{name}”",
    tags=("classification",),
    doc=(
        "科目编码对应的名称应与政府收支分类科目一致（含历年更名，如医疗卫生与计划生育支出→卫生健康支出）。"
        "目录草稿的大部分条目尚未核实，因此只记为警告；目录中没有的编码记为“无法检查”。"
    ),
)
def check_function_code_names(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Code and name agree with the function classification catalogue."""
    codes = catalogue.function_codes()
    found = False
    unknown: list[str] = []
    for section, code, name, amount in _coded(disclosure):
        if len(code) not in FUNCTION_CODE_LENGTHS:
            continue  # CODE-001 reports it
        found = True
        entry = codes.get(code)
        if entry is None:
            unknown.append(code)
            continue
        if catalogue.name_matches(entry, name):
            yield Checked()
            continue
        yield Violation(
            source=amount.source,
            values={"code": code, "year": str(entry.year), "expected": entry.name, "name": name},
            section=section,
        )
    if unknown:
        yield CouldNotCheck(f"分类目录草稿中没有这些编码：{'、'.join(unknown)}")
    if not found:
        yield NotApplicable("文中没有带编码的功能分类科目")


#: The standard statements, whose split code columns hold only the classification.
STANDARD_KEYS = frozenset(
    {
        "summary",
        "income",
        "expenditure",
        "appropriation_summary",
        "general_budget_expenditure",
        "basic_expenditure",
        "government_fund",
        "state_capital",
        "economic_expenditure",
    }
)


def _misprint(parts: tuple[str, ...], parent: tuple[str, ...]) -> str | None:
    """What is wrong with a code printed in split columns, or None.

    A 款 or 项 of one digit ("301 2") is wrong. So is a 类 of one or two digits under the 款 it
    continues ("7 11 02" after "210 11"): another 类 there would be a misreading, not a misprint.
    """
    head, *rest = parts
    if len(head) == 3:
        return None if all(len(part) == 2 for part in rest) else "类应为3位，款、项应各为2位"
    if (
        1 <= len(head) < 3
        and len(parts) == 3
        and all(len(part) == 2 for part in rest)
        and len(parent) == 2
        and parent[1] == rest[0]
    ):
        return f"类应为3位（上一行为“{' '.join(parent)}”，应为“{parent[0]} {rest[0]} {rest[1]}”）"
    return None


@rule(
    id="CODE-003",
    severity=Severity.ERROR,
    title="报表科目编码印错",
    template="《{title}》中“{name}”的编码分栏印为“{printed}”：{expected}",
    tags=("classification", "statements"),
    doc=(
        "编码分“类、款、项”三栏印时，类为3位，款、项各为2位。款或项只有1位（如“02”印成“2”）就是印错了；"
        "紧接在所属款行（如“210 11”）之后的项行类栏只有一两位（如“7 11 02”）也是印错了。"
        "单栏印出的长编码（单位编码、地方细化科目）不在此检查。"
    ),
)
def check_statement_code_format(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Codes printed in split 类/款/项 columns have 3, 2 and 2 digits."""
    found = False
    for statement in disclosure.statements:
        if statement.key not in STANDARD_KEYS:
            continue  # procurement and project lists print other codes beside the classification
        parent: tuple[str, ...] = ()
        for row in statement.rows:
            if not 2 <= len(row.code_parts) <= 3:
                continue
            found = True
            expected = _misprint(row.code_parts, parent)
            if len(row.code_parts[0]) == 3:
                parent = row.code_parts
            if expected is None:
                yield Checked()
                continue
            yield Violation(
                row.source,
                {
                    "title": statement.title,
                    "name": row.name,
                    "printed": " ".join(row.code_parts),
                    "expected": expected,
                },
                section="预算报表" if disclosure.kind == "budget" else "决算报表",
            )
    if not found:
        yield NotApplicable("报表中没有分栏印出的科目编码")


@rule(
    id="CODE-004",
    severity=Severity.WARNING,
    title="报表科目名称与分类目录不符",
    template="《{title}》中编码{code}写作“{name}”，{year}年分类目录中为“{expected}”{note}",
    tags=("classification", "statements"),
    doc=(
        "报表中科目编码对应的名称应与当年的政府收支分类科目一致（简称，即目录名称的开头部分，视为一致）。"
        "2019年起部分类级科目更名（如医疗卫生与计划生育支出→卫生健康支出、文化体育与传媒支出→文化旅游体育与传媒支出）："
        "此后年份仍用旧名也记为警告；2019年以前的文档用旧名不提示；更名年份不明的旧名（如20805行政事业单位离退休）不提示。"
        "目录草稿多数条目尚未核实，故只记为警告；目录中没有的编码不检查。"
    ),
)
def check_statement_code_names(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Statement rows name their codes as the catalogue of their year does."""
    codes = catalogue.function_codes()
    found = False
    for statement in disclosure.statements:
        if statement.key not in STANDARD_KEYS:
            continue  # a procurement or project list names its items beside the code, not the code
        seen: set[tuple[str, str]] = set()
        for row in statement.rows:
            entry = codes.get(row.code or "")
            if entry is None or not row.name or (row.code, row.name) in seen:
                continue
            if len(entry.code) == 3 and not row.name.endswith("支出"):
                continue  # a budget unit's own code that happens to read like a class (201 中共…宣传部)
            seen.add((row.code or "", row.name))
            found = True
            wanted = catalogue.normalize_name(row.name)
            expected = catalogue.normalize_name(entry.name)
            current = wanted == expected or expected.startswith(wanted) or wanted.startswith(expected)
            former = any(catalogue.normalize_name(n) == wanted for n in entry.former_names)
            renamed = catalogue.RENAMED_IN.get(entry.code)
            year = disclosure.year or entry.year
            if current or (former and (renamed is None or year < renamed)):
                yield Checked()
                continue
            note = f"（{renamed}年起已更名）" if former else ""
            yield Violation(
                row.source,
                {
                    "title": statement.title,
                    "code": entry.code,
                    "name": row.name,
                    "year": str(entry.year),
                    "expected": entry.name,
                    "note": note,
                },
                section="预算报表" if disclosure.kind == "budget" else "决算报表",
            )
    if not found:
        yield NotApplicable("报表中没有分类目录收录的科目编码")


#: The department economic classification in force from 2018 (the catalogue's); older
#: documents used the former one (2017: 30307 医疗费, 30311 住房公积金).
ECONOMIC_SINCE = 2018


@rule(
    id="CODE-006",
    severity=Severity.ERROR,
    title="报表经济分类编码与名称错位",
    template="《{title}》中经济分类编码与名称错位：{rows}",
    tags=("classification", "statements"),
    doc=(
        "部门预算支出经济分类科目的编码与名称应一一对应。报表中某编码写的名称恰是目录中同级另一个编码的名称时"
        "（“30202咨询费”，咨询费为30203、30202为印刷费），编码与名称错位；一张表中有这样的错位时，一并列出该表"
        "其余名称与目录不符的编码（一张表一条）。名称只是简写或写法不同的不单独报告。按2018年起施行的目录，"
        "此前年份的文档不检查。目录部分条目尚未核实，故记为警告；至少2行的名称按已核实的目录条目属于另一编码时"
        "（一个名称只有一个编码），错位已被证实，记为错误。"
    ),
)
def check_economic_code_names(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Economic codes printed with another code's name, one finding a statement."""
    if disclosure.year is not None and disclosure.year < ECONOMIC_SINCE:
        yield NotApplicable(f"{disclosure.year}年的文档适用此前的经济分类目录，未收录")
        return
    codes = catalogue.economic_codes()
    by_name: dict[str, list[str]] = {}
    for known in codes.values():
        by_name.setdefault(catalogue.normalize_name(known.name), []).append(known.code)
    found = False
    for statement in disclosure.statements:
        shifted: list[tuple[StatementRow, str]] = []
        unlike: list[StatementRow] = []
        for row in statement.rows:
            entry = codes.get(row.code or "")
            if entry is None:
                if _economic(row.code) and row.name:
                    unlike.append(row)  # listed only beside proven shifts: the catalogue may lack it
                continue
            if not row.name:
                continue
            found = True
            name = catalogue.normalize_name(row.name)
            expected = catalogue.normalize_name(entry.name)
            if name == expected or expected.startswith(name) or name.startswith(expected):
                yield Checked()
                continue
            others = [c for c in by_name.get(name, []) if c != entry.code and len(c) == len(entry.code)]
            if others:
                shifted.append((row, others[0]))
            else:
                unlike.append(row)
        if shifted:
            listed = [f"{r.code}“{r.name}”（{r.name}为{other}）" for r, other in shifted]
            listed += [f"{r.code}“{r.name}”（{_catalogued(codes, r.code or '')}）" for r in unlike]
            proven = sum(codes[other].verification == "verified" for _, other in shifted)
            yield Violation(
                shifted[0][0].source,
                {"title": statement.title, "rows": "、".join(listed)},
                evidence=tuple(r.source for r, _ in shifted[1:]),
                severity=None if proven >= PROVEN_SHIFTS else Severity.WARNING,
                section="预算报表" if disclosure.kind == "budget" else "决算报表",
            )
    if not found:
        yield NotApplicable("报表中没有经济分类目录收录的科目编码")


#: Rows whose name belongs, by a verified catalogue entry, to another code: this many in one
#: statement prove the codes shifted (a name has one code), an error whatever the rest.
PROVEN_SHIFTS = 2


def _economic(code: str | None) -> bool:
    """Whether ``code`` reads like a department economic code (301, 30201)."""
    return code is not None and len(code) in (3, 5) and code[:2] in ("30", "31")


def _catalogued(codes: dict[str, catalogue.CatalogueEntry], code: str) -> str:
    entry = codes.get(code)
    return f"{code}为“{entry.name}”" if entry is not None else f"目录中没有{code}"


@rule(
    id="CODE-007",
    severity=Severity.WARNING,
    title="使用已停用的科目名称",
    template="{where}写作“{name}”，{renamed}年起该类科目名称为“{current}”",
    tags=("classification", "narrative", "statements"),
    doc=(
        "2019年政府收支分类科目将部分类级科目更名（医疗卫生与计划生育支出→卫生健康支出、文化体育与传媒支出→"
        "文化旅游体育与传媒支出、国土海洋气象等支出→自然资源海洋气象等支出）。此后年份的文档在说明中写“旧名（类）”，"
        "或在报表中以旧名列出不带编码的类级科目，记为警告（带编码的报表行由CODE-004检查）。每页每个旧名一处。"
    ),
)
def check_retired_names(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Names retired by a catalogue revision do not appear in a later year's document."""
    if disclosure.year is None:
        yield NotApplicable("文档年度不明")
        return
    year, codes = disclosure.year, catalogue.function_codes()
    retired = {
        former: (renamed, codes[code].name)
        for code, names in catalogue.FORMER_NAMES.items()
        if (renamed := catalogue.RENAMED_IN.get(code)) is not None and year >= renamed and code in codes
        for former in names
        if not codes[code].name.startswith(
            former
        )  # a former name the current one begins with is its short form
    }
    if not retired:
        yield NotApplicable("没有在本年度之前停用的科目名称")
        return
    seen: set[tuple[int | None, str]] = set()
    for where, name, source in _retired_uses(disclosure, retired):
        if (source.page, name) in seen:
            continue
        seen.add((source.page, name))
        renamed, current = retired[name]
        values: dict[str, Decimal | str] = {
            "where": where,
            "name": name,
            "renamed": str(renamed),
            "current": current,
        }
        yield Violation(source, values, section="科目名称")
    if not seen:
        yield Checked()


def _retired_uses(
    disclosure: Disclosure, retired: dict[str, tuple[int, str]]
) -> Iterator[tuple[str, str, Source]]:
    pattern = re.compile("(" + "|".join(map(re.escape, retired)) + r")\s*[（(]类[）)]")
    for passage in disclosure.passages:
        for match in pattern.finditer(passage.text):
            yield "说明中", match.group(1), passage.source.with_text(match.group(0))
    for statement in disclosure.statements:
        if statement.key not in FUNCTION_STATEMENTS:
            continue  # a project table's 医疗卫生支出 names a project, not a class
        for row in statement.rows:
            name = re.sub(
                r"^(?:[一二三四五六七八九十]+、|\d+[.、．])", "", catalogue.normalize_name(row.name)
            )
            if row.code is None and name in retired:
                yield f"《{statement.title}》中", name, row.source


#: The statements whose rows are function classes (by name where no code is printed).
FUNCTION_STATEMENTS = frozenset(
    {
        "summary",
        "income",
        "expenditure",
        "appropriation_summary",
        "general_budget_expenditure",
        "government_fund",
        "state_capital",
    }
)
