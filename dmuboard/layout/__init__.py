"""Where cards go and how lines run: auto-layout and line routing, free of Qt.

``arrange`` lays out a board (their org chart, our team facing it), ``layered`` is
the layered (Sugiyama) drawing it uses, ``route`` routes lines around cards, and
``geometry`` gives what the canvas and every export draw: card rectangles and line
polylines. The import contract in pyproject.toml keeps this package free of Qt.
"""
