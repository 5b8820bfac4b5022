"""The event loop: sleep until something happens, redraw only when something changed.

A still board costs almost no CPU: the loop sleeps on a threading.Event and draws nothing unless
`invalidate()` was called. Other threads (the poller, gpiozero callbacks) never touch pygame: they
call `post()`, which puts the message in an inbox and wakes the loop at once.

Why not `pygame.event.wait(timeout)`: with the drivers a Pi kiosk uses (KMSDRM, and dummy when
headless) SDL has no blocking wait and polls every millisecond — measured at about 1 % of a desktop
core doing nothing. Here the loop wakes at most 10 times a second to pump SDL's input events (a key
press waits at most 100 ms) and otherwise sleeps until a message or a timer is due.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

import pygame

log = logging.getLogger("salesboard.display")

Handler = Callable[[pygame.event.Event], None]


class Loop:
    def __init__(self, *, input_poll_s: float = 0.1) -> None:
        self._handlers: dict[int, list[Handler]] = {}
        self._dirty = True
        self._running = False
        self._input_poll_s = input_poll_s
        self._timers: list[tuple[float, float, Callable[[], object]]] = []  # (next_due, every, fn)
        self._inbox: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._user_handlers: dict[str, Callable[[Any], None]] = {}
        self.frames = 0

    # ----------------------------------------------------------------- wiring

    def on(self, event_type: int, handler: Handler) -> None:
        self._handlers.setdefault(event_type, []).append(handler)

    def on_message(self, kind: str, handler: Callable[[Any], None]) -> None:
        """Handle `post(kind, payload)` calls (from any thread) in the main thread."""
        self._user_handlers[kind] = handler

    def every(self, seconds: float, fn: Callable[[], object]) -> None:
        """Call `fn` in the main thread every `seconds` (monotonic clock, no drift pile-up)."""
        self._timers.append((time.monotonic() + seconds, seconds, fn))

    def post(self, kind: str, payload: Any = None) -> None:
        """Thread-safe: queue a message for the main thread and wake it."""
        self._inbox.put((kind, payload))
        self._wake.set()

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

    def _sleep_s(self) -> float:
        if not self._timers:
            return self._input_poll_s
        wait = min(due for due, _, _ in self._timers) - time.monotonic()
        return max(0.0, min(self._input_poll_s, wait))

    def _drain_inbox(self) -> None:
        while True:
            try:
                kind, payload = self._inbox.get_nowait()
            except queue.Empty:
                return
            handler = self._user_handlers.get(kind)
            if handler is None:
                log.debug("no handler for message %r", kind)
            else:
                handler(payload)

    def _dispatch(self, event: pygame.event.Event) -> None:
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
            self._wake.wait(self._sleep_s())
            self._wake.clear()
            self._drain_inbox()
            for event in pygame.event.get():
                self._dispatch(event)
            self._run_due_timers()
