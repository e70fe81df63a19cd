"""What an export is asked to produce: format, profile, area, resolution and page.

Units used throughout the export package:

* **scene units**: the canvas coordinates. One scene unit is taken as 1/96 inch,
  the usual "CSS pixel", so a board exported at 96 DPI has one pixel per unit.
* **points**: page coordinates, 1/72 inch, as in PDF. One scene unit at natural
  size is therefore 0.75 point.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FORMATS = ("png", "pdf", "svg", "pptx")
DOCUMENTS = ("pdf", "pptx")  # formats with a title block, a legend and findings of their own
PROFILES = ("internal", "proposal")
AREAS = ("board", "selection", "view")
PAGES = ("fit", "A4", "A3", "Letter")
ORIENTATIONS = ("landscape", "portrait")

SCENE_DPI = 96.0
POINTS_PER_INCH = 72.0
POINTS_PER_UNIT = POINTS_PER_INCH / SCENE_DPI
MM_PER_INCH = 25.4

DEFAULT_DPI = 300  # sharp enough to print
MIN_DPI = 24
MAX_DPI = 1200

# Portrait paper sizes in millimetres (width, height).
PAPER_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "Letter": (215.9, 279.4),
}

TILE_OVERLAP = 0.10  # share of a tile repeated on the next one


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """One export, as chosen in the dialog or on the command line.

    ``title_block`` and ``legend`` default to on for PDF, PowerPoint and printing and off for
    pictures (PNG, SVG), which usually go into someone else's document.
    ``findings_page`` only has an effect on Internal PDFs, slides and prints.
    ``tiled`` spreads a board over several fixed-size pages at ``tile_scale``
    (1.0 = natural size) instead of shrinking it onto one.
    """

    format: str = "pdf"
    profile: str = "internal"
    area: str = "board"
    dpi: float = DEFAULT_DPI
    # The program chose ``dpi`` as the largest that fits a huge board: it may then be
    # below MIN_DPI, the least a user chooses (see writers.largest_dpi).
    fitted: bool = False
    page: str = "fit"
    orientation: str = "landscape"
    tiled: bool = False
    tile_scale: float = 1.0
    transparent: bool = False
    title_block: bool | None = None
    legend: bool | None = None
    findings_page: bool = False
    date_text: str | None = None  # None: today's date
    selection: tuple[str, ...] = field(default=())
    view_rect: tuple[float, float, float, float] | None = None

    def __post_init__(self) -> None:
        for value, allowed, what in (
            (self.format, FORMATS, "format"),
            (self.profile, PROFILES, "profile"),
            (self.area, AREAS, "area"),
            (self.page, PAGES, "page"),
            (self.orientation, ORIENTATIONS, "orientation"),
        ):
            if value not in allowed:
                raise ValueError(f"{what} {value!r} is not one of {', '.join(allowed)}")
        if not (0 if self.fitted else MIN_DPI) <= self.dpi <= MAX_DPI or self.dpi <= 0:
            raise ValueError(f"dpi must be from {MIN_DPI} to {MAX_DPI}")
        if not 0.1 <= self.tile_scale <= 4.0:
            raise ValueError("tile_scale must be from 0.1 to 4")

    @property
    def proposal(self) -> bool:
        return self.profile == "proposal"

    @property
    def with_title_block(self) -> bool:
        return self.format in DOCUMENTS if self.title_block is None else self.title_block

    @property
    def with_legend(self) -> bool:
        return self.format in DOCUMENTS if self.legend is None else self.legend

    @property
    def with_findings(self) -> bool:
        return self.findings_page and not self.proposal and self.format in DOCUMENTS

    @property
    def is_tiled(self) -> bool:
        """Tiling is for paged output (PDF, print) on a fixed paper size."""
        return self.tiled and self.page != "fit" and self.format == "pdf"


def paper_points(page: str, orientation: str) -> tuple[float, float]:
    """Width and height in points of a fixed paper size in the given orientation."""
    w_mm, h_mm = PAPER_MM[page]
    w, h = (w_mm / MM_PER_INCH * POINTS_PER_INCH, h_mm / MM_PER_INCH * POINTS_PER_INCH)
    if orientation == "landscape":
        w, h = max(w, h), min(w, h)
    else:
        w, h = min(w, h), max(w, h)
    return w, h
