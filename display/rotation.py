"""Portrait and upside-down TVs: the app rotates, because KMS/DRM and Wayland output on a Pi do not.

`rotation` is how far the TV has been turned clockwise from its normal standing position. Layouts
draw upright on a logical canvas (tall for 90 and 270); the canvas is then turned back by the same
angle, counter-clockwise (pygame's positive direction), onto the physical output.
"""

from __future__ import annotations

import pygame

ROTATIONS = (0, 90, 180, 270)


def _check(rotation: int) -> int:
    if rotation not in ROTATIONS:
        raise ValueError(f"rotation must be one of 0, 90, 180, 270; got {rotation!r}")
    return rotation


def logical_size(size: tuple[int, int], rotation: int) -> tuple[int, int]:
    """The canvas a layout draws on, for a physical output of `size`."""
    w, h = size
    return (h, w) if _check(rotation) in (90, 270) else (w, h)


def to_output(canvas: pygame.Surface, rotation: int) -> pygame.Surface:
    """The logical canvas turned onto the physical output. Multiples of 90° are exact (no resampling)."""
    if _check(rotation) == 0:
        return canvas
    return pygame.transform.rotate(canvas, rotation)


def map_rect(rect: pygame.Rect, canvas_size: tuple[int, int], rotation: int) -> pygame.Rect:
    """Where a rect of the logical canvas lands on the physical output (for tests and hit areas)."""
    W, H = canvas_size
    x, y, w, h = rect
    r = _check(rotation)
    if r == 0:
        return pygame.Rect(x, y, w, h)
    if r == 90:
        return pygame.Rect(y, W - x - w, h, w)
    if r == 180:
        return pygame.Rect(W - x - w, H - y - h, w, h)
    return pygame.Rect(H - y - h, x, h, w)
