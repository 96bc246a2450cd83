"""The typed model of a disclosure: plain, immutable data with no parsing, I/O or checking.

See :mod:`juesuan.model.figures` for the building blocks (a printed figure with its place, a
stated amount with its share, year-on-year change and budget comparison, a breakdown of a
total into parts), :mod:`juesuan.model.narrative` for the explanatory sections,
:mod:`juesuan.model.performance` for self-evaluation tables and
:mod:`juesuan.model.disclosure` for the whole document.
"""
