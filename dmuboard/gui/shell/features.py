"""The features of the main window, in the order the window places them.

Adding a feature is one module with a :class:`~dmuboard.gui.common.feature.Feature`
class and one line here.
"""

from __future__ import annotations

from dmuboard.gui.canvas.commands import CanvasCommands
from dmuboard.gui.canvas.menufeature import CanvasMenus
from dmuboard.gui.common.feature import Feature, FeatureContext
from dmuboard.gui.data.feature import DataFeature
from dmuboard.gui.export.actions import ExportFeature
from dmuboard.gui.history import HistoryFeature
from dmuboard.gui.panels.findbar import FindFeature
from dmuboard.gui.panels.findings import FindingsFeature
from dmuboard.gui.panels.inspector.feature import InspectorFeature
from dmuboard.gui.panels.palette import PaletteFeature
from dmuboard.gui.portfolio import PortfolioFeature
from dmuboard.gui.present import Presentation

FEATURES: tuple[type[Feature], ...] = (
    CanvasCommands,
    CanvasMenus,
    PaletteFeature,
    InspectorFeature,
    FindingsFeature,
    FindFeature,
    DataFeature,
    ExportFeature,
    Presentation,
    HistoryFeature,
    PortfolioFeature,
)


def make_features(context: FeatureContext) -> list[Feature]:
    """One of each feature for the window ``context`` belongs to."""
    made: list[Feature] = []
    for kind in FEATURES:
        feature = kind(context)
        context.add_feature(feature)
        made.append(feature)
    return made
