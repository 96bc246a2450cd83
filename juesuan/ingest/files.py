"""Reading a file's bytes, with the one error message every reader gives."""

from __future__ import annotations

from pathlib import Path

from juesuan.errors import InputError


def read_bytes(path: Path, name: str) -> bytes:
    """The bytes of ``path``; an :class:`InputError` naming ``name`` when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(name, "文件不存在") from error
    except OSError as error:
        raise InputError(name, f"无法读取：{error.strerror}") from error
