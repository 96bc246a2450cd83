"""Values the rules share, computed once per object they are about (a disclosure, a statement)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class PerObject(Generic[K, V]):
    """Values by object, the newest ``size`` of them: the rules of one run ask for the same
    object's value one after another (the walk of a disclosure, the identities of each of a long
    document's statements), and each is computed once.

    Objects are held by identity, and kept with their value so that an id is never reused while
    it is remembered (model objects are frozen but hashing them would cost more than the value).
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: dict[int, tuple[K, V]] = {}

    def get(self, key: K, compute: Callable[[], V]) -> V:
        """The value for ``key``, computed by ``compute`` the first time."""
        held = self._values.get(id(key))
        if held is not None and held[0] is key:
            return held[1]
        value = compute()
        if len(self._values) >= self.size:
            del self._values[next(iter(self._values))]  # the oldest: dicts keep insertion order
        self._values[id(key)] = (key, value)
        return value
