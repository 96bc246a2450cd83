"""Where a value or a finding comes from.

Every extracted figure and every finding carries a :class:`Source` so that a reader
can jump to the place in the original file. Derived values get an honest synthetic
source (:meth:`Source.derived`), never ``None``.
"""

from __future__ import annotations

from typing import NamedTuple


class Source(NamedTuple):
    """A place in an input file.

    A NamedTuple rather than a dataclass: a document makes thousands of them and a tuple is
    several times cheaper to build, while staying immutable and hashable.

    Attributes:
        file: path of the input file as given by the user.
        page: 1-based page number (PDF) or sheet index (spreadsheets); None for text.
        line: 1-based line number in the file (text) or on the page (PDF).
        table: 1-based index of the table in the document, when inside a table.
        row: 1-based row within that table.
        column: 1-based column within that row.
        text: the original characters the value was read from.
        derived: the rule or step that computed the value, for values not printed anywhere.
        offset: 0-based character offset of ``text`` within its line, when known (text files).
    """

    file: str
    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    text: str = ""
    derived: str | None = None
    offset: int | None = None

    @classmethod
    def derived_from(cls, step: str, file: str = "") -> Source:
        """A source for a value computed by ``step`` rather than read from the file."""
        return cls(file=file, derived=step)

    def with_text(self, text: str) -> Source:
        """The same place, quoting ``text``."""
        return self._replace(text=text)

    def location(self) -> str:
        """``file:page:line`` (parts that are unknown are left out), for editors and logs."""
        parts = [self.file]
        if self.page is not None:
            parts.append(f"p{self.page}")
        if self.line is not None:
            parts.append(str(self.line))
        text = ":".join(parts)
        if self.table is not None:
            text += f" 表{self.table}"
            if self.row is not None:
                text += f" 行{self.row}"
            if self.column is not None:
                text += f" 列{self.column}"
        if self.derived:
            text += f" (计算自 {self.derived})"
        return text

    def to_json(self) -> dict[str, object]:
        """A plain dict without empty fields."""
        data: dict[str, object] = {"file": self.file}
        for key in ("page", "line", "offset", "table", "row", "column", "derived"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.text:
            data["text"] = self.text
        return data
