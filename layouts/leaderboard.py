"""The leaderboard: the team against its plan, then every rep ranked, read from five metres.

The top of the board is celebrated (crown, gold ring, warm row); a rep behind pace gets an amber
"needs help" label and what it takes to catch up (the gap, and per working day), never red.

Geometry is designed at a 1080-pixel short side (see display.theme) and flows from the canvas:
landscape rows are two lines (name | bar | amount over deals | gap | status), portrait rows three
(name and amount, bar and percent, gap and status). Columns are fixed per frame, so every bar has
the same length and bars compare at a glance. Rows shrink to fit up to ~12 reps on a landscape
1080p screen; past that the top N are shown and a "+ K more" line says how many are not.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from display.kit import Kit, Painter
from display.theme import Colour, hex_colour
from layouts.base import ViewContext
from salesboard import formatting
from salesboard.i18n import t
from salesboard.metrics import Standing, Standings, is_stale, standings
from salesboard.periods import local

SEP = " · "


@dataclass(frozen=True, slots=True)
class Look:
    """How one standing is coloured and labelled."""

    colour: Colour
    label: str | None


def draw(surface: pygame.Surface, ctx: ViewContext, kit: Kit) -> None:
    cfg = ctx.config
    st = standings(ctx.snapshot, cfg, ctx.now, cfg.views.period)
    p = kit.painter(surface)
    surface.fill(p.theme.bg)
    tall = p.width < p.height
    bottom = _header_tall(p, ctx, st) if tall else _header_wide(p, ctx, st)
    m = _margin(p)
    area = pygame.Rect(m, bottom + p.px(18), p.width - 2 * m, p.height - bottom - p.px(18) - p.px(24))
    if not st.reps:
        _empty(p, ctx, area)
        return
    _rows(p, ctx, st, area, tall)


# ------------------------------------------------------------------------------ shared bits


def _margin(p: Painter) -> int:
    return p.px(44)


def _look(p: Painter, s: Standing, locale: str) -> Look:
    th = p.theme
    if s.plan is None:
        return Look(th.neutral, None)
    if s.percent is not None and s.percent >= 100:
        return Look(th.green, t(locale, "plan_done"))
    colour = {"leader": th.gold, "on_track": th.teal, "lagging": th.amber}[s.status]
    return Look(colour, t(locale, f"status.{s.status}"))


def _fraction(s: Standing, top_amount: float) -> tuple[float | None, float | None]:
    """(value, marker) for a bar: against the plan, or, with no plan, against the top of the board."""
    if s.plan:
        return (s.percent or 0.0) / 100, s.expected_percent / 100
    if s.plan is None and top_amount > 0:
        return s.won_amount / top_amount, None
    return (0.0, None) if s.plan is None else (1.0 if s.won_amount > 0 else 0.0, None)


def _gap_options(s: Standing, ctx: ViewContext, with_deals: bool) -> list[str]:
    """What to say under the bar, longest first; the first that fits is drawn."""
    loc, cur = ctx.config.locale, ctx.config.currency
    deals = t(loc, "deals_won", n=s.won_count)
    parts: list[list[str]] = []
    if s.gap:
        gap = t(loc, "gap", amount=formatting.money(s.gap, cur, loc))
        if s.needed_per_day:
            per_day = t(loc, "needed_per_day", amount=formatting.money(s.needed_per_day, cur, loc))
            parts.append([gap, per_day])
        parts.append([gap])
    if with_deals:
        options = [SEP.join([deals, *x]) for x in parts] + [deals]
    else:
        options = [SEP.join(x) for x in parts]
    return options or [""]


def _data_line(p: Painter, ctx: ViewContext) -> tuple[str, bool]:
    cfg, snap = ctx.config, ctx.snapshot
    if ctx.notice:
        return ctx.notice, True
    when, now = local(snap.data_time, cfg), local(ctx.now, cfg)
    # Not today's data: say which day, or "data as of 18:00" would pass for today's.
    time = formatting.clock(when) if when.date() == now.date() else formatting.day_and_clock(when, cfg.locale)
    if not is_stale(snap, cfg, now):
        return t(cfg.locale, "data_as_of", time=time), False
    key = "data_old" if snap.health.ok else "data_stale"
    return t(cfg.locale, key, time=time, age=formatting.age(now - when, cfg.locale)), True


def _titles(ctx: ViewContext, st: Standings) -> tuple[str, list[str]]:
    """The title, and subtitles longest first (the days left go first when room is short)."""
    cfg, loc = ctx.config, ctx.config.locale
    per = st.period
    period_name = t(loc, f"period.{per.kind}")
    dates = formatting.day(per.first_day, loc) if per.first_day == per.last_day else \
        f"{formatting.day(per.first_day, loc)} – {formatting.day(per.last_day, loc)}"
    days = [t(loc, "days_left", n=st.days_left)] if per.kind != "day" else []
    if cfg.team.name.strip():
        return cfg.team.name.strip(), [SEP.join([period_name, dates, *days]), SEP.join([period_name, dates])]
    return period_name, [SEP.join([dates, *days]), dates]


def _stale_pill(p: Painter, text: str, *, right: int, middle: int, max_width: int, align: str = "right") -> pygame.Rect:
    """The calm warning: amber on a quiet amber tint, with a dot; never a red alarm."""
    th = p.theme
    h = p.px(54)
    size = p.px(29)
    dot = p.px(14)
    inner = max_width - h - dot - p.px(12)
    text, size = p.fit(text, size, inner, "semibold", round(size * 0.8))
    w = min(max_width, p.width_of(text, size, "semibold") + dot + p.px(12) + h)
    rect = pygame.Rect(right - w if align == "right" else right, middle - h // 2, w, h)
    p.panel(rect, th.tint(th.amber, 0.18, th.band), h // 2, tag="stale")
    x = rect.x + h // 2
    p.panel(pygame.Rect(x, middle - dot // 2, dot, dot), th.amber, dot // 2, tag="stale")
    p.text(text, x=x + dot + p.px(12), middle=middle, size=size, weight="semibold", colour=th.amber, tag="stale")
    return rect


def _team_numbers(ctx: ViewContext, st: Standings) -> tuple[str, str]:
    loc, cur = ctx.config.locale, ctx.config.currency
    won = formatting.money(st.team.won_amount, cur, loc)
    if st.team.plan is None:
        return won, t(loc, "no_plan")
    return won, t(loc, "of_plan", amount=formatting.money(st.team.plan, cur, loc))


# ------------------------------------------------------------------------------ header


def _header_wide(p: Painter, ctx: ViewContext, st: Standings) -> int:
    th, loc = p.theme, ctx.config.locale
    m = _margin(p)
    title_size, sub_size, big, small = p.px(60), p.px(32), p.px(52), p.px(32)
    b1 = p.px(34) + p.cap(title_size, "bold")
    mid1 = b1 - p.cap(title_size, "bold") // 2
    mid2 = b1 + p.px(50) + p.cap(big, "bold") // 2
    bottom = mid2 + p.cap(big, "bold") // 2 + p.px(40)
    p.band(pygame.Rect(0, 0, p.width, bottom), th.band, th.line, max(1, p.px(2)), tag="header")

    # Line 1: title, period and dates; on the right, how fresh the data is.
    line, stale = _data_line(p, ctx)
    right = p.width - m
    if stale:
        status = _stale_pill(p, line, right=right, middle=mid1, max_width=round(p.width * 0.5))
    else:
        status = p.text(line, x=right, middle=mid1, size=p.px(30), colour=th.muted, align="right", tag="asof")
    title, subtitle = _titles(ctx, st)
    room = status.left - p.px(40) - m
    ink = p.text(title, x=m, baseline=b1, size=title_size, weight="bold", max_width=round(room * 0.55),
                 min_size=round(title_size * 0.7), tag="title")
    sx = ink.right + p.px(26)
    _draw_fitting(p, subtitle, x=sx, middle=b1 - p.cap(sub_size) // 2, size=sub_size, colour=th.muted,
                  max_width=status.left - p.px(40) - sx, tag="subtitle")

    # Line 2: the team's money, its bar with the pace marker, the percent.
    won, of_plan = _team_numbers(ctx, st)
    look = _look(p, st.team, loc)
    b2 = mid2 + p.cap(big, "bold") // 2
    a = p.text(won, x=m, baseline=b2, size=big, weight="bold", max_width=round(p.width * 0.3), tag="team_won")
    b = p.text(of_plan, x=a.right + p.px(16), baseline=b2, size=small, colour=th.muted,
               max_width=round(p.width * 0.22), tag="team_plan")
    if st.team.plan is not None:
        pct = formatting.percent(st.team.percent, loc)
        pw = p.width_of("888" + pct[-2:], big, "bold")
        p.text(pct, x=right, baseline=b2, size=big, weight="bold", colour=look.colour, align="right",
               max_width=pw, tag="team_pct")
        x0 = b.right + p.px(44)
        x1 = right - pw - p.px(36)
        value, marker = _fraction(st.team, 0)
        p.bar(pygame.Rect(x0, mid2 - p.px(11), max(0, x1 - x0), p.px(22)), value, marker, fill=look.colour,
              over=th.lighter(th.green, 0.45), behind=th.band, tag="team")
    return bottom


def _header_tall(p: Painter, ctx: ViewContext, st: Standings) -> int:
    th, loc = p.theme, ctx.config.locale
    m = _margin(p)
    right = p.width - m
    title_size, sub_size, big, small = p.px(60), p.px(32), p.px(56), p.px(32)
    line, stale = _data_line(p, ctx)
    title, subtitle = _titles(ctx, st)

    b1 = p.px(40) + p.cap(title_size, "bold")
    mid1 = b1 - p.cap(title_size, "bold") // 2
    b_sub = b1 + p.px(28) + p.cap(sub_size)
    y = b_sub + p.px(24)
    mid_stale = y + p.px(27) if stale else y
    if stale:
        y += p.px(54) + p.px(24)
    b2 = y + p.px(14) + p.cap(big, "bold")
    mid2 = b2 - p.cap(big, "bold") // 2
    bar_mid = b2 + p.px(44)
    bottom = bar_mid + p.px(52)
    p.band(pygame.Rect(0, 0, p.width, bottom), th.band, th.line, max(1, p.px(2)), tag="header")

    if stale:
        _stale_pill(p, line, right=m, middle=mid_stale, max_width=p.width - 2 * m, align="left")
        status_left = right
    else:
        status_left = p.text(line, x=right, middle=mid1, size=p.px(28), colour=th.muted, align="right",
                             tag="asof").left
    p.text(title, x=m, baseline=b1, size=title_size, weight="bold", max_width=status_left - p.px(32) - m,
           min_size=round(title_size * 0.7), tag="title")
    _draw_fitting(p, subtitle, x=m, middle=b_sub - p.cap(sub_size) // 2, size=sub_size, colour=th.muted,
                  max_width=p.width - 2 * m, tag="subtitle")

    won, of_plan = _team_numbers(ctx, st)
    look = _look(p, st.team, loc)
    pct = formatting.percent(st.team.percent, loc)
    pw = p.width_of("888" + pct[-2:], big, "bold")
    a = p.text(won, x=m, baseline=b2, size=big, weight="bold", max_width=round((p.width - 2 * m - pw) * 0.6),
               tag="team_won")
    p.text(of_plan, x=a.right + p.px(16), baseline=b2, size=small, colour=th.muted,
           max_width=right - pw - p.px(24) - a.right - p.px(16), tag="team_plan")
    if st.team.plan is not None:
        p.text(pct, x=right, baseline=b2, size=big, weight="bold", colour=look.colour, align="right",
               max_width=pw, tag="team_pct")
        value, marker = _fraction(st.team, 0)
        p.bar(pygame.Rect(m, bar_mid - p.px(12), p.width - 2 * m, p.px(24)), value, marker, fill=look.colour,
              over=th.lighter(th.green, 0.45), behind=th.band, tag="team")
    return bottom


# ------------------------------------------------------------------------------ rows


def _rows(p: Painter, ctx: ViewContext, st: Standings, area: pygame.Rect, tall: bool) -> None:
    reps = list(st.reps)
    n = len(reps)
    # A small team gets bigger rows (read from across the room), not empty space below them.
    pitch_max, pitch_min = (p.px(204), p.px(118)) if tall else (p.px(160), p.px(64))
    more_h = p.px(46)
    pitch = area.h / n
    shown = n
    if pitch < pitch_min:
        shown = max(1, int((area.h - more_h) // pitch_min))
        pitch = (area.h - more_h) / shown
    pitch = min(pitch, pitch_max)
    gap = max(2, round(pitch * 0.09))
    h = round(pitch) - gap
    visible = reps[:shown]
    top_amount = max((s.won_amount for s in reps), default=0.0)
    labels = [lbl for s in visible if (lbl := _look(p, s, ctx.config.locale).label)]
    cols = None if tall else _wide_columns(p, area, h, ctx, labels)
    for i, s in enumerate(visible):
        rect = pygame.Rect(area.x, area.y + round(i * pitch), area.w, h)
        if tall:
            _row_tall(p, ctx, s, rect, top_amount)
        else:
            assert cols is not None
            _row_wide(p, ctx, s, rect, top_amount, cols)
    if shown < n:
        y = area.y + round(shown * pitch) + (more_h - gap) // 2
        p.text(t(ctx.config.locale, "more", n=n - shown), x=area.centerx, middle=min(y, area.bottom - p.px(16)),
               size=p.px(30), colour=p.theme.muted, align="center", tag="more")


def _is_top(s: Standing) -> bool:
    """Crowned: first place with something won (on Monday at 9:05 everyone ties at zero)."""
    return s.rank == 1 and s.won_amount > 0


def _card(p: Painter, s: Standing, rect: pygame.Rect) -> Colour:
    """The row's background; the top of the board gets a gold edge. Returns the inner colour."""
    th = p.theme
    radius = p.px(16)
    if not _is_top(s):
        p.panel(rect, th.card, radius, tag=f"row:{s.key}")
        return th.card
    edge = max(2, p.px(3))
    inner = th.tint(th.gold, 0.08)
    p.panel(rect, th.tint(th.gold, 0.75), radius, tag=f"row:{s.key}")
    p.panel(rect.inflate(-2 * edge, -2 * edge), inner, radius - edge, tag=f"row:{s.key}")
    return inner


def _avatar_room(d: int) -> tuple[int, int, int]:
    """(ring width, ring gap, total width) of an avatar `d` across; the room is kept on every row,
    ringed or not, so the names line up."""
    ring = max(2, round(d * 0.05))
    gap = max(1, round(d * 0.035))
    return ring, gap, d + 2 * (ring + gap)


def _rank_and_avatar(p: Painter, ctx: ViewContext, s: Standing, rect: pygame.Rect, mid: int, rank_w: int,
                     d: int, bg: Colour) -> int:
    """Rank (a crown for the top), then the avatar; returns the x where the text may start."""
    th = p.theme
    pad = p.px(20)
    cx = rect.x + pad + rank_w // 2
    if _is_top(s):
        p.crown((cx, mid), round(rank_w * 0.82), th.gold, tag=f"crown:{s.key}")
    else:
        size = round(rank_w * 0.62)
        p.text(str(s.rank), x=cx, middle=mid, size=size, weight="bold", colour=th.muted, align="center",
               max_width=rank_w, tag=f"rank:{s.key}")
    ring, ring_gap, room = _avatar_room(d)
    ax = rect.x + pad + rank_w + p.px(14) + room // 2
    photo = ctx.config.resolve(s.photo) if s.photo else None
    colour = hex_colour(s.color) if s.color else None
    p.avatar((ax, mid), d, name=s.name, colour=colour, photo=photo, ring=th.gold if _is_top(s) else None,
             ring_width=ring, ring_gap=ring_gap, behind=bg, tag=f"avatar:{s.key}")
    return rect.x + pad + rank_w + p.px(14) + room + p.px(22)


def _name_options(name: str) -> list[str]:
    """A name, then the same with the surname cut to an initial ("Константин К."), for tight spots."""
    words = name.split()
    if len(words) >= 2 and len(words[-1]) > 2:
        return [name, " ".join(words[:-1]) + f" {words[-1][0]}."]
    return [name]


def _draw_fitting(p: Painter, options: list[str], *, x: int, middle: int, size: int, max_width: int,
                  weight: str = "regular", colour: Colour | None = None, align: str = "left",
                  floor: float = 0.85, tag: str = "") -> pygame.Rect:
    """Draw the first option that fits at full size; failing that, the last one shrunk or cut."""
    text = next((o for o in options if p.width_of(o, size, weight) <= max_width), None)
    if text is None:
        text = options[-1]
    return p.text(text, x=x, middle=middle, size=size, weight=weight, colour=colour, align=align,
                  max_width=max_width, min_size=round(size * floor), tag=tag)


@dataclass(frozen=True, slots=True)
class _WideCols:
    compact: bool  # one line per row (many reps)
    name: int  # font sizes
    sub: int
    pct_size: int
    rank_w: int
    avatar: int
    name_x: int
    name_w: int
    deals_right: int  # compact only: the deals count's own column
    bar_x: int
    bar_w: int
    pct_right: int
    pct_w: int
    amount_right: int
    amount_w: int
    pill_h: int
    pill_size: int
    pill_w: int  # compact only: the widest label, so the amounts line up


def _wide_columns(p: Painter, area: pygame.Rect, h: int, ctx: ViewContext, labels: list[str]) -> _WideCols:
    loc = ctx.config.locale
    compact = h < p.px(82)
    if compact:
        name, sub = min(p.px(40), round(h * 0.5)), min(p.px(30), round(h * 0.38))
        pill_h, pill_size = round(h * 0.56), round(h * 0.34)
        rank_w, d = round(h * 0.6), round(h * 0.74)
    else:
        name, sub = min(p.px(60), round(h * 0.42)), min(p.px(36), round(h * 0.29))
        pill_h, pill_size = max(p.px(24), round(h * 0.38)), min(p.px(34), round(h * 0.27))
        rank_w, d = round(h * 0.56), round(h * 0.66)
    pad = p.px(20)
    name_x = area.x + pad + rank_w + p.px(14) + _avatar_room(d)[2] + p.px(22)
    amount_w = round(area.w * 0.13)
    pct_size = round(name * 0.92)
    pct_w = p.width_of("888" + formatting.percent(0, loc)[-2:], pct_size, "bold")
    pill_w = max((p.pill_width(lbl, pill_size, pill_h) for lbl in labels), default=0) if compact else 0
    amount_right = area.right - pad - (pill_w + p.px(24) if pill_w else 0)
    pct_right = amount_right - amount_w - p.px(28)
    if compact:
        name_w = round(area.w * 0.2)
        deals_w = p.width_of(t(loc, "deals_won", n=888), sub)
        deals_right = name_x + name_w + p.px(20) + deals_w
        bar_x = deals_right + p.px(30)
    else:
        name_w = round(area.w * 0.24)
        deals_right = 0
        bar_x = name_x + name_w + p.px(30)
    bar_w = max(p.px(60), pct_right - pct_w - p.px(26) - bar_x)
    return _WideCols(compact, name, sub, pct_size, rank_w, d, name_x, name_w, deals_right, bar_x, bar_w,
                     pct_right, pct_w, amount_right, amount_w, pill_h, pill_size, pill_w)


def _row_wide(p: Painter, ctx: ViewContext, s: Standing, rect: pygame.Rect, top_amount: float,
              c: _WideCols) -> None:
    th, loc, cur = p.theme, ctx.config.locale, ctx.config.currency
    h = rect.h
    bg = _card(p, s, rect)
    mid = rect.centery
    mid1 = mid if c.compact else rect.y + round(h * 0.36)
    mid2 = mid if c.compact else rect.y + round(h * 0.73)
    _rank_and_avatar(p, ctx, s, rect, mid, c.rank_w, c.avatar, bg)
    look = _look(p, s, loc)

    _draw_fitting(p, _name_options(s.name), x=c.name_x, middle=mid1, size=c.name, weight="semibold",
                  max_width=c.name_w, tag=f"name:{s.key}")
    deals = t(loc, "deals_won", n=s.won_count)
    if c.compact:
        p.text(deals, x=c.deals_right, middle=mid, size=c.sub, colour=th.muted, align="right",
               max_width=c.deals_right - c.name_x - c.name_w - p.px(20), tag=f"deals:{s.key}")
    else:
        p.text(deals, x=c.name_x, middle=mid2, size=c.sub, colour=th.muted, max_width=c.name_w,
               tag=f"deals:{s.key}")

    value, marker = _fraction(s, top_amount)
    bh = max(p.px(10), round(h * (0.2 if c.compact else 0.15)))
    p.bar(pygame.Rect(c.bar_x, mid1 - bh // 2, c.bar_w, bh), value, marker, fill=look.colour,
          over=th.lighter(th.green, 0.45), behind=bg, tag=f"bar:{s.key}")
    p.text(formatting.percent(s.percent, loc), x=c.pct_right, middle=mid1, size=c.pct_size, weight="bold",
           colour=look.colour if s.plan else th.muted, align="right", max_width=c.pct_w, tag=f"pct:{s.key}")
    p.text(formatting.money(s.won_amount, cur, loc), x=c.amount_right, middle=mid1, size=c.name, weight="bold",
           align="right", max_width=c.amount_w, min_size=round(c.name * 0.7), tag=f"amount:{s.key}")

    limit = c.pct_right
    if look.label:
        pw = p.pill_width(look.label, c.pill_size, c.pill_h)
        right = rect.right - p.px(20)
        pr = pygame.Rect(right - pw, mid2 - c.pill_h // 2, pw, c.pill_h)
        p.pill(look.label, rect=pr, size=c.pill_size, fg=look.colour, bg=th.tint(look.colour, 0.2, bg),
               tag=f"status:{s.key}")
        limit = min(limit, pr.left - p.px(24))
    if not c.compact:
        _draw_fitting(p, _gap_options(s, ctx, with_deals=False), x=c.bar_x, middle=mid2, size=c.sub,
                      max_width=limit - c.bar_x, colour=th.muted,
                      tag=f"gap:{s.key}")


def _row_tall(p: Painter, ctx: ViewContext, s: Standing, rect: pygame.Rect, top_amount: float) -> None:
    th, loc, cur = p.theme, ctx.config.locale, ctx.config.currency
    h = rect.h
    name = min(p.px(48), round(h * 0.26))
    sub = min(p.px(30), round(h * 0.175))
    rank_w = min(p.px(62), round(h * 0.34))
    d = min(p.px(112), round(h * 0.5))
    bg = _card(p, s, rect)
    mid1 = rect.y + round(h * 0.25)
    mid2 = rect.y + round(h * 0.52)
    mid3 = rect.y + round(h * 0.78)
    x0 = _rank_and_avatar(p, ctx, s, rect, rect.centery, rank_w, d, bg)
    x1 = rect.right - p.px(24)
    look = _look(p, s, loc)

    amount = p.text(formatting.money(s.won_amount, cur, loc), x=x1, middle=mid1, size=name, weight="bold",
                    align="right", max_width=round((x1 - x0) * 0.45), min_size=round(name * 0.7),
                    tag=f"amount:{s.key}")
    _draw_fitting(p, _name_options(s.name), x=x0, middle=mid1, size=name, weight="semibold",
                  max_width=amount.left - p.px(24) - x0, tag=f"name:{s.key}")

    pct_size = round(name * 0.85)
    pct_w = p.width_of("888" + formatting.percent(0, loc)[-2:], pct_size, "bold")
    p.text(formatting.percent(s.percent, loc), x=x1, middle=mid2, size=pct_size, weight="bold",
           colour=look.colour if s.plan else th.muted, align="right", max_width=pct_w, tag=f"pct:{s.key}")
    value, marker = _fraction(s, top_amount)
    bh = max(p.px(12), round(h * 0.1))
    p.bar(pygame.Rect(x0, mid2 - bh // 2, x1 - pct_w - p.px(24) - x0, bh), value, marker, fill=look.colour,
          over=th.lighter(th.green, 0.45), behind=bg, tag=f"bar:{s.key}")

    limit = x1
    if look.label:
        ph = max(p.px(24), round(h * 0.22))
        ps = min(p.px(28), round(h * 0.155))
        pw = p.pill_width(look.label, ps, ph)
        pr = pygame.Rect(x1 - pw, mid3 - ph // 2, pw, ph)
        p.pill(look.label, rect=pr, size=ps, fg=look.colour, bg=th.tint(look.colour, 0.2, bg), tag=f"status:{s.key}")
        limit = pr.left - p.px(20)
    _draw_fitting(p, _gap_options(s, ctx, with_deals=True), x=x0, middle=mid3, size=sub, max_width=limit - x0,
                  colour=th.muted, tag=f"gap:{s.key}")


# ------------------------------------------------------------------------------ empty


def _empty(p: Painter, ctx: ViewContext, area: pygame.Rect) -> None:
    th, loc = p.theme, ctx.config.locale
    size = p.px(72)
    p.text(t(loc, "no_data"), x=area.centerx, middle=area.centery - p.px(24), size=size, weight="semibold",
           colour=th.muted, align="center", max_width=area.w, tag="no_data")
    health = ctx.snapshot.health
    if not health.ok and health.message:
        p.text(health.message, x=area.centerx, middle=area.centery + p.px(56), size=p.px(32), colour=th.muted,
               align="center", max_width=area.w, tag="no_data_reason")
