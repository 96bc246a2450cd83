"""Reference documentation generated from the code (``docs/rules.md``)."""

from __future__ import annotations

from collections.abc import Iterable

from juesuan.findings import Rule


def rules_markdown(rules: Iterable[Rule]) -> str:
    """The rule catalogue as Markdown, one section per rule."""
    lines = [
        "# 检查规则目录",
        "",
        "本文件由 `juesuan rules --format markdown` 生成，请勿手工编辑。",
        "级别：错误 = 文档自相矛盾；警告 = 很可能有误或不一致；提示 = 值得一看。",
        "",
    ]
    for rule in rules:
        lines += [
            f"## {rule.id} {rule.title}",
            "",
            f"- 级别：{rule.severity.label}（{rule.severity.value}）",
            f"- 标签：{', '.join(rule.tags)}",
            f"- 消息模板：`{rule.template}`",
            "",
            rule.doc,
            "",
        ]
    return "\n".join(lines)
