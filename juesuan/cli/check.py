"""``juesuan check``: find every contradiction in one or more disclosures."""

from __future__ import annotations

import click

from juesuan.cli.options import format_option
from juesuan.errors import InputError
from juesuan.findings import Severity


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@format_option("text", "json")
@click.option(
    "--min-severity",
    type=click.Choice(["info", "warning", "error"]),
    default="info",
    show_default=True,
    help="只显示不低于此级别的问题",
)
@click.option(
    "--select", multiple=True, metavar="RULE-OR-TAG", help="只运行这些规则（编号、编号前缀或标签），可重复"
)
@click.option(
    "--ignore", multiple=True, metavar="RULE-OR-TAG", help="不运行这些规则（编号、编号前缀或标签），可重复"
)
def check(
    paths: tuple[str, ...],
    output_format: str,
    min_severity: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> int:
    """检查公开文件中的矛盾：合计、比例、前后数字、科目编码、绩效自评表等。

    退出码：0 无错误；1 有错误级问题；2 有文件无法读取。
    """
    from juesuan import pipeline
    from juesuan.cli.output import echo_json, report_json, text_report

    threshold = Severity(min_severity)
    exit_code = 0
    results: list[dict[str, object]] = []
    for path in paths:
        try:
            outcome = pipeline.run(path, select=select, ignore=ignore)
        except InputError as error:
            click.echo(click.style(f"juesuan：{error}", fg="red"), err=True)
            exit_code = 2
            continue
        if outcome.report.has_errors and exit_code == 0:
            exit_code = 1
        if output_format == "json":
            results.append(report_json(outcome.disclosure, outcome.report, threshold))
        else:
            click.echo(text_report(outcome.disclosure, outcome.report, threshold))
            if len(paths) > 1:
                click.echo()
    if output_format == "json" and results:
        echo_json(results[0] if len(paths) == 1 else results)
    return exit_code
