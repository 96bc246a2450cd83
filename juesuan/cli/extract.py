"""``juesuan extract``: the typed model of a disclosure."""

from __future__ import annotations

import click

from juesuan.cli.options import format_option
from juesuan.errors import InputError


@click.command()
@click.argument("path", type=click.Path())
@format_option("json", "text", default="json")
@click.option("--summary", "summary_only", is_flag=True, help="只输出文档信息和关键数字（万元）")
def extract(path: str, output_format: str, summary_only: bool) -> int:
    """读取文件并输出提取出的完整数据模型（每个数字都带出处）。"""
    from juesuan import pipeline
    from juesuan.cli.output import echo_json
    from juesuan.serialize import to_data

    try:
        disclosure = pipeline.extract_file(path)
    except InputError as error:
        click.echo(click.style(f"juesuan：{error}", fg="red"), err=True)
        return 2
    if summary_only:
        from juesuan.model.summary import summary

        data = summary(disclosure)
        if output_format == "json":
            echo_json(data)
        else:
            for name, value in data.items():
                if name == "units" and isinstance(value, list):
                    click.echo(f"units: {len(value)}（本文件含多个单位的公开内容，逐个单位检查）")
                    for number, unit in enumerate(value, 1):
                        figures = ", ".join(
                            f"{k}={v}" for k, v in unit.items() if k not in ("department", "pages")
                        )
                        click.echo(
                            f"  {number}. {unit['department'] or '（未印名称）'} 第{unit['pages']}页：{figures}"
                        )
                    continue
                click.echo(f"{name}: {value}")
        return 0
    if output_format == "json":
        echo_json(to_data(disclosure))
    else:
        from juesuan.cli.output import KIND_NAMES

        kind = KIND_NAMES.get(disclosure.kind or "", "未识别")
        click.echo(f"{disclosure.file}：{disclosure.year or '?'}年度 {kind} {disclosure.department}")
        click.echo(
            f"  标题 {len(disclosure.headings)} 个，绩效自评表 {len(disclosure.self_evaluations)} 张，"
            f"报表 {len(disclosure.statements)} 张（列出 {len(disclosure.statements_listed)} 张）"
        )
    return 0
