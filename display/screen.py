"""Opening the screen: a desktop window, full screen on a Pi console (KMSDRM), or no screen at all.

The choice, in order:
1. `SDL_VIDEODRIVER` set by the admin: used as it is (`dummy` means headless).
2. A desktop session (`WAYLAND_DISPLAY` or `DISPLAY`): a window (full screen if asked).
3. A DRM device we may open (`/dev/dri/card*`, user in the `video` group): KMSDRM, full screen.
4. Nothing: headless. The board still runs and keeps a PNG of the current screen up to date, so a
   machine with no screen (CI, a server, an SSH session) never fails just because of that.
If a driver fails to start, we fall back to headless with one line saying why. SDL itself falls back
to its invisible "offscreen" driver when no real one works (say DISPLAY names a dead X server): that
counts as headless too, or the board would draw where nobody can see it.
"""

from __future__ import annotations

import glob
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import pygame

from salesboard.atomic import replacing

log = logging.getLogger("salesboard.display")

WINDOW_SIZE = (1280, 720)
HEADLESS_SIZE = (1920, 1080)


@dataclass(frozen=True, slots=True)
class ScreenPlan:
    """Which SDL video driver to use and how, decided before pygame starts."""

    driver: str | None  # None: let SDL pick (desktop)
    fullscreen: bool
    headless: bool
    reason: str


def _drm_usable() -> bool:
    for card in sorted(glob.glob("/dev/dri/card*")):
        if os.access(card, os.R_OK | os.W_OK):
            return True
    return False


def plan_screen(fullscreen: bool | None, env: dict[str, str] | None = None,
                drm_usable: bool | None = None) -> ScreenPlan:
    """Decide the video driver from the environment (pure apart from the DRM probe)."""
    env = dict(os.environ) if env is None else env
    forced = env.get("SDL_VIDEODRIVER", "").strip()
    if forced:
        if forced in ("dummy", "offscreen"):
            return ScreenPlan(forced, False, True, f"SDL_VIDEODRIVER={forced}")
        return ScreenPlan(forced, bool(fullscreen) if fullscreen is not None else forced == "kmsdrm", False,
                          f"SDL_VIDEODRIVER={forced}")
    if env.get("WAYLAND_DISPLAY") or env.get("DISPLAY"):
        return ScreenPlan(None, bool(fullscreen), False, "desktop session")
    if drm_usable if drm_usable is not None else _drm_usable():
        return ScreenPlan("kmsdrm", True if fullscreen is None else fullscreen, False, "console (KMSDRM)")
    return ScreenPlan("dummy", False, True, "no display, no Wayland, no usable DRM device")


class Screen:
    """The physical output. `present(frame)` shows a frame of exactly `size` pixels."""

    def __init__(self, plan: ScreenPlan, size: tuple[int, int] | None, png_path: Path) -> None:
        self.plan = plan
        self.png_path = png_path
        self.headless = plan.headless
        self._png_failing = False
        self._surface = self._open(plan, size)

    def _open(self, plan: ScreenPlan, size: tuple[int, int] | None) -> pygame.Surface:
        if plan.driver:
            os.environ["SDL_VIDEODRIVER"] = plan.driver
        invisible = ("dummy", "offscreen")
        try:
            pygame.display.init()
            if not plan.headless and pygame.display.get_driver() in invisible:
                raise pygame.error(f"SDL fell back to its {pygame.display.get_driver()} driver")
            return self._set_mode(plan, size)
        except pygame.error as e:
            if plan.headless:
                raise
            log.warning("cannot open the screen with %s (%s); running headless", plan.reason, e)
            pygame.display.quit()
            self.plan = ScreenPlan("dummy", False, True, f"{plan.reason} failed: {e}")
            self.headless = True
            os.environ["SDL_VIDEODRIVER"] = "dummy"
            pygame.display.init()
            return self._set_mode(self.plan, size)

    def _set_mode(self, plan: ScreenPlan, size: tuple[int, int] | None) -> pygame.Surface:
        if plan.headless:
            return pygame.display.set_mode(size or HEADLESS_SIZE)
        pygame.display.set_caption("salesboard")
        if plan.fullscreen:
            pygame.mouse.set_visible(False)
            return pygame.display.set_mode(size or (0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(size or WINDOW_SIZE, pygame.RESIZABLE)

    @property
    def size(self) -> tuple[int, int]:
        return self._surface.get_size()

    def resized(self) -> None:
        """The window changed size (desktop only): pick up the new surface."""
        surface = pygame.display.get_surface()
        if surface is not None:
            self._surface = surface

    def present(self, frame: pygame.Surface) -> None:
        self._surface.blit(frame, (0, 0))
        pygame.display.flip()
        if self.headless:
            try:
                save_png_atomically(self._surface, self.png_path)
            except (OSError, pygame.error) as e:  # a full SD card must not stop the board
                if not self._png_failing:
                    log.warning("cannot write the screen picture %s (%s); the board goes on", self.png_path, e)
                self._png_failing = True
            else:
                if self._png_failing:
                    log.info("the screen picture %s is written again", self.png_path)
                self._png_failing = False

    def close(self) -> None:
        pygame.display.quit()


def save_png_atomically(surface: pygame.Surface, path: Path) -> None:
    """Write the PNG beside its final name and rename it, so a viewer never sees half a file.
    No fsync: it is rewritten on every change, and an SD card should not pay for each one."""
    with replacing(path, durable=False) as tmp:
        pygame.image.save(surface, str(tmp))
