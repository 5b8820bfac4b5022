"""Views by name, and the one call the app makes to get a picture of the board.

    kit = Kit(cfg.display.theme)
    surf = render_view("leaderboard", ViewContext(snapshot, cfg, now), (w, h), cfg.display.rotation, kit)

The view draws upright on a logical canvas (tall for rotation 90/270) which is then turned onto a
surface of the physical size: ready to blit to the screen or save as a PNG.
"""

from __future__ import annotations

from typing import Callable

import pygame

from display.kit import Kit
from display.rotation import ROTATIONS, logical_size, to_output
from layouts import leaderboard
from layouts.base import ViewContext
from salesboard.errors import RenderError

View = Callable[[pygame.Surface, ViewContext, Kit], None]

VIEWS: dict[str, View] = {
    "leaderboard": leaderboard.draw,
}


def render_view(name: str, ctx: ViewContext, size: tuple[int, int], rotation: int, kit: Kit) -> pygame.Surface:
    """The view `name` drawn for a physical output of `size` turned by `rotation`; returns a surface
    of exactly `size`. Raises RenderError for an unknown view, rotation or an impossible size."""
    view = VIEWS.get(name)
    if view is None:
        raise RenderError(f"unknown view {name!r}; known views: {', '.join(sorted(VIEWS))}")
    if rotation not in ROTATIONS:
        raise RenderError(f"rotation must be one of 0, 90, 180, 270; got {rotation!r}")
    w, h = (int(v) for v in size)
    if w < 64 or h < 64:
        raise RenderError(f"screen size {w}x{h} is too small to draw on")
    canvas = pygame.Surface(logical_size((w, h), rotation))
    if pygame.display.get_surface() is not None:
        canvas = canvas.convert()
    view(canvas, ctx, kit)
    return to_output(canvas, rotation)
