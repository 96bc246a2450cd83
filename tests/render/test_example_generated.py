"""The bundled example is produced by the generator, mistakes and all."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from juesuan import pipeline
from juesuan.render.synthetic_qinghe import qinghe

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _make_example() -> object:
    spec = importlib.util.spec_from_file_location("make_example", EXAMPLES / "make_example.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_example_is_exactly_what_the_generator_writes() -> None:
    module = _make_example()
    committed = (EXAMPLES / "qinghe_archives_2023_final.txt").read_text(encoding="utf-8")
    assert committed == module.example_text()  # type: ignore[attr-defined]


def test_the_example_without_its_mistakes_renders_clean(tmp_path: Path) -> None:
    result = pipeline.render(qinghe(), (tmp_path / "clean.txt",))
    assert [(f.rule, f.message) for f in result.report.findings] == []
    assert pipeline.run(tmp_path / "clean.txt").report.findings == ()


def test_with_its_data_mistakes_rendering_stops_at_them() -> None:
    result = pipeline.render(qinghe(mistakes=True))
    assert result.stopped
    assert sorted(f.rule for f in result.report.findings if f.severity.value == "error") == [
        "ARITH-001",
        "PERF-004",
    ]
