"""Every account on one screen: the library of boards and what they say together.

No Qt here (an import-linter contract checks it): :mod:`.library` finds the boards,
:mod:`.summary` reads one board into a row (read-only, never taking the board's lock),
:mod:`.cache` keeps rows that are never wrong, :mod:`.people` follows our people
across the accounts. The GUI and ``dmuboard portfolio`` build on these.
"""

from dmuboard.portfolio.cache import SummaryCache
from dmuboard.portfolio.library import board_paths, default_folder
from dmuboard.portfolio.people import OurPerson, our_people
from dmuboard.portfolio.summary import BoardSummary, summarize

__all__ = ["BoardSummary", "OurPerson", "SummaryCache", "board_paths", "default_folder", "our_people",
           "summarize"]
