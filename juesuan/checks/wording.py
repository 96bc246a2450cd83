"""Wording an inspector sends back: drafting notes left in, reasons left empty, figures and
phrases missing a word, a stray letter, an asset date past the period.

Each is a warning but the asset date: the text is unfinished, the figures may be right. Each
pattern is a form of words, never a particular document's sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from juesuan.checks.registry import Checked, NotApplicable, Violation, Yield, rule
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure, Passage
from juesuan.settings import Settings

#: Notes to the drafter that should have been deleted before publishing.
DRAFTING_RE = re.compile(
    r"（增加内容）|（此处[^）]{0,20}）|请核实|请填写|请据实|按[^。；]{0,40}?填写|填列数|为必填项"
    r"|应与《[^》]{2,30}》[^。；]{0,24}?一致|若无[^。；]{0,30}?则[^。；]{0,10}?写"
)
#: "主要原因是。": the reason was never written.
EMPTY_REASON_RE = re.compile(r"(?:主要原因|原因)(?:是|为)[:：]?\s*[。；;]|主要用于\s*[。；;]")
#: Phrases missing a word or a unit.
INCOMPLETE = (
    (re.compile(r"(?:增长|下降|增幅|降幅|上升)(?:了|为)?\s*\d+\.\d+\s*(?=[。；;，,])"), "比率缺少“%”"),
    (re.compile(r"\d+(?:\.\d+)?\s*万(?=\s*(?:[（(，,。；;]|以上|以下))"), "金额缺少“元”"),
    (
        re.compile(r"(?:比|较)(?:上年|\d{4}\s*年)(?:度)?(?:预算|执行)?数?\s*\d+(?:\.\d+)?\s*万元"),
        "增减缺少“增加”或“减少”",
    ),
    (re.compile(r"上一度"), "“上一度”缺字（上一年度）"),
    (re.compile(r"主要原因(?:是|为)一是"), "“主要原因是一是”语句不通"),
    (re.compile(r"主要原因[，,](?!\s*(?:一是|是|为))|(?:主要|变动)原因(?=根据|由于|因为)"), "“原因”后缺“是”"),
    (re.compile(r"原因(?:是|为)由于"), "“原因是由于”语义重复"),
    (re.compile(r"\d[\d,]*\.\d+\.\d+\s*(?:万元|元)"), "数字格式有误"),
    (re.compile(r"（[^（）()]{0,20}\)|\([^（）()]{0,20}）"), "括号全角与半角混用"),
)
#: A lowercase Latin letter alone between Chinese characters ("发f补贴").
STRAY_LETTER_RE = re.compile(r"(?<=[\u4e00-\u9fff])[a-z](?=[\u4e00-\u9fff])")
#: A doubled 的 ("服务的的满意度") or 支出 ("政府性基金支出预算支出"); other doubled characters are often two words meeting
#: ("行为为0", "以及及时", "和和谐"), so they are not judged.
DOUBLED_WORD_RE = re.compile(r"的的|等等等|支出预算支出|收入预算收入")
#: A half-width comma between Chinese words ("高质量发展,为"): Chinese text takes "，".
HALF_WIDTH_COMMA_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]),(?!\s*\d+(?:\.\d+)?%\s*$)|,(?=\s*[\u4e00-\u9fff])"
)  # not a chart's label "预留机动经费, 0.64%"
#: A Chinese sentence closed by a half-width full stop ("…前完成."): Chinese text takes "。".
HALF_WIDTH_STOP_RE = re.compile(r"(?<=[\u4e00-\u9fff])\.(?=\s*$)")
#: Brackets around Chinese words: full-width in Chinese text, half-width ("因公出国(境)费") only
#: a slip where the document's other brackets are full-width.
HALF_WIDTH_BRACKETS_RE = re.compile(r"\([^()（）]{0,20}[\u4e00-\u9fff][^()（）]{0,20}\)")
FULL_WIDTH_BRACKETS_RE = re.compile(r"（[^()（）]{0,40}）")
#: Full-width bracket pairs a document must print, and how many times its half-width ones at least.
FULL_WIDTH_HABIT = 10


def _excerpt(text: str, start: int, end: int) -> str:
    return text[max(0, start - 12) : end + 12]


@rule(
    id="TEXT-003",
    severity=Severity.WARNING,
    title="起草提示未删除",
    template="文中留有起草提示或模板说明“{text}”{where}，应删除或按实际填写",
    tags=("text", "hygiene"),
    doc=(
        "“（增加内容）”“请核实…”“按…填写”“填列数应与…一致”“为必填项”“若无…则写…”一类给起草人的提示、"
        "模板说明，公开前应删除。"
    ),
)
def check_drafting_notes(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Drafting notes and template instructions left in the text, quoted to the end of their clause:
    one finding for the document (the notes were not removed), at the first, quoting them all."""
    notes = [
        (passage, _clause(passage.text, m.start(), m.end()))
        for passage in (*disclosure.passages, *disclosure.cell_texts)
        for m in DRAFTING_RE.finditer(passage.text)
    ]
    if not notes:
        yield Checked() if disclosure.passages else NotApplicable("没有读到说明文字")
        return
    quoted = "”“".join(dict.fromkeys(text for _, text in notes))
    pages = sorted({p.source.page for p, _ in notes if p.source.page is not None})
    where = f"（第{'、'.join(str(p) for p in pages)}页）" if len(pages) > 1 else ""
    yield Violation(notes[0][0].source.with_text(quoted), {"text": quoted, "where": where}, section="文字")


def _clause(text: str, start: int, end: int) -> str:
    """The match and what follows it, to the end of its clause."""
    stop = re.search(r"[。；;）)]", text[end:])
    return text[start : end + (stop.end() if stop and stop.start() <= 30 else 0)]


@rule(
    id="TEXT-004",
    severity=Severity.WARNING,
    title="原因或用途未填写",
    template="“{text}”后没有写明原因或用途",
    tags=("text", "hygiene"),
    doc="“主要原因是。”“主要用于。”：句子到此结束，原因或用途留空未填。",
)
def check_empty_reasons(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """A reason or a use announced and never given: one finding a paragraph, quoting each."""
    if not disclosure.passages:
        yield NotApplicable("没有读到说明文字")
        return
    for passage in disclosure.passages:
        quotes = [_excerpt(passage.text, m.start(), m.end()) for m in EMPTY_REASON_RE.finditer(passage.text)]
        if not quotes:
            yield Checked()
            continue
        quoted = "”“".join(dict.fromkeys(quotes))
        yield Violation(passage.source.with_text(quoted), {"text": quoted}, section="文字")


@rule(
    id="TEXT-005",
    severity=Severity.WARNING,
    title="数字或用语不完整",
    template="文字不完整，{problem}：“{text}”",
    tags=("text", "hygiene"),
    doc=(
        "“增长13.95。”缺百分号，“0.39万（”缺“元”，“比上年1.43万元”缺“增加/减少”，"
        "“较上一度”缺字，“1,541.50.00元”数字格式有误，“（款)”括号全角与半角混用，“主要原因，落实…”“变动原因根据…”缺“是”，"
        "“原因是由于”语义重复；另有字间夹杂的单个英文字母（“发f补贴”）、重叠的字词（“的的”“支出预算支出”），"
        "中文中的半角逗号、句末的半角句号，以及通篇用全角括号时个别的半角括号（这三者每个文档一处）。"
    ),
)
def check_incomplete_wording(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Figures and phrases missing a word, a stray letter, a doubled word, a half-width comma.

    Each problem once a page, at its first place, with how often it recurs there ("1720.00万，"
    written through a page is one thing to correct); the half-width comma once a document.
    """
    if not disclosure.passages:
        yield NotApplicable("没有读到说明文字")
        return
    patterns: tuple[tuple[re.Pattern[str], str], ...] = (
        *INCOMPLETE,
        (STRAY_LETTER_RE, "字间夹杂英文字母"),
        (DOUBLED_WORD_RE, "字词重复"),
        (HALF_WIDTH_COMMA_RE, "中文中使用了半角逗号"),
        (HALF_WIDTH_STOP_RE, "中文句末使用了半角句号"),
    )
    if _full_width_habit(disclosure):
        patterns = (*patterns, (HALF_WIDTH_BRACKETS_RE, "中文中使用了半角括号"))
    habits = (HALF_WIDTH_COMMA_RE, HALF_WIDTH_STOP_RE, HALF_WIDTH_BRACKETS_RE)
    yield from _slips(disclosure, patterns, once_a_document=habits)


def _full_width_habit(disclosure: Disclosure) -> bool:
    """Whether the document brackets Chinese words full-width, bar a few half-width slips."""
    texts = [p.text for p in (*disclosure.passages, *disclosure.cell_texts)]
    full = sum(len(FULL_WIDTH_BRACKETS_RE.findall(t)) for t in texts)
    half = sum(len(HALF_WIDTH_BRACKETS_RE.findall(t)) for t in texts)
    return half > 0 and full >= FULL_WIDTH_HABIT and full >= FULL_WIDTH_HABIT * half


def _slips(
    disclosure: Disclosure,
    patterns: tuple[tuple[re.Pattern[str], str], ...],
    once_a_document: tuple[re.Pattern[str], ...] = (),
) -> Iterator[Yield]:
    """Each pattern's matches in the text and the tables' prose, once a page at the first place
    with how often it recurs there (once a document for a typing habit)."""
    for pattern, problem in patterns:
        places = [
            (passage, match)
            for passage in (*disclosure.passages, *disclosure.cell_texts)  # a table's prose too
            for match in pattern.finditer(passage.text)
            if pattern is not STRAY_LETTER_RE or not _quoted_name(passage.text, match.start())
        ]
        if not places:
            yield Checked()
            continue
        by_page: dict[object, list[tuple[Passage, re.Match[str]]]] = {}
        for place in places:
            key = "document" if pattern in once_a_document else place[0].source.page
            by_page.setdefault(key, []).append(place)
        for group in by_page.values():
            passage, match = group[0]
            quoted = _excerpt(passage.text, match.start(), match.end())
            forms = list(dict.fromkeys(m.group(0) for _, m in group))
            listed = f"：{'、'.join(f'“{f}”' for f in forms)}" if len(forms) > 1 else ""
            more = f"（共{len(group)}处{listed}）" if len(group) > 1 else ""
            yield Violation(
                passage.source.with_text(quoted), {"problem": problem + more, "text": quoted}, section="文字"
            )


#: Standard terms misspelled: the template wording 比…持平 (与…持平), the “三公” item with a 车 too
#: many or too few, 提租补贴 cut short, 其它 in a classification name (the catalogue writes 其他).
MISSPELT = (
    (
        re.compile(r"比(?:上年|上一年度|\d{4}\s*年度?)(?:预算|决算|执行)?数?(?:相比)?持平"),
        "“比…持平”应为“与…持平”",
    ),
    (re.compile(r"公务车(?:用车)?(?:购置及运行(?:维护)?费|运行(?:维护)?费|购置费)"), "应为“公务用车…”"),
    (re.compile(r"提租补(?!贴)"), "应为“提租补贴”"),
    (
        re.compile(r"其它(?=[\u4e00-\u9fff]{0,16}(?:支出|收入|经费|资金))"),
        "科目或项目名称中的“其它”应为“其他”",
    ),
    (
        re.compile(r"(?<!\d)(?:0?[2469]|11)\s*月\s*31\s*日|(?<!\d)0?2\s*月\s*3[01]\s*日"),
        "日期不存在（小月没有31日，2月没有30日）",
    ),
)


@rule(
    id="TEXT-007",
    severity=Severity.WARNING,
    title="规范用语写错",
    template="用语有误，{problem}：“{text}”",
    tags=("text", "hygiene"),
    doc=(
        "公开文件的规范用语写错：“比上年持平”（应为“与上年持平”）、“公务车用车运行费”“公务车购置及运行费”"
        "（应为“公务用车…”）、“提租补政策性调整”（缺“贴”）、科目、收入或项目名称中的“其它”（分类目录作“其他”）。每页一处。"
    ),
)
def check_misspelt_terms(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Standard terms written as the templates and the catalogue write them."""
    if not disclosure.passages:
        yield NotApplicable("没有读到说明文字")
        return
    yield from _slips(disclosure, MISSPELT)


def _quoted_name(text: str, at: int) -> bool:
    """Whether ``at`` is inside “…”: a name ("苏检e访通") may mix letters in on purpose."""
    return text.rfind("“", 0, at) > text.rfind("”", 0, at)


#: What a dated count holds (the assets, the vehicles, the staff), and the words of a plan instead.
_HOLDINGS_RE = re.compile(r"共有|占有|资产|车辆|实有|在职|编制|房屋|土地|设备")
_PLAN_RE = re.compile(r"完成|实现|达到|力争|计划|预计|确保|累计")
_ASSET_DATE_RE = re.compile(r"截[至止]\s*(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


#: A regulation's own words: its article numbers, "制定本规定".
_ARTICLE_RE = re.compile(r"^第[一二三四五六七八九十百]+条\s*\S|制定本(?:规定|办法|细则)")


@rule(
    id="TEXT-008",
    severity=Severity.WARNING,
    title="照搬规定条文",
    template="{where}照搬了规定的条文（“{text}”），应概括写明本单位的职能",
    tags=("text", "hygiene"),
    doc=(
        "部门职能应概括写出，不应把“三定”规定原样贴入：“第一条 根据《…机构改革方案》，制定本规定。第二条 …”"
        "一类条文编号和“制定本规定”是规定自身的话。一个文档一处。"
    ),
)
def check_pasted_articles(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The narrative describes the department rather than pasting its regulation."""
    if not disclosure.passages:
        yield NotApplicable("没有读到说明文字")
        return
    for passage in disclosure.passages:
        match = _ARTICLE_RE.search(passage.text)
        if match is not None:
            text = re.split(r"(?<=。)", passage.text[match.start() :], maxsplit=1)[0][:60]  # its sentence
            where = f"第{passage.source.page}页" if passage.source.page else "文中"
            yield Violation(passage.source.with_text(text), {"where": where, "text": text}, section="文字")
            return
    yield Checked()


@rule(
    id="YEAR-001",
    severity=Severity.ERROR,
    title="日期晚于编制时点",
    template="预算说明写“{text}”，而{year}年度预算编制于{previous}年，不可能有截至该日的数据",
    tags=("text", "year", "budget"),
    doc=(
        "预算在预算年度开始前后编制、至迟于N年春公开：N年度预算中“截至N年12月31日”（N年4月及以后）的资产、"
        "人员等数据不可能已有，应为截至N−1年或N年初的某日。只用于预算。"
    ),
)
def check_dates_past_preparation(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """A budget's "截至…" dates are before its year begins."""
    year = disclosure.year
    if disclosure.kind != "budget" or year is None:
        yield NotApplicable("不是预算，或未识别出年度")
        return
    for passage in disclosure.passages:
        for match in _ASSET_DATE_RE.finditer(passage.text):
            after = passage.text[match.end() : match.end() + 40]
            if not _HOLDINGS_RE.search(after) or _PLAN_RE.search(after):
                continue  # a target date ("截至2026年12月31日，完成…"), not the date of a count
            # published by the spring of the year: data to 31 January (北京) can be there, to April not
            if int(match.group(1)) < year or (int(match.group(1)) == year and int(match.group(2)) < 4):
                yield Checked()
                continue
            values: dict[str, Decimal | str] = {
                "text": match.group(0),
                "year": str(year),
                "previous": str(year - 1),
            }
            yield Violation(passage.source.with_text(match.group(0)), values, section="文字")


#: A plan dated two or more years before the budget's ("拟从2020年起" in a 2025 budget), unless
#: it runs into the budget year ("计划于2024年至2026年"); a headcount of two years before
#: ("按2024年8月在职在编人数测算" in a 2026 budget).
_STALE_PLAN_RE = re.compile(
    r"(?:拟|计划|将|预计|准备)(?:于|从|在|自)?\s*(20\d{2})\s*年(?!\s*(?:至|到|—|-|－|~|～)\s*20\d{2})"
)
_STALE_BASIS_RE = re.compile(r"按照?\s*(20\d{2})\s*年\s*\d{1,2}\s*月[^。；，]{0,12}(?:人数|在职|在编|编制)")


@rule(
    id="YEAR-002",
    severity=Severity.WARNING,
    title="预算沿用往年的年份",
    template="{year}年度预算写“{text}”，所述{stale}年早于编制年度（{previous}年），疑为沿用往年文字",
    tags=("text", "year", "budget"),
    doc=(
        "N年度预算编制于N−1年：文中以N−2年或更早的年份作打算（“拟从2020年起”），或以N−2年或更早某月的人数测算"
        "（“按2024年8月在职在编人数测算”），多是沿用往年的文字；打算延续到预算年度的（“计划于2024年至2026年”）不算。只用于预算。"
    ),
)
def check_stale_years(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """A budget does not plan from, or count at, a date two years before its own."""
    year = disclosure.year
    if disclosure.kind != "budget" or year is None:
        yield NotApplicable("不是预算，或未识别出年度")
        return
    found = False
    for passage in (*disclosure.passages, *disclosure.cell_texts):
        for pattern in (_STALE_PLAN_RE, _STALE_BASIS_RE):
            for match in pattern.finditer(passage.text):
                found = True
                stale = int(match.group(1))
                if stale > year - 2:
                    yield Checked()
                    continue
                clause = re.split(r"[，,。；;]", passage.text[match.start() :], maxsplit=1)[0]
                values: dict[str, Decimal | str] = {
                    "year": str(year),
                    "text": clause,
                    "stale": str(stale),
                    "previous": str(year - 1),
                }
                yield Violation(passage.source.with_text(clause), values, section="文字")
    if not found:
        yield NotApplicable("文中没有写明打算或测算所据的年份")


@rule(
    id="TEXT-006",
    severity=Severity.WARNING,
    title="单位名称与本单位不一致",
    template="文中写“{printed}”，本单位是“{department}”",
    tags=("text", "hygiene"),
    doc=(
        "文中与本单位名称只差一个字的写法（“规划与自然资源局”之于“规划和自然资源局”）多为笔误；"
        "表题写成去掉区县的名称（“上海市规划和自然资源局2024年度部门决算表”之于上海市普陀区规划和自然资源局），"
        "说的是上级部门。"
    ),
)
def check_department_names(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """The department's name is written as the department's."""
    department = re.sub(r"\s", "", disclosure.department)
    if len(department) < 5 or not disclosure.passages:
        yield NotApplicable("未识别出本单位名称")
        return
    seen: set[str] = set()
    for passage in disclosure.passages:
        text = re.sub(r"\s", "", passage.text)
        for printed in (*_other_names(text, department), *_titled_without_district(text, department)):
            if printed not in seen:
                seen.add(printed)
                yield Violation(
                    passage.source.with_text(printed),
                    {"printed": printed, "department": department},
                    section="文字",
                )
    yield Checked()


def _titled_without_district(text: str, department: str) -> Iterator[str]:
    """The department's name without its district as the owner of a title ("上海市规划和自然资源局
    2024年度部门决算表" over 上海市普陀区规划和自然资源局's statement): the city's department, not this one."""
    district = re.match(r"^(.{2,8}?[省市])([\u4e00-\u9fff]{1,4}?[区县])(.{2,})$", department)
    if district is None:
        return
    other = district.group(1) + district.group(3)
    if re.search(re.escape(other) + r"\d{4}年度?部门(?:决算|预算)", text):
        yield other


def _other_names(text: str, department: str) -> Iterator[str]:
    """Near-misses of ``department``'s name: its length, its first three and last characters, one
    other character between. An abbreviation ("省检察院") or the superior department is not one."""
    head, tail, size = department[:3], department[-1], len(department)
    start = text.find(head)
    while start >= 0:
        window = text[start : start + size]
        if (
            len(window) == size
            and window[-1] == tail
            and sum(a != b for a, b in zip(window, department, strict=True)) == 1
        ):
            yield window
        start = text.find(head, start + 1)
