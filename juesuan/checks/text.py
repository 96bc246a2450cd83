"""Text hygiene: what an editor should have caught before publishing.

Unfilled placeholders (XX局, ××万元) and template text left in ("下降（增长）"), doubled
punctuation and brackets or quotation marks that do not close. These are warnings: the
figures may be right, the text is not finished.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from juesuan.checks.registry import Checked, NotApplicable, Violation, Yield, rule
from juesuan.findings import Severity
from juesuan.model.disclosure import Disclosure, Passage
from juesuan.settings import Settings

PLACEHOLDER_RE = re.compile(
    r"(?<![A-Za-z])(?:XX|xx|××|ＸＸ|X{3,}|\*{3,})(?![A-Za-z])|（增长）|（减少）|（下降）|（增加）"
)
DOUBLED_RE = re.compile(r"([，。；：、,;])\1|，。|。，|；。|，；")
PAIRS = (("（", "）"), ("《", "》"), ("“", "”"), ("【", "】"))


#: "1）建立…", "5) 初步构建…": a list item's number closes a bracket it never opened.
LIST_MARKER_RE = re.compile(
    r"(?:^|(?<=[\s；;。：:，,\"“]))(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,2})[)）]"
)


_CELL_GAP_RE = re.compile(r"[\u4e00-\u9fff，、”》）] [\u4e00-\u9fff“《（]")
_TABLE_TOKEN_RE = re.compile(r"\d\.\d{4,}|\d{8,}[A-Z]\d+")


def _brackets(text: str) -> str:
    """The text as its brackets are counted: no list numbers, half- and full-width alike."""
    return LIST_MARKER_RE.sub("", text).replace("(", "（").replace(")", "）")


def _balanced(text: str, opening: str, closing: str) -> bool:
    text = _brackets(text)
    return text.count(opening) == text.count(closing)


def _problems(text: str, around: tuple[Passage, ...] = ()) -> list[str]:
    """What is unfinished in ``text``; a pair that closes in the passages ``around`` it (a cell's
    text wrapped onto the next line, a sentence continued over a page) is not unbalanced. The
    text around is read only for a pair that does not close in ``text``."""
    found: list[str] = []
    for match in PLACEHOLDER_RE.finditer(text):
        found.append(f"未填写的占位符或模板文字“{match.group(0)}”")
    for match in DOUBLED_RE.finditer(text):
        found.append(f"标点重复“{match.group(0)}”")
    complete = text.endswith(("。", "；", "！", "？"))  # a paragraph cut at a page break may close later
    # Cells of a table read as one line ("管理政策优 程中涉及…化方案》编 以及"): their brackets close in
    # other cells; a figure to six decimals or a project code says the same.
    tabular = len(_CELL_GAP_RE.findall(text)) >= 2 or _TABLE_TOKEN_RE.search(text) is not None
    for opening, closing in PAIRS if complete and not tabular else ():
        if not _balanced(text, opening, closing) and not (
            around and _balanced("".join(p.text for p in around), opening, closing)
        ):
            bare = _brackets(text)
            found.append(f"“{opening}”{bare.count(opening)}个而“{closing}”{bare.count(closing)}个，不配对")
    return found


@rule(
    id="TEXT-002",
    severity=Severity.WARNING,
    title="文字未完成",
    template="文字有待完善：{problem}（{excerpt}）",
    tags=("text",),
    doc=(
        "说明文字中留有未填写的占位符（XX、××）或模板文字（“下降（增长）”），标点重复（“，，”“。。”），"
        "或括号、书名号、引号不配对。逐段检查；表格内的文字不检查。"
    ),
)
def check_text_hygiene(disclosure: Disclosure, settings: Settings) -> Iterator[Yield]:
    """Placeholders, doubled punctuation and unbalanced brackets in the narrative."""
    if not disclosure.passages:
        yield NotApplicable("没有读到说明文字")
        return
    passages = disclosure.passages
    for index, passage in enumerate(passages):
        text = passage.text
        problems = _problems(text, passages[max(0, index - 6) : index + 7])
        if not problems:
            yield Checked()
            continue
        yield Violation(  # one paragraph, one finding: its placeholders and slips together
            passage.source.with_text(text[:60]),
            {
                "problem": "；".join(dict.fromkeys(problems)),
                "excerpt": text[:40] + ("…" if len(text) > 40 else ""),
            },
            section="文字",
        )
