"""Card sizes and rectangles, shared by the canvas, the layout and the router."""

from __future__ import annotations

Point = tuple[float, float]
Size = tuple[float, float]
Rect = tuple[float, float, float, float]  # left, top, right, bottom

# Card sizes by influence 1..5: more influence, bigger card (the canvas draws these).
TOKEN_SIZES: dict[int, Size] = {
    1: (176.0, 82.0),
    2: (184.0, 84.0),
    3: (192.0, 86.0),
    4: (206.0, 90.0),
    5: (220.0, 94.0),
}
MAX_TOKEN_SIZE = TOKEN_SIZES[5]


def token_size(influence: int) -> Size:
    return TOKEN_SIZES.get(influence, TOKEN_SIZES[3])


def card_rect(centre: Point, size: Size) -> Rect:
    w, h = size
    return (centre[0] - w / 2, centre[1] - h / 2, centre[0] + w / 2, centre[1] + h / 2)


def overlaps(a: Rect, b: Rect, margin: float = 0.0) -> bool:
    """True when the two rectangles (grown by ``margin``) share an area."""
    return a[0] - margin < b[2] and b[0] - margin < a[2] and a[1] - margin < b[3] and b[1] - margin < a[3]
