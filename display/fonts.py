"""Source Sans Pro by weight and pixel size, loaded once, plus a glyph-coverage check.

The font comes from the PyPI package `font-source-sans-pro` (SIL OFL): it has Cyrillic, ₽, №, «»,
arrows and triangles; pygame's built-in font has no ₽. It has no ★ (U+2605), ₾, ֏ or thin space
(U+2009): draw a star as a shape, never as text.

Why a cmap reader: pygame-ce 2.5's `Font.metrics()` is documented to give None for a missing glyph,
but with SDL_ttf 2.24 it returns the metrics of the .notdef box instead, so a tofu would pass
unnoticed. The font's own character map is the truth; `metrics()` is still consulted in case a
future pygame does return None.
"""

from __future__ import annotations

import io
import os
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pygame

Weight = Literal["light", "regular", "semibold", "bold"]
WEIGHTS: dict[str, str] = {"light": "Light", "regular": "Regular", "semibold": "Semibold", "bold": "Bold"}


def font_dir() -> Path:
    """Where the package keeps its .ttf files."""
    import font_source_sans_pro

    return Path(os.path.dirname(font_source_sans_pro.__file__)) / "files"


def font_file(weight: str) -> Path:
    if weight not in WEIGHTS:
        raise ValueError(f"unknown font weight {weight!r}; expected one of {', '.join(WEIGHTS)}")
    return font_dir() / f"SourceSansPro-{WEIGHTS[weight]}.ttf"


class Fonts:
    """pygame fonts keyed by (weight, pixel size). Each file is read once into memory, so a new size
    later never touches the disk on the render path."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}
        self._fonts: dict[tuple[str, int], tuple[pygame.font.Font, io.BytesIO]] = {}

    def get(self, weight: str, size: int) -> pygame.font.Font:
        size = max(1, int(size))
        key = (weight, size)
        hit = self._fonts.get(key)
        if hit is not None:
            return hit[0]
        data = self._data.get(weight)
        if data is None:
            data = self._data[weight] = font_file(weight).read_bytes()
        if not pygame.font.get_init():
            pygame.font.init()
        stream = io.BytesIO(data)  # kept alive next to the font: SDL_ttf reads glyphs lazily
        font = pygame.font.Font(stream, size)
        self._fonts[key] = (font, stream)
        return font

    def __len__(self) -> int:
        return len(self._fonts)


# ------------------------------------------------------------------------------ glyph coverage


def _cmap_codepoints(data: bytes) -> frozenset[int]:
    """Code points with a real glyph, from a TrueType/OpenType 'cmap' (formats 4 and 12)."""
    num_tables = struct.unpack_from(">H", data, 4)[0]
    cmap_at = None
    for i in range(num_tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            cmap_at = offset
    if cmap_at is None:
        return frozenset()
    n = struct.unpack_from(">H", data, cmap_at + 2)[0]
    subtables: dict[int, int] = {}
    for i in range(n):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap_at + 4 + 8 * i)
        if platform == 0 or (platform == 3 and encoding in (1, 10)):
            fmt = struct.unpack_from(">H", data, cmap_at + offset)[0]
            subtables.setdefault(fmt, cmap_at + offset)
    points: set[int] = set()
    if 12 in subtables:
        at = subtables[12]
        groups = struct.unpack_from(">I", data, at + 12)[0]
        for g in range(groups):
            start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
            points.update(c for c in range(start, end + 1) if glyph + (c - start) != 0)
    elif 4 in subtables:
        at = subtables[4]
        seg = struct.unpack_from(">H", data, at + 6)[0] // 2
        ends = struct.unpack_from(f">{seg}H", data, at + 14)
        starts = struct.unpack_from(f">{seg}H", data, at + 16 + 2 * seg)
        deltas = struct.unpack_from(f">{seg}h", data, at + 16 + 4 * seg)
        range_at = at + 16 + 6 * seg
        offsets = struct.unpack_from(f">{seg}H", data, range_at)
        for i in range(seg):
            for c in range(starts[i], ends[i] + 1):
                if c == 0xFFFF:
                    continue
                if offsets[i] == 0:
                    glyph = (c + deltas[i]) & 0xFFFF
                else:
                    glyph = struct.unpack_from(">H", data, range_at + 2 * i + offsets[i] + 2 * (c - starts[i]))[0]
                    glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
                if glyph:
                    points.add(c)
    return frozenset(points)


@lru_cache(maxsize=None)
def coverage(weight: str = "regular") -> frozenset[int]:
    """Every code point the given weight can draw."""
    return _cmap_codepoints(font_file(weight).read_bytes())


_metric_fonts: dict[str, pygame.font.Font] = {}


def missing_glyphs(text: str, weight: str = "regular") -> set[str]:
    """Characters of `text` that would show as a tofu box in this weight.

    Control characters (newline, tab) are never drawn and are skipped. Every other character, spaces
    included, is checked: U+00A0 (no-break space) and U+2212 (minus) are in the font, the thin space
    U+2009 is not, so a space is not waved through just for being blank.
    """
    have = coverage(weight)
    missing = {ch for ch in set(text)
               if unicodedata.category(ch) != "Cc" and ord(ch) not in have}
    if pygame.font.get_init():
        font = _metric_fonts.get(weight)
        if font is None:
            font = _metric_fonts[weight] = pygame.font.Font(str(font_file(weight)), 16)
        chars = [ch for ch in sorted(set(text) - missing) if unicodedata.category(ch) != "Cc"]
        for ch, m in zip(chars, font.metrics("".join(chars))):
            if m is None:
                missing.add(ch)
    return missing
