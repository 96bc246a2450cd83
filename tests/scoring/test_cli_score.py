"""``juesuan score``: the readable table, JSON, profiles, completeness and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from juesuan.cli import cli


def test_score_prints_the_rescored_table_of_the_seed(seed: Path) -> None:
    result = CliRunner().invoke(cli, ["score", str(seed)], standalone_mode=False)
    assert result.return_value == 1  # the claimed scoring breaks the rules at error level
    out = result.output
    assert "评分配置：central" in out and "《信访工作经费》项目支出绩效自评表" in out
    assert "4.40" in out and "按规则总分99.40，等级“优”；表中总分95.80，表中各项得分之和100.00" in out
    assert "PERF-005" in out and "PERF-004" in out


def test_score_json_names_the_profile_and_every_line(seed: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["score", str(seed), "--format", "json", "--profile", "central_2017", "--completeness"],
        standalone_mode=False,
    )
    data = json.loads(result.output)
    assert data["profile"] == "central_2017" and data["rules"]["qualitative_bands"] == ["0.8", "0.5"]
    petition = data["evaluations"][1]
    assert petition["total"] == "99.40" and petition["claimed_total"] == "95.80"
    assert data["completeness"]["profile"] == "final_department"


def test_an_unknown_profile_is_a_usage_error(seed: Path) -> None:
    result = CliRunner().invoke(cli, ["score", str(seed), "--profile", "nowhere"], standalone_mode=False)
    assert result.return_value == 2


def test_score_writes_the_spreadsheet_template(seed: Path, tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    result = CliRunner().invoke(
        cli, ["score", str(seed), "--write-template", str(target)], standalone_mode=False
    )
    assert target.exists() and result.return_value == 1
