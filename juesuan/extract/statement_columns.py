"""Statement headers → column roles and semantic column ids.

A statement's header is one to four rows of labels, merged cells spanning groups of columns.
Each column gets its header path (the labels above it, top to bottom); the data below it
decides whether it holds codes, names or values. A value column's id is built from its
path: "本年收入 / 财政拨款 / 一般公共预算拨款" → ``income.appropriation.general_budget``,
"公务用车购置及运行费 / 小计 / 决算数" → ``official_vehicles.subtotal@actual``. A label
that no rule knows gives ``unknown:<label>``: such columns are never summed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from juesuan.document import Row
from juesuan.extract.numbers import parse_decimal
from juesuan.model.statements import Column

#: (fragment, token), tried in order: the first fragment found in a header label wins.
TOKEN_RULES: tuple[tuple[str, str], ...] = (
    ("其中", "of"),
    ("政府采购", "procurement"),
    ("中小企业", "sme"),
    ("小微", "micro_small"),
    ("小型、微型", "micro_small"),
    ("总计", "total"),
    ("合计", "total"),
    ("小计", "subtotal"),
    ("一般公共预算", "general_budget"),
    ("公共预算拨款", "general_budget"),  # 西安 2021: "公共预算拨款 / 小计"
    (
        "公共财政拨款",
        "general_budget",
    ),  # 江苏 2017: "公共财政拨款(补助)资金", 一般公共预算 under its pre-2015 name
    ("政府性基金", "government_fund"),
    ("国有资本", "state_capital"),
    ("财政专户", "special_account"),
    ("单位资金", "unit_funds"),
    ("其他资金", "other_funds"),
    ("教育收费", "education_fees"),
    ("其他专户收入", "other_special_account"),
    ("上级补助", "superior_subsidy"),
    ("实户资金", "real_account_balance"),  # 西安: 上年实户资金余额, an income of its own, not last year's
    ("事业单位经营", "business"),
    ("经营收入", "business"),
    ("事业收入", "service"),
    ("附属单位上缴", "affiliate_remittance"),
    ("其他收入", "other"),
    ("其它收入", "other"),
    ("事业基金", "institution_fund"),  # 西安: 用事业基金弥补收支差额
    ("专户资金", "special_account"),  # 湖州: 上年结转结余 / 专户资金结转结余
    ("非财政拨款结余", "non_appropriation_balance"),
    ("上缴上级", "remittance_to_superior"),
    ("经营支出", "business_expenditure"),
    ("对附属单位补助", "affiliate_subsidy"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("专项业务经费", "project"),
    ("机动经费", "reserve"),
    ("人员经费", "personnel"),
    ("公用经费", "operating"),
    ("人员支出", "personnel"),
    ("日常公用", "operating"),
    ("公用支出", "operating"),
    ("人员类", "personnel"),
    ("公用类", "operating"),
    ("年初结转", "carryover_start"),
    ("年初财政拨款结转", "carryover_start"),
    ("上年结余", "carryover_start"),
    ("上年结转", "carryover_start"),
    ("年末结转", "carryover_end"),
    ("结转下年", "carryover_end"),
    ("三公", "three_public"),
    ("会议费", "meeting"),
    ("培训费", "training"),
    ("机关运行", "agency_operating"),
    ("因公出国", "overseas_travel"),
    ("购置及运行", "official_vehicles"),
    ("购置和运行", "official_vehicles"),
    ("购置费", "vehicle_purchase"),
    ("购置经费", "vehicle_purchase"),
    ("运行维护", "vehicle_operation"),
    ("运行费", "vehicle_operation"),
    ("接待", "official_reception"),
    ("财政拨款", "appropriation"),
    ("本年收入", "income"),
    ("本年支出", "expenditure"),
)
#: What a "其中：…" column is a part of, most specific first.
OF_TOKENS: tuple[tuple[str, str], ...] = (
    ("小型、微型", "micro_small"),
    ("小微", "micro_small"),
    ("中小企业", "sme"),
)
#: Labels that name the measure of a column rather than what it holds.
MEASURES: tuple[tuple[str, str], ...] = (
    ("增减变化", "change"),  # 西安: "上年 | 当年 | 增减变化情况", each group the same columns
    ("增减额", "change"),
    ("上年决算", "previous"),
    ("上年预算", "previous"),
    ("上年", "previous"),
    ("预算数", "budget"),
    ("年预算", "budget"),
    ("决算数", "actual"),
    ("执行数", "actual"),
    ("当年", "current"),
)
#: Labels of a lone value column (its id is ``total``).
PLAIN_VALUE_LABELS = ("决算数", "预算数", "金额", "执行数", "本年数", "预算", "决算", "数额")
NAME_LABELS = ("名称", "项目", "科目", "单位", "类别", "功能分类", "经济分类")
CODE_LABELS = ("编码", "代码")
NOTE_LABELS = ("备注", "说明")


def compact(text: str) -> str:
    """A label without spaces, line breaks and the unit in brackets."""
    text = re.sub(r"\s+", "", text)
    return re.sub(r"[（(](?:万元|元)[）)]", "", text)


def is_number(text: str) -> bool:
    """Whether a cell holds a number (not a placeholder)."""
    stripped = text.strip()
    return bool(re.search(r"\d", stripped)) and parse_decimal(stripped) is not None


def is_code(text: str) -> bool:
    """Whether a cell looks like a classification code or a part of one (201, 06, 2010601)."""
    return bool(re.fullmatch(r"\d{2,9}", re.sub(r"\s", "", text)))


def header_row_count(rows: list[Row]) -> int:
    """How many leading rows are header rows.

    A header row has no numbers and a label over the value side of the table (its right
    half); blank rows inside the header are allowed. A row with a label on the left only
    ("合计", "十四、…支出") is already data, even when its values are blank.
    """
    width = max((len(row.cells) for row in rows), default=0)
    count = 0
    for index, row in enumerate(rows):
        texts = row.texts
        if not any(texts):
            following = next((r for r in rows[index + 1 :] if any(r.texts)), None)
            if following is None or not _header_like(following, width):
                break
            count += 1
            continue
        if not _header_like(row, width) and not (count and _under_groups(row)):
            break
        count += 1
    return count


def _under_groups(row: Row) -> bool:
    """A header row that labels only a few columns under a group ("小计 | 其中：专项资金…"
    under 西安's "一般公共预算拨款"), the code and name columns left to the rows above."""
    texts = row.texts
    return len(texts) > 2 and not any(texts[:2]) and any(texts) and not any(is_number(t) for t in texts if t)


def _header_like(row: Row, width: int) -> bool:
    if any(is_number(t) for t in row.texts if t):
        return False
    return any(
        cell.text.strip() and index + max(1, cell.col_span) > width // 2
        for index, cell in enumerate(row.cells)
    )


def _numbering_row(row: Row) -> bool:
    """A row that numbers the columns ("栏次 1 2 3", "** ** 1 2 3")."""
    texts = [t for t in row.texts if t]
    if texts and texts[0] in ("栏次", "行次", "**", "*", "栏号"):
        return True
    numbers = [t for t in texts if t.isdigit()]
    return len(numbers) >= 3 and numbers == [
        str(n) for n in range(int(numbers[0]), int(numbers[0]) + len(numbers))
    ]


def _spread_group_labels(grid: list[list[str]]) -> None:
    """Formats without merged cells (text, Markdown) print a group label once, over its first
    column: spread it right over the empty cells that have labels below them."""
    for r in range(len(grid) - 1):
        for c in range(1, len(grid[r])):
            below = any(grid[lower][c] for lower in range(r + 1, len(grid)))
            if not grid[r][c] and grid[r][c - 1] and below:
                grid[r][c] = grid[r][c - 1]


#: The lines a reporting system prints above a table inside its grid (上海's 填报系统 templates).
FORM_LINE_RE = re.compile(r"^(?:编制部门|编制单位|填报单位|预算单位|部门名称|单位名称|(?:金额)?单位)[:：]")


def header_paths(header: list[Row], width: int) -> list[tuple[str, ...]]:
    """Each column's header labels top to bottom, merged cells spread over the columns they span."""
    grid = [["" for _ in range(width)] for _ in header]
    for r, row in enumerate(header):
        for c, cell in enumerate(row.cells[:width]):
            text = compact(cell.text)
            if not text or FORM_LINE_RE.match(text):
                continue  # "编制部门：…", "单位：元": the form's heading line, not a column label
            for covered in range(c, min(width, c + max(1, cell.col_span))):
                grid[r][covered] = text
    if not any(cell.col_span > 1 for row in header for cell in row.cells):
        _spread_group_labels(grid)
    paths: list[tuple[str, ...]] = []
    for c in range(width):
        labels: list[str] = []
        for r in range(len(header)):
            if grid[r][c] and (not labels or labels[-1] != grid[r][c]):
                labels.append(grid[r][c])
        paths.append(tuple(labels))
    return paths


#: Side-by-side blocks of a grid, each (code columns, name column, value columns).
Blocks = tuple[tuple[tuple[int, ...], int | None, tuple[int, ...]], ...]


@dataclass(frozen=True)
class Layout:
    """Where the codes, names and values of a statement are.

    Attributes:
        header_rows: how many leading rows are the header.
        blocks: side-by-side blocks, each (code columns, name column, value columns).
        columns: the value columns by index.
        details: each block's second name column, if it has one (the details of a group).
    """

    header_rows: int
    blocks: Blocks
    columns: dict[int, Column]
    details: tuple[int | None, ...] = ()
    periods: tuple[int | None, ...] = ()


#: A cell of a column that says which year a row is of (深圳's “三公” table: "2025 年",
#: "2026 年", "增减变化金额" under each unit).
PERIOD_RE = re.compile(r"^(?:20\d{2}年度?|增减.{0,4}|变动.{0,4}|差额)$")


def _kind(index: int, path: tuple[str, ...], data: list[Row], previous: str = "") -> str:
    cells = [row.cells[index].text.strip() for row in data if index < len(row.cells)]
    filled = [c for c in cells if c and c not in ("-", "—", "－", "/")]
    labels = "".join(path)
    if any(label in labels for label in ("行次", "栏次", "序号")):
        return "index"
    if path and path[-1] in NOTE_LABELS:
        return "note"  # remarks: words, never amounts, and not a row name either
    if any(label in labels for label in CODE_LABELS) or (path and path[-1] in ("类", "款", "项")):
        return "code"
    digits = [c for c in filled if c not in ("类", "款", "项")]
    if previous == "code" and digits and all(c.isdigit() and len(c) <= 2 for c in digits):
        return "code"  # 款/项 parts of a code split over columns ("01", "2")
    if filled and sum(is_code(c) for c in filled) >= 0.6 * len(filled) and not any("." in c for c in filled):
        return "code" if not any(label in labels for label in PLAIN_VALUE_LABELS) else "value"
    numbers = sum(is_number(c) for c in filled)
    if filled and numbers < 0.5 * len(filled):
        return "name"
    if not filled and any(label in labels for label in NAME_LABELS) and not _has_token(labels):
        return "name"
    return "value"


def _has_token(label: str) -> bool:
    plain = any(m in label if len(m) >= 3 else m == label for m in PLAIN_VALUE_LABELS)
    return plain or any(fragment in label for fragment, _ in TOKEN_RULES)


def layout(rows: list[Row], width: int) -> Layout:
    """Find the header, the blocks and the value columns of a statement grid."""
    count = header_row_count(rows)
    header, data = rows[:count], rows[count:]
    paths = header_paths(header, width)
    data = [row for row in data if not _numbering_row(row)]
    kinds: list[str] = []
    for i in range(width):
        kinds.append(_kind(i, paths[i], data, kinds[-1] if kinds else ""))
    blocks = _blocks(kinds)
    sides = _sides(paths, blocks, data)
    columns: dict[int, Column] = {}
    sided: set[str] = set()
    for block_index, (_, _, values) in enumerate(blocks):
        shared = _shared_prefix([paths[i] for i in values])
        ids = {i: column_id(paths[i][len(shared) :] or paths[i]) for i in values}
        side = sides[block_index]
        if side and len(values) == 1:
            # One figure per side. A second block on the same side is another breakdown of
            # the same total (江苏: 功能分类 and 支出用途), told apart by its heading.
            (i,) = values
            final = "total"
            if side in sided:
                final = f"total@{_breakdown(paths[i])}"
                taken = {c.id for c in columns.values()}
                final = final if final not in taken else f"{final}{block_index}"
            columns[i] = Column(id=final, header=paths[i], side=side)
            sided.add(side)
            continue
        several_measures = len({measure for _, measure in ids.values()}) > 1
        for i in values:
            base, measure = ids[i]
            final = f"{base}@{measure or 'actual'}" if several_measures else base
            columns[i] = Column(id=final, header=paths[i], side=sides[block_index])
    return Layout(
        count, tuple(blocks), columns, _detail_names(kinds, blocks, data), _period_names(kinds, blocks, data)
    )


def _detail_names(
    kinds: list[str], blocks: list[tuple[tuple[int, ...], int | None, tuple[int, ...]]], data: list[Row]
) -> tuple[int | None, ...]:
    """The second name column of each block when it marks groups with "小计" (江苏's 收入预算总表:
    "一般公共预算资金 | 小计", then the items under it), which ``_blocks`` leaves out. A second
    name column of any other kind (a unit beside an item, say) is no group marker."""
    found: list[int | None] = []
    for _, name, values in blocks:
        end = values[0] if values else len(kinds)
        start = name + 1 if name is not None else end
        second = next((i for i in range(start, end) if kinds[i] == "name"), None)
        marks = second is not None and any(
            second < len(row.cells) and row.cells[second].text.strip() == "小计" for row in data
        )
        found.append(second if marks else None)
    return tuple(found)


def _period_names(
    kinds: list[str], blocks: list[tuple[tuple[int, ...], int | None, tuple[int, ...]]], data: list[Row]
) -> tuple[int | None, ...]:
    """The second name column of each block when it names each row's year ("2025 年", "2026 年",
    "增减变化金额"), the first naming the unit once for its rows."""
    found: list[int | None] = []
    for _, name, values in blocks:
        end = values[0] if values else len(kinds)
        start = name + 1 if name is not None else end
        second = next((i for i in range(start, end) if kinds[i] == "name"), None)
        texts = [
            compact(row.cells[second].text) for row in data if second is not None and second < len(row.cells)
        ]
        filled = [t for t in texts if t]
        periods = (
            bool(filled) and all(PERIOD_RE.match(t) for t in filled) and any(t[:1] == "2" for t in filled)
        )
        found.append(second if periods else None)
    return tuple(found)


def _blocks(kinds: list[str]) -> list[tuple[tuple[int, ...], int | None, tuple[int, ...]]]:
    blocks: list[tuple[tuple[int, ...], int | None, tuple[int, ...]]] = []
    codes: list[int] = []
    name: int | None = None
    values: list[int] = []
    for index, kind in enumerate(kinds):
        if kind in ("code", "name") and values:
            blocks.append((tuple(codes), name, tuple(values)))
            codes, name, values = [], None, []
        if kind == "code":
            codes.append(index)
        elif kind == "name":
            name = index if name is None else name
        elif kind == "value":
            values.append(index)
    if values or codes or name is not None:
        blocks.append((tuple(codes), name, tuple(values)))
    return blocks


def _sides(
    paths: list[tuple[str, ...]],
    blocks: list[tuple[tuple[int, ...], int | None, tuple[int, ...]]],
    data: list[Row],
) -> list[str]:
    """Which block is income and which expenditure, in a two-sided statement.

    By the block's heading ("收入" | "支出") when there is one, else by the words of its row
    names (a block whose rows say 收入 more than 支出 is the income side).
    """
    if len(blocks) < 2:
        return [""] * len(blocks)
    sides = []
    for codes, name, values in blocks:
        columns = [*codes, *([name] if name is not None else []), *values]
        labels = [label for i in columns for label in paths[i]]
        side = ""
        if any(label.startswith("收入") for label in labels):
            side = "income"
        elif any(label.startswith("支出") for label in labels):
            side = "expenditure"
        elif name is not None:
            names = "".join(row.cells[name].text for row in data if name < len(row.cells))
            side = "income" if names.count("收入") > names.count("支出") else "expenditure"
        sides.append(side)
    if len(blocks) > 2:  # a third block only by its heading, and both sides present
        headed = all(
            any(label.startswith(("收入", "支出")) for i in b[2] for label in paths[i]) for b in blocks
        )
        return sides if headed and {"income", "expenditure"} == set(sides) else [""] * len(blocks)
    return sides if sides[0] != sides[1] else ["", ""]


def _breakdown(path: tuple[str, ...]) -> str:
    """The heading that tells a second block of a side apart: "支出用途" of 支出/支出用途/金额."""
    inner = [label for label in path[1:-1] if label]
    return inner[-1] if inner else "2"


def _shared_prefix(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The labels every column of a block has on top (a title row spanning the block)."""
    if len(paths) < 2:
        return ()
    prefix: list[str] = []
    for labels in zip(*paths, strict=False):
        if len(set(labels)) == 1:
            prefix.append(labels[0])
        else:
            break
    shortest = min(len(p) for p in paths)
    return tuple(prefix[: max(0, shortest - 1)])


def column_id(path: tuple[str, ...]) -> tuple[str, str]:
    """The semantic id of a value column from its header labels, and its measure (or "")."""
    measure = ""
    tokens: list[str] = []
    for label in path:
        if (label.startswith(("收入", "支出")) and len(label) <= 3) or label in ("项目", "科目"):
            continue  # a side heading of a two-sided statement, or the name column's label
        if bare_year := re.fullmatch(r"(20\d{2})年度?", label):
            measure = (
                f"year{bare_year.group(1)}"  # 西安: "2020年 | 2021年 | 增减变化情况" over the same columns
            )
            continue
        found_measure = next((m for fragment, m in MEASURES if fragment in label), "")
        if found_measure == "change" and re.search(r"[%％率幅]", label):
            return f"unknown:{'/'.join(path)}", measure  # a rate of change, not an amount: never summed
        token = next((t for fragment, t in TOKEN_RULES if fragment in label), "")
        if "三公" in label and token in ("total", "subtotal"):
            tokens.append(
                "three_public"
            )  # "“三公”经费合计" beside 会议费 and 培训费 is not the table's total
        if found_measure and (not token or label in PLAIN_VALUE_LABELS or re.search(r"\d{4}年", label)):
            year = re.search(r"(20\d{2})\s*年", label)
            measure = f"{found_measure}{year.group(1)}" if year else found_measure  # two years side by side
            if not year or token in ("", "total", "subtotal", "three_public"):
                continue  # "2024年机关运行经费预算数" names its figure as well as the year

        if not token and any(label.startswith(p) or label.endswith(p) for p in PLAIN_VALUE_LABELS):
            continue
        if not token:
            return f"unknown:{'/'.join(path)}", measure
        if token == "of":
            inner = next((t for fragment, t in OF_TOKENS if fragment in label), "item")
            token = f"of_{inner}"
        tokens.append(token)
    if not tokens or tokens in (["total"], ["subtotal"]):
        return "total", measure  # a lone 小计 under a heading shared by all columns is the table's total
    if tokens[-1] in ("total", "subtotal") and len(tokens) > 1:
        return ".".join(tokens[:-1]) + ".subtotal", measure
    return ".".join(t for t in tokens if t != "total") or "total", measure
