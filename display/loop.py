"""The event loop: sleep until something happens, redraw only when something changed.

A still board costs no CPU: the loop blocks in `pygame.event.wait` with a timeout and draws nothing
unless `invalidate()` was called. Other threads (the poller, gpiozero callbacks) never touch pygame
state: they call `post()`, which queues a user event (SDL's event queue is thread-safe).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import pygame

log = logging.getLogger("salesboard.display")

Handler = Callable[[pygame.event.Event], None]


class Loop:
    def __init__(self, *, max_sleep_s: float = 5.0) -> None:
        self._handlers: dict[int, list[Handler]] = {}
        self._dirty = True
        self._running = False
        self._max_sleep_ms = int(max_sleep_s * 1000)
        self._timers: list[tuple[float, float, Callable[[], None]]] = []  # (next_due, every, fn)
        self._user_type = pygame.event.custom_type()
        self._user_handlers: dict[str, Callable[[Any], None]] = {}
        self.frames = 0

    # ----------------------------------------------------------------- wiring

    def on(self, event_type: int, handler: Handler) -> None:
        self._handlers.setdefault(event_type, []).append(handler)

    def on_message(self, kind: str, handler: Callable[[Any], None]) -> None:
        """Handle `post(kind, payload)` calls (from any thread) in the main thread."""
        self._user_handlers[kind] = handler

    def every(self, seconds: float, fn: Callable[[], None]) -> None:
        """Call `fn` in the main thread every `seconds` (monotonic clock, no drift pile-up)."""
        self._timers.append((time.monotonic() + seconds, seconds, fn))

    def post(self, kind: str, payload: Any = None) -> None:
        """Thread-safe: queue a message for the main thread."""
        try:
            pygame.event.post(pygame.event.Event(self._user_type, kind=kind, payload=payload))
        except pygame.error as e:  # the display was closed while a thread was finishing
            log.debug("event dropped (%s): %s", kind, e)

    def invalidate(self) -> None:
        self._dirty = True

    def stop(self) -> None:
        self._running = False

    # ----------------------------------------------------------------- running

    def _run_due_timers(self) -> None:
        now = time.monotonic()
        for i, (due, every, fn) in enumerate(self._timers):
            if now >= due:
                self._timers[i] = (max(due + every, now), every, fn)
                fn()

    def _sleep_ms(self) -> int:
        if not self._timers:
            return self._max_sleep_ms
        wait = min(due for due, _, _ in self._timers) - time.monotonic()
        return max(1, min(self._max_sleep_ms, int(wait * 1000) + 1))

    def _dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.NOEVENT:
            return
        if event.type == self._user_type:
            handler = self._user_handlers.get(event.kind)
            if handler is not None:
                handler(event.payload)
            return
        for handler in self._handlers.get(event.type, ()):
            handler(event)

    def run(self, draw: Callable[[], None]) -> None:
        """Run until `stop()`. `draw()` is called only when the board is dirty."""
        self._running = True
        while self._running:
            if self._dirty:
                self._dirty = False
                draw()
                self.frames += 1
            event = pygame.event.wait(self._sleep_ms())
            self._dispatch(event)
            for more in pygame.event.get():
                self._dispatch(more)
            self._run_due_timers()
