"""The engine a layout draws with: theme, fonts, text and image caches, and a record of the frame.

    kit = Kit("dark")                      # once, after pygame.init() (no display mode needed)
    p = kit.painter(surface)               # per frame: bound to a canvas, scaled to it
    p.text("Анна", x=p.px(40), baseline=p.px(90), size=p.px(48), weight="semibold")
    p.bar(rect, 0.62, 0.55, fill=kit.theme.teal)

Everything a painter draws is recorded as a `Mark` (kind, rect, tag) in `kit.marks`: tests assert on
real geometry (nothing off-screen, no text overlapping) and sample pixels inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pygame

from display import widgets
from display.fonts import Fonts
from display.images import ImageCache
from display.text import TextCache
from display.theme import Colour, Theme, theme as theme_named, unit_for


@dataclass(slots=True)
class Mark:
    """One thing drawn: `kind` is text, bar, avatar, pill, shape or panel; rect in canvas pixels."""

    kind: str
    rect: pygame.Rect
    tag: str = ""
    text: str = ""
    colour: Colour | None = None
    bar: widgets.BarGeometry | None = None


class Kit:
    """Long-lived drawing state: one per app. Not thread-safe: pygame lives in the main thread."""

    def __init__(self, theme: str | Theme = "dark", *, text_capacity: int = 1024,
                 text_bytes: int = 48 * 2**20) -> None:
        if not pygame.font.get_init():  # fonts only: a Kit must not open audio or a window
            pygame.font.init()
        self.theme: Theme = theme if isinstance(theme, Theme) else theme_named(theme)
        self.fonts = Fonts()
        self.text = TextCache(self.fonts, text_capacity, text_bytes)
        self.images = ImageCache()
        self.marks: list[Mark] = []

    def painter(self, surface: pygame.Surface) -> Painter:
        """A painter for one frame on `surface`; starts a fresh record in `kit.marks`."""
        self.marks = []
        return Painter(self, surface, self.marks)


@dataclass
class Painter:
    kit: Kit
    surface: pygame.Surface
    marks: list[Mark] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.theme = self.kit.theme
        self.size = self.surface.get_size()
        self.unit = unit_for(self.size)

    @property
    def width(self) -> int:
        return self.size[0]

    @property
    def height(self) -> int:
        return self.size[1]

    def px(self, design: float) -> int:
        """Design pixels (at a 1080 short side) to canvas pixels."""
        return max(1, round(design * self.unit))

    def mark(self, kind: str, rect: pygame.Rect, tag: str = "", **kw: object) -> pygame.Rect:
        self.marks.append(Mark(kind, pygame.Rect(rect), tag, **kw))  # type: ignore[arg-type]
        return rect

    # -- text

    def cap(self, size: int, weight: str = "regular") -> int:
        return self.kit.text.cap_height(weight, size)

    def width_of(self, text: str, size: int, weight: str = "regular") -> int:
        return self.kit.text.width(text, weight, size)

    def fit(self, text: str, size: int, max_width: int, weight: str = "regular",
            min_size: int | None = None) -> tuple[str, int]:
        return self.kit.text.fit(text, weight, size, max_width, min_size)

    def text(self, text: str, *, x: int, size: int, baseline: int | None = None, middle: int | None = None,
             colour: Colour | None = None, weight: str = "regular", align: str = "left",
             max_width: int | None = None, min_size: int | None = None, tag: str = "") -> pygame.Rect:
        """Draw one line. Place it by `baseline`, or by `middle` (the middle of a capital: lines of
        different sizes then sit centred on one axis). With `max_width` it shrinks, then ellipsizes."""
        if max_width is not None:
            text, size = self.fit(text, size, max_width, weight, min_size)
        if baseline is None:
            baseline = (middle or 0) + self.cap(size, weight) // 2
        ink = widgets.blit_text(self.surface, self.kit.text, text, x=x, baseline=baseline, size=size,
                                colour=colour or self.theme.text, weight=weight, align=align)
        if text:
            self.mark("text", ink, tag, text=text, colour=colour or self.theme.text)
        return ink

    # -- widgets

    def panel(self, rect: pygame.Rect, colour: Colour, radius: int = 0, tag: str = "") -> pygame.Rect:
        widgets.rounded_rect(self.surface, rect, colour, radius)
        return self.mark("panel", pygame.Rect(rect), tag, colour=colour)

    def bar(self, rect: pygame.Rect, value: float | None, marker: float | None, *, fill: Colour,
            over: Colour | None = None, behind: Colour | None = None, tag: str = "") -> widgets.BarGeometry:
        t = self.theme
        geo = widgets.progress_bar(self.surface, rect, value, marker, fill=fill, track=t.track,
                                   over=over or t.lighter(fill), marker_colour=t.text, behind=behind or t.card)
        self.mark("bar", geo.bounds, tag, colour=fill, bar=geo)
        return geo

    def pill(self, text: str, *, rect: pygame.Rect, size: int, fg: Colour, bg: Colour, tag: str = "",
             weight: str = "semibold") -> pygame.Rect:
        box, ink = widgets.pill(self.surface, self.kit.text, text, rect=rect, size=size, fg=fg, bg=bg,
                                weight=weight)
        self.mark("pill", box, tag, text=text, colour=bg)
        self.mark("text", ink, tag, text=text, colour=fg)
        return box

    def pill_width(self, text: str, size: int, height: int, weight: str = "semibold") -> int:
        return widgets.pill_width(self.kit.text, text, size=size, height=height, weight=weight)

    def avatar(self, center: tuple[int, int], diameter: int, *, name: str, colour: Colour | None,
               photo: Path | None = None, ring: Colour | None = None, ring_width: int = 0,
               ring_gap: int = 0, behind: Colour | None = None, tag: str = "") -> pygame.Rect:
        fill = colour or self.theme.name_colour(name)
        rect = widgets.avatar(self.surface, self.kit.text, self.kit.images, center, diameter,
                              label=widgets.initials(name), colour=fill, text_colour=self.theme.text_on(fill),
                              photo=photo, ring=ring, ring_width=ring_width, ring_gap=ring_gap, behind=behind)
        return self.mark("avatar", rect, tag, colour=fill)

    def crown(self, center: tuple[int, int], size: int, colour: Colour, tag: str = "") -> pygame.Rect:
        return self.mark("shape", widgets.crown(self.surface, center, size, colour), tag, colour=colour)

    def band(self, rect: pygame.Rect, colour: Colour, edge: Colour | None = None, edge_width: int = 0,
             tag: str = "") -> pygame.Rect:
        return self.mark("panel", widgets.band(self.surface, rect, colour, edge, edge_width), tag, colour=colour)
