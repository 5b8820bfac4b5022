"""Widgets: bars, pills, avatars, bands, a crown. They know numbers, strings and colours, nothing else.

Edges are anti-aliased (a TV magnifies jaggies): rounded corners are quarter discs drawn 4x larger and
scaled down once, then cached; the straight parts are plain rects, so a bar of any length is cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pygame

from display.images import ImageCache
from display.text import TextCache
from display.theme import Colour

SUPERSAMPLE = 4


@lru_cache(maxsize=512)
def _corner(radius: int, colour: Colour) -> pygame.Surface:
    """The top-left quarter of a disc, `radius` square, coloured, with soft edges."""
    big = pygame.Surface((radius * SUPERSAMPLE, radius * SUPERSAMPLE), pygame.SRCALPHA)
    R = radius * SUPERSAMPLE
    pygame.draw.circle(big, (*colour, 255), (R, R), R)
    return pygame.transform.smoothscale(big, (radius, radius))


def rounded_rect(surface: pygame.Surface, rect: pygame.Rect, colour: Colour, radius: int) -> pygame.Rect:
    """A filled rect with anti-aliased round corners (radius clamped to half the short side)."""
    rect = pygame.Rect(rect)
    if rect.w <= 0 or rect.h <= 0:
        return rect
    r = max(0, min(int(radius), rect.w // 2, rect.h // 2))
    if r < 2:
        surface.fill(colour, rect)
        return rect
    x, y, w, h = rect
    surface.fill(colour, (x + r, y, w - 2 * r, h))
    surface.fill(colour, (x, y + r, r, h - 2 * r))
    surface.fill(colour, (x + w - r, y + r, r, h - 2 * r))
    c = _corner(r, tuple(colour))
    surface.blit(c, (x, y))
    surface.blit(pygame.transform.flip(c, True, False), (x + w - r, y))
    surface.blit(pygame.transform.flip(c, False, True), (x, y + h - r))
    surface.blit(pygame.transform.flip(c, True, True), (x + w - r, y + h - r))
    return rect


def disc(surface: pygame.Surface, center: tuple[float, float], diameter: int, colour: Colour) -> pygame.Rect:
    """A filled anti-aliased circle `diameter` across, centred (drawn as a fully rounded square)."""
    d = int(diameter)
    rect = pygame.Rect(round(center[0] - d / 2), round(center[1] - d / 2), d, d)
    return rounded_rect(surface, rect, colour, d // 2 + 1)


# ------------------------------------------------------------------------------ progress bar


@dataclass(frozen=True, slots=True)
class BarGeometry:
    """Where a bar's parts landed; tests sample pixels inside them."""

    track: pygame.Rect
    fill: pygame.Rect  # the filled part up to the goal (or all of it below the goal)
    over: pygame.Rect | None  # the part beyond the goal, when value > 1
    goal: pygame.Rect | None  # the notch at the goal, when value > 1
    marker: pygame.Rect | None  # the pace tick
    bounds: pygame.Rect  # everything the bar drew


def progress_bar(surface: pygame.Surface, rect: pygame.Rect, value: float | None, marker: float | None, *,
                 fill: Colour, track: Colour, over: Colour, marker_colour: Colour,
                 behind: Colour) -> BarGeometry:
    """A rounded bar. `value` and `marker` are fractions of the goal (1.0 = goal).

    Past the goal the whole bar fills and the scale shrinks to fit: a notch shows where the goal
    sits and the part beyond it takes the `over` colour, so 140 % reads as "a full bar and then
    some" without leaving the column (a few percent over is just a full bar: a sliver would read
    as a glitch). `behind` is the background, drawn around the notch and the tick so both stay
    visible on any fill.
    """
    rect = pygame.Rect(rect)
    rounded_rect(surface, rect, track, rect.h // 2)
    scale = max(1.0, value or 0.0)
    fill_rect = pygame.Rect(rect.x, rect.y, 0, rect.h)
    over_rect = goal_rect = marker_rect = None
    if value is not None and value > 0:
        width = rect.w if value >= 1 else max(rect.h, round(rect.w * value))
        fill_rect.w = min(rect.w, width)
        rounded_rect(surface, fill_rect, fill, rect.h // 2)
        gx = rect.x + round(rect.w / scale)
        if value > 1 and rect.right - gx >= rect.h:
            over_rect = pygame.Rect(gx, rect.y, rect.right - gx, rect.h)
            # The over part: clip a full-length capsule so its right end stays round.
            clip = surface.get_clip()
            surface.set_clip(over_rect.clip(clip) if clip else over_rect)
            rounded_rect(surface, rect, over, rect.h // 2)
            surface.set_clip(clip)
            notch = max(2, rect.h // 6)
            goal_rect = pygame.Rect(gx - notch // 2, rect.y, notch, rect.h)
            surface.fill(behind, goal_rect)
            fill_rect = pygame.Rect(rect.x, rect.y, gx - notch // 2 - rect.x, rect.h)
    if marker is not None and marker >= 0:
        mx = rect.x + round(rect.w * min(marker / scale, 1.0))
        mw = max(3, round(rect.h * 0.3))
        ext = max(3, round(rect.h * 0.5))
        mx = min(max(mx, rect.x + mw // 2), rect.right - (mw - mw // 2))
        outline = max(1, mw // 3)
        halo = pygame.Rect(mx - mw // 2 - outline, rect.y - ext - outline, mw + 2 * outline, rect.h + 2 * ext + 2 * outline)
        rounded_rect(surface, halo, behind, halo.w // 2)
        marker_rect = pygame.Rect(mx - mw // 2, rect.y - ext, mw, rect.h + 2 * ext)
        rounded_rect(surface, marker_rect, marker_colour, mw // 2)
        marker_rect = halo
    bounds = rect.union(marker_rect) if marker_rect else pygame.Rect(rect)
    return BarGeometry(rect, fill_rect, over_rect, goal_rect, marker_rect, bounds)


# ------------------------------------------------------------------------------ text-bearing widgets


def blit_text(surface: pygame.Surface, texts: TextCache, text: str, *, x: int, baseline: int, size: int,
              colour: Colour, weight: str = "regular", align: str = "left") -> pygame.Rect:
    """Draw text with its baseline at `baseline`; returns the ink rect (the pixels actually drawn)."""
    r = texts.render(text, weight, size, colour)
    w = r.surface.get_width()
    left = x if align == "left" else x - w if align == "right" else x - w // 2
    top = baseline - r.ascent
    if w:
        surface.blit(r.surface, (left, top))
    return r.ink.move(left, top)


def pill(surface: pygame.Surface, texts: TextCache, text: str, *, rect: pygame.Rect, size: int,
         fg: Colour, bg: Colour, weight: str = "semibold") -> tuple[pygame.Rect, pygame.Rect]:
    """A rounded label. Returns (pill rect, text ink rect)."""
    rounded_rect(surface, rect, bg, rect.h // 2)
    cap = texts.cap_height(weight, size)
    ink = blit_text(surface, texts, text, x=rect.centerx, baseline=rect.centery + cap // 2, size=size,
                    colour=fg, weight=weight, align="center")
    return pygame.Rect(rect), ink


def pill_width(texts: TextCache, text: str, *, size: int, height: int, weight: str = "semibold") -> int:
    return texts.width(text, weight, size) + height  # half a height of air at each end


def initials(name: str) -> str:
    """'Анна Смирнова' -> 'АС'; one word -> its first letter; nothing -> '?'."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def avatar(surface: pygame.Surface, texts: TextCache, images: ImageCache, center: tuple[int, int],
           diameter: int, *, label: str, colour: Colour, text_colour: Colour, photo: Path | None = None,
           ring: Colour | None = None, ring_width: int = 0, ring_gap: int = 0,
           behind: Colour | None = None) -> pygame.Rect:
    """A round photo, or initials on a colour. An optional ring (the top of the board) goes around it.
    Returns the rect of everything drawn."""
    d = int(diameter)
    cx, cy = center
    bounds = pygame.Rect(cx - d // 2, cy - d // 2, d, d)
    if ring and ring_width > 0:
        outer = d + 2 * (ring_gap + ring_width)
        bounds = disc(surface, (cx, cy), outer, ring)
        if ring_gap > 0 and behind is not None:
            disc(surface, (cx, cy), d + 2 * ring_gap, behind)
    face = images.circle(photo, d) if photo is not None else None
    if face is not None:
        surface.blit(face, (cx - d // 2, cy - d // 2))
    else:
        disc(surface, (cx, cy), d, colour)
        size = max(6, round(d * 0.38))
        cap = texts.cap_height("semibold", size)
        blit_text(surface, texts, label, x=cx, baseline=cy + cap // 2, size=size, colour=text_colour,
                  weight="semibold", align="center")
    return bounds


# ------------------------------------------------------------------------------ shapes


@lru_cache(maxsize=64)
def crown_surface(size: int, colour: Colour) -> pygame.Surface:
    """A crown, `size` wide and about 0.8 of that tall: the top of the board. (The font has no ★.)"""
    S = size * SUPERSAMPLE
    H = round(S * 0.8)
    big = pygame.Surface((S, H), pygame.SRCALPHA)
    c = (*colour, 255)
    pts = [(0.06, 0.30), (0.30, 0.56), (0.50, 0.16), (0.70, 0.56), (0.94, 0.30), (0.86, 0.80), (0.14, 0.80)]
    pygame.draw.polygon(big, c, [(x * S, y * H) for x, y in pts])
    for x, y in ((0.06, 0.30), (0.50, 0.16), (0.94, 0.30)):
        pygame.draw.circle(big, c, (x * S, y * H), S * 0.06)
    pygame.draw.rect(big, c, (0.14 * S, 0.86 * H, 0.72 * S, 0.12 * H), border_radius=round(S * 0.02))
    return pygame.transform.smoothscale(big, (size, round(size * 0.8)))


def crown(surface: pygame.Surface, center: tuple[int, int], size: int, colour: Colour) -> pygame.Rect:
    img = crown_surface(int(size), tuple(colour))
    rect = img.get_rect(center=center)
    surface.blit(img, rect)
    return rect


def band(surface: pygame.Surface, rect: pygame.Rect, colour: Colour, edge: Colour | None = None,
         edge_width: int = 0) -> pygame.Rect:
    """A full-width header band with an optional hairline under it."""
    surface.fill(colour, rect)
    if edge is not None and edge_width > 0:
        surface.fill(edge, (rect.x, rect.bottom - edge_width, rect.w, edge_width))
    return pygame.Rect(rect)
