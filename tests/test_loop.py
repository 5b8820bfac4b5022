"""The event loop draws only when something changed, and takes work from other threads safely."""

from __future__ import annotations

import threading

import pygame
import pytest

from display.loop import Loop


@pytest.fixture()
def display() -> object:
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    yield pygame.display.get_surface()
    pygame.display.quit()


def test_draws_once_then_only_when_invalidated(display: object) -> None:
    loop = Loop(input_poll_s=0.02)
    draws: list[int] = []
    ticks = {"n": 0}

    def tick() -> None:
        ticks["n"] += 1
        if ticks["n"] == 3:
            loop.invalidate()
        if ticks["n"] == 10:
            loop.stop()

    loop.every(0.005, tick)
    loop.run(lambda: draws.append(ticks["n"]))
    assert ticks["n"] == 10
    assert draws == [0, 3]  # the first frame, then the one invalidation: no drawing while idle
    assert loop.frames == 2


def test_messages_from_another_thread_run_in_the_main_thread(display: object) -> None:
    loop = Loop(input_poll_s=0.05)
    seen: list[tuple[object, bool]] = []
    main = threading.get_ident()

    def got(payload: object) -> None:
        seen.append((payload, threading.get_ident() == main))
        loop.stop()

    loop.on_message("snapshot", got)
    worker = threading.Thread(target=lambda: loop.post("snapshot", {"deals": 3}))
    worker.start()
    loop.run(lambda: None)
    worker.join()
    assert seen == [({"deals": 3}, True)]


def test_pygame_events_reach_handlers(display: object) -> None:
    loop = Loop(input_poll_s=0.05)
    keys: list[int] = []

    def on_key(event: pygame.event.Event) -> None:
        keys.append(event.key)
        loop.stop()

    loop.on(pygame.KEYDOWN, on_key)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT))
    loop.run(lambda: None)
    assert keys == [pygame.K_RIGHT]
