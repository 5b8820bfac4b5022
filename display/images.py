"""Photos, loaded once and kept as scaled circles.

The first request for a photo reads the file (the only file I/O a draw may cause, once per photo);
every later frame gets the cached circle. A missing or broken file is remembered as missing too,
logged once, so a typo in config.yaml costs one warning, not one disk read per frame.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

log = logging.getLogger(__name__)

SUPERSAMPLE = 4
# A phone photo is 12 MP (48 MB as pixels); avatars are at most a few hundred pixels even at 4K.
# Kept originals are shrunk to this on load, so eight photos cost a few MB, not hundreds, on a Pi.
MAX_KEPT_SIDE = 512


def circle_mask(diameter: int) -> pygame.Surface:
    """An anti-aliased white disc on transparent, `diameter` across."""
    big = pygame.Surface((diameter * SUPERSAMPLE, diameter * SUPERSAMPLE), pygame.SRCALPHA)
    r = diameter * SUPERSAMPLE / 2
    pygame.draw.circle(big, (255, 255, 255, 255), (r, r), r)
    return pygame.transform.smoothscale(big, (diameter, diameter))


def cover(image: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    """`image` scaled to fill `size` and centre-cropped, keeping its proportions (a face stays a face)."""
    iw, ih = image.get_size()
    w, h = size
    scale = max(w / max(iw, 1), h / max(ih, 1))
    sw, sh = max(w, round(iw * scale)), max(h, round(ih * scale))
    src = image if image.get_bitsize() in (24, 32) else image.convert(32, 0)
    scaled = pygame.transform.smoothscale(src, (sw, sh))
    out = pygame.Surface((w, h), pygame.SRCALPHA)
    out.blit(scaled, ((w - sw) // 2, (h - sh) // 2))
    return out


def _shrunk(image: pygame.Surface, side: int) -> pygame.Surface:
    w, h = image.get_size()
    if max(w, h) <= side:
        return image
    scale = side / max(w, h)
    src = image if image.get_bitsize() in (24, 32) else image.convert(32, 0)
    return pygame.transform.smoothscale(src, (max(1, round(w * scale)), max(1, round(h * scale))))


class ImageCache:
    def __init__(self) -> None:
        self._originals: dict[Path, pygame.Surface | None] = {}
        self._circles: dict[tuple[Path, int], pygame.Surface | None] = {}
        self.loads = 0  # file reads so far: tests check a photo is read once

    def original(self, path: Path) -> pygame.Surface | None:
        if path in self._originals:
            return self._originals[path]
        self.loads += 1
        try:
            image: pygame.Surface | None = _shrunk(pygame.image.load(str(path)), MAX_KEPT_SIDE)
        except (pygame.error, OSError, FileNotFoundError) as e:
            log.warning("photo %s cannot be shown (%s); showing initials instead", path, e)
            image = None
        self._originals[path] = image
        return image

    def circle(self, path: Path, diameter: int) -> pygame.Surface | None:
        """The photo as an anti-aliased circle `diameter` across, or None if it cannot be read."""
        key = (path, int(diameter))
        if key in self._circles:
            return self._circles[key]
        image = self.original(path)
        out = None
        if image is not None and diameter > 0:
            out = cover(image, (diameter, diameter))
            out.blit(circle_mask(diameter), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
            if pygame.display.get_surface() is not None:
                out = out.convert_alpha()
        self._circles[key] = out
        return out

    def preload(self, paths: list[Path]) -> None:
        """Read photos ahead of the first frame (the wiring may call this at start-up)."""
        for p in paths:
            self.original(p)
