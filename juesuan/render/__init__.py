"""Render: the generator's input model → documents.

:func:`juesuan.render.narrative.describe` builds one format-neutral
:class:`~juesuan.render.document.Description`; one writer per format lays it out. The
registry :data:`RENDERERS` maps a format to the module that writes it (``render(description)``
returning ``str`` or ``bytes``); modules are imported on first use, so writing HTML never
pays for the PDF library. :func:`write` writes to a temporary file and renames it, so a
failed render never leaves half a file behind.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from pathlib import Path

from juesuan.render.document import Description

#: format → module (under ``juesuan.render``) whose ``render(description)`` writes it.
RENDERERS: dict[str, str] = {
    "text": "text",
    "markdown": "markdown",
    "html": "html",
    "docx": "docx",
    "pdf": "pdf",
}
#: file suffix → format.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


def format_of(path: str | Path) -> str | None:
    """The format a file name asks for, by its suffix."""
    return SUFFIXES.get(Path(path).suffix.lower())


def render(description: Description, output_format: str) -> bytes:
    """The document in ``output_format`` as bytes (text formats UTF-8)."""
    module = importlib.import_module(f"juesuan.render.{RENDERERS[output_format]}")
    result: str | bytes = module.render(description)
    return result.encode("utf-8") if isinstance(result, str) else result


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write(description: Description, path: str | Path, output_format: str | None = None) -> Path:
    """Render into ``path`` atomically (temporary file in the same folder, then rename)."""
    target = Path(path)
    chosen = output_format or format_of(target)
    if chosen is None:
        raise ValueError(f"unknown output format for {target}")
    data = render(description, chosen)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".juesuan-", suffix=target.suffix, dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes the file private; an output is not
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


__all__ = ["RENDERERS", "SUFFIXES", "format_of", "render", "write"]
