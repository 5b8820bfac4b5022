"""Every character the board can show exists in the font: no tofu boxes on the wall."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "disk")

from datetime import date, datetime, timedelta
from typing import Any

import pygame
import pygame.freetype
import pytest

from display.fonts import Fonts, coverage, font_file, missing_glyphs
from display.text import ELLIPSIS, TextCache
from salesboard import formatting
from salesboard.i18n import STRINGS

USED_WEIGHTS = ("regular", "semibold", "bold")
SYMBOLS = "₽$€₸№«»▲▼→—−–·…%" + "0123456789" + formatting.NBSP
RU_NAMES = ("Анна Смирнова", "Дмитрий Волков", "Константин Константинопольский", "Ольга Кузнецова",
            "Сергей Павлов", "Мария Лебедева", "Игорь Соколов", "Екатерина Новикова", "Наталья Фёдорова",
            "Артём Соловьёв", "Юлия Орлова", "Эльвира Щукина", "Жанна Цой", "Пётр Чижов", "Ярослав Хмельницкий")
EN_NAMES = ("James Smith", "Emily O'Brien", "Zoë Quinn", "Mark Jackson-Wright")


@pytest.fixture(scope="module", autouse=True)
def fonts_ready():
    pygame.font.init()
    yield


def _strings(obj: Any) -> list[str]:
    """Every string inside a constant: str, or tuples/lists/dicts of them."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in _strings(k) + _strings(v)]
    if isinstance(obj, (tuple, list, set, frozenset)):
        return [s for v in obj for s in _strings(v)]
    return []


def _demo_strings() -> list[str]:
    """The demo source's names, companies, stages, products, when it is there."""
    try:
        from sources import demo
    except Exception:  # pragma: no cover - the demo is written by someone else in parallel
        return []
    out: list[str] = []
    for name, value in vars(demo).items():
        if name.startswith("__") or callable(value) or isinstance(value, type(demo)):
            continue
        out += _strings(value)
    return out


def test_cmap_reader_agrees_with_freetype():
    """Our cmap reader and FreeType's own lookup tell the same story (pygame.font.metrics cannot)."""
    pygame.freetype.init()
    face = pygame.freetype.Font(str(font_file("regular")), 20)
    sample = "AzЖё₽№«»▲▼→—−\u00a0\u2009★₾֏中✓✔●◆"
    expected = {ch for ch, m in zip(sample, face.get_metrics(sample)) if m is None}
    assert missing_glyphs(sample) == expected
    assert {"★", "₾", "֏", "\u2009"} <= expected  # known gaps of Source Sans Pro


def test_space_and_minus_used_by_formatting_exist():
    for weight in USED_WEIGHTS:
        assert ord(formatting.NBSP) in coverage(weight)
        assert ord("−") in coverage(weight)
        assert missing_glyphs("\n\t", weight) == set()  # never drawn, never reported


@pytest.mark.parametrize("weight", USED_WEIGHTS)
def test_every_ui_string_is_in_the_font(weight):
    assert set(STRINGS["ru"]) == set(STRINGS["en"]), "ru and en must have the same keys"
    for locale, table in STRINGS.items():
        for key, text in table.items():
            assert missing_glyphs(text, weight) == set(), f"{locale}.{key}"


@pytest.mark.parametrize("weight", USED_WEIGHTS)
def test_every_number_money_and_date_format_is_in_the_font(weight):
    texts = [SYMBOLS]
    for locale in ("ru", "en"):
        for code in formatting.CURRENCY_SIGNS:
            texts += [formatting.money(v, code, locale) for v in (0, -1234.5, 1_250_000)]
            texts += [formatting.money_short(v, code, locale) for v in (950, 12_500, 3_400_000, 2e9)]
        texts += [formatting.percent(v, locale) for v in (None, 0, 12.5, 138)]
        texts += [formatting.day(date(2026, m, 28), locale) for m in range(1, 13)]
        texts += [formatting.age(timedelta(minutes=v), locale) for v in (5, 200, 5000)]
        texts.append(formatting.clock(datetime(2026, 11, 18, 9, 5)))
    for text in texts:
        assert missing_glyphs(text, weight) == set(), text


@pytest.mark.parametrize("weight", USED_WEIGHTS)
def test_names_are_in_the_font(weight):
    texts = list(RU_NAMES) + list(EN_NAMES) + _demo_strings()
    missing = {ch for text in texts for ch in missing_glyphs(text, weight)}
    assert missing == set()


def test_fonts_are_cached_by_weight_and_size():
    fonts = Fonts()
    a = fonts.get("bold", 40)
    assert fonts.get("bold", 40) is a
    assert fonts.get("bold", 41) is not a
    assert len(fonts) == 2
    with pytest.raises(ValueError):
        fonts.get("heavy", 40)


def test_text_is_rendered_once():
    cache = TextCache(Fonts(), capacity=4)
    first = cache.render("Анна", "regular", 30, (255, 255, 255))
    assert cache.render("Анна", "regular", 30, (255, 255, 255)) is first
    assert (cache.hits, cache.misses) == (1, 1)
    cache.render("Анна", "regular", 30, (0, 0, 0))  # another colour is another surface
    assert cache.misses == 2
    for i in range(6):
        cache.render(str(i), "regular", 30, (255, 255, 255))
    assert len(cache) == 4  # LRU bound holds


def test_text_cache_is_bounded_by_memory():
    cache = TextCache(Fonts(), capacity=1000, max_bytes=1_000_000)
    for i in range(60):
        cache.render(f"Строка номер {i}", "bold", 60, (255, 255, 255))
    assert 1 < len(cache) < 60 and cache.bytes <= 1_000_000


@pytest.mark.parametrize("width", [40, 120, 300, 800])
def test_fit_never_overflows(width):
    cache = TextCache(Fonts())
    name = "Константин Константинопольский"
    text, size = cache.fit(name, "semibold", 50, width, 40)
    assert cache.width(text, "semibold", size) <= width
    assert 40 <= size <= 50
    if text != name:
        assert text == "" or text.endswith(ELLIPSIS)


def test_fit_shrinks_before_it_cuts():
    cache = TextCache(Fonts())
    full = cache.width("Екатерина Новикова", "regular", 50)
    text, size = cache.fit("Екатерина Новикова", "regular", 50, round(full * 0.9), 40)
    assert text == "Екатерина Новикова" and size < 50
