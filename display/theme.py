"""Colours and scale. Calm on a wall, readable from across the room.

Colours are named by role, not by meaning in sales: `gold` marks the top, `green` a goal met,
`teal` steady progress, `amber` attention ("needs help", stale data). There is no red: a board
that shames people gets switched off.

Sizes are designed at a 1080-pixel short side and scaled from the logical canvas's short side, so
720p, 1080p, 4K and portrait all look the same, only sharper.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

Colour = tuple[int, int, int]

DESIGN_SHORT_SIDE = 1080


def hex_colour(text: str) -> Colour:
    """'#4f9dff' -> (79, 157, 255)."""
    s = text.strip().lstrip("#")
    if len(s) != 6:
        raise ValueError(f"expected a colour like #4f9dff, got {text!r}")
    return int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """`a` moved toward `b` by t (0..1): tints without alpha surfaces."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))


def luminance(c: Colour) -> float:
    """Relative luminance (WCAG), to pick white or dark text on a colour."""

    def ch(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])


def contrast(a: Colour, b: Colour) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    bg: Colour  # the screen
    band: Colour  # header band
    card: Colour  # a row
    line: Colour  # hairlines, separators
    track: Colour  # empty part of a bar
    text: Colour
    muted: Colour  # secondary text
    on_colour: Colour  # text on a saturated fill
    gold: Colour
    green: Colour
    teal: Colour
    amber: Colour
    neutral: Colour  # a bar that has no goal to be measured against
    avatar_palette: tuple[Colour, ...]

    def tint(self, colour: Colour, t: float = 0.16, base: Colour | None = None) -> Colour:
        """A quiet background in `colour` (pill, highlighted row)."""
        return mix(base or self.card, colour, t)

    def lighter(self, colour: Colour, t: float = 0.35) -> Colour:
        """The brighter shade of a fill (the part of a bar beyond its goal)."""
        return mix(colour, (255, 255, 255) if self.name == "dark" else (0, 0, 0), t)

    def text_on(self, fill: Colour) -> Colour:
        """White on any fill where it reads as large text (contrast 3:1), else near-black."""
        return (255, 255, 255) if contrast((255, 255, 255), fill) >= 3.0 else (17, 24, 39)

    def name_colour(self, name: str) -> Colour:
        """A stable colour for a person with none configured: same name, same colour, every boot."""
        return self.avatar_palette[zlib.crc32(name.strip().casefold().encode("utf-8")) % len(self.avatar_palette)]


_AVATARS = (  # mid-tone, so white initials read on every one of them
    (52, 120, 220), (22, 128, 112), (124, 90, 200), (192, 72, 120), (196, 100, 40),
    (60, 140, 70), (40, 110, 170), (150, 90, 60), (96, 104, 200), (160, 70, 150),
)

DARK = Theme(
    name="dark",
    bg=(13, 19, 30),
    band=(20, 29, 44),
    card=(22, 31, 46),
    line=(40, 52, 72),
    track=(38, 50, 70),
    text=(240, 244, 249),
    muted=(146, 160, 180),
    on_colour=(13, 19, 30),
    gold=(244, 196, 76),
    green=(72, 199, 138),
    teal=(64, 184, 214),
    amber=(245, 163, 72),
    neutral=(120, 140, 170),
    avatar_palette=_AVATARS,
)

LIGHT = Theme(
    name="light",
    bg=(241, 244, 248),
    band=(255, 255, 255),
    card=(255, 255, 255),
    line=(221, 227, 235),
    track=(225, 231, 239),
    text=(17, 24, 39),
    muted=(84, 96, 114),
    on_colour=(255, 255, 255),
    gold=(196, 140, 8),
    green=(24, 140, 82),
    teal=(10, 126, 160),
    amber=(204, 110, 12),
    neutral=(120, 134, 156),
    avatar_palette=_AVATARS,
)

THEMES: dict[str, Theme] = {"dark": DARK, "light": LIGHT}


def theme(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; expected one of {', '.join(THEMES)}") from None


def unit_for(size: tuple[int, int]) -> float:
    """Pixels per design pixel for a logical canvas of `size`: by the short side, so a portrait
    canvas gets the same text size as its landscape twin."""
    return max(1, min(size)) / DESIGN_SHORT_SIDE
