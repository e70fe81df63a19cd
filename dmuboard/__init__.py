"""DMU Board: the customer's buying committee opposite your own team, on a canvas."""

__version__ = "0.1.0"
