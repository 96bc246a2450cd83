"""Which department and fiscal year a document is about.

The cover says it in many ways ("2026 年深圳市信访局部门预算", "预算主管部门：…", "部门： 江苏省
人大常委会办公厅 单位：万元"); a statements-only attachment may say it only in its file name. A
name is accepted only when it ends like an organisation's name, so a table title is never
taken for a department: better no name than a wrong one.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

from juesuan.document import Document
from juesuan.model.organisations import ORGANISATION_RE as _ORGANISATION_RE

_LABEL_RE = re.compile(
    r"(?:预算主管部门|预算单位|主管部门|单位名称|部门名称|部\s*门)\s*[：:]\s*(?P<name>[^\s：:]+)"
    r"|部门名称\s+(?P<bare>[^\s：:]+)"
)
_NOT_NAME_RE = re.compile(r"(?:20\d{2}\s*年度?|（(?:汇总|本级)）|\((?:汇总|本级)\))")
_NAME_END_RE = re.compile(r"(?:部门|单位预算|单位决算|预算|决算|信息|保密审查|部门主要负责人|\s).*$")
#: "…办公厅江苏省财政厅印制": the printer's name after the department's.
_PRINTER_RE = re.compile(r"[^局厅]*财政(?:厅|局)印制$")

_TITLE_YEAR_RE = re.compile(r"(20\d{2})\s*年(?:度)?\s*(?:[省市区县]级)?(?:部门|单位)?(?:综合)?(?:预算|决算)")
_YEAR_RE = re.compile(r"(20\d{2})\s*年度?")
_YEAR_IN_TITLE_RE = re.compile(r"(20\d{2})\s*年")


def _organisation(text: str) -> str | None:
    """The organisation named at the start of ``text``, cleaned of years and document words."""
    name = _NOT_NAME_RE.sub("", text).strip(" ：:")
    name = _PRINTER_RE.sub("", name)
    name = _NAME_END_RE.sub("", name)
    if "表" in name or not _ORGANISATION_RE.match(name):
        return None
    return name


def department_of(document: Document) -> str:
    """The department (or unit) the document discloses, or "" when it does not say."""
    opening = [p.text for p in document.paragraphs[:12]]
    labelled: Counter[str] = Counter()
    for text in opening:
        match = _LABEL_RE.search(text)
        name = _organisation(match.group("name") or match.group("bare")) if match else None
        if name:
            labelled[name] += 1
    if labelled:  # the name most labels agree on: one of them may be wrapped mid-word
        return labelled.most_common(1)[0][0]
    for text in opening[:6]:
        name = _organisation(text)
        if name:
            return name
    for part in reversed(re.split(r"[_：:]", PurePath(document.path).stem)):
        name = _organisation(part)
        if name and re.search(r"[省市区县州旗]|中共", name):
            return name
    return ""


def year_of(document: Document) -> int | None:
    """The fiscal year: from the title ("2026年部门预算", "上海市普陀区2024年区级部门预算"), else
    the year most often written as "N年度" in the opening pages, else the file name's."""
    opening = [p.text for p in document.paragraphs[:120]]
    for text in opening[:8]:
        match = _TITLE_YEAR_RE.search(text)
        if match:
            return int(match.group(1))
    cover = "".join(opening[:2])  # a title may wrap: "…部门预" + "算"
    match = _YEAR_IN_TITLE_RE.search(cover)
    if match and re.search(r"预算|决算", cover):
        return int(match.group(1))
    years: Counter[int] = Counter()
    for text in opening:
        years.update(int(m.group(1)) for m in _YEAR_RE.finditer(text) if "年度" in m.group(0))
    if years:
        return years.most_common(1)[0][0]
    match = _TITLE_YEAR_RE.search(PurePath(document.path).stem)
    return int(match.group(1)) if match else None
