"""The board as PowerPoint slides a proposal writer can edit (python-pptx).

The slides, in order:

1. the board fitted to a 16:9 slide, with the title block; a board too large to read
   that way gets an overview slide (its cards as outlines, the slides' parts marked)
   and then one slide per part, cut as the PDF export tiles its pages;
2. the legend (when asked for);
3. one slide per saved view, with the view's layers (the Proposal profile has none:
   view names are the team's words);
4. Internal with findings: the scorecard and the findings as editable text, which are
   also the speaker notes of the board slide.

The board comes from the same :class:`~.picture.BoardPicture` the other formats paint,
so the Proposal profile's redaction has happened before a single shape is made: what
the customer must not see is not in the file, not even hidden. The file holds no
macros and no links to anything outside it.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from pptx import Presentation
from PySide6.QtCore import QRectF

from dmuboard.gui.export import decor, findings
from dmuboard.gui.export.layout import tile_grid
from dmuboard.gui.export.options import ExportOptions
from dmuboard.gui.export.picture import PROPOSAL_HIDDEN_LAYERS, BoardPicture
from dmuboard.gui.export.pptx_board import body_rect, draw_board, draw_grid, draw_sides, draw_title
from dmuboard.gui.export.pptx_geometry import SceneGeometry, scene_geometry
from dmuboard.gui.export.pptx_shapes import SLIDE_HEIGHT, SLIDE_WIDTH, Frame, emu, fitted
from dmuboard.gui.export.pptx_stamp import Sheet
from dmuboard.gui.export.pptx_text import draw_findings, draw_legend, findings_chunks, notes_text
from dmuboard.gui.export.pptx_xml import fast_ids, xml_text
from dmuboard.gui.export.writers import Progress, _go_on
from dmuboard.model.board import LINK_KINDS

if TYPE_CHECKING:
    from dmuboard.analysis import Analysis

MIN_SCALE = 0.42  # points per scene unit: below this a card's name is under 6 points, split the board
PART_SCALE = 0.5  # the scale of each part of a split board
BLANK_LAYOUT = 6  # "Blank" in python-pptx's default template


def render_pptx(board: Any, options: ExportOptions, *, layers: Iterable[str] | None = None,
                badges: Mapping[str, str] | None = None, analysis: Analysis | None = None,
                progress: Progress | None = None) -> bytes:
    """The .pptx file's contents for ``board`` as ``options`` say."""
    picture = BoardPicture(board, options, layers, badges)
    try:
        return Deck(picture, options, analysis).build(progress)
    finally:
        picture.close()


def board_frames(source: QRectF, with_title: bool) -> tuple[Frame, list[Frame]]:
    """The whole area fitted to a slide, and the parts it is split into when that is too
    small to read (none when it is not)."""
    body = body_rect(with_title, SLIDE_HEIGHT)
    whole = fitted(source, body)
    if whole.scale >= MIN_SCALE:
        return whole, []
    return whole, [Frame(tile.source, tile.target) for tile in tile_grid(source, body, PART_SCALE)]


def describe_slides(source: QRectF, options: ExportOptions) -> str:
    """What the dialog says the export will be."""
    _whole, parts = board_frames(source, options.with_title_block)
    text = "16:9 slides you can edit: the board on one slide" if not parts else \
        f"16:9 slides you can edit: an overview and the board in {len(parts)} parts"
    if options.with_legend:
        text += ", the legend"
    if options.area == "board":
        text += ", each saved view"
    if options.with_findings:
        text += ", the scorecard and findings (also in the notes)"
    return text


class Deck:
    """The slides of one export, built in order."""

    def __init__(self, picture: BoardPicture, options: ExportOptions, analysis: Analysis | None) -> None:
        self.picture = picture
        self.options = options
        self.internal = not options.proposal
        self.theme = picture.scene.look.theme
        self.info = picture.board.info
        self.date = options.date_text or datetime.date.today().isoformat()
        self.lines = (findings.analysis_lines(picture.source_board, analysis)
                      if options.with_findings else [])
        self.stamps: dict[Any, Any] = {}
        self.presentation = Presentation()
        self.presentation.slide_width = emu(SLIDE_WIDTH)
        self.presentation.slide_height = emu(SLIDE_HEIGHT)
        self._properties()

    def _properties(self) -> None:
        """The file's own properties: the board's title, nothing of the template's."""
        core = self.presentation.core_properties
        core.title = xml_text(self.info.title)
        core.author = core.last_modified_by = "DMU Board"
        core.subject = core.keywords = core.comments = core.category = ""
        core.revision = 1
        now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None, microsecond=0)
        core.created = core.modified = now

    def build(self, progress: Progress | None) -> bytes:
        geometry = scene_geometry(self.picture.scene)
        whole, parts = board_frames(self.picture.source_rect(), self.options.with_title_block)
        views = list(self.picture.board.views) if self.options.area == "board" else []
        chunks = findings_chunks(self.lines) if self.lines else []
        total = 1 + len(parts) + (1 if self.options.with_legend else 0) + len(views) + len(chunks)
        done = 0

        def step() -> None:
            nonlocal done
            _go_on(progress, done, total)
            done += 1

        step()
        label = f"overview of {len(parts)} slides" if parts else ""
        first, sheet = self._board_slide(geometry, whole, label, brief=bool(parts))
        if parts:
            draw_grid(sheet, whole, [(part.source, number) for number, part in enumerate(parts, start=2)])
        if self.lines:
            first.notes_slide.notes_text_frame.text = xml_text(notes_text(self.lines))
        for number, part in enumerate(parts, start=1):
            step()
            self._board_slide(geometry, part, f"part {number} of {len(parts)}")
        if self.options.with_legend:
            step()
            _slide, sheet = self._slide("Legend")
            kinds = tuple(kind for kind in LINK_KINDS if self.picture.scene.link_shown(kind))
            draw_legend(sheet, self.theme, internal=self.internal, kinds=kinds)
        for view in views:
            step()
            self._view_slide(view.name, QRectF(*view.rect), view.layers)
        for index, chunk in enumerate(chunks, start=1):
            step()
            more = f" ({index} of {len(chunks)})" if len(chunks) > 1 else ""
            draw_findings(self._slide(f"Scorecard and findings{more}")[1], chunk)
        _go_on(progress, total, total)
        out = io.BytesIO()
        self.presentation.save(out)
        return out.getvalue()

    def _slide(self, page: str) -> Any:
        slide = self.presentation.slides.add_slide(self.presentation.slide_layouts[BLANK_LAYOUT])
        fast_ids(slide.shapes)
        sheet = Sheet(slide.shapes, self.stamps)
        if self.options.with_title_block:
            draw_title(sheet, decor.title_text(self.info, self.date, page, self.internal))
        return slide, sheet

    def _board_slide(self, geometry: SceneGeometry, frame: Frame, page: str, *, brief: bool = False) -> Any:
        slide, sheet = self._slide(page)
        scene = self.picture.scene
        draw_sides(sheet, frame, self.theme, self.info, geometry.header_top, scene.profile)
        draw_board(sheet, geometry, frame, self.theme, internal=self.internal, brief=brief)
        return slide, sheet

    def _view_slide(self, name: str, rect: QRectF, layers: tuple[str, ...]) -> None:
        """A saved view: its area of the board, with its layers, titled with its name."""
        scene = self.picture.scene
        before = scene.layers
        shown = set(layers) - (PROPOSAL_HIDDEN_LAYERS if self.options.proposal else set())
        scene.set_layers(shown)
        try:
            body = body_rect(self.options.with_title_block, SLIDE_HEIGHT)
            self._board_slide(scene_geometry(scene), fitted(rect, body), f"View: {name}")
        finally:
            scene.set_layers(before)
