"""Names of organisations as disclosures print them: what ends like an organisation's name.

A name is taken only when it ends like one (局, 委员会, 中心, 支队 …), so a table title or a
sentence is never taken for a department or unit: better no name than a wrong one.
"""

from __future__ import annotations

import re

ORGANISATION_END = (
    r"(?:局|厅|委员会|委|办公室|办|院|部|中心|处|所|站|馆|队|会|室|校|府|指挥部|公司|社|署|园|库)"
)
ORGANISATION_RE = re.compile(rf"^\S{{3,40}}?{ORGANISATION_END}$")

_SCOPE_SUFFIX_RE = re.compile(r"[（(](?:本级|汇总|部门汇总|单位汇总|机关本级)[）)]$")


def organisation_label(text: str) -> str | None:
    """The organisation a statement's form line names, its （本级）/（汇总） kept: a department's
    consolidated statements and its 本级's are different units' figures."""
    name = re.sub(r"(?:金额)?单位(?:[：:]?(?:万元|元))?$", "", text.strip(" ：:"))
    suffix = _SCOPE_SUFFIX_RE.search(name)
    bare = name[: suffix.start()] if suffix else name
    if "表" in bare or not ORGANISATION_RE.match(bare):
        return None
    return bare + (suffix.group(0).replace("(", "（").replace(")", "）") if suffix else "")
