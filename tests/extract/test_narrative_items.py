"""Function items named by their 类/款/项 path in the narrative."""

from __future__ import annotations

import pytest

from juesuan.extract.narrative_items import item_names


@pytest.mark.parametrize(
    ("label", "names"),
    [
        (
            "1.“一般公共服务支出（类）财政事务（款）行政运行（项）”",
            ("一般公共服务支出", "财政事务", "行政运行"),
        ),
        (
            "6.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出 （项）”",
            ("社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"),
        ),
        (
            "1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目",
            ("一般公共服务支出", "政府办公厅（室）及相关机构事务", "行政运行"),
        ),
        ("其中：一般公共服务支出（类）人大事务（款）", ("一般公共服务支出", "人大事务")),
        ("住房保障支出（类）", ("住房保障支出",)),
        ("2．社会保障和就业（类）支出", ("社会保障和就业支出",)),
        ("1.人大事务（款）行政运行（项）支出", ("", "人大事务", "行政运行")),
    ],
)
def test_a_label_ending_with_an_items_names_gives_them(label: str, names: tuple[str, ...]) -> None:
    assert item_names(label) == names


@pytest.mark.parametrize(
    "label",
    [
        "2024年预算安排",  # the figure's own label names no item
        "一般公共服务支出（类）人大事务（款）行政运行（项）。年初预算为",  # a final's budget, not its actual
        "一般公共服务支出（类）支出决算为",
        "“其他支出”",  # one name in quotes is no path
        "行政运行（项）",  # a lone 项: too common a name to place
    ],
)
def test_other_labels_name_no_item(label: str) -> None:
    assert item_names(label) is None


def test_a_paragraph_opening_with_an_item_gives_its_actual_and_its_years_budget() -> None:
    from juesuan.extract.narrative_items import item_amounts
    from juesuan.ingest.text import parse

    document = parse(
        "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于基本支出。"
        "年初预算为 1560.05 万元，支出决算为1511.89万元。\n"
        "2. “社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）”738.66万元，主要用于人员经费。"
        "2023年当年预算执行数为711.34万元，2024年预算安排738.66万元。\n",
        "t.txt",
    )
    found = [
        (item.names[-1], str(item.amount.value), item.measure) for item in item_amounts(document.paragraphs)
    ]
    assert found == [
        ("行政运行", "1511.89", "actual"),
        ("社会福利事业单位", "738.66", ""),
        ("社会福利事业单位", "738.66", "budget"),
    ]


def test_an_item_printed_with_its_code_is_found_by_it() -> None:
    from juesuan.extract.narrative_items import item_amounts
    from juesuan.ingest.text import parse

    document = parse("（三）2080502-事业单位离退休 24.83 万元。主要用于离退休人员支出。\n", "t.txt")
    [item] = item_amounts(document.paragraphs)
    assert (item.code, item.names, str(item.amount.value)) == ("2080502", ("", "", "事业单位离退休"), "24.83")
