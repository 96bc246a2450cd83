"""``juesuan template``: the workbook (or JSON/YAML) a finance officer fills in."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--kind", type=click.Choice(["final", "budget"]), default="final", show_default=True, help="决算或预算"
)
@click.option(
    "--scope",
    type=click.Choice(["department", "unit"]),
    default="department",
    show_default=True,
    help="部门或单位",
)
@click.option("--year", type=int, required=True, help="年度")
@click.option("--department", default="", help="部门（单位）名称")
@click.option("--example", "example_seed", type=int, default=None, help="填入编号为此数的示例数据（演示用）")
@click.option(
    "-o", "--output", required=True, type=click.Path(), help="输出文件：.xlsx（模板）、.json 或 .yaml"
)
def template(kind: str, scope: str, year: int, department: str, example_seed: int | None, output: str) -> int:
    """生成填报模板：概况、收支、九张表所需数据、“三公”经费、其他事项、绩效自评表、名词解释。"""
    import dataclasses

    from juesuan.model.input import DisclosureInput
    from juesuan.render import synthetic, workbook
    from juesuan.render.glossary import STANDARD_GLOSSARY

    if example_seed is not None:
        data = dataclasses.replace(synthetic.example(example_seed, year=year), kind=kind, scope=scope)
    else:
        data = DisclosureInput(
            kind=kind, scope=scope, year=year, department=department, glossary=STANDARD_GLOSSARY
        )
    target = Path(output)
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        workbook.write(target, data)
    elif suffix in (".json", ".yaml", ".yml"):
        _write_structured(target, data)
    else:
        click.echo(f"juesuan：不支持的模板格式“{suffix or '无后缀'}”（支持 .xlsx、.json、.yaml）", err=True)
        return 2
    click.echo(f"已生成模板 {target}")
    return 0


def _write_structured(target: Path, data: object) -> None:
    import json

    from juesuan.serialize import to_data

    plain = to_data(data)
    if target.suffix.lower() == ".json":
        target.write_text(json.dumps(plain, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    import yaml

    target.write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
