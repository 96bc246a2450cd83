"""The narrative sections after 六: “三公”经费, empty statements, 机关运行经费, 政府采购,
国有资产, 预算绩效 and the petition workload."""

from __future__ import annotations

import re
from dataclasses import replace

from juesuan.document import Paragraph, Table
from juesuan.extract.keys import PROCUREMENT_KEYS, THREE_PUBLIC_KEYS, key_of
from juesuan.extract.mentions import Mention, scan
from juesuan.extract.narrative import (
    Group,
    complete_list,
    groups,
    mentions_in,
    mentions_of,
    scan_once,
    stated,
)
from juesuan.extract.sections import Section
from juesuan.extract.statement_titles import statement_key
from juesuan.model.figures import Breakdown, Figure, StatedAmount
from juesuan.model.narrative import (
    EmptyStatementNote,
    PerformanceSummary,
    PetitionWork,
    Procurement,
    StateAssets,
    ThreePublicNarrative,
)


def _three_public_key(label: str) -> str:
    return key_of(label, THREE_PUBLIC_KEYS, "three_public")


def three_public(section: Section | None) -> ThreePublicNarrative:
    """七、“三公”经费: composition, vehicle split, restatements, budget comparisons and counts."""
    if section is None:
        return ThreePublicNarrative()
    all_mentions = _headed_mentions(section)
    money = [m for m in all_mentions if m.figure.is_money]
    composition = vehicles = None
    mentions: list[StatedAmount] = []
    budgets: list[StatedAmount] = []
    for group in groups([m for m in money if m.budget is None]):
        head_key = _three_public_key(group.head.label)
        parts = [(p, _three_public_key(p.label)) for p in group.parts]
        if composition is None and head_key == "three_public_total" and parts:
            composition = _breakdown(group, head_key, "“三公”经费", parts)
        elif vehicles is None and head_key == "official_vehicles" and parts:
            vehicles = _breakdown(group, head_key, "公务用车购置及运行维护费", parts)
        else:
            mentions.append(stated(group.head, head_key))
            mentions.extend(stated(p, k) for p, k in parts)
    budgets = [stated(m, _three_public_key(m.label)) for m in money if m.budget is not None]
    counts = _three_public_counts(all_mentions)
    return ThreePublicNarrative(
        composition=composition,
        vehicles=vehicles,
        mentions=tuple(mentions),
        budget_comparisons=tuple(budgets),
        **counts,
    )


def _headed_mentions(section: Section) -> list[Mention]:
    """The section's figures, those of a sub-section headed by a part ("（一）因公出国（境）费用。"
    then "2026年预算数14.85万元") labelled with the heading when their own label names no part."""
    found: list[Mention] = []
    for part in section.walk():
        heading_key = _three_public_key(part.title)
        named = part is not section and ":" not in heading_key and heading_key != "three_public_total"
        for mention in mentions_in(part.paragraphs, money_only=False):
            # a label naming no part ("three_public:年预算数"); an empty one is a figure the
            # scanner could not place ("比上年增加 0.00 万元"), not the part's amount
            generic = bool(mention.label) and ":" in _three_public_key(mention.label)
            found.append(replace(mention, label=part.title + mention.label) if named and generic else mention)
    return found


_REQUIRED_PARTS = {
    "three_public_total": frozenset({"overseas_travel", "official_vehicles", "official_reception"}),
    "official_vehicles": frozenset({"vehicle_purchase", "vehicle_operation"}),
}


def _breakdown(group: Group, key: str, label: str, parts: list[tuple[Mention, str]]) -> Breakdown:
    return Breakdown(
        key=f"{key}_composition",
        label=label,
        total=stated(group.head, key),
        parts=tuple(stated(p, k) for p, k in parts),
        exhaustive=complete_list(group, _REQUIRED_PARTS.get(key, frozenset()), tuple(k for _, k in parts)),
    )


def _three_public_counts(mentions: list[Mention]) -> dict[str, Figure]:
    counts: dict[str, Figure] = {}
    previous: Mention | None = None
    for mention in mentions:
        unit, label = mention.figure.unit, mention.label
        slot = None
        if unit == "个" and "团组" in label:
            slot = "overseas_groups"
        elif unit in ("人次", "人") and ("出国" in label or (previous and "团组" in previous.label)):
            slot = "overseas_persons"
        elif unit == "辆" and "购置" in label:
            slot = "vehicles_purchased"
        elif unit == "辆" and "保有" in label:
            slot = "vehicle_fleet"
        elif unit == "批次":
            slot = "reception_batches"
        elif unit in ("人次", "人") and ("接待" in label or (previous and previous.figure.unit == "批次")):
            slot = "reception_persons"
        if slot is not None:
            counts.setdefault(slot, mention.figure)
        previous = mention
    return counts


EMPTY_RE = re.compile(r"[^。]*(?:为空表|无此项|无相关)[^。]*。?")


def empty_statement(section: Section | None, statement: str) -> EmptyStatementNote | None:
    """八、九: the explanation that a statement is empty, if the section gives one."""
    if section is None:
        return None
    for paragraph in section.all_paragraphs():
        match = EMPTY_RE.search(paragraph.text)
        if match and not any(m.figure.is_money and m.figure.value for m in scan(paragraph)):
            return EmptyStatementNote(
                statement=statement,
                text=match.group(0),
                source=paragraph.source_at(match.start(), match.end()),
            )
    return None


def listed_empty(tables: tuple[Table, ...]) -> tuple[EmptyStatementNote, ...]:
    """Statements a contents table declares empty: "表9 | …政府性基金收支表 | 是 | 不涉及" under
    "报表 | 报表名称 | 是否空表 | 公开空表理由" (西安)."""
    found: list[EmptyStatementNote] = []
    for table in tables:
        header = [re.sub(r"\s", "", t) for t in table.rows[0].texts] if table.rows else []
        if "是否空表" not in header:
            continue
        flag = header.index("是否空表")
        for row in table.rows[1:]:
            texts = [re.sub(r"\s", "", t) for t in row.texts]
            if flag >= len(texts) or texts[flag] != "是":
                continue
            key = next((k for t in texts[:flag] if (k := statement_key(t)) is not None), None)
            if key is not None:
                found.append(EmptyStatementNote(statement=key, text="".join(texts), source=row.source))
    return tuple(found)


def agency_operating_costs(section: Section | None) -> StatedAmount | None:
    """机关运行经费 with its year-on-year change."""
    for mention in mentions_of(section):
        if "机关运行经费" in mention.label or mention.change is not None:
            return stated(mention, "agency_operating_costs")
    return None


_PROCUREMENT_PARTS = frozenset({"procurement_goods", "procurement_works", "procurement_services"})


def procurement(section: Section | None) -> Procurement:
    """政府采购: total = goods + works + services; SME and small/micro contracts with shares."""
    composition = sme = micro = None
    for group in groups(mentions_of(section)):
        key = key_of(group.head.label, PROCUREMENT_KEYS, "procurement")
        if key == "procurement_total" and composition is None and group.parts:
            parts = tuple(stated(p, key_of(p.label, PROCUREMENT_KEYS, "procurement")) for p in group.parts)
            composition = Breakdown(
                key="procurement_composition",
                label="政府采购支出",
                total=stated(group.head, key),
                parts=parts,
                exhaustive=complete_list(group, _PROCUREMENT_PARTS, tuple(p.key for p in parts)),
            )
            continue
        for mention in (group.head, *group.parts):
            mention_key = key_of(mention.label, PROCUREMENT_KEYS, "procurement")
            if mention_key == "sme_contracts" and sme is None:
                sme = stated(mention, mention_key)
            elif mention_key == "micro_small_contracts" and micro is None:
                micro = stated(mention, mention_key)
    return Procurement(composition=composition, sme_contracts=sme, micro_small_contracts=micro)


def state_assets(section: Section | None) -> StateAssets:
    """国有资产占用: buildings, vehicles by category, equipment over the value thresholds."""
    if section is None:
        return StateAssets()
    fields: dict[str, object] = {}
    for paragraph in section.all_paragraphs():
        for key, value in _assets_in(paragraph).items():
            fields.setdefault(key, value)  # the holdings first stated, not a later paragraph's plan
    return StateAssets(**fields)  # type: ignore[arg-type]


#: Vehicles to be bought ("2026 年计划购置车辆 0 辆"), not vehicles held.
_PLANNED_RE = re.compile(r"计划|拟|购置|新增|更新")


def _assets_in(paragraph: Paragraph) -> dict[str, object]:
    found: dict[str, object] = {}
    mentions = scan_once(paragraph)
    total_vehicles: Mention | None = None
    categories: list[Mention] = []
    for index, mention in enumerate(mentions):
        unit, label = mention.figure.unit, mention.label
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if unit == "平方米" and "building_area" not in found:
            found["building_area"] = mention.figure
            if following and following.figure.is_money and "价值" in following.label:
                found["building_value"] = following.figure
        elif unit == "辆" and label.endswith("用车"):
            categories.append(mention)
        elif unit == "辆" and total_vehicles is None and "车" in label and not _PLANNED_RE.search(label):
            total_vehicles = mention
            if following and following.figure.is_money and "价值" in following.label:
                found["vehicles_value"] = following.figure
        elif unit == "台（套）" and "通用设备" in label:
            found["general_equipment_over_500k"] = mention.figure
        elif unit == "台（套）" and "专用设备" in label:
            found["special_equipment_over_1m"] = mention.figure
    if total_vehicles is not None:
        # Only the categories of the sentence that states the total: a later sentence may list
        # the year's purchases by category ("安排购置车辆14辆，其中业务用车14辆").
        sentence = total_vehicles.sentence
        categories = [m for m in categories if m.sentence == sentence]
        # Vehicles in the sentence that are no category ("本级更新公务车辆1辆…大巴车1辆", 深圳
        # 人社局's 7 by unit): the categories are not the whole list, their sum proves nothing.
        others = [
            m
            for m in mentions
            if m.figure.unit == "辆"
            and m.sentence == sentence
            and m is not total_vehicles
            and m not in categories
        ]
        found["vehicles"] = Breakdown(
            key="vehicle_categories",
            label="车辆",
            total=stated(total_vehicles, "vehicles_held"),
            parts=tuple(stated(m, f"vehicle:{m.label}") for m in categories),
            # a list cut at the paragraph's end (a page's lines read apart) may go on
            exhaustive=len(categories) >= 2
            and not others
            and re.search(r"[。；;]", paragraph.text[categories[-1].end :]) is not None,
        )
    return found


def performance_summary(section: Section | None) -> PerformanceSummary:
    """预算绩效: the number and money of evaluated projects, and the outcome sentences."""
    found: dict[str, Figure] = {}
    outcomes: list[str] = []
    count_sentence: tuple[int, int] | None = None
    for mention in mentions_of(section, money_only=False):
        label = mention.label
        place = (mention.figure.source.page or 0, mention.figure.source.line or 0)
        if mention.figure.unit == "个" and "项目" in label and ("评价" in label or "自评" in label):
            if "evaluated_projects" not in found:
                found["evaluated_projects"] = mention.figure
                count_sentence = place
        elif (
            mention.figure.is_money
            and count_sentence is not None
            and "evaluated_funds" not in found
            and ("资金" in label or "金额" in label)
        ):
            found["evaluated_funds"] = mention.figure
        elif mention.figure.is_money and "使用" in label:
            found.setdefault("funds_used", mention.figure)
        elif mention.figure.is_money and "完成" in label:
            found.setdefault("funds_completed", mention.figure)
    attached = False
    if section is not None:
        for paragraph in section.all_paragraphs():
            outcomes.extend(re.findall(r"[一二三四五六]是[^；;。]+", paragraph.text))
            attached = attached or bool(re.search(r"附[^。；]{0,6}自评表", paragraph.text))
    return PerformanceSummary(outcomes=tuple(outcomes), refers_to_attached_tables=attached, **found)


_PETITION_SLOTS = (
    ("及时受理率", "timely_acceptance_rate"),
    ("办结率", "conclusion_rate"),
    ("满意率", "satisfaction_rate"),
)


def petition(section: Section | None) -> PetitionWork:
    """信访 workload: cases and person-times, repeat cases, and the three rates."""
    found: dict[str, Figure] = {}
    previous: Mention | None = None
    for mention in mentions_of(section, money_only=False):
        unit, label = mention.figure.unit, mention.label
        if unit == "件" and "重复" in label:
            found.setdefault("repeat_cases", mention.figure)
        elif unit == "件" and "办理" in label and "repeat_cases" in found:
            found.setdefault("repeat_handled", mention.figure)
        elif unit == "件" and "信访" in label:
            found.setdefault("cases", mention.figure)
        elif unit == "人次" and previous is not None and previous.figure.unit == "件":
            found.setdefault("person_times", mention.figure)
        elif unit == "%":
            for fragment, slot in _PETITION_SLOTS:
                if label.endswith(fragment):
                    found.setdefault(slot, mention.figure)
        previous = mention
    return PetitionWork(**found)
