"""The bundled example: 青禾县档案局 (a fictional county archives bureau), 2023 final accounts.

``qinghe()`` is its clean input; ``qinghe(mistakes=True)`` carries the four deliberate
mistakes the README promises (and ``tests/test_example.py`` pins to their lines):

1. ARITH-001 — the listed operating costs add up to 25.10, not the 24.50 stated;
2. RATE-002 — 本年支出 rose 18.20 on 300.20, yet the text says 增长6.60% (6.06%);
3. RATE-001 — 小微企业 9.00 of 12.30 is 73.17%, yet the text says 73.71%;
4. PERF-004 — 库房设备完好率 92% missed its ≥95% target, yet scored full marks.

The first and the last are mistakes in the data; the two rates are computed by the
generator, so they are injected into its text (:data:`TEXT_MISTAKES`). Regenerate the file
with ``python examples/make_example.py``.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

from juesuan.model.input import (
    AssetsInput,
    BalanceInput,
    BasicExpenditureInput,
    DisclosureInput,
    Entry,
    FunctionItem,
    FundsInput,
    Headcount,
    IndicatorInput,
    PerformanceInput,
    ProcurementInput,
    ProfileInput,
    SelfEvaluationInput,
    ThreePublicInput,
)
from juesuan.render.document import Description, Paragraph

DEPARTMENT = "青禾县档案局"
ZERO = D("0.00")
#: The generated text with its rates falsified: (as generated, as printed in the example).
TEXT_MISTAKES = (
    (
        "本年支出318.40万元，与上年相比，增加18.20万元，增长6.06%",
        "本年支出318.40万元，与上年相比，增加18.20万元，增长6.60%",
    ),
    ("占政府采购支出总额的73.17%", "占政府采购支出总额的73.71%"),
)
GLOSSARY = (
    ("财政拨款收入", "指本级财政当年拨付的资金。"),
    ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
    ("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    ("“三公”经费", "指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。"),
    ("机关运行经费", "为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。"),
)


def _items(pairs: str) -> tuple[Entry, ...]:
    """ "办公费 6.80, 印刷费 1.10" → entries."""
    return tuple(Entry(label, D(amount)) for label, amount in (part.split() for part in pairs.split(",")))


def _indicators(rows: tuple[tuple[str, str, str, str, str, int], ...]) -> tuple[IndicatorInput, ...]:
    return tuple(IndicatorInput(a, b, c, t, v, D(w), D(w)) for a, b, c, t, v, w in rows)


def _evaluations() -> tuple[SelfEvaluationInput, ...]:
    persons = (("项目负责人", "林晓", "0571-0000001"), ("经办人", "周岚", "0571-0000002"))
    digitise = FundsInput(D("55.00"), D("55.00"), D("52.10"))
    storage = FundsInput(D("20.00"), D("20.00"), D("20.00"))
    return (
        SelfEvaluationInput(
            name="档案数字化加工",
            department=DEPARTMENT,
            implementer=DEPARTMENT,
            total=digitise,
            current=digitise,
            expected_goal="完成馆藏重点档案数字化加工120万页，提升档案利用效率。",
            achieved_goal="全年完成数字化加工126万页，合格率99%，支出52.10万元。",
            indicators=_indicators(
                (
                    ("产出指标", "数量指标", "数字化加工页数", ">=120万页", "126万页", 15),
                    ("产出指标", "质量指标", "数字化成果合格率", ">=98%", "99%", 10),
                    ("产出指标", "时效指标", "项目完成时间", "<=2023年12月31日", "2023年12月20日", 10),
                    ("产出指标", "成本指标", "单页加工成本", "<=0.45元", "0.41元", 15),
                    ("效益指标", "社会效益指标", "档案查阅利用便捷度", "有效提升", "达成预期指标", 15),
                    ("效益指标", "可持续影响指标", "数字化成果保存年限", ">=30年", "30年", 15),
                    ("满意度指标", "满意度指标", "查档群众满意度", ">=90%", "93%", 10),
                )
            ),
            persons=persons,
        ),
        SelfEvaluationInput(
            name="档案馆库房维护",
            department=DEPARTMENT,
            implementer=DEPARTMENT,
            total=storage,
            current=storage,
            expected_goal="保障档案库房恒温恒湿和消防安防设施正常运行。",
            achieved_goal="完成库房1850平方米日常维护，全年支出20.00万元。",
            indicators=_indicators(
                (
                    ("产出指标", "数量指标", "维护库房面积", ">=1800平方米", "1850平方米", 20),
                    ("产出指标", "质量指标", "库房设备完好率", ">=95%", "96%", 10),
                    ("产出指标", "时效指标", "维护完成时间", "<=2023年11月30日", "2023年11月28日", 10),
                    ("产出指标", "成本指标", "库房维护费用", "<=20万元", "20万元", 10),
                    ("效益指标", "社会效益指标", "档案安全保管", "有效", "达成预期指标", 20),
                    ("效益指标", "可持续影响指标", "库房设施持续使用年限", ">=5年", "5年", 10),
                    ("满意度指标", "满意度指标", "利用单位满意度", ">=90%", "95%", 10),
                )
            ),
            persons=persons,
        ),
    )


def _three_public() -> ThreePublicInput:
    return ThreePublicInput(
        total=Entry(
            "“三公”经费",
            D("3.20"),
            previous=D("3.50"),
            budget=D("4.00"),
            reason="厉行节约，压减公务接待",
            budget_reason="厉行节约",
        ),
        overseas=Entry("因公出国（境）费", ZERO, previous=ZERO, budget=ZERO),
        vehicles=Entry("公务用车购置及运行维护费", D("2.00"), previous=D("2.10"), reason="车辆维修费减少"),
        vehicle_purchase=Entry("公务用车购置费", ZERO, budget=ZERO),
        vehicle_operation=Entry(
            "公务用车运行维护费",
            D("2.00"),
            budget=D("2.40"),
            budget_reason="车辆维修费减少",
            note="燃料费、维修费和保险费",
        ),
        reception=Entry(
            "公务接待费",
            D("1.20"),
            previous=D("1.40"),
            budget=D("1.60"),
            reason="严格控制接待标准",
            budget_reason="严格控制接待标准",
            note="上级业务指导和兄弟单位交流的工作餐",
        ),
        vehicle_fleet=1,
        reception_batches=12,
        reception_persons=86,
    )


def _sources(labels: str, first: D) -> tuple[Entry, ...]:
    names = labels.split()
    return (Entry(names[0], first), *(Entry(name) for name in names[1:]))


def qinghe(mistakes: bool = False) -> DisclosureInput:
    """The example's input; with ``mistakes``, its two data mistakes (the text ones: :func:`falsify`)."""
    operating = _items(
        "办公费 6.80, 印刷费 1.10, 水电费 3.40, 邮电费 1.30, 差旅费 2.50, 培训费 0.90, 工会经费 2.60, 福利费 1.80, 其他商品和服务支出 4.10"
    )
    data = DisclosureInput(
        kind="final",
        year=2023,
        department=DEPARTMENT,
        profile=ProfileInput(
            functions=(
                "贯彻执行国家和省、市有关档案工作的法律法规和方针政策，拟订全县档案事业发展规划并组织实施。",
                "负责全县档案工作的统筹规划、组织协调和监督指导，依法开展档案行政执法检查。",
                "负责收集、整理、保管和提供利用县级党政机关及重要单位的档案资料。",
                "承办县委、县人民政府交办的其他事项。",
            ),
            units=("青禾县档案局本级",),
            divisions=("办公室", "档案管理科", "档案利用科", "技术保护科", "信息化科"),
            headcount=Headcount(active=18, retired=5),
        ),
        income=Entry("本年收入", D("320.50"), previous=D("290.00"), reason="档案数字化项目经费增加"),
        income_sources=_sources(
            "财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入", D("320.50")
        ),
        expenditure=Entry("本年支出", D("318.40"), previous=D("300.20"), reason="档案数字化项目支出增加"),
        expenditure_types=(
            Entry("基本支出", D("246.30")),
            *_sources("项目支出 上缴上级支出 经营支出 对附属单位补助支出", D("72.10")),
        ),
        appropriation_income=Entry(
            "财政拨款收入",
            D("320.50"),
            previous=D("290.00"),
            budget=D("300.00"),
            reason="档案数字化项目经费增加",
            budget_reason="年中追加档案数字化经费",
        ),
        appropriation_expenditure=Entry(
            "财政拨款支出",
            D("318.40"),
            previous=D("300.20"),
            budget=D("300.00"),
            reason="档案数字化项目支出增加",
            budget_reason="年中追加档案数字化经费",
        ),
        general_budget=Entry("一般公共预算财政拨款支出", D("318.40")),
        general_budget_items=(
            FunctionItem("2012601", "行政运行", basic=D("215.10")),
            FunctionItem("2012604", "档案馆", project=D("72.10")),
            FunctionItem("2080505", "机关事业单位基本养老保险缴费支出", basic=D("18.60")),
            FunctionItem("2101101", "行政单位医疗", basic=D("12.60")),
        ),
        basic=BasicExpenditureInput(
            total=Entry("基本支出", D("246.30")),
            personnel=Entry("人员经费", D("221.80")),
            personnel_items=_items(
                "基本工资 60.20, 津贴补贴 70.40, 奖金 20.10, 绩效工资 25.30, 机关事业单位基本养老保险缴费 18.60, 职工基本医疗保险缴费 12.60, 住房公积金 14.60"
            ),
            operating=Entry("公用经费", D("24.50")),
            operating_items=operating,
        ),
        three_public=_three_public(),
        agency_costs=Entry("机关运行经费", D("24.50"), previous=D("26.00"), reason="压减日常办公开支"),
        procurement=ProcurementInput(D("12.30"), D("8.30"), ZERO, D("4.00"), D("12.30"), D("9.00")),
        assets=AssetsInput(
            building_area=D("1850.00"),
            building_value=D("620.00"),
            vehicles=1,
            vehicles_value=D("18.50"),
            vehicle_categories=tuple(
                (n, 1 if n == "特种专业技术用车" else 0)
                for n in (
                    "主要领导干部用车",
                    "机要通信用车",
                    "应急保障用车",
                    "执法执勤用车",
                    "特种专业技术用车",
                    "其他用车",
                )
            ),
            special_equipment=1,
        ),
        performance=PerformanceInput(projects=2, funds=D("72.10"), evaluations=_evaluations()),
        balances=BalanceInput(carryover_end=D("2.10")),
        glossary=GLOSSARY,
    )
    return _with_data_mistakes(data) if mistakes else data


def _with_data_mistakes(data: DisclosureInput) -> DisclosureInput:
    """Mistakes 1 and 4: an operating item off by 0.60; a missed target with full marks."""
    items = tuple(
        replace(e, amount=D("4.70")) if e.label == "其他商品和服务支出" else e
        for e in data.basic.operating_items
    )
    evaluations = list(data.performance.evaluations)
    indicators = tuple(
        replace(i, actual="92%") if i.name == "库房设备完好率" else i for i in evaluations[1].indicators
    )
    evaluations[1] = replace(evaluations[1], indicators=indicators)
    return replace(
        data,
        basic=replace(data.basic, operating_items=items),
        performance=replace(data.performance, evaluations=tuple(evaluations)),
    )


def falsify(description: Description, mistakes: tuple[tuple[str, str], ...] = TEXT_MISTAKES) -> Description:
    """``description`` with each (generated, printed) text replaced, exactly once each."""
    blocks = list(description.blocks)
    for generated, printed in mistakes:
        hits = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and generated in b.text]
        if len(hits) != 1:
            raise ValueError(f"{generated!r} occurs in {len(hits)} paragraphs, expected 1")
        paragraph = blocks[hits[0]]
        assert isinstance(paragraph, Paragraph)
        blocks[hits[0]] = replace(paragraph, text=paragraph.text.replace(generated, printed))
    return replace(description, blocks=tuple(blocks))
