"""Labels as printed → semantic keys (GLOSSARY.md).

The same quantity is printed under many labels ("财政拨款收入", "本年财政拨款收入"); the key
is what checks compare. Items of a list that have no standard key get ``<family>:<label>``.
"""

from __future__ import annotations

#: (substring of the label, key), tried in order; the first that occurs wins.
INCOME_KEYS: tuple[tuple[str, str], ...] = (
    ("一般公共预算财政拨款", "general_budget_appropriation_income"),
    ("政府性基金", "government_fund_appropriation_income"),
    ("国有资本经营", "state_capital_appropriation_income"),
    ("财政拨款", "appropriation_income"),
    ("上级补助", "superior_subsidy_income"),
    ("事业收入", "service_income"),
    ("事业单位经营收入", "business_income"),
    ("经营收入", "business_income"),
    ("附属单位上缴", "affiliate_remittance_income"),
    ("非财政拨款结余", "non_appropriation_balance_used"),
    ("年初结转", "carryover_start"),
    ("其他收入", "other_income"),
)

EXPENDITURE_KEYS: tuple[tuple[str, str], ...] = (
    ("基本支出", "basic_expenditure"),
    ("项目支出", "project_expenditure"),
    ("上缴上级", "remittance_to_superior"),
    ("经营支出", "business_expenditure"),
    ("对附属单位补助", "affiliate_subsidy_expenditure"),
    ("结余分配", "balance_distribution"),
    ("年末结转", "carryover_end"),
)

THREE_PUBLIC_KEYS: tuple[tuple[str, str], ...] = (
    ("三公", "three_public_total"),
    ("因公出国", "overseas_travel"),
    ("购置及运行", "official_vehicles"),
    ("购置和运行", "official_vehicles"),
    ("购置费", "vehicle_purchase"),
    ("运行维护费", "vehicle_operation"),
    ("运行费", "vehicle_operation"),
    ("接待", "official_reception"),
)

PROCUREMENT_KEYS: tuple[tuple[str, str], ...] = (
    ("货物", "procurement_goods"),
    ("工程", "procurement_works"),
    ("服务", "procurement_services"),
    ("小微", "micro_small_contracts"),
    ("中小", "sme_contracts"),
    ("总额", "procurement_total"),
    ("政府采购", "procurement_total"),
)

HEADCOUNT_KEYS: tuple[tuple[str, str], ...] = (
    ("在职", "active"),
    ("离休", "retired_before_1949"),
    ("退休", "retired"),
    ("实有", "headcount"),
)


def key_of(label: str, table: tuple[tuple[str, str], ...], family: str) -> str:
    """The key of ``label`` in ``table``, or ``family:label`` when none matches."""
    for fragment, key in table:
        if fragment in label:
            return key
    return f"{family}:{label}"
