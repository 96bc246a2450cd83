"""Completeness: the required parts are there, the statements attached, the years consistent."""

from __future__ import annotations

import re
from collections.abc import Iterator

from juesuan.checks.registry import Checked, NotApplicable, Violation, Yield, rule
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure
from juesuan.settings import Settings
from juesuan.source import Source

#: Required parts of a final-accounts disclosure (DOMAIN.md §1.2), each as alternative
#: heading keywords: (name, (alternatives: each a tuple of words that must all occur)).
REQUIRED_FINAL_SECTIONS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("部门职责/主要职能", (("职能",), ("职责",))),
    ("机构设置", (("机构",), ("单位构成",), ("单位基本情况",))),  # 上海: 部门决算单位构成
    ("收入支出决算总体情况", (("收入支出", "总体"), ("收支", "总体"))),
    ("收入决算情况", (("收入决算",),)),
    ("支出决算情况", (("支出决算",),)),
    ("财政拨款收入支出决算总体情况", (("财政拨款收入支出",), ("财政拨款收支",))),
    ("一般公共预算财政拨款支出决算情况", (("一般公共预算财政拨款支出",),)),
    ("一般公共预算财政拨款基本支出决算情况", (("基本支出",),)),
    ("“三公”经费支出决算情况", (("三公",),)),
    ("政府性基金预算财政拨款收入支出决算情况", (("政府性基金",),)),
    ("国有资本经营预算财政拨款支出决算情况", (("国有资本经营",),)),
    ("机关运行经费", (("机关运行经费",),)),
    ("政府采购", (("政府采购",),)),
    ("国有资产占用", (("国有资产",),)),
    ("预算绩效管理情况", (("绩效",),)),
    ("名词解释", (("名词解释",),)),
)


@rule(
    id="COMP-001",
    severity=Severity.WARNING,
    title="缺少规定的说明部分",
    template="未找到“{part}”部分",
    tags=("completeness",),
    doc=(
        "部门决算公开应包括部门职责、机构设置、决算收支增减变化、机关运行经费、政府采购、国有资产占用、"
        "预算绩效及名词解释等（预算法第十四条；财预〔2016〕143号；DOMAIN.md §1.2）。按标题关键词查找，"
        "地区性的标题写法均可接受。"
    ),
)
def check_required_sections(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Every required part of a final-accounts disclosure has a heading."""
    if disclosure.kind != "final":
        yield NotApplicable("仅对部门决算检查（预算的完整性见 juesuan score --completeness）")
        return
    titles = [h.title for h in disclosure.headings]
    for name, alternatives in REQUIRED_FINAL_SECTIONS:
        if any(all(word in title for word in words) for title in titles for words in alternatives):
            yield Checked()
        else:
            yield Violation(Source(file=disclosure.file), {"part": name}, section="完整性")


@rule(
    id="COMP-002",
    severity=Severity.WARNING,
    title="报表只列了名称而未附表",
    template="{count}张报表只列出名称，文档中没有报表本身：{titles}",
    tags=("completeness", "statements"),
    doc="部门决算公开应包括九张决算报表本身（预算法第十四条：“部门预算、决算及报表”）。只列出表名而未附表时提示核对附件。",
)
def check_statements_attached(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The statements the document lists are attached."""
    listed = disclosure.statements_listed
    if not listed:
        yield NotApplicable("文档没有列出报表名称")
        return
    present = {statement.key for statement in disclosure.statements}
    missing = [ref for ref in listed if not ref.attached and ref.key not in present]
    if not missing:
        yield Checked(len(listed))
        return
    yield Violation(
        source=missing[0].source,
        evidence=tuple(ref.source for ref in missing[1:]),
        values={"count": str(len(missing)), "titles": "、".join(f"《{ref.title}》" for ref in missing)},
        section="完整性",
    )


#: The narrative saying its statements follow ("2018 年度部门预算公开表附后", "具体公开表样附后").
_ATTACHED_RE = re.compile(r"(?:报表|公开表|预算表|决算表|附表)[^。；]{0,6}(?:附后|见附件|详见附件|另附)")


@rule(
    id="COMP-003",
    severity=Severity.WARNING,
    title="说报表附后而本文件没有报表",
    template="文中写“{text}”，但本文件中没有报表：报表若在另一文件（附件）中，须一并公开并核对",
    tags=("completeness", "statements"),
    doc=(
        "说明写报表“附后”“见附件”，而文件中一张报表也没有（江苏：说明与公开表分两个文件）：报表与说明的核对无法在本文件"
        "内完成，提示核对附件是否齐全、一并公开。"
    ),
)
def check_statements_said_attached(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """A narrative that says its statements follow has them, or says where they are."""
    if disclosure.statements:
        yield NotApplicable("文件中有报表")
        return
    for passage in disclosure.passages:
        match = _ATTACHED_RE.search(passage.text)
        if match is not None:
            text = passage.text.strip()[:40]
            yield Violation(passage.source.with_text(text), {"text": text}, section="完整性")
            return
    yield NotApplicable("文中没有说报表附后")


_YEAR_RE = re.compile(r"(20\d{2})\s*年")
#: A year named as the year of the accounts ("2019年度本年收入", "2019年部门决算"), not a date.
_FISCAL_YEAR_RE = re.compile(
    r"(20\d{2})\s*年度?\s*(?:部门|单位)?(?:预算|决算|本年|收入|支出|财政拨款|一般公共预算)"
)


@rule(
    id="TEXT-001",
    severity=Severity.WARNING,
    title="年份与决算年度不符",
    template="文中写“{text}”，而本文档是{year}年度的{kind}",
    tags=("text",),
    doc=(
        "决算说明中提到的年份应为决算年度N（与上年N−1比较）；预算说明中为预算年度N及上年N−1。"
        "出现其他年份（如N+1或N−2）多半是沿用旧稿未改。引用文件名、条例年份等处不检查。"
    ),
)
def check_year_references(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Years in the narrative are the fiscal year or the year before."""
    year = disclosure.year
    if year is None:
        yield NotApplicable("未识别出年度")
        return
    allowed = {year, year - 1}
    kind = "决算" if disclosure.kind == "final" else "预算"
    for passage in disclosure.passages:
        for match in _FISCAL_YEAR_RE.finditer(passage.text):
            value = int(match.group(1))
            if value in allowed or value > year + 1:
                yield Checked()
                continue
            source = Source(
                passage.source.file, passage.source.page, passage.source.line, text=match.group(0)
            )
            yield Violation(source, {"text": match.group(0), "year": str(year), "kind": kind}, section="文字")
