"""The command line: output formats, exit codes, and no traceback ever."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from juesuan.cli import main
from tests.conftest import EXAMPLE


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_prints_findings_by_section_and_exits_1_on_errors(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", str(seed))
    assert code == 1
    assert "一般公共预算财政拨款基本支出决算情况" in out and "ARITH-001 第49行" in out
    assert "汇总：4 个错误" in out


def test_check_json_has_document_findings_and_the_outcome_of_every_rule(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", str(seed), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["document"]["year"] == 2021 and data["document"]["kind"] == "final"
    finding = next(f for f in data["findings"] if f["rule"] == "ARITH-001")
    assert finding["location"]["line"] == 49 and finding["values"]["computed"] == "193.25"
    statuses = {entry["rule"]: entry["status"] for entry in data["checked"]}
    assert statuses["ARITH-001"] == "failed" and statuses["RATE-002"] == "passed"
    assert statuses["WORD-002"] == "not_applicable"
    assert statuses["CODE-002"] == "could_not_check"
    assert all(
        "reasons" in e for e in data["checked"] if e["status"] in ("not_applicable", "could_not_check")
    )


def test_min_severity_select_and_ignore(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(seed), "--format", "json", "--min-severity", "error")
    assert {f["severity"] for f in json.loads(out)["findings"]} == {"error"}
    code, out, _ = run(capsys, "check", str(seed), "--format", "json", "--select", "performance")
    data = json.loads(out)
    assert {e["rule"][:4] for e in data["checked"]} == {"PERF", "TIE-", "READ"}
    code, out, _ = run(
        capsys,
        "check",
        str(seed),
        "--format",
        "json",
        "--ignore",
        "ARITH",
        "--ignore",
        "PERF",
        "--ignore",
        "CODE-001",
    )
    assert code == 0 and not [f for f in json.loads(out)["findings"] if f["severity"] == "error"]


def test_unreadable_input_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(tmp_path / "缺失.txt"))
    assert code == 2 and "缺失.txt" in err and "文件不存在" in err and "Traceback" not in err + out
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x00binary")
    code, _, err = run(capsys, "check", str(binary))
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_several_files_one_unreadable(seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(seed), str(tmp_path / "none.txt"), "--format", "json")
    assert code == 2 and "none.txt" in err
    assert len(json.loads(out)) == 1


def test_extract_prints_the_whole_model_with_provenance(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "extract", str(seed), "--format", "json")
    data = json.loads(out)
    assert code == 0
    personnel = data["narrative"]["basic_expenditure"]["personnel_costs"]
    assert personnel["total"]["amount"]["value"] == "188.25"
    assert personnel["total"]["amount"]["source"]["line"] == 49
    assert data["self_evaluations"][1]["total_score"]["value"] == "95.80"


def test_rules_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    ids = [r["id"] for r in json.loads(out)]
    assert code == 0 and "ARITH-001" in ids and len(ids) == len(set(ids))


def test_the_bundled_example_runs_as_a_process() -> None:
    process = subprocess.run(
        [sys.executable, "-m", "juesuan", "check", str(EXAMPLE)], capture_output=True, text=True, check=False
    )
    assert process.returncode == 1 and "汇总：4 个错误" in process.stdout and not process.stderr
