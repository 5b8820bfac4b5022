"""Which video driver the board picks, and that a headless board keeps a PNG of its screen."""

from __future__ import annotations

from pathlib import Path

import pygame

from display.screen import Screen, plan_screen, save_png_atomically
from salesboard import sdnotify


def test_no_screen_at_all_runs_headless() -> None:
    plan = plan_screen(None, env={}, drm_usable=False)
    assert plan.headless and plan.driver == "dummy"


def test_desktop_gets_a_window_unless_full_screen_is_asked() -> None:
    assert plan_screen(None, env={"DISPLAY": ":0"}, drm_usable=True) .fullscreen is False
    assert plan_screen(True, env={"WAYLAND_DISPLAY": "wayland-0"}, drm_usable=False).fullscreen is True
    assert plan_screen(None, env={"DISPLAY": ":0"}, drm_usable=False).headless is False


def test_pi_console_goes_full_screen_through_kmsdrm() -> None:
    plan = plan_screen(None, env={}, drm_usable=True)
    assert (plan.driver, plan.fullscreen, plan.headless) == ("kmsdrm", True, False)
    assert plan_screen(False, env={}, drm_usable=True).fullscreen is False


def test_admin_forced_driver_wins() -> None:
    assert plan_screen(None, env={"SDL_VIDEODRIVER": "dummy", "DISPLAY": ":0"}).headless
    plan = plan_screen(None, env={"SDL_VIDEODRIVER": "kmsdrm"}, drm_usable=False)
    assert (plan.driver, plan.fullscreen) == ("kmsdrm", True)


def test_headless_screen_writes_its_frames_to_png(tmp_path: Path) -> None:
    png = tmp_path / "var" / "screen.png"
    screen = Screen(plan_screen(None, env={}, drm_usable=False), (320, 200), png)
    try:
        frame = pygame.Surface((320, 200))
        frame.fill((10, 200, 30))
        screen.present(frame)
        saved = pygame.image.load(str(png))
        assert saved.get_size() == (320, 200)
        assert saved.get_at((160, 100))[:3] == (10, 200, 30)
        assert [p.name for p in png.parent.iterdir()] == ["screen.png"]  # no temp files left behind
    finally:
        screen.close()


def test_atomic_png_replaces_the_old_file(tmp_path: Path) -> None:
    pygame.display.init()
    try:
        png = tmp_path / "s.png"
        for colour in ((255, 0, 0), (0, 0, 255)):
            s = pygame.Surface((8, 8))
            s.fill(colour)
            save_png_atomically(s, png)
        assert pygame.image.load(str(png)).get_at((1, 1))[:3] == (0, 0, 255)
    finally:
        pygame.display.quit()


def test_sd_notify_sends_a_datagram(tmp_path: Path) -> None:
    import socket
    path = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(path)
        assert sdnotify.notify("READY=1", env={"NOTIFY_SOCKET": path}) is True
        assert server.recv(64) == b"READY=1"
    assert sdnotify.notify("READY=1", env={}) is False
    assert sdnotify.watchdog_interval({"WATCHDOG_USEC": "60000000"}) == 30.0
    assert sdnotify.watchdog_interval({}) is None


def test_a_desktop_that_does_not_answer_falls_back_to_headless(tmp_path: Path) -> None:
    # DISPLAY is set but SDL can only find an invisible driver (here the tests' dummy one): the
    # board must notice and keep its PNG, not draw into the void.
    png = tmp_path / "screen.png"
    screen = Screen(plan_screen(None, env={"DISPLAY": ":99"}, drm_usable=False), (200, 100), png)
    try:
        assert screen.headless and "fell back" in screen.plan.reason
        screen.present(pygame.Surface((200, 100)))
        assert png.exists()
    finally:
        screen.close()


def test_an_unwritable_picture_is_logged_once_and_the_board_goes_on(tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "notadir"
    blocker.write_text("a file where a folder should be")
    screen = Screen(plan_screen(None, env={}, drm_usable=False), (100, 80), blocker / "screen.png")
    try:
        for _ in range(3):
            screen.present(pygame.Surface((100, 80)))
        warnings = [r for r in caplog.records if "cannot write the screen picture" in r.getMessage()]
        assert len(warnings) == 1
    finally:
        screen.close()
