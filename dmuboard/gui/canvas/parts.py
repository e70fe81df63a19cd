"""What the parts of :class:`~dmuboard.gui.canvas.scene.BoardScene` use of each other.

The scene is made of parts, each in its own module: the items that follow the model
(:mod:`.items`), drawing a link (:mod:`.connect`) and the gestures of mouse and
keyboard (:mod:`.interaction`). Each part is a :class:`SceneParts`, which declares
what the scene provides; mypy checks that :class:`BoardScene` does provide it, with
these types, so every part type-checks against the real scene.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from dmuboard.gui.canvas.arranging import Arranger
    from dmuboard.gui.canvas.legend import LegendItem
    from dmuboard.gui.canvas.linkitem import LinkItem
    from dmuboard.gui.canvas.nameeditor import NameEditor
    from dmuboard.gui.canvas.routing import SceneRoutes
    from dmuboard.gui.canvas.token import CanvasLook, TokenItem
    from dmuboard.gui.common.editor import Editor
    from dmuboard.model.board import Link
    from dmuboard.model.document import Change


class SceneParts(QGraphicsScene):
    """The scene as its parts see it."""

    if TYPE_CHECKING:
        message: SignalInstance
        dismissed: SignalInstance
        editor: Editor
        look: CanvasLook
        connect_mode: bool
        link_by_click: bool
        legend: LegendItem | None
        tokens: dict[str, TokenItem]
        links: dict[str, LinkItem]
        name_editor: NameEditor | None
        _badges: dict[str, str]
        _highlighted: set[str]
        _path: list[str]
        routes: SceneRoutes
        arranger: Arranger

        @property
        def linking(self) -> bool: ...
        def submit(self, change: Change, refusal: str = "") -> bool: ...
        def refuse_if_read_only(self) -> bool: ...
        def refresh_display(self) -> None: ...
        def refresh_path(self) -> None: ...
        def update_rect(self) -> None: ...
        def people_rect(self, pids: Iterable[str] | None = None) -> QRectF: ...
        def place_legend(self) -> None: ...
        def selected_people(self) -> list[str]: ...
        def delete_selection(self) -> None: ...
        def add_person_at(self, pos: QPointF, side: str | None = None, role: str | None = None) -> str | None: ...
        def edit_name(self, pid: str) -> NameEditor | None: ...
        def token_at(self, pos: QPointF, skip: TokenItem | None = None) -> TokenItem | None: ...
        def _link_tooltip(self, link: Link) -> str: ...
        def start_link(self, token: TokenItem, pos: QPointF) -> None: ...
        def drag_link(self, pos: QPointF) -> None: ...
        def finish_link(self, pos: QPointF, screen_pos: QPoint) -> None: ...
        def cancel_link(self) -> None: ...
