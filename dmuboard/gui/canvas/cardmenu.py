"""The right-click menus of the canvas: on a card, on a line and on empty canvas.

Every entry that changes the board is one :class:`~dmuboard.model.document.Change`
through ``scene.submit``: one undo step. Entries the window owns (Show Warm Path,
Paste) are the window's own actions, given in ``extra``, so their keys and wording
are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtGui import QAction, QActionGroup, QFont
from PySide6.QtWidgets import QMenu

from dmuboard.gui.canvas.clipboard import paste
from dmuboard.gui.canvas.connect import kinds_between
from dmuboard.model.board import ROLES, STANCES
from dmuboard.model.document import Change
from dmuboard.model.vocabulary import LINK_LABELS, ROLE_LABELS, STRENGTH_LABELS, role_tip, stance_text

if TYPE_CHECKING:
    from dmuboard.gui.canvas.scene import BoardScene


def menu_text(text: str) -> str:
    return text.replace("&", "&&")  # plain text: a lone '&' would become a shortcut key


def set_stance(scene: BoardScene, pid: str, stance: str) -> bool:
    """Change one person's stance as one undo step."""
    person = scene.editor.document.person(pid)
    if person is None or person.stance == stance:
        return False
    return scene.submit(Change(people=(replace(person, stance=stance),), label=f"Stance: {stance}"))


def toggle_role(scene: BoardScene, pid: str, role: str) -> bool:
    """Give or take one DMU role (one undo step); roles stay in the format's order."""
    person = scene.editor.document.person(pid)
    if person is None:
        return False
    roles = set(person.roles) ^ {role}
    chosen = tuple(r for r in ROLES if r in roles)
    return scene.submit(Change(people=(replace(person, roles=chosen),), label=f"Role: {role}"))


def add_stances(menu: QMenu, scene: BoardScene, pid: str) -> None:
    """The stances as checkable entries, the person's own checked."""
    person = scene.editor.document.person(pid)
    if person is None:
        return
    group = QActionGroup(menu)
    for stance in STANCES:
        action = menu.addAction(stance_text(stance))
        action.setCheckable(True)
        action.setChecked(stance == person.stance)
        action.setData(stance)
        group.addAction(action)
        action.triggered.connect(lambda _on=False, s=stance: set_stance(scene, pid, s))


def add_heading(menu: QMenu, text: str) -> None:
    title = menu.addAction(menu_text(text))
    bold = QFont(menu.font())
    bold.setBold(True)
    title.setFont(bold)  # a heading in full black (a disabled entry is too pale on a projector)
    menu.addSeparator()


def card_menu(scene: BoardScene, pid: str, centre: Callable[[], object],
              extra: dict[str, QAction]) -> QMenu | None:
    """Delete, Connect to…, Stance, Roles, Show Warm Path and Centre, for one card."""
    person = scene.editor.document.person(pid)
    token = scene.tokens.get(pid)
    if person is None or token is None:
        return None
    editable = not scene.editor.read_only
    menu = QMenu()
    menu.setObjectName("cardMenu")
    menu.setToolTipsVisible(True)
    add_heading(menu, person.name)
    connect = menu.addAction("Connect to…")
    connect.setToolTip("Then click the person to link to (Esc cancels)")
    connect.triggered.connect(lambda: scene.start_link_by_click(token))
    connect.setEnabled(editable)
    if person.side == "customer":
        stances = menu.addMenu("Stance")
        add_stances(stances, scene, pid)
        stances.setEnabled(editable)
        roles = menu.addMenu("Roles")
        roles.setToolTipsVisible(True)
        for role in ROLES:
            action = roles.addAction(ROLE_LABELS[role])
            action.setCheckable(True)
            action.setChecked(role in person.roles)
            action.setToolTip(role_tip(role))
            action.triggered.connect(lambda _on=False, r=role: toggle_role(scene, pid, r))
        roles.setEnabled(editable)
        if "warm_path" in extra:
            menu.addAction(extra["warm_path"])
    menu.addAction("Centre").triggered.connect(lambda: centre())
    menu.addSeparator()
    delete = menu.addAction("Delete")
    delete.triggered.connect(scene.delete_selection)
    delete.setEnabled(editable)
    return menu


def line_menu(scene: BoardScene, lid: str) -> QMenu | None:
    """Kind, Strength, Reverse Direction and Delete, for one line."""
    doc = scene.editor.document
    link = doc.board.links.get(lid)
    if link is None:
        return None
    source, target = doc.person(link.source), doc.person(link.target)
    if source is None or target is None:
        return None
    editable = not scene.editor.read_only
    menu = QMenu()
    menu.setObjectName("lineMenu")
    kinds = menu.addMenu("Kind")
    group = QActionGroup(kinds)
    for kind in kinds_between(source, target):
        action = kinds.addAction(LINK_LABELS[kind])
        action.setCheckable(True)
        action.setChecked(kind == link.kind)
        group.addAction(action)
        strength = (link.strength or 3) if kind == "relationship" else None
        changed = replace(link, kind=kind, strength=strength)
        action.triggered.connect(
            lambda _on=False, c=changed: scene.submit(Change(links=(c,), label="Change link kind")))
    kinds.setEnabled(editable)
    if link.kind == "relationship":
        strengths = menu.addMenu("Strength")
        sgroup = QActionGroup(strengths)
        for value, text in STRENGTH_LABELS.items():
            action = strengths.addAction(text)
            action.setCheckable(True)
            action.setChecked(value == link.strength)
            sgroup.addAction(action)
            changed = replace(link, strength=value)
            action.triggered.connect(
                lambda _on=False, c=changed: scene.submit(Change(links=(c,), label="Change strength")))
        strengths.setEnabled(editable)
    if link.directed:
        turned = replace(link, source=link.target, target=link.source)
        reverse = menu.addAction("Reverse Direction")
        reverse.triggered.connect(lambda: scene.submit(Change(links=(turned,), label="Reverse link")))
        reverse.setEnabled(editable)
    menu.addSeparator()
    delete = menu.addAction("Delete")
    delete.triggered.connect(scene.delete_selection)
    delete.setEnabled(editable)
    return menu


def canvas_menu(scene: BoardScene, pos: QPointF, extra: dict[str, QAction]) -> QMenu:
    """Add a person of the side clicked, here; Paste."""
    menu = QMenu()
    menu.setObjectName("canvasMenu")
    side = "customer" if pos.x() < 0 else "ours"
    text = "Add a Customer Person Here" if side == "customer" else "Add a Team Member Here"
    add = menu.addAction(text)
    add.triggered.connect(lambda: scene.add_person_at(pos, side))
    add.setEnabled(not scene.editor.read_only)
    if "paste" in extra:
        here = menu.addAction("Paste Here")
        here.triggered.connect(lambda: paste(scene, pos))
        here.setEnabled(not scene.editor.read_only)
    return menu
