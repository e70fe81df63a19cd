"""The board as the document hands it out: a live view that cannot be written.

:class:`ReadOnlyDict` is a ``dict`` (so reading costs what a dict costs, and code that
reads a board needs no change) whose writing methods raise. Only
:class:`~dmuboard.model.document.Document` changes it, calling ``dict``'s own methods
(``dict.__setitem__(d, k, v)``) past the guard.
"""

from __future__ import annotations

from typing import Any, NoReturn, TypeVar

K = TypeVar("K")
V = TypeVar("V")

READ_ONLY = "the open board is read-only here: change it with Document.apply"


class ReadOnlyDict(dict[K, V]):
    """A dict whose every writing method raises :class:`TypeError`."""

    __slots__ = ()

    def _refuse(self, *_args: Any, **_kwargs: Any) -> NoReturn:
        raise TypeError(READ_ONLY)

    __setitem__ = _refuse
    __delitem__ = _refuse
    __ior__ = _refuse
    clear = _refuse
    pop = _refuse
    popitem = _refuse
    setdefault = _refuse
    update = _refuse

    def __reduce__(self) -> tuple[Any, ...]:  # a copy (copy, deepcopy, pickle) is a plain dict
        return (dict, (dict(self),))
