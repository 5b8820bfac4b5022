"""The engine's parts on real pixels: rotation, bars, avatars and photos, colours."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "disk")

import pygame
import pytest

from display.kit import Kit
from display.rotation import logical_size, map_rect, to_output
from display.theme import DARK, LIGHT, contrast, unit_for
from display.widgets import initials, progress_bar

RED, GREEN, BLUE, GREY, WHITE, BLACK = (220, 40, 40), (40, 200, 90), (40, 90, 220), (60, 60, 60), \
    (255, 255, 255), (0, 0, 0)


@pytest.fixture(scope="module")
def kit():
    pygame.font.init()
    return Kit("dark")


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_rotation_maps_logical_rects_onto_the_output(rotation):
    physical = (320, 180)
    size = logical_size(physical, rotation)
    assert size == ((180, 320) if rotation in (90, 270) else (320, 180))
    canvas = pygame.Surface(size)
    canvas.fill(BLACK)
    top_left = pygame.Rect(10, 20, 40, 16)  # a mark near the logical top-left corner
    canvas.fill(RED, top_left)
    out = to_output(canvas, rotation)
    assert out.get_size() == physical
    where = map_rect(top_left, size, rotation)
    assert pygame.Rect((0, 0), physical).contains(where)
    red = pygame.mask.from_threshold(out, RED, (1, 1, 1, 255))
    assert red.count() == top_left.w * top_left.h
    assert red.get_bounding_rects() == [where]  # exactly there, and nowhere else


def test_turning_the_tv_clockwise_puts_the_logical_top_on_the_left_of_the_output():
    """rotation 90 = the TV turned a quarter clockwise: its left edge is now the top."""
    canvas = pygame.Surface((100, 200))
    canvas.fill(BLACK)
    canvas.fill(RED, (0, 0, 100, 10))  # the top of the picture
    out = to_output(canvas, 90)
    assert out.get_size() == (200, 100)
    assert out.get_at((2, 50))[:3] == RED and out.get_at((197, 50))[:3] == BLACK


def test_unknown_rotation_is_refused():
    with pytest.raises(ValueError):
        logical_size((100, 100), 45)


def _bar(value, marker, width=400):
    surf = pygame.Surface((width + 40, 60))
    surf.fill(BLACK)
    geo = progress_bar(surf, pygame.Rect(20, 20, width, 20), value, marker, fill=BLUE, track=GREY, over=GREEN,
                       marker_colour=WHITE, behind=BLACK)
    return surf, geo


def test_bar_fills_in_proportion_and_marks_the_pace():
    surf, geo = _bar(0.5, 0.25)
    assert abs(geo.fill.w - 200) <= 1 and geo.over is None and geo.goal is None
    assert surf.get_at((geo.fill.x + 150, geo.track.centery))[:3] == BLUE
    assert surf.get_at((geo.track.x + 300, geo.track.centery))[:3] == GREY
    assert geo.marker is not None and abs(geo.marker.centerx - 120) <= 2
    assert surf.get_at((geo.marker.centerx, geo.track.y - 3))[:3] == WHITE  # the tick stands out of the bar
    assert geo.bounds.contains(geo.track) and geo.bounds.contains(geo.marker)


def test_bar_beyond_the_goal_fills_and_shows_the_overflow():
    surf, geo = _bar(1.6, 0.5)
    assert geo.over is not None and geo.goal is not None
    assert abs(geo.goal.centerx - (20 + 400 / 1.6)) <= 2  # the goal sits at 1/1.6 of the bar
    assert surf.get_at((geo.over.centerx, geo.track.centery))[:3] == GREEN
    assert surf.get_at((geo.fill.x + 40, geo.track.centery))[:3] == BLUE
    assert surf.get_at((geo.track.right - 1, geo.track.y))[:3] != GREEN  # the right end stays round


def test_empty_and_missing_values_draw_only_the_track():
    for value in (0.0, None):
        surf, geo = _bar(value, None)
        assert geo.fill.w == 0 and geo.marker is None
        assert surf.get_at(geo.track.center)[:3] == GREY


def test_photo_is_loaded_once_and_drawn_as_a_circle(kit, tmp_path):
    photo = tmp_path / "anna.png"
    img = pygame.Surface((64, 80))
    img.fill(RED)
    pygame.image.save(img, str(photo))
    canvas = pygame.Surface((200, 200))
    for _ in range(3):
        canvas.fill(BLACK)
        p = kit.painter(canvas)
        p.avatar((100, 100), 80, name="Анна Смирнова", colour=None, photo=photo)
    assert kit.images.loads == 1
    assert canvas.get_at((100, 100))[:3] == RED
    assert canvas.get_at((64, 64))[:3] == BLACK  # the corner of the square is cut: a circle
    assert kit.marks[0].kind == "avatar" and kit.marks[0].rect == pygame.Rect(60, 60, 80, 80)


def test_missing_photo_falls_back_to_initials_once(kit, tmp_path):
    before = kit.images.loads
    canvas = pygame.Surface((200, 200))
    for _ in range(2):
        p = kit.painter(canvas)
        p.avatar((100, 100), 80, name="Игорь Соколов", colour=(52, 120, 220), photo=tmp_path / "nope.jpg")
    assert kit.images.loads == before + 1
    assert canvas.get_at((100, 70))[:3] == (52, 120, 220)


def test_initials_and_name_colours():
    assert initials("Анна Смирнова") == "АС"
    assert initials("Константин Константинопольский") == "КК"
    assert initials("мария") == "М" and initials("  ") == "?"
    assert DARK.name_colour("Анна Смирнова") == DARK.name_colour(" анна смирнова ")
    for theme in (DARK, LIGHT):
        for c in theme.avatar_palette:
            assert theme.text_on(c) == (255, 255, 255)  # initials are white on every avatar colour


def test_themes_read_from_across_the_room():
    for th in (DARK, LIGHT):
        assert contrast(th.text, th.bg) >= 12
        assert contrast(th.muted, th.card) >= 4.5
        for accent in (th.gold, th.green, th.teal, th.amber):
            assert contrast(accent, th.card) >= 2.8, (th.name, accent)


def test_scale_follows_the_short_side():
    assert unit_for((1920, 1080)) == unit_for((1080, 1920)) == 1.0
    assert unit_for((1280, 720)) == pytest.approx(2 / 3)
    assert unit_for((3840, 2160)) == 2.0
