"""The pipeline is the layout: stages import only core types, never each other.

Layers (top to bottom): interfaces (cli, web) > pipeline and the public API > stages
(ingest, extract, checks, scoring, render, store) > core types (source, findings, errors,
document, model, settings, catalogue, serialize, docs). A module may import its own stage
and anything below its layer; nothing imports upwards.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "juesuan"
STAGES = {"ingest", "extract", "checks", "scoring", "render", "store"}
CORE = {
    "source",
    "findings",
    "errors",
    "document",
    "model",
    "settings",
    "catalogue",
    "serialize",
    "docs",
    "data",
}
INTERFACES = {"cli", "web", "__main__"}
ORCHESTRATION = {"pipeline", "inspection", "__init__"}


def layer(part: str) -> int:
    if part in CORE:
        return 0
    if part in STAGES:
        return 1
    if part in ORCHESTRATION:
        return 2
    if part in INTERFACES:
        return 3
    raise AssertionError(f"juesuan.{part} is in no layer: add it to tests/test_architecture.py")


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def top_part(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("juesuan"):
            parts = node.module.split(".")
            if len(parts) > 1:
                found.add(parts[1])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "juesuan" and len(parts) > 1:
                    found.add(parts[1])
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_stage_or_layer_above_it(path: Path) -> None:
    own = top_part(path)
    for target in imported(path) - {own, "__version__"}:
        if own in STAGES and target in STAGES:
            pytest.fail(f"stage {own} imports stage {target}: stages talk through core types only")
        assert layer(target) <= layer(own), (
            f"{own} (layer {layer(own)}) imports {target} (layer {layer(target)})"
        )


def test_every_part_of_the_package_has_tests() -> None:
    tests = Path(__file__).resolve().parent
    names = {p.stem.removeprefix("test_") for p in tests.rglob("test_*.py")} | {
        p.name for p in tests.iterdir() if p.is_dir()
    }
    aliases = {
        "__init__": "seed",
        "__main__": "cli",
        "data": "catalogue",
        "inspection": "debug",
        "docs": "catalogue",
        "findings": "catalogue",
        "source": "seed",
        "document": "text",
        "serialize": "cli",
        "settings": "rules",
        "errors": "text",
        "catalogue": "catalogue",
    }
    parts = {top_part(p) for p in modules()}
    missing = sorted(part for part in parts if part not in names and aliases.get(part) not in names)
    assert not missing, f"parts of juesuan without tests: {missing}"
