"""Time per frame of a drag (mouse move + synchronous repaint) on a 2,000-person board,
against a bare QGraphicsScene holding the same number of plain items.

argv: MODE FILE SELECTED — MODE is ``board`` or ``bare``; SELECTED how many tokens move.
"""

from __future__ import annotations

import statistics
import sys
import time

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView

from bench.probes.common import application, report

STEPS = int(__import__("os").environ.get("DRAG_STEPS", "60"))
mode, path, selected = sys.argv[1], sys.argv[2], int(sys.argv[3])
app = application()

if mode == "bare":
    from dmuboard.store import BoardFile

    with BoardFile.open(path, read_only="benchmark") as store:
        people = list(store.board.people.values())
        links = list(store.board.links.values())
    # The same number of plain items as the board has tokens and lines: a rectangle per
    # person and a straight line per link (lines that do not follow a drag).
    scene = QGraphicsScene()
    items = []
    where = {}
    for person in people:
        item = QGraphicsRectItem(QRectF(-85, -40, 170, 80))
        item.setPos(person.x or 0.0, person.y or 0.0)
        item.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        scene.addItem(item)
        items.append(item)
        where[person.id] = item.pos()
    for link in links:
        a, b = where[link.source], where[link.target]
        scene.addLine(a.x(), a.y(), b.x(), b.y())
    view = QGraphicsView(scene)
    chosen = items[:selected]
else:
    from dmuboard.gui.canvas.scene import BoardScene
    from dmuboard.gui.canvas.view import BoardView
    from dmuboard.gui.common.editor import Editor
    from dmuboard.store import BoardFile

    store = BoardFile.open(path)
    editor = Editor(store.document())
    scene = BoardScene(editor)
    view = BoardView(scene)
    ids = [p.id for p in store.board.people.values() if p.side == "customer"][:selected]
    chosen = [scene.person_item(pid) for pid in ids]

view.resize(1280, 800)
view.show()
app.processEvents()
# Both views at the same working zoom (100 %), centred on the grabbed token, so that
# the same number of items is on screen in the scenario and in the baseline.
view.resetTransform()
grab = chosen[0]
assert grab is not None
view.centerOn(grab)
app.processEvents()
for item in chosen:
    item.setSelected(True)
viewport = view.viewport()
start = view.mapFromScene(grab.sceneBoundingRect().center())
modifier = Qt.KeyboardModifier.ControlModifier if selected > 1 else Qt.KeyboardModifier.NoModifier
QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
if selected > 1:  # a Ctrl+press toggles the grabbed item off: put the selection back
    for item in chosen:
        item.setSelected(True)
frames = []
for step in range(1, STEPS + 1):
    point = start + QPoint(-3 * step, 2 * (step % 5))
    tick = time.perf_counter()
    QTest.mouseMove(viewport, point)
    viewport.repaint()
    frames.append(time.perf_counter() - tick)
QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, start + QPoint(-3 * STEPS, 0))
moved = grab.pos() != QPointF(0, 0)
report(median_ms=statistics.median(frames) * 1e3, max_ms=max(frames) * 1e3, moved=float(moved),
       selected=float(sum(1 for i in chosen if i.isSelected())))
