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
from juesuan.model.disclosure import Disclosure
from juesuan.settings import Settings
from juesuan.source import Source

PLACEHOLDER_RE = re.compile(
    r"(?<![A-Za-z])(?:XX|xx|××|ＸＸ|X{3,}|\*{3,})(?![A-Za-z])|（增长）|（减少）|（下降）|（增加）"
)
DOUBLED_RE = re.compile(r"([，。；：、,;])\1|，。|。，|；。|，；")
PAIRS = (("（", "）"), ("《", "》"), ("“", "”"), ("【", "】"))


def _problems(text: str) -> list[str]:
    found: list[str] = []
    for match in PLACEHOLDER_RE.finditer(text):
        found.append(f"未填写的占位符或模板文字“{match.group(0)}”")
    for match in DOUBLED_RE.finditer(text):
        found.append(f"标点重复“{match.group(0)}”")
    complete = text.endswith(("。", "；", "！", "？"))  # a paragraph cut at a page break may close later
    text = text.replace("(", "（").replace(")", "）")  # half- and full-width brackets close each other
    for opening, closing in PAIRS if complete else ():
        if text.count(opening) != text.count(closing):
            found.append(f"“{opening}”{text.count(opening)}个而“{closing}”{text.count(closing)}个，不配对")
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
    for passage in disclosure.passages:
        text, source = passage.text, passage.source
        problems = _problems(text)
        if not problems:
            yield Checked()
            continue
        for problem in problems:
            yield Violation(
                Source(source.file, source.page, source.line, text=text[:60], offset=source.offset),
                {"problem": problem, "excerpt": text[:40] + ("…" if len(text) > 40 else "")},
                section="文字",
            )
