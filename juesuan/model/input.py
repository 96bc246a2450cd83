"""What a finance officer fills in to generate a disclosure (the generator's input).

This is distinct from :class:`~juesuan.model.disclosure.Disclosure`, which is what a
document *states*. Here every amount is given once, as a plain :class:`~decimal.Decimal` in
万元; shares, changes, rates and comparative words are computed by the renderer, so the
generated text and statements agree by construction. Only the reasons are free text.

Totals are given explicitly, as the officer copies them from the accounting system. When a
total does not equal its parts the input contradicts itself: the renderer checks the
generated document and refuses to write it (unless forced).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class Entry:
    """One labelled amount the narrative reports.

    Attributes:
        label: the label as printed (财政拨款收入, 基本工资 …).
        amount: this year's amount (万元).
        code: a classification code printed with it (function or economic), if any.
        previous: last year's amount; None when no year-on-year comparison is to be printed.
        budget: the initial budget (年初预算数); None when no budget comparison is printed.
        reason: why the amount changed against last year (主要原因是 …).
        budget_reason: why the amount differs from the budget.
        note: what the money was spent on (开支内容), for the “三公” items.
    """

    label: str
    amount: Decimal = ZERO
    code: str = ""
    previous: Decimal | None = None
    budget: Decimal | None = None
    reason: str = ""
    budget_reason: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class FunctionItem:
    """A 项-level row of the general-budget appropriation expenditure (五 and 公开05表).

    Attributes:
        code: the 7-digit function code (项).
        name: the 项 name (行政运行 …).
        basic / project: basic and project expenditure; the item's amount is their sum.
        budget: the initial budget of the item, when the comparison is to be printed.
        budget_reason: why the item differs from its budget.
    """

    code: str
    name: str
    basic: Decimal = ZERO
    project: Decimal = ZERO
    budget: Decimal | None = None
    budget_reason: str = ""

    @property
    def amount(self) -> Decimal:
        """Basic plus project expenditure."""
        return self.basic + self.project


@dataclass(frozen=True, slots=True)
class FunctionRow:
    """A function-classified row of the income (02) or expenditure (03) statement.

    ``values`` follow the statement's columns: for income 财政拨款, 上级补助, 事业, 经营,
    附属单位上缴, 其他; for expenditure 基本, 项目, 上缴上级, 经营, 对附属单位补助.
    """

    code: str
    name: str
    values: tuple[Decimal, ...] = ()


@dataclass(frozen=True, slots=True)
class Headcount:
    """实有人数 = 在职 + 离休 + 退休."""

    active: int = 0
    retired_before_1949: int = 0
    retired: int = 0

    @property
    def total(self) -> int:
        """All people."""
        return self.active + self.retired_before_1949 + self.retired


@dataclass(frozen=True, slots=True)
class ProfileInput:
    """部门概况.

    Attributes:
        functions: the main functions, one per item, without numbering.
        units: the units whose accounts the disclosure covers (单位构成).
        subordinate_units: how many subordinate budget units there are.
        divisions: the internal divisions (科室).
        headcount: the staff at year end.
    """

    functions: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    subordinate_units: int = 0
    divisions: tuple[str, ...] = ()
    headcount: Headcount = Headcount()


@dataclass(frozen=True, slots=True)
class BasicExpenditureInput:
    """六: basic expenditure = personnel costs + operating costs, each with its economic items."""

    total: Entry = Entry("基本支出")
    personnel: Entry = Entry("人员经费")
    personnel_items: tuple[Entry, ...] = ()
    operating: Entry = Entry("公用经费")
    operating_items: tuple[Entry, ...] = ()


@dataclass(frozen=True, slots=True)
class ThreePublicInput:
    """七: “三公”经费 with previous year, budget, reasons, contents and counts."""

    total: Entry = Entry("“三公”经费")
    overseas: Entry = Entry("因公出国（境）费")
    vehicles: Entry = Entry("公务用车购置及运行维护费")
    vehicle_purchase: Entry = Entry("公务用车购置费")
    vehicle_operation: Entry = Entry("公务用车运行维护费")
    reception: Entry = Entry("公务接待费")
    overseas_groups: int = 0
    overseas_persons: int = 0
    vehicles_purchased: int = 0
    vehicle_fleet: int = 0
    reception_batches: int = 0
    reception_persons: int = 0


@dataclass(frozen=True, slots=True)
class FundInput:
    """八/九: government-fund or state-capital appropriation income and expenditure.

    Both None (or zero) means the unit has none, and the statement is printed empty.
    """

    income: Entry | None = None
    expenditure: Entry | None = None
    rows: tuple[FunctionItem, ...] = ()

    @property
    def is_empty(self) -> bool:
        """No income and no expenditure."""
        return not any(e is not None and e.amount for e in (self.income, self.expenditure))


@dataclass(frozen=True, slots=True)
class ProcurementInput:
    """政府采购: total = goods + works + services; contracts awarded to SMEs and micro firms."""

    total: Decimal = ZERO
    goods: Decimal = ZERO
    works: Decimal = ZERO
    services: Decimal = ZERO
    sme: Decimal = ZERO
    micro_small: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class AssetsInput:
    """国有资产占用 at year end."""

    building_area: Decimal = ZERO
    building_value: Decimal = ZERO
    vehicles: int = 0
    vehicles_value: Decimal = ZERO
    vehicle_categories: tuple[tuple[str, int], ...] = ()
    other_vehicles_note: str = ""
    general_equipment: int = 0
    special_equipment: int = 0


@dataclass(frozen=True, slots=True)
class FundsInput:
    """One row of a self-evaluation's funds block: 年初预算数 / 全年预算数 / 全年执行数."""

    initial: Decimal = ZERO
    adjusted: Decimal = ZERO
    executed: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class IndicatorInput:
    """One 三级指标 as filled in; target and actual are printed as written ("≥95%", "有效")."""

    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: Decimal
    score: Decimal
    note: str = ""


@dataclass(frozen=True, slots=True)
class SelfEvaluationInput:
    """A 项目支出绩效自评表. The execution score and the total are computed."""

    name: str
    department: str = ""
    implementer: str = ""
    total: FundsInput = FundsInput()
    current: FundsInput = FundsInput()
    carryover: FundsInput = FundsInput()
    other: FundsInput = FundsInput()
    expected_goal: str = ""
    achieved_goal: str = ""
    indicators: tuple[IndicatorInput, ...] = ()
    persons: tuple[tuple[str, str, str], ...] = ()  # (role, name, phone)


@dataclass(frozen=True, slots=True)
class PerformanceInput:
    """预算绩效: evaluated projects, the three lists of findings, a free statement, the tables."""

    projects: int = 0
    funds: Decimal = ZERO
    achievements: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    improvements: tuple[str, ...] = ()
    statement: str = ""
    evaluations: tuple[SelfEvaluationInput, ...] = ()


@dataclass(frozen=True, slots=True)
class BalanceInput:
    """The carry-over lines of 公开01表 (I2: 收入总计 = 支出总计)."""

    non_appropriation_used: Decimal = ZERO
    carryover_start: Decimal = ZERO
    balance_distribution: Decimal = ZERO
    carryover_end: Decimal = ZERO
    appropriation_carryover_start: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class DisclosureInput:
    """Everything a disclosure is generated from.

    Attributes:
        kind: ``final`` (决算) or ``budget`` (预算).
        scope: ``department`` (部门) or ``unit`` (单位).
        year: the fiscal year.
        department: the department's name.
        profile: 部门概况.
        income / income_sources: 本年收入 and its sources (二), in the standard order.
        expenditure / expenditure_types: 本年支出 and its kinds (三).
        appropriation_income / appropriation_expenditure: 四.
        general_budget / general_budget_items: 五, total and 项 items.
        basic: 六.
        three_public: 七.
        government_fund / state_capital: 八 / 九.
        agency_costs: 机关运行经费; None when the unit has none to report.
        procurement / assets / performance: 十 and 十一.
        balances: carry-overs for 公开01表.
        income_rows / expenditure_rows: optional function rows for 公开02/03表.
        glossary: (term, definition) pairs; the standard list when empty.
        date: the date on the cover, as printed.
    """

    kind: str
    year: int
    department: str
    scope: str = "department"
    profile: ProfileInput = ProfileInput()
    income: Entry = Entry("本年收入")
    income_sources: tuple[Entry, ...] = ()
    expenditure: Entry = Entry("本年支出")
    expenditure_types: tuple[Entry, ...] = ()
    appropriation_income: Entry = Entry("财政拨款收入")
    appropriation_expenditure: Entry = Entry("财政拨款支出")
    general_budget: Entry = Entry("一般公共预算财政拨款支出")
    general_budget_items: tuple[FunctionItem, ...] = ()
    basic: BasicExpenditureInput = BasicExpenditureInput()
    three_public: ThreePublicInput = ThreePublicInput()
    government_fund: FundInput = FundInput()
    state_capital: FundInput = FundInput()
    agency_costs: Entry | None = None
    procurement: ProcurementInput = ProcurementInput()
    assets: AssetsInput = AssetsInput()
    performance: PerformanceInput = PerformanceInput()
    balances: BalanceInput = BalanceInput()
    income_rows: tuple[FunctionRow, ...] = ()
    expenditure_rows: tuple[FunctionRow, ...] = ()
    glossary: tuple[tuple[str, str], ...] = field(default=())
    date: str = ""


# The template workbook's layout, shared by its writer (render) and its reader (ingest),
# which may not import each other: plain data, no I/O.

#: Rows of the 收支情况 sheet: (key, label on the sheet, label printed in the text). The key
#: names the entry: an attribute path of :class:`DisclosureInput`, or ``list:label`` for
#: the standard parts of income and expenditure.
LINE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("income", "本年收入合计", "本年收入"),
    ("income_sources:财政拨款收入", "　其中：财政拨款收入", "财政拨款收入"),
    ("income_sources:上级补助收入", "　　　　上级补助收入", "上级补助收入"),
    ("income_sources:事业收入", "　　　　事业收入", "事业收入"),
    ("income_sources:经营收入", "　　　　经营收入", "经营收入"),
    ("income_sources:附属单位上缴收入", "　　　　附属单位上缴收入", "附属单位上缴收入"),
    ("income_sources:其他收入", "　　　　其他收入", "其他收入"),
    ("expenditure", "本年支出合计", "本年支出"),
    ("expenditure_types:基本支出", "　其中：基本支出", "基本支出"),
    ("expenditure_types:项目支出", "　　　　项目支出", "项目支出"),
    ("expenditure_types:上缴上级支出", "　　　　上缴上级支出", "上缴上级支出"),
    ("expenditure_types:经营支出", "　　　　经营支出", "经营支出"),
    ("expenditure_types:对附属单位补助支出", "　　　　对附属单位补助支出", "对附属单位补助支出"),
    ("appropriation_income", "财政拨款收入（财政拨款收支总体情况）", "财政拨款收入"),
    ("appropriation_expenditure", "财政拨款支出（财政拨款收支总体情况）", "财政拨款支出"),
    ("general_budget", "一般公共预算财政拨款支出", "一般公共预算财政拨款支出"),
    ("basic.total", "一般公共预算财政拨款基本支出", "基本支出"),
    ("basic.personnel", "　其中：人员经费", "人员经费"),
    ("basic.operating", "　　　　公用经费", "公用经费"),
    ("three_public.total", "“三公”经费合计", "“三公”经费"),
    ("three_public.overseas", "因公出国（境）费", "因公出国（境）费"),
    ("three_public.vehicles", "公务用车购置及运行维护费", "公务用车购置及运行维护费"),
    ("three_public.vehicle_purchase", "　其中：公务用车购置费", "公务用车购置费"),
    ("three_public.vehicle_operation", "　　　　公务用车运行维护费", "公务用车运行维护费"),
    ("three_public.reception", "公务接待费", "公务接待费"),
    ("agency_costs", "机关运行经费（无则留空）", "机关运行经费"),
)
#: Columns of the 收支情况 sheet after the key and the label: (Entry field, header).
LINE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("amount", "本年数（万元）"),
    ("previous", "上年数（万元）"),
    ("budget", "年初预算数（万元）"),
    ("reason", "增减变化主要原因"),
    ("budget_reason", "预决算差异主要原因"),
    ("note", "开支内容（“三公”经费）"),
)
#: Single values of the 基本情况 and 其他事项 sheets: (attribute path, label, kind).
#: kind: ``text``, ``int``, ``money``, ``list`` (names separated by 、), ``lines`` (one per row).
PROFILE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("kind", "文档类型（决算/预算）", "text"),
    ("scope", "公开主体（部门/单位）", "text"),
    ("year", "年度", "int"),
    ("department", "部门（单位）名称", "text"),
    ("date", "公开日期", "text"),
    ("profile.units", "决算（预算）单位构成（以、分隔）", "list"),
    ("profile.subordinate_units", "下属预算单位数", "int"),
    ("profile.divisions", "内设机构（以、分隔）", "list"),
    ("profile.headcount.active", "在职人员（人）", "int"),
    ("profile.headcount.retired_before_1949", "离休人员（人）", "int"),
    ("profile.headcount.retired", "退休人员（人）", "int"),
)
OTHER_ROWS: tuple[tuple[str, str, str], ...] = (
    ("three_public.overseas_groups", "因公出国（境）团组数（个）", "int"),
    ("three_public.overseas_persons", "因公出国（境）人次", "int"),
    ("three_public.vehicles_purchased", "公务用车购置数（辆）", "int"),
    ("three_public.vehicle_fleet", "公务用车保有量（辆）", "int"),
    ("three_public.reception_batches", "国内公务接待批次", "int"),
    ("three_public.reception_persons", "国内公务接待人次", "int"),
    ("procurement.total", "政府采购支出总额（万元）", "money"),
    ("procurement.goods", "政府采购货物支出（万元）", "money"),
    ("procurement.works", "政府采购工程支出（万元）", "money"),
    ("procurement.services", "政府采购服务支出（万元）", "money"),
    ("procurement.sme", "授予中小企业合同金额（万元）", "money"),
    ("procurement.micro_small", "其中授予小微企业合同金额（万元）", "money"),
    ("assets.building_area", "房屋面积（平方米）", "money"),
    ("assets.building_value", "房屋价值（万元）", "money"),
    ("assets.vehicles", "车辆总数（辆）", "int"),
    ("assets.vehicles_value", "车辆价值（万元）", "money"),
    ("assets.other_vehicles_note", "其他用车主要是", "text"),
    ("assets.general_equipment", "单价50万元以上通用设备（台套）", "int"),
    ("assets.special_equipment", "单价100万元以上专用设备（台套）", "int"),
    ("balances.non_appropriation_used", "使用非财政拨款结余（万元）", "money"),
    ("balances.carryover_start", "年初结转和结余（万元）", "money"),
    ("balances.balance_distribution", "结余分配（万元）", "money"),
    ("balances.carryover_end", "年末结转和结余（万元）", "money"),
    ("balances.appropriation_carryover_start", "年初财政拨款结转和结余（万元）", "money"),
    ("performance.projects", "开展绩效评价项目数（个）", "int"),
    ("performance.funds", "绩效评价涉及资金（万元）", "money"),
    ("performance.achievements", "绩效管理取得的成效（以；分隔）", "items"),
    ("performance.problems", "发现的问题及原因（以；分隔）", "items"),
    ("performance.improvements", "下一步改进措施（以；分隔）", "items"),
    ("performance.statement", "绩效管理情况自述", "text"),
)
#: Vehicle categories of 国有资产 as the standard form lists them.
VEHICLE_CATEGORIES: tuple[str, ...] = (
    "副部（省）级及以上领导用车",
    "主要领导干部用车",
    "机要通信用车",
    "应急保障用车",
    "执法执勤用车",
    "特种专业技术用车",
    "离退休干部用车",
    "其他用车",
)
