"""Exceptions for problems of the program or its use, never for problems in a document.

Problems in a document are findings (see :mod:`juesuan.findings`). An input that cannot be
read at all (missing file, unknown format, scanned PDF without text) is an :class:`InputError`;
the CLI turns it into a one-line message and exit code 2.
"""

from __future__ import annotations


class JuesuanError(Exception):
    """Base class of juesuan's own exceptions."""


class InputError(JuesuanError):
    """An input file that cannot be read; the message names the file and the place."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
