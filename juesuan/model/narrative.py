"""The explanatory narrative (情况说明) of a disclosure, section by section.

Each field is None when the document does not state it. Field names follow GLOSSARY.md.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from juesuan.model.figures import Breakdown, Figure, StatedAmount
from juesuan.source import Source


@dataclass(frozen=True, slots=True)
class Overview:
    """一、收入支出决算总体情况: this year's totals with their year-on-year change."""

    income_total: StatedAmount | None = None
    expenditure_total: StatedAmount | None = None


@dataclass(frozen=True, slots=True)
class AppropriationOverview:
    """四、财政拨款收入支出决算总体情况: appropriation totals, changes and budget comparison.

    ``grand_total`` is 财政拨款收入支出总计 (current year plus carry-over) when the text gives it.
    """

    income: StatedAmount | None = None
    expenditure: StatedAmount | None = None
    income_budget: StatedAmount | None = None
    expenditure_budget: StatedAmount | None = None
    grand_total: StatedAmount | None = None


@dataclass(frozen=True, slots=True)
class BasicExpenditureNarrative:
    """六、一般公共预算财政拨款基本支出: the total, personnel and operating costs with their items.

    Attributes:
        named_items: the economic items named without amounts ("人员经费…主要包括：基本工资、
            津贴补贴…"), as (人员经费 or 公用经费, the item's name, where the list is).
    """

    total: StatedAmount | None = None
    composition: Breakdown | None = None
    personnel_costs: Breakdown | None = None
    operating_costs: Breakdown | None = None
    named_items: tuple[tuple[str, str, Source], ...] = ()


@dataclass(frozen=True, slots=True)
class ThreePublicNarrative:
    """七、“三公”经费: total and parts with changes, details, counts and budget comparison.

    Attributes:
        composition: total = overseas travel + official vehicles + official reception.
        vehicles: official vehicles = purchase + operation.
        mentions: every further statement of one of these amounts (must agree with the first).
        budget_comparisons: the budget-vs-actual statements, keyed like the amounts.
        overseas_groups / overseas_persons: 因公出国（境）团组数 / 人次.
        vehicles_purchased / vehicle_fleet: 公务用车购置数 / 保有量.
        reception_batches / reception_persons: 国内公务接待批次 / 人次.
    """

    composition: Breakdown | None = None
    vehicles: Breakdown | None = None
    mentions: tuple[StatedAmount, ...] = ()
    budget_comparisons: tuple[StatedAmount, ...] = ()
    overseas_groups: Figure | None = None
    overseas_persons: Figure | None = None
    vehicles_purchased: Figure | None = None
    vehicle_fleet: Figure | None = None
    reception_batches: Figure | None = None
    reception_persons: Figure | None = None

    @property
    def amounts(self) -> tuple[StatedAmount, ...]:
        """Every amount stated: the restatements, then the breakdowns' totals and parts."""
        breakdowns = [b for b in (self.composition, self.vehicles) if b is not None]
        return self.mentions + tuple(a for b in breakdowns for a in (b.total, *b.parts))


@dataclass(frozen=True, slots=True)
class EmptyStatementNote:
    """A statement the narrative declares empty ("…决算表为空表")."""

    statement: str
    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class Procurement:
    """政府采购: total by goods/works/services and contracts awarded to SMEs."""

    composition: Breakdown | None = None
    sme_contracts: StatedAmount | None = None
    micro_small_contracts: StatedAmount | None = None


@dataclass(frozen=True, slots=True)
class StateAssets:
    """国有资产占用: buildings, vehicles by category and large equipment at year end."""

    building_area: Figure | None = None
    building_value: Figure | None = None
    vehicles: Breakdown | None = None
    vehicles_value: Figure | None = None
    general_equipment_over_500k: Figure | None = None
    special_equipment_over_1m: Figure | None = None


@dataclass(frozen=True, slots=True)
class PerformanceSummary:
    """预算绩效: how many projects were evaluated, with how much money, and what came of it.

    ``refers_to_attached_tables`` is True when the text says the self-evaluation tables are
    attached ("附项目支出绩效自评表"), so their number must match.
    """

    evaluated_projects: Figure | None = None
    evaluated_funds: Figure | None = None
    outcomes: tuple[str, ...] = ()
    refers_to_attached_tables: bool = False
    funds_used: Figure | None = None
    funds_completed: Figure | None = None


@dataclass(frozen=True, slots=True)
class PetitionWork:
    """信访 workload figures stated in the narrative."""

    cases: Figure | None = None
    person_times: Figure | None = None
    repeat_cases: Figure | None = None
    repeat_handled: Figure | None = None
    timely_acceptance_rate: Figure | None = None
    conclusion_rate: Figure | None = None
    satisfaction_rate: Figure | None = None


@dataclass(frozen=True, slots=True)
class ListedShare:
    """A share printed for one of the parts listed under a figure anywhere in the narrative
    ("支出预算合计4,651.67万元，其中：基本支出4,312.17万元，占92.7%；…").

    Attributes:
        label: the part's label.
        amount: the part.
        share: the share printed for it (in %).
        base_label: the label of the figure it is listed under.
        base: that figure; None when the narrative does not print it ("占本年支出合计的99.86%"),
            for the checks to find in the statements under ``base_label``.
        other_bases: the parts listed before it that state no share: a sub-total it may be a
            share of ("本年收入x万元，其中财政拨款y万元，其中一般公共预算z万元，占w%").
        base_parts: when the base is not printed but is the sum of the parts listed with it
            (their shares adding up to 100%), the other parts; ``base`` is then that sum.
    """

    label: str
    amount: Figure
    share: Figure
    base_label: str
    base: Figure | None
    other_bases: tuple[Figure, ...] = ()
    base_parts: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemAmount:
    """An amount the narrative gives a function item by its names, 类 first ("“一般公共服务支出
    （类）财政事务（款）行政运行（项）”1,623.18万元", "“卫生健康支出-行政事业单位医疗-行政单位医疗”科目").

    Attributes:
        names: the 类, 款 and 项 names as printed, as many levels as printed.
        amount: the figure.
        measure: ``actual`` (支出决算为…), ``budget`` (2024年预算安排…) or "" when the figure
            follows the names with no word of its own.
        label: the words printed before the figure ("2024年预算安排"), for its year.
        code: the item's code when printed with its name ("2080502-事业单位离退休").

    A level above those printed is "" ("人大事务（款）行政运行（项）": ("", "人大事务", "行政运行")).
    """

    names: tuple[str, ...]
    amount: Figure
    measure: str = ""
    label: str = ""
    code: str = ""


@dataclass(frozen=True, slots=True)
class Narrative:
    """The explanatory narrative (情况说明), one field per standard section.

    Attributes:
        overview: 一、收入支出决算总体情况.
        income: 二、收入决算情况 (本年收入 = Σ sources, with shares).
        expenditure: 三、支出决算情况 (本年支出 = 基本 + 项目 + …, with shares).
        appropriation: 四、财政拨款收入支出决算总体情况.
        general_budget_expenditure: 五、一般公共预算财政拨款支出 by function code (项).
        basic_expenditure: 六、一般公共预算财政拨款基本支出.
        three_public: 七、“三公”经费.
        empty_statements: 八、九: statements declared empty.
        agency_operating_costs: 机关运行经费 with its change.
        procurement: 政府采购.
        state_assets: 国有资产占用.
        performance: 预算绩效 summary.
        petition: 信访 workload (petition bureaus).
        item_amounts: amounts given to function items named by their 类/款/项 path.
        stated_totals: a budget's opening totals (收入预算, 支出预算, 财政拨款收入 …), keyed
            ``income``, ``expenditure``, ``grand``, ``appropriation_income`` ….
        listed_shares: the shares printed for listed parts, wherever they are.
        bracketed_parts: a figure and the parts it lists in brackets ("8013平方米（其中计容面积
            7998平方米，不计容面积105平方米）"), the figure quoting the whole phrase.
        budget_rates: every other amount compared with its budget with a rate ("年初预算为54.53万元，
            支出决算为54.53万元，完成年初预算的100.00%"), keyed ``budget:<label>``.
        year_on_year: every other amount stated with its change and rate ("…1,107.60 万元，与上年
            相比增加 355.83 万元，增长 47.33%"), keyed ``change:<label>`` (no two are tied).
    """

    overview: Overview = Overview()
    income: Breakdown | None = None
    expenditure: Breakdown | None = None
    appropriation: AppropriationOverview = AppropriationOverview()
    general_budget_expenditure: Breakdown | None = None
    basic_expenditure: BasicExpenditureNarrative = BasicExpenditureNarrative()
    three_public: ThreePublicNarrative = ThreePublicNarrative()
    empty_statements: tuple[EmptyStatementNote, ...] = ()
    agency_operating_costs: StatedAmount | None = None
    procurement: Procurement = Procurement()
    state_assets: StateAssets = StateAssets()
    performance: PerformanceSummary = PerformanceSummary()
    petition: PetitionWork = PetitionWork()
    item_amounts: tuple[ItemAmount, ...] = ()
    stated_totals: tuple[StatedAmount, ...] = ()
    listed_shares: tuple[ListedShare, ...] = ()
    budget_rates: tuple[StatedAmount, ...] = ()
    bracketed_parts: tuple[tuple[Figure, tuple[Figure, ...]], ...] = ()
    year_on_year: tuple[StatedAmount, ...] = ()


def stated_sources(value: object) -> set[Source]:
    """The places of every amount stated anywhere in ``value`` (a narrative or a part of it)."""
    if isinstance(value, StatedAmount):
        return {value.amount.source}
    if isinstance(value, tuple):
        return set().union(*(stated_sources(item) for item in value)) if value else set()
    if dataclasses.is_dataclass(value) and not isinstance(value, (Figure, type)):
        return set().union(*(stated_sources(getattr(value, f.name)) for f in dataclasses.fields(value)))
    return set()
