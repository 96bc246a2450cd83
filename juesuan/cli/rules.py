"""``juesuan rules``: the rule catalogue."""

from __future__ import annotations

import click

from juesuan.cli.options import format_option


@click.command()
@format_option("text", "json", "markdown")
def rules(output_format: str) -> int:
    """列出全部检查规则（编号、级别、标题、标签、说明）。"""
    from juesuan.checks import catalogue
    from juesuan.cli.output import echo_json
    from juesuan.docs import rules_markdown

    entries = catalogue()
    if output_format == "json":
        echo_json(
            [
                {
                    "id": r.id,
                    "severity": r.severity.value,
                    "title": r.title,
                    "template": r.template,
                    "tags": list(r.tags),
                    "doc": r.doc,
                }
                for r in entries
            ]
        )
    elif output_format == "markdown":
        click.echo(rules_markdown(entries), nl=False)
    else:
        for r in entries:
            click.echo(f"{r.id:<10} {r.severity.label}  {r.title}  [{', '.join(r.tags)}]")
    return 0
