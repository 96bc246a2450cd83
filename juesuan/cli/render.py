"""``juesuan render``: generate the whole disclosure from its filled-in input."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from juesuan.errors import InputError

if TYPE_CHECKING:
    from juesuan.model.disclosure import Disclosure
    from juesuan.pipeline import Rendered

FORMATS = ["docx", "pdf", "html", "markdown", "text"]


@click.command()
@click.argument("source", type=click.Path())
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    required=True,
    type=click.Path(),
    help="输出文件（可重复；按后缀定格式）",
)
@click.option("--format", "output_format", type=click.Choice(FORMATS), help="输出格式（默认按输出文件后缀）")
@click.option("--force", is_flag=True, help="数据自相矛盾时仍然生成（并列出矛盾）")
def render(source: str, outputs: tuple[str, ...], output_format: str | None, force: bool) -> int:
    """由填好的模板（.xlsx）或 JSON/YAML 生成公开文档（.docx/.pdf/.html/.md/.txt）。

    文中的占比、增减额、增长率、完成率及“增加/减少/持平”等用词均按数字计算；只有原因由人填写。
    数据自相矛盾（错误级问题）时不生成，并列出问题，除非加 --force。

    退出码：0 已生成；1 数据有矛盾，未生成；2 输入无法读取或输出格式不明。
    """
    from juesuan import pipeline
    from juesuan.cli.output import text_report
    from juesuan.findings import Severity
    from juesuan.render import format_of

    unknown = [o for o in outputs if output_format is None and format_of(o) is None]
    if unknown:
        click.echo(f"juesuan：无法从文件名判断输出格式：{'、'.join(unknown)}（请用 --format）", err=True)
        return 2
    try:
        result = pipeline.render(source, tuple(outputs), force=force, output_format=output_format)
    except InputError as error:
        click.echo(click.style(f"juesuan：{error}", fg="red"), err=True)
        return 2
    for note in result.description.notes:
        click.echo(click.style(f"  需补充 {note.place}：{note.message}", fg="yellow"), err=True)
    problems = result.report.at_least(Severity.WARNING)
    if problems:
        click.echo(text_report(_summary_disclosure(result), result.report, Severity.WARNING), err=True)
    if result.stopped:
        click.echo(
            click.style("数据自相矛盾，未生成文档（修正后重试，或加 --force 强制生成）", fg="red"), err=True
        )
        return 1
    for path in result.written:
        click.echo(f"已生成 {path}")
    return 0


def _summary_disclosure(result: Rendered) -> Disclosure:
    """A disclosure stub naming the input, for the report heading."""
    from juesuan.model.disclosure import Disclosure

    data = result.data
    return Disclosure(file="（生成的文档）", kind=data.kind, year=data.year, department=data.department)
