"""Ingest: file → :class:`~juesuan.document.Document`.

One reader per format, all with the same signature ``read(path: Path) -> Document``. The
registry :data:`READERS` maps a file suffix to the module that reads it; modules are
imported on first use so that reading a text file never pays for the PDF library.
Readers raise :class:`~juesuan.errors.InputError` for a file they cannot read at all and
never return an empty document pretending to be a result.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from juesuan.document import Document
from juesuan.errors import InputError

#: suffix → module (under ``juesuan.ingest``) whose ``read(path)`` reads it.
READERS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xlsx",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}


def read(path: str | Path) -> Document:
    """Read ``path`` with the reader for its suffix.

    Raises:
        InputError: the file is missing, unreadable, or of a format no reader handles.
    """
    file = Path(path)
    if not file.exists():
        raise InputError(str(path), "文件不存在")
    if file.is_dir():
        raise InputError(str(path), "这是一个目录，不是文件")
    module_name = READERS.get(file.suffix.lower())
    if module_name is None:
        known = "、".join(sorted(READERS))
        raise InputError(str(path), f"不支持的文件格式“{file.suffix or '无后缀'}”（支持：{known}）")
    module = importlib.import_module(f"juesuan.ingest.{module_name}")
    document: Document = module.read(file, display_path=str(path))
    return document
