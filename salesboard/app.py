"""The wiring: the one place that imports every room and plugs them together. Nothing imports it.

    source --(worker thread: Poller)--> Snapshot --(Loop.post)--> main thread --> layout --> Screen

pygame lives in the main thread only; the poller hands over immutable Snapshots through the event
queue. The screen is redrawn only when the data, the view or the minute changes.
"""

from __future__ import annotations

import logging
import os
import signal
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from salesboard.config import Config
from salesboard.errors import ConfigError
from salesboard.i18n import t
from salesboard.model import Snapshot
from salesboard import sdnotify

log = logging.getLogger("salesboard")


@dataclass
class Clock:
    """'Now' in the office's timezone, or a frozen moment (`--at`) for demos and tests."""

    cfg: Config
    frozen: datetime | None = None

    def __call__(self) -> datetime:
        return self.frozen if self.frozen is not None else datetime.now(self.cfg.timezone)


def configure_logging(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt="%H:%M:%S")


def init_pygame_headless() -> None:
    """pygame for drawing without a screen (render, tests): dummy video, no audio device opened."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame
    pygame.display.init()
    pygame.font.init()


@dataclass
class ViewCycle:
    """Which view is on screen; the timer and the keyboard move through `names`."""

    names: tuple[str, ...]
    index: int = 0

    @property
    def current(self) -> str:
        return self.names[self.index]

    def step(self, by: int = 1) -> None:
        self.index = (self.index + by) % len(self.names)


@dataclass
class Board:
    """The running board's state, owned by the main thread."""

    views: ViewCycle
    snapshot: Snapshot | None = None
    paused: bool = False
    last_draw_error: str = ""  # logged once, not once a frame


def run_board(cfg: Config, *, fullscreen: bool | None = None, at: datetime | None = None,
              config_problem: ConfigError | None = None) -> int:
    """Run the board until SIGTERM/SIGINT, Esc or Q. Returns the process exit code.

    `config_problem`: config.yaml had a mistake and `cfg` is the last good one; the board says so.
    """
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from display.screen import Screen, plan_screen
    plan = plan_screen(cfg.display.fullscreen if fullscreen is None else fullscreen)

    import pygame
    from display.kit import Kit
    from display.loop import Loop
    from layouts.base import ViewContext
    from layouts.registry import render_view
    from sources.poller import Poller
    from sources.registry import make_source

    screen = Screen(plan, cfg.display.size, cfg.resolve(cfg.display.screenshot))
    pygame.font.init()
    if screen.headless:  # one line, on stdout, for whoever started it by hand
        print(t(cfg.locale, "headless", path=screen.png_path), flush=True)
    else:
        log.info("screen: %s, %dx%d", screen.plan.reason, *screen.size)

    clock = Clock(cfg, at)
    board = Board(ViewCycle(cfg.views.show))
    kit = Kit(cfg.display.theme)
    kit.images.preload([cfg.resolve(m.photo) for m in cfg.team.members if m.photo])  # no disk reads in draw
    loop = Loop()

    notice = ""
    if config_problem is not None:
        where = t(cfg.locale, "config_line", line=config_problem.line) if config_problem.line else ""
        notice = t(cfg.locale, "config_fallback", where=where)

    def draw() -> None:
        if board.snapshot is None:
            return
        ctx = ViewContext(board.snapshot, cfg, clock(), notice)
        try:
            frame = render_view(board.views.current, ctx, screen.size, cfg.display.rotation, kit)
        except Exception as e:  # a bug in one screen must not take the board down: keep the last frame
            if repr(e) != board.last_draw_error:
                board.last_draw_error = repr(e)
                log.exception("cannot draw %s; keeping the last picture", board.views.current)
            return
        board.last_draw_error = ""
        screen.present(frame)

    def got_snapshot(snapshot: Snapshot) -> None:
        board.snapshot = snapshot
        loop.invalidate()

    def step_view(by: int) -> None:
        if len(board.views.names) > 1:
            board.views.step(by)
            loop.invalidate()

    def rotate_timer() -> None:
        if not board.paused:
            step_view(1)

    def on_key(event: pygame.event.Event) -> None:
        if event.key in (pygame.K_ESCAPE, pygame.K_q):
            loop.stop()
        elif event.key in (pygame.K_RIGHT, pygame.K_SPACE, pygame.K_PAGEDOWN):
            step_view(1)
        elif event.key in (pygame.K_LEFT, pygame.K_PAGEUP):
            step_view(-1)
        elif event.key == pygame.K_p:
            board.paused = not board.paused
        elif event.key == pygame.K_r:
            poller.refresh()

    def on_window(event: pygame.event.Event) -> None:
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            screen.resized()
        loop.invalidate()

    loop.on(pygame.QUIT, lambda e: loop.stop())
    loop.on(pygame.KEYDOWN, on_key)
    for kind in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.VIDEOEXPOSE, pygame.WINDOWEXPOSED):
        loop.on(kind, on_window)
    loop.on_message("snapshot", got_snapshot)
    loop.every(cfg.views.rotate_seconds, rotate_timer)
    loop.every(60.0, loop.invalidate)  # the clock, pace and "data as of ... ago" move with time
    watchdog = sdnotify.watchdog_interval()
    if watchdog:
        loop.every(watchdog, lambda: sdnotify.notify("WATCHDOG=1"))

    # SIGTERM/SIGINT stop the board; SIGHUP (`systemctl reload salesboard`) reads the source now,
    # for an admin who has just exported a fresh CSV. Handlers only post: the loop does the work.
    def on_signal(signum: int, _frame: object) -> None:
        loop.post("refresh" if signum == signal.SIGHUP else "quit")

    loop.on_message("quit", lambda _: loop.stop())
    loop.on_message("refresh", lambda _: poller.refresh())
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, on_signal)

    source = make_source(cfg, clock())
    poller = Poller.for_config(cfg, source, lambda s: loop.post("snapshot", s), clock=clock)
    try:
        with poller:
            sdnotify.notify("READY=1")
            loop.run(draw)
    finally:
        sdnotify.notify("STOPPING=1")
        screen.close()
    log.info("stopped after %d frames", loop.frames)
    return 0


def read_snapshot(cfg: Config, now: datetime) -> Snapshot:
    """One fetch for the command line (check, render, metrics), falling back to the cached data."""
    from sources.cache import cache_path
    from sources.poller import fetch_once
    from sources.registry import make_source
    return fetch_once(make_source(cfg, now), now, cache_path=cache_path(cfg), tz=cfg.timezone)


def render_to_png(cfg: Config, view: str, out: Path, size: tuple[int, int], rotation: int, now: datetime,
                  snapshot: Snapshot) -> None:
    init_pygame_headless()
    import pygame
    from display.kit import Kit
    from layouts.base import ViewContext
    from layouts.registry import render_view
    frame = render_view(view, ViewContext(snapshot, cfg, now), size, rotation, Kit(cfg.display.theme))
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(frame, str(out))
