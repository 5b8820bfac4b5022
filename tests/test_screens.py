"""The leaderboard on real pixels, at every size and rotation the wall may have.

The layout records what it drew (kit.marks: kind, rect, tag in logical canvas pixels). The tests
check the geometry (on screen, no text on top of text, bars or faces) and then look at the output
pixels inside those rects, mapped through the rotation, so the record cannot lie about the picture.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "disk")

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pygame
import pytest

from display.kit import Kit, Mark
from display.rotation import logical_size, map_rect
from layouts.base import ViewContext
from layouts.registry import VIEWS, render_view
from salesboard.config import parse_config
from salesboard.errors import RenderError
from salesboard.i18n import t
from salesboard.model import Deal, Rep, Snapshot, SourceHealth

TZ = ZoneInfo("Europe/Moscow")
NOW = datetime(2026, 11, 18, 15, 40, tzinfo=TZ)  # a Wednesday, 60 % of November's working time gone
LONG = "Константин Константинопольский"
TEAM = [  # name, plan, won amounts this month
    ("Анна Смирнова", 1_800_000, [900_000, 800_000, 780_000]),
    ("Дмитрий Волков", 1_600_000, [1_000_000, 500_000]),
    (LONG, 1_500_000, [700_000, 500_000]),
    ("Ольга Кузнецова", 1_400_000, [600_000, 300_000]),
    ("Сергей Павлов", 1_400_000, [500_000, 250_000]),
    ("Мария Лебедева", 1_200_000, [400_000]),
    ("Игорь Соколов", 1_200_000, [250_000]),
    ("Екатерина Новикова", 1_000_000, []),
]
SIZES = [(1920, 1080), (1280, 720), (3840, 2160)]


def config(members=TEAM, *, plans=True, theme="dark", locale="ru", name="Отдел продаж", photos=None):
    lines = [f"locale: {locale}", "display:", f"  theme: {theme}", "team:", f'  name: "{name}"', "  members:"]
    for who, plan, _ in members:
        lines.append(f'    - name: "{who}"')
        if photos and who in photos:
            lines.append(f'      photo: "{photos[who]}"')
        if plans:
            lines.append(f"      plan: {plan}")
    if not members:
        lines[-1] = "  members: []"
    return parse_config("\n".join(lines) + "\n")


def snapshot(members=TEAM, *, ok=True, age=None):
    """Deals of `members`; fresh data (a minute old) unless the source failed three hours ago."""
    age = age if age is not None else (timedelta(minutes=1) if ok else timedelta(hours=3))
    deals = [Deal(f"{i}-{j}", "сделка", who, amount, "RUB", "Сделка успешна", "won",
                  closed=NOW - timedelta(days=1 + j, hours=i))
             for i, (who, _, amounts) in enumerate(members) for j, amount in enumerate(amounts)]
    health = SourceHealth(ok=ok, message="" if ok else "CRM не отвечает", last_success=NOW - age)
    return Snapshot(tuple(deals), tuple(Rep(who, who) for who, _, _ in members),
                    fetched_at=NOW - timedelta(minutes=1), source="test", health=health)


@pytest.fixture(scope="module")
def kit():
    pygame.font.init()
    return Kit("dark")


def render(kit, ctx, size=(1920, 1080), rotation=0):
    return render_view("leaderboard", ctx, size, rotation, kit)


def marks(kit, kind=None, prefix=""):
    return [m for m in kit.marks if (kind is None or m.kind == kind) and m.tag.startswith(prefix)]


def one(kit, tag) -> Mark:
    found = [m for m in kit.marks if m.tag == tag and m.kind in ("text", "bar")]
    assert len(found) == 1, (tag, found)
    return found[0]


def share_of(surface, rect, colour, tolerance=6) -> float:
    """How much of `rect` (on the output surface) is `colour`: real pixels, not the record."""
    sub = surface.subsurface(rect.clip(surface.get_rect()))
    mask = pygame.mask.from_threshold(sub, colour, (tolerance, tolerance, tolerance, 255))
    return mask.count() / max(1, rect.w * rect.h)


def check_geometry(kit, canvas):
    screen = pygame.Rect((0, 0), canvas)
    for m in kit.marks:
        assert screen.contains(m.rect), f"{m.kind} {m.tag} {m.text!r} {m.rect} is off the {canvas} canvas"
    texts = marks(kit, "text")
    solid = [m for m in kit.marks if m.kind in ("bar", "avatar", "shape")]
    for i, a in enumerate(texts):
        for b in texts[i + 1:] + solid:
            assert not a.rect.colliderect(b.rect), f"{a.text!r} {a.rect} overlaps {b.kind} {b.tag} {b.rect}"


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_size_and_rotation(kit, size, rotation, tmp_path):
    ctx = ViewContext(snapshot(), config(), NOW)
    out = render(kit, ctx, size, rotation)
    pygame.image.save(out, str(tmp_path / f"board_{size[0]}x{size[1]}_{rotation}.png"))
    assert out.get_size() == size
    canvas = logical_size(size, rotation)
    check_geometry(kit, canvas)

    # Every rep is there with name, amount, percent and a bar; the long name fitted.
    for who, _, _ in TEAM:
        for part in ("name", "amount", "pct", "bar"):
            one(kit, f"{part}:{who}")
    assert one(kit, f"name:{LONG}").text in (LONG, "Константин К.") or one(kit, f"name:{LONG}").text.endswith("…")

    # The leader's bar is longer than the last rep's, in the record and on the screen.
    first, last = one(kit, f"bar:{TEAM[0][0]}"), one(kit, f"bar:{TEAM[-1][0]}")
    assert first.bar.fill.w > last.bar.fill.w == 0
    for m in marks(kit, "bar"):
        if m.bar.fill.w > 4 * m.bar.track.h:
            core = m.bar.fill.inflate(-2 * m.bar.track.h, -m.bar.track.h // 2)  # past the round ends
            assert share_of(out, map_rect(core, canvas, rotation), m.colour) > 0.75, m.tag
    crown = marks(kit, "shape", "crown:")
    assert [m.tag for m in crown] == [f"crown:{TEAM[0][0]}"]  # the top of the board is celebrated
    assert share_of(out, map_rect(crown[0].rect, canvas, rotation), kit.theme.gold) > 0.2


def test_text_is_cached_between_frames(kit):
    ctx = ViewContext(snapshot(), config(), NOW)
    render(kit, ctx)
    misses = kit.text.misses
    render(kit, ctx)
    assert kit.text.misses == misses  # a redraw with the same data renders no text


def test_stale_data_shows_a_calm_amber_banner(kit, tmp_path):
    fresh = render(kit, ViewContext(snapshot(), config(), NOW))
    header = next(m for m in kit.marks if m.tag == "header").rect
    assert one(kit, "asof").text == t("ru", "data_as_of", time="15:39")
    assert not marks(kit, prefix="stale")
    stale = render(kit, ViewContext(snapshot(ok=False), config(), NOW))
    pygame.image.save(stale, str(tmp_path / "stale.png"))
    label = [m for m in marks(kit, "text", "stale")]
    assert len(label) == 1 and "3" in label[0].text and "12:40" in label[0].text
    assert header.contains(label[0].rect)
    amber = kit.theme.amber
    assert share_of(stale, header, amber) > 0.002  # amber in the header...
    assert share_of(fresh, header, amber) == 0  # ...that was not there while the data was fresh


def test_portrait_has_its_own_layout_and_rotates_exactly(kit, tmp_path):
    ctx = ViewContext(snapshot(), config(), NOW)
    land = render(kit, ctx, (1920, 1080), 0)
    land_name = one(kit, f"name:{TEAM[0][0]}").rect
    land_amount = one(kit, f"amount:{TEAM[0][0]}").rect
    port = render(kit, ctx, (1920, 1080), 90)
    pygame.image.save(port, str(tmp_path / "portrait.png"))
    port_name = one(kit, f"name:{TEAM[0][0]}").rect
    port_amount = one(kit, f"amount:{TEAM[0][0]}").rect
    assert port.get_size() == land.get_size() == (1920, 1080)
    # Landscape puts the bar between name and amount; portrait puts name and amount on one line, bar below.
    assert one(kit, f"bar:{TEAM[0][0]}").rect.top > port_name.bottom
    assert land_amount.left - land_name.right > 600
    assert abs(port_amount.centery - port_name.centery) < port_name.h
    # Turning the output back gives exactly the upright 1080x1920 board.
    upright = render(kit, ctx, (1080, 1920), 0)
    back = pygame.transform.rotate(port, -90)
    assert back.get_size() == (1080, 1920)
    diff = pygame.mask.from_threshold(back, (0, 0, 0), (1, 1, 1, 255), upright, 1)
    assert pygame.image.tobytes(back, "RGB") == pygame.image.tobytes(upright, "RGB"), diff.count()


def test_no_reps_says_so_calmly(kit, tmp_path):
    out = render(kit, ViewContext(snapshot([]), config([]), NOW))
    pygame.image.save(out, str(tmp_path / "empty.png"))
    msg = one(kit, "no_data")
    assert msg.text == t("ru", "no_data")
    assert share_of(out, msg.rect, kit.theme.muted, 8) > 0.1
    assert not marks(kit, "bar", "bar:")
    check_geometry(kit, (1920, 1080))


def test_many_reps_show_the_top_and_a_more_line(kit, tmp_path):
    team = [(f"Сотрудник {i:02d} Продажников", 1_000_000, [50_000 * (20 - i)]) for i in range(20)]
    twelve = team[:12]
    render(kit, ViewContext(snapshot(twelve), config(twelve), NOW))
    assert len(marks(kit, "bar", "bar:")) == 12 and not marks(kit, "text", "more")
    check_geometry(kit, (1920, 1080))
    out = render(kit, ViewContext(snapshot(team), config(team), NOW), (1280, 720))
    pygame.image.save(out, str(tmp_path / "twenty.png"))
    shown = len(marks(kit, "bar", "bar:"))
    assert 10 <= shown < 20
    assert one(kit, "more").text == t("ru", "more", n=20 - shown)
    check_geometry(kit, (1280, 720))


def test_reps_without_a_plan_get_a_bar_but_no_percent(kit):
    render(kit, ViewContext(snapshot(), config(plans=False, name=""), NOW))
    check_geometry(kit, (1920, 1080))
    assert one(kit, f"pct:{TEAM[0][0]}").text == "—"
    bars = [m.bar for m in marks(kit, "bar", "bar:")]
    assert all(b.marker is None for b in bars)
    assert bars[0].fill.w == bars[0].track.w  # relative to the top of the board
    assert one(kit, "title").text == t("ru", "period.month")


def test_lagging_reps_are_told_what_it_takes(kit):
    render(kit, ViewContext(snapshot(), config(), NOW))
    last = TEAM[-1][0]
    status = [m for m in marks(kit, "text", f"status:{last}")]
    assert status[0].text == t("ru", "status.lagging")
    assert one(kit, f"gap:{last}").text.startswith(t("ru", "gap", amount="1 000 000 ₽".replace(" ", "\u00a0")))


def test_light_theme_and_english(tmp_path):
    kit = Kit("light")
    out = render(kit, ViewContext(snapshot(ok=False), config(theme="light", locale="en"), NOW), (1280, 720), 270)
    pygame.image.save(out, str(tmp_path / "light.png"))
    assert out.get_size() == (1280, 720)
    check_geometry(kit, (720, 1280))
    assert out.get_at((640, 360))[:3] != (0, 0, 0)


def test_unknown_view_and_bad_arguments():
    kit = Kit("dark")
    ctx = ViewContext(snapshot(), config(), NOW)
    with pytest.raises(RenderError, match="leaderboard"):
        render_view("funnel-of-doom", ctx, (1920, 1080), 0, kit)
    with pytest.raises(RenderError):
        render_view("leaderboard", ctx, (1920, 1080), 45, kit)
    assert "leaderboard" in VIEWS


def test_nobody_is_crowned_for_nothing(kit):
    """Monday 9:05: everyone ties at zero, so nobody wears the crown."""
    zero = [(who, plan, []) for who, plan, _ in TEAM]
    render(kit, ViewContext(snapshot(zero), config(zero), NOW))
    assert not marks(kit, "shape", "crown:")
    assert {m.text for m in marks(kit, "text", "rank:")} == {"1"}
    check_geometry(kit, (1920, 1080))


def photo_file(path, size, colour):
    """A real image file on disk, one flat colour, to find again in the pixels."""
    img = pygame.Surface(size)
    img.fill(colour)
    pygame.image.save(img, str(path))
    return path


def test_a_configured_photo_is_shown_and_read_once(tmp_path):
    photo = photo_file(tmp_path / "olga.png", (120, 160), (10, 200, 180))
    kit = Kit("dark")
    who = TEAM[3][0]
    ctx = ViewContext(snapshot(), config(photos={who: photo.as_posix()}), NOW)
    for rotation in (0, 90):
        out = render(kit, ctx, (1920, 1080), rotation)
        face = next(m for m in kit.marks if m.tag == f"avatar:{who}").rect
        canvas = logical_size((1920, 1080), rotation)
        assert share_of(out, map_rect(face.inflate(-face.w // 2, -face.h // 2), canvas, rotation), (10, 200, 180)) > 0.9
    assert kit.images.loads == 1


def test_a_config_notice_takes_the_place_of_data_as_of(kit, tmp_path):
    notice = t("ru", "config_fallback", where=t("ru", "config_line", line=12))
    frame = render(kit, ViewContext(snapshot(), config(), NOW, notice))
    pygame.image.save(frame, str(tmp_path / "notice.png"))
    label = marks(kit, "text", "stale")
    assert len(label) == 1 and "config.yaml" in label[0].text and "12" in label[0].text
    assert not [m for m in kit.marks if m.tag == "asof"]
    header = next(m for m in kit.marks if m.tag == "header").rect
    assert share_of(frame, header, kit.theme.amber) > 0.002


def test_a_big_photo_is_kept_small_in_memory(tmp_path):
    photo = photo_file(tmp_path / "big.png", (2400, 1800), (200, 60, 90))
    kit = Kit("dark")
    kit.images.preload([photo])
    kept = kit.images.original(photo)
    assert kept is not None and max(kept.get_size()) <= 512 and kept.get_size() == (512, 384)
    who = TEAM[0][0]
    out = render(kit, ViewContext(snapshot(), config(photos={who: photo.as_posix()}), NOW))
    face = next(m for m in kit.marks if m.tag == f"avatar:{who}").rect
    assert share_of(out, face.inflate(-face.w // 2, -face.h // 2), (200, 60, 90)) > 0.9
    assert kit.images.loads == 1  # preloaded: the draw read nothing from disk


def test_old_data_is_shown_as_old_even_when_the_source_answers(kit):
    """A nightly export from two days ago, or a poller that hangs: the wall must not look current."""
    render(kit, ViewContext(snapshot(age=timedelta(hours=50)), config(), NOW))
    label = marks(kit, "text", "stale")
    assert len(label) == 1
    when = NOW - timedelta(hours=50)
    assert label[0].text == t("ru", "data_old", time=f"{when:%d.%m %H:%M}", age="2\u00a0дн. назад")
    render(kit, ViewContext(snapshot(age=timedelta(minutes=5)), config(), NOW))
    assert not marks(kit, "text", "stale") and one(kit, "asof").text == t("ru", "data_as_of", time="15:35")
