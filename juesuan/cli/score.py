"""``juesuan score``: rescore self-evaluation tables by the published rules; completeness on request."""

from __future__ import annotations

import datetime
import unicodedata
from decimal import Decimal

import click

from juesuan.cli.options import format_option
from juesuan.errors import InputError, JuesuanError
from juesuan.findings import Severity

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SCOPES = {"project": "项目支出绩效自评表", "department": "部门整体支出绩效自评表"}


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--profile", default="central", show_default=True, help="评分配置（scoring_profiles.json 中的名称）"
)
@click.option("--completeness", is_flag=True, help="同时给出公开完整性检查表及其得分")
@click.option(
    "--completeness-profile", default=None, help="完整性检查表配置（默认按文档的决算/预算、部门/单位选择）"
)
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), default=None, help="公开日期（判断时限用）")
@click.option("--approved", type=click.DateTime(["%Y-%m-%d"]), default=None, help="批复日期（判断时限用）")
@click.option(
    "--write-template",
    type=click.Path(dir_okay=False),
    default=None,
    help="把读出的自评表写成标准格式的 Excel 模板（没有自评表时写空白模板），可再用 juesuan score 读回",
)
@format_option("text", "json")
def score(
    paths: tuple[str, ...],
    profile: str,
    completeness: bool,
    completeness_profile: str | None,
    published: datetime.datetime | None,
    approved: datetime.datetime | None,
    write_template: str | None,
    output_format: str,
) -> int:
    """按规则复核绩效自评表的得分（每项指标、执行率、总分、等级），可选公开完整性评分。

    退出码：0 自评得分与规则相符；1 有错误级问题；2 文件无法读取或配置不存在。
    """
    from juesuan import pipeline
    from juesuan.cli.output import echo_json
    from juesuan.serialize import to_data

    exit_code = 0
    results: list[object] = []
    for path in paths:
        try:
            result = pipeline.score(
                path,
                profile=profile,
                completeness=completeness,
                completeness_profile=completeness_profile,
                published=published.date() if published else None,
                approved=approved.date() if approved else None,
            )
        except (InputError, JuesuanError, KeyError) as error:
            message = error.args[0] if isinstance(error, KeyError) else str(error)
            click.echo(click.style(f"juesuan：{message}", fg="red"), err=True)
            exit_code = 2
            continue
        if write_template:
            from juesuan.render.self_evaluation_xlsx import write

            tables = pipeline.extract_file(path).self_evaluations
            click.echo(
                f"已写出自评表模板：{write(tables, write_template)}（{len(tables) or '空白'}张）", err=True
            )
        errors = any(i.severity is Severity.ERROR for e in result.evaluations for i in e.issues)
        if errors and exit_code == 0:
            exit_code = 1
        if output_format == "json":
            results.append(to_data(result))
        else:
            click.echo(text_result(result))
    if output_format == "json" and results:
        echo_json(results[0] if len(paths) == 1 else results)
    return exit_code


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def cell(text: str, size: int, right: bool = False) -> str:
    """``text`` cut or padded to ``size`` display columns."""
    if width(text) > size:
        while width(text) > size - 1:
            text = text[:-1]
        text += "…"
    pad = " " * (size - width(text))
    return pad + text if right else text + pad


def number(value: Decimal | None) -> str:
    """A score as printed in the table ("—" when absent)."""
    return "—" if value is None else f"{value:f}"


def text_result(result: object) -> str:
    """The readable report of one scored file."""
    from juesuan.scoring import ScoreResult

    assert isinstance(result, ScoreResult)
    lines = [click.style(result.file, bold=True), f"评分配置：{result.profile}（{result.rules.title}）"]
    if not result.evaluations:
        lines.append("文档中没有读出绩效自评表。")
    for evaluation in result.evaluations:
        lines += ["", *_evaluation_lines(evaluation)]
    if result.summary:
        lines += ["", click.style("绩效自评情况概述与自评表对照", bold=True)]
        for check in result.summary:
            mark = "相符" if check.consistent else click.style("不符", fg="red")
            rescored = f"；按规则复核：{check.rescored}" if check.rescored else ""
            lines.append(f"  {check.item}：文中{check.stated}；自评表：{check.from_tables}{rescored}  {mark}")
    if result.completeness is not None:
        lines += ["", *_completeness_lines(result.completeness)]
    return "\n".join(lines)


def _evaluation_lines(evaluation: object) -> list[str]:
    from juesuan.cli.output import place
    from juesuan.scoring import EvaluationScore

    assert isinstance(evaluation, EvaluationScore)
    ex = evaluation.execution
    lines = [
        click.style(f"《{evaluation.name}》{SCOPES.get(evaluation.scope, '')}", bold=True)
        + f"（{place(evaluation.source)}）",
        f"  预算执行率：全年预算数{number(ex.budget)}万元，全年执行数{number(ex.executed)}万元，"
        f"执行率{number(ex.rate if ex.rate is not None else ex.printed_rate)}%；分值{number(ex.weight)}，"
        f"按规则{number(ex.score)}分，表中{number(ex.claimed)}分（{ex.rule}）",
        "  "
        + "".join(
            (
                cell("指标", 30),
                cell("年度指标值", 16),
                cell("实际完成值", 16),
                cell("分值", 6, True),
                cell("按规则", 8, True),
                cell("表中", 8, True),
                cell("差", 8, True),
                "  适用规则",
            )
        ),
    ]
    for item in evaluation.indicators:
        difference = "" if item.difference is None else f"{item.difference:+f}"
        flag = "" if item.verified else "（未能复核）"
        lines.append(
            "  "
            + "".join(
                (
                    cell(item.name, 30),
                    cell(item.target, 16),
                    cell(item.actual, 16),
                    cell(number(item.weight), 6, True),
                    cell(number(item.score), 8, True),
                    cell(number(item.claimed), 8, True),
                    cell(difference, 8, True),
                    f"  {item.rule}{flag}",
                )
            )
        )
    claimed = f"表中总分{number(evaluation.claimed_total)}" + (
        f"（评价等级“{evaluation.claimed_grade}”）" if evaluation.claimed_grade else ""
    )
    parts = (
        f"，表中各项得分之和{number(evaluation.claimed_sum)}" if evaluation.claimed_sum is not None else ""
    )
    lines.append(
        click.style(f"  按规则总分{evaluation.total:f}，等级“{evaluation.grade}”", bold=True)
        + f"；{claimed}{parts}"
    )
    if evaluation.issues:
        lines.append(f"  与规则不符之处（{len(evaluation.issues)}）：")
        for issue in evaluation.issues:
            label = click.style(issue.severity.label, fg=COLOURS[issue.severity])
            rule = f" {issue.rule}" if issue.rule else ""
            lines.append(f"    {label}{rule} {place(issue.source)}  {issue.message}")
    else:
        lines.append("  自评得分与规则相符。")
    return lines


def _completeness_lines(checklist: object) -> list[str]:
    from juesuan.cli.output import place
    from juesuan.scoring import CompletenessScore

    assert isinstance(checklist, CompletenessScore)
    colours = {"present": "green", "missing": "red", "defective": "yellow", "unknown": "cyan"}
    lines = [
        click.style(f"公开完整性检查表：{checklist.title}（{checklist.profile}）", bold=True),
        f"  依据：{checklist.basis}",
        "  "
        + cell("检查项", 44)
        + cell("分值", 6, True)
        + cell("得分", 7, True)
        + "  "
        + cell("结论", 10)
        + "位置与说明",
    ]
    for item in checklist.items:
        where = place(item.source) if item.source is not None else ""
        note = "  ".join(part for part in (where, item.detail) if part)
        status = click.style(cell(item.status_label, 10), fg=colours[item.status])
        lines.append(
            "  "
            + cell(item.name, 44)
            + cell(number(item.weight), 6, True)
            + cell(f"{item.points.normalize():f}", 7, True)
            + "  "
            + status
            + note
        )
    unknown = (
        f"，另有{checklist.unknown_weight:f}分的检查项无法判断（不计入）" if checklist.unknown_weight else ""
    )
    lines.append(
        click.style(
            f"  完整性得分：{checklist.points.normalize():f}/{checklist.judged_weight:f}{unknown}；折合百分制{checklist.score:f}分",
            bold=True,
        )
    )
    return lines
