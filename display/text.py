"""Rendered text, cached, and text fitted into a width.

A still board redraws only on change, but a change redraws the whole canvas: names, labels and most
numbers are the same as last time, so their rendered surfaces are kept (LRU keyed by text, weight,
size and colour). Fitting never overflows: shrink toward a floor size, then cut with an ellipsis.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import pygame

from display.fonts import Fonts
from display.theme import Colour

ELLIPSIS = "…"


def _size(item: RenderedText) -> int:
    return item.surface.get_width() * item.surface.get_height() * item.surface.get_bytesize()


@dataclass(frozen=True, slots=True)
class RenderedText:
    surface: pygame.Surface
    ink: pygame.Rect  # the drawn pixels, relative to the surface (tighter than the line box)
    ascent: int  # baseline, from the top of the surface


class TextCache:
    """LRU of rendered text, bounded by count and by pixel memory (a Pi has little of it, and a 4K
    canvas makes big text). A frame of the leaderboard holds ~100 strings, so the defaults keep
    several views' worth. `hits`/`misses` tell tests (and a curious admin) that it works."""

    def __init__(self, fonts: Fonts, capacity: int = 1024, max_bytes: int = 48 * 2**20) -> None:
        self.fonts = fonts
        self.capacity = capacity
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[tuple[str, str, int, Colour], RenderedText] = OrderedDict()
        self._fits: OrderedDict[tuple[str, str, int, int, int], tuple[str, int]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def render(self, text: str, weight: str, size: int, colour: Colour) -> RenderedText:
        key = (text, weight, int(size), (colour[0], colour[1], colour[2]))
        item = self._items.get(key)
        if item is not None:
            self.hits += 1
            self._items.move_to_end(key)
            return item
        self.misses += 1
        font = self.fonts.get(weight, size)
        surface = font.render(text, True, colour) if text else pygame.Surface((0, font.get_height()),
                                                                              pygame.SRCALPHA)
        if pygame.display.get_surface() is not None and surface.get_width() > 0:
            surface = surface.convert_alpha()
        item = RenderedText(surface, surface.get_bounding_rect(), font.get_ascent())
        self._items[key] = item
        self.bytes += _size(item)
        while len(self._items) > 1 and (len(self._items) > self.capacity or self.bytes > self.max_bytes):
            self.bytes -= _size(self._items.popitem(last=False)[1])
        return item

    def width(self, text: str, weight: str, size: int) -> int:
        return self.fonts.get(weight, size).size(text)[0] if text else 0

    def cap_height(self, weight: str, size: int) -> int:
        """Height of a capital (and of digits) above the baseline: what the eye reads as the line."""
        m = self.fonts.get(weight, size).metrics("H")[0]
        return m[3] if m else round(size * 0.66)

    def fit(self, text: str, weight: str, size: int, max_width: int, min_size: int | None = None) -> tuple[str, int]:
        """(text, size) that fits in `max_width`: the same text smaller down to `min_size`
        (default 80 % of `size`), then cut with "…". Cached, since layouts ask every frame."""
        size = int(size)
        floor = max(1, min(size, int(min_size if min_size is not None else size * 0.8)))
        max_width = max(0, int(max_width))
        key = (text, weight, size, max_width, floor)
        hit = self._fits.get(key)
        if hit is not None:
            return hit
        result = self._fit(text, weight, size, max_width, floor)
        self._fits[key] = result
        if len(self._fits) > self.capacity:
            self._fits.popitem(last=False)
        return result

    def _fit(self, text: str, weight: str, size: int, max_width: int, floor: int) -> tuple[str, int]:
        w = self.width(text, weight, size)
        if w <= max_width:
            return text, size
        s = max(floor, min(size - 1, int(size * max_width / max(w, 1))))
        while s > floor and self.width(text, weight, s) > max_width:
            s -= 1
        if self.width(text, weight, s) <= max_width:
            return text, s
        lo, hi = 0, len(text)  # the longest prefix that fits with the ellipsis
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid].rstrip() + ELLIPSIS, weight, s) <= max_width:
                lo = mid
            else:
                hi = mid - 1
        if lo == 0:
            return ("", s) if self.width(ELLIPSIS, weight, s) > max_width else (ELLIPSIS, s)
        return text[:lo].rstrip() + ELLIPSIS, s
