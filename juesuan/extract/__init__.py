"""Extract: :class:`~juesuan.document.Document` → :class:`~juesuan.model.disclosure.Disclosure`.

A chain of small pure functions: headings and sections (:mod:`.sections`), figures quoted in
the text (:mod:`.mentions`), the narrative sections (:mod:`.narrative`), the profile
(:mod:`.profile`), self-evaluation tables (:mod:`.performance`), assembled by :mod:`.build`.
Whatever the extractor is unsure of becomes an :class:`~juesuan.model.disclosure.ExtractionNote`,
never a guess.
"""

from juesuan.extract.build import extract

__all__ = ["extract"]
