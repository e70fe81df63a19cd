"""The board model: pure Python, no Qt and no database objects.

The import contract in pyproject.toml keeps it that way.
"""

from dmuboard.model.board import (
    DEFAULT_REQUIRED_ROLES,
    LAYERS,
    LINK_KINDS,
    PURCHASE_TYPES,
    ROLES,
    SIDES,
    STANCES,
    Board,
    BoardInfo,
    Link,
    Person,
    View,
)
from dmuboard.model.errors import (
    BoardError,
    NotABoardError,
    ReadOnlyError,
    StoreError,
    UserError,
)

__all__ = [
    "DEFAULT_REQUIRED_ROLES",
    "LAYERS",
    "LINK_KINDS",
    "PURCHASE_TYPES",
    "ROLES",
    "SIDES",
    "STANCES",
    "Board",
    "BoardError",
    "BoardInfo",
    "Link",
    "NotABoardError",
    "Person",
    "ReadOnlyError",
    "StoreError",
    "UserError",
    "View",
]
