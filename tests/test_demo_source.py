"""The demo source: a believable team that is the same every time and moves while you watch."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from salesboard.config import Config, parse_config
from salesboard.metrics import standings
from salesboard.model import Snapshot
from salesboard.periods import is_working_day, period_at, previous
from sources.base import Source
from sources.demo import _FIRST, _STAGES, DemoSource

MSK = ZoneInfo("Europe/Moscow")
# A Tuesday afternoon in the middle of a month: the board should show leaders and laggards.
START = datetime(2026, 3, 17, 15, 0, tzinfo=MSK)
PLAN = "team:\n  plan: 24000000\n"


def config(text: str = "") -> Config:
    return parse_config(text)


@pytest.fixture(scope="module")
def ru() -> DemoSource:
    return DemoSource(config(PLAN), START)


def won(snap: Snapshot) -> int:
    return sum(d.status == "won" for d in snap.deals)


# ----------------------------------------------------------------------------------------- contract


def test_is_a_source_and_builds_a_snapshot(ru: DemoSource) -> None:
    source: Source = ru
    snap = source.fetch(START)
    assert source.name == "demo"
    assert snap.source == "demo"
    assert snap.fetched_at == START
    assert snap.reps == ru.reps
    assert snap.deals and len({d.id for d in snap.deals}) == len(snap.deals)


def test_naive_now_is_local_time(ru: DemoSource) -> None:
    assert ru.fetch(START.replace(tzinfo=None)) == ru.fetch(START)


# ----------------------------------------------------------------------------------------- determinism


def test_same_settings_give_the_same_board() -> None:
    a, b = DemoSource(config(PLAN), START), DemoSource(config(PLAN), START)
    for later in (timedelta(0), timedelta(seconds=95), timedelta(hours=3), timedelta(days=2)):
        assert a.fetch(START + later) == b.fetch(START + later)


def test_the_answer_does_not_depend_on_earlier_fetches() -> None:
    """The poller moves forward, `--at` may jump back: both must see the same world."""
    a, b = DemoSource(config(), START), DemoSource(config(), START)
    for later in (timedelta(minutes=5), timedelta(days=1), timedelta(minutes=1), timedelta(hours=30)):
        a.fetch(START + later)
    for later in (timedelta(minutes=3), timedelta(hours=30), timedelta(days=1)):
        assert a.fetch(START + later) == b.fetch(START + later)


def test_the_seed_changes_the_world() -> None:
    a = DemoSource(config(), START).fetch(START)
    b = DemoSource(config("source:\n  demo:\n    seed: 8\n"), START).fetch(START)
    assert a.deals != b.deals


def test_history_comes_from_the_start_date_not_the_hour() -> None:
    morning = START.replace(hour=9, minute=30)
    early, late = DemoSource(config(), morning), DemoSource(config(), START)
    assert early.fetch(morning).deals == late.fetch(morning).deals
    assert early.fetch(START - timedelta(days=3)).deals == late.fetch(START - timedelta(days=3)).deals


# ----------------------------------------------------------------------------------------- the team


def test_eight_reps_with_russian_names_and_stable_keys(ru: DemoSource) -> None:
    en = DemoSource(config("locale: en\n"), START)
    assert len(ru.reps) == 8
    assert [r.key for r in ru.reps] == [f"demo-{i}" for i in range(1, 9)]
    assert [r.key for r in en.reps] == [r.key for r in ru.reps]
    for rep in ru.reps:
        assert re.fullmatch(r"[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё-]+", rep.name), rep.name
    for rep in en.reps:
        assert re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", rep.name), rep.name
    assert len({r.name for r in ru.reps}) == 8 and len({r.name for r in en.reps}) == 8


def test_the_team_is_the_same_people_on_any_day(ru: DemoSource) -> None:
    assert DemoSource(config(), START + timedelta(days=40)).reps == ru.reps


def test_russian_names_agree_in_gender() -> None:
    """Анна Смирнова, not Анна Смирнов; and the team is not all men."""
    male, female = set(_FIRST[("ru", "m")]), set(_FIRST[("ru", "f")])
    masculine = re.compile(r".*(ов|ев|ёв|ин|ын|ский|цкий)$")
    feminine = re.compile(r".*(ова|ева|ёва|ина|ына|ская|цкая)$")
    genders = Counter()
    for reps in (8, 30):
        for rep in DemoSource(config(f"source:\n  demo:\n    reps: {reps}\n"), START).reps:
            first, last = rep.name.split()
            assert first in male | female
            gender = "f" if first in female else "m"
            genders[gender] += 1
            if gender == "f":
                assert not masculine.fullmatch(last), rep.name
            else:
                assert not feminine.fullmatch(last), rep.name
    assert genders["f"] >= 4 and genders["m"] >= 4


@pytest.mark.parametrize("n", [1, 30])
def test_any_team_size_works(n: int) -> None:
    for locale in ("ru", "en"):
        src = DemoSource(config(f"locale: {locale}\nsource:\n  demo:\n    reps: {n}\n"), START)
        assert len(src.reps) == n and len({r.name for r in src.reps}) == n
        assert {d.rep for d in src.fetch(START + timedelta(minutes=10)).deals} == {r.key for r in src.reps}


# ----------------------------------------------------------------------------------------- history


def test_weeks_of_won_lost_and_open_deals(ru: DemoSource) -> None:
    snap = ru.fetch(START)
    assert any(d.status == "open" for d in snap.deals)
    for week in range(8):
        hi, lo = START - timedelta(weeks=week), START - timedelta(weeks=week + 1)
        closed = Counter(d.status for d in snap.deals if d.closed and lo < d.closed <= hi)
        assert closed["won"] >= 3 and closed["lost"] >= 3, (week, closed)


def test_times_are_consistent_and_never_in_the_future(ru: DemoSource) -> None:
    for now in (START - timedelta(days=20), START, START + timedelta(seconds=95), START + timedelta(days=1)):
        for d in ru.fetch(now).deals:
            assert d.created is not None and d.modified is not None
            assert d.created.tzinfo is not None and d.created.utcoffset() == now.utcoffset()
            assert d.created <= d.modified <= now
            if d.status == "open":
                assert d.closed is None
            else:
                assert d.closed is not None and d.created <= d.closed <= now and d.modified >= d.closed


def test_history_happens_in_working_hours(ru: DemoSource) -> None:
    cfg = config(PLAN)
    for d in ru.fetch(START).deals:
        for moment in (d.created, d.closed, d.modified):
            if moment is None:
                continue
            assert is_working_day(moment.date(), cfg), d
            assert cfg.working_hours.start <= moment.time() <= cfg.working_hours.end, d


@pytest.mark.parametrize("text", [
    "timezone: Asia/Novosibirsk\nworking_days: [mon, tue, wed, thu, fri, sat]\n"
    "working_hours:\n  start: \"10:00\"\n  end: \"19:30\"\nholidays: [2026-02-23, 2026-03-09]\n",
    "timezone: Europe/Berlin\nlocale: en\ncurrency: EUR\n",  # summer time starts on 29 March 2026
])
def test_any_calendar_is_respected(text: str) -> None:
    cfg = config(text)
    start = datetime(2026, 3, 27, 12, 0, tzinfo=cfg.timezone)
    src = DemoSource(cfg, start)
    now = start + timedelta(days=4)
    deals = src.fetch(now).deals
    assert len(deals) > 300
    for d in deals:
        assert d.created is not None and d.modified is not None and d.created <= d.modified <= now
        assert d.created.tzinfo is cfg.timezone
        # (timestamps: aware datetimes in one zone subtract as wall clocks, wrong across the DST switch)
        if d.created > start and d.closed and d.closed.timestamp() - d.created.timestamp() <= 360:
            continue  # a live repeat order: they come day and night
        for moment in (d.created, d.closed, d.modified):
            if moment is not None:
                assert is_working_day(moment.date(), cfg), d
                assert cfg.working_hours.start <= moment.time() <= cfg.working_hours.end, d


def test_deals_look_like_b2b_deals(ru: DemoSource) -> None:
    deals = ru.fetch(START).deals
    amounts = [d.amount for d in deals]
    assert all(a > 0 and a % 1000 == 0 for a in amounts)
    assert all(d.currency == "RUB" for d in deals)
    typical = sum(80_000 <= a <= 1_500_000 for a in amounts) / len(amounts)
    assert typical >= 0.8
    assert max(amounts) > 1_500_000  # a fat tail: somebody landed a whale
    for d in deals:
        assert re.fullmatch(r"(ООО|АО|ПАО) «[^»]+» — .+|ИП [А-ЯЁ][а-яё]+ [А-ЯЁ]\. [А-ЯЁ]\. — .+", d.title), d.title
    open_stages = {d.stage for d in deals if d.status == "open"}
    assert open_stages <= set(_STAGES["ru"]) and len(open_stages) >= 3
    assert {d.stage for d in deals if d.status == "won"} == {"Сделка успешна"}
    assert {d.stage for d in deals if d.status == "lost"} == {"Сделка провалена"}


def test_english_and_dollars() -> None:
    src = DemoSource(config("locale: en\ncurrency: USD\n"), START)
    deals = src.fetch(START).deals
    assert all(d.currency == "USD" and d.amount > 0 and d.amount % 10 == 0 for d in deals)
    amounts = sorted(d.amount for d in deals)
    assert 1_000 < amounts[len(amounts) // 2] < 10_000  # roubles / 90
    assert all(re.fullmatch(r"[\x20-\x7e]+ — [\x20-\x7e]+", d.title) for d in deals)
    assert {d.stage for d in deals if d.status == "open"} <= set(_STAGES["en"])


def test_locale_changes_words_not_numbers(ru: DemoSource) -> None:
    en = DemoSource(config(PLAN + "locale: en\n"), START)
    a, b = ru.fetch(START).deals, en.fetch(START).deals
    assert [(d.id, d.rep, d.amount, d.status, d.closed) for d in a] == \
           [(d.id, d.rep, d.amount, d.status, d.closed) for d in b]


# ----------------------------------------------------------------------------------------- leaders and laggards


def test_board_has_leaders_and_laggards_mid_month(ru: DemoSource) -> None:
    st = standings(ru.fetch(START), config(PLAN), START)
    statuses = Counter(s.status for s in st.reps)
    assert statuses["leader"] >= 1 and statuses["lagging"] >= 1, statuses
    assert 70 <= st.team.pace * 100 <= 130  # the team as a whole is about on plan


def test_a_whole_month_is_near_plan_with_stars_and_strugglers(ru: DemoSource) -> None:
    cfg = config(PLAN)
    last_month = previous(period_at("month", START, cfg), cfg)
    month_end = last_month.end - timedelta(seconds=1)
    st = standings(ru.fetch(START), cfg, month_end)
    assert 70 <= st.team.percent <= 120, st.team.percent
    percents = sorted(s.percent for s in st.reps)
    assert percents[-1] >= 115 and percents[0] <= 75, percents


def test_skill_decides_who_leads(ru: DemoSource) -> None:
    cfg = config(PLAN)
    last_month = previous(period_at("month", START, cfg), cfg)
    st = standings(ru.fetch(START), cfg, last_month.end - timedelta(seconds=1))
    by_skill = sorted(ru.reps, key=lambda r: ru.skill(r.key))
    rank = {s.key: s.rank for s in st.reps}
    assert rank[by_skill[-1].key] < rank[by_skill[0].key]


def test_leaders_and_laggards_in_dollars_too() -> None:
    cfg = config(f"team:\n  plan: {24_000_000 / 90:.0f}\ncurrency: USD\nlocale: en\n")
    st = standings(DemoSource(cfg, START).fetch(START), cfg, START)
    statuses = Counter(s.status for s in st.reps)
    assert statuses["leader"] >= 1 and statuses["lagging"] >= 1, statuses


# ----------------------------------------------------------------------------------------- live


def test_a_deal_is_won_within_the_first_ninety_seconds() -> None:
    src = DemoSource(config(), START)  # fresh: the first fetch must generate the live wins itself
    snap = src.fetch(START + timedelta(seconds=95))
    first = min(d.closed for d in snap.deals if d.status == "won" and d.closed and d.closed > START)
    assert START + timedelta(seconds=30) <= first <= START + timedelta(seconds=90)
    assert won(snap) > won(src.fetch(START)) == won(src.fetch(START + timedelta(seconds=29)))


def test_wins_keep_coming_every_thirty_to_ninety_seconds() -> None:
    src = DemoSource(config(), START)
    hour = src.fetch(START + timedelta(hours=1))
    assert 40 <= won(hour) - won(src.fetch(START)) <= 120
    closes = sorted(d.closed for d in hour.deals if d.status == "won" and d.closed and d.closed > START)
    gaps = [b - a for a, b in zip([START, *closes], closes)]
    assert max(gaps) <= timedelta(seconds=90)
    assert closes[-1] > START + timedelta(minutes=58)


def test_live_pace_follows_the_settings() -> None:
    fast = DemoSource(config("source:\n  demo:\n    win_every_min: 5\n    win_every_max: 10\n"), START)
    assert 360 <= won(fast.fetch(START + timedelta(hours=1))) - won(fast.fetch(START)) <= 720


def test_live_wins_keep_time_exactly() -> None:
    src = DemoSource(config("source:\n  demo:\n    win_every_min: 45\n    win_every_max: 45\n"), START)
    snap = src.fetch(START + timedelta(minutes=5))
    closes = sorted(d.closed for d in snap.deals if d.status == "won" and d.closed and d.closed > START)
    assert closes[:3] == [START + timedelta(seconds=s) for s in (45, 90, 135)]


def test_better_reps_win_more_live_deals() -> None:
    src = DemoSource(config(PLAN + "source:\n  demo:\n    live_minutes: 1440\n"), START)
    day = src.fetch(START + timedelta(days=1))
    live = Counter(d.rep for d in day.deals if d.status == "won" and "-L" in d.id)
    assert sum(live.values()) > 900  # a day of the live stream, not the pipeline's wins
    best = max(src.reps, key=lambda r: src.skill(r.key)).key
    worst = min(src.reps, key=lambda r: src.skill(r.key)).key
    assert live[best] > 1.5 * live[worst]


def test_stages_only_move_forward(ru: DemoSource) -> None:
    order = {stage: i for i, stage in enumerate(_STAGES["ru"])}
    order |= {"Сделка успешна": len(order), "Сделка провалена": len(order)}
    seen: dict[str, tuple[int, datetime]] = {}
    for day in range(-60, 4):
        for d in ru.fetch(START + timedelta(days=day)).deals:
            assert d.modified is not None
            step = (order[d.stage], d.modified)
            assert step >= seen.get(d.id, step), d
            seen[d.id] = step


def test_the_pipeline_moves_after_start(ru: DemoSource) -> None:
    """Deals open at start get new stages and close over the next working days."""
    before = {d.id: d for d in ru.fetch(START).deals if d.status == "open"}
    after = {d.id: d for d in ru.fetch(START + timedelta(days=3)).deals}
    changed = [i for i in before if after[i] != before[i]]
    closed = [i for i in before if after[i].status != "open"]
    assert len(changed) >= 10 and len(closed) >= 3


def live_wins(snap: Snapshot) -> list[datetime]:
    return sorted(d.closed for d in snap.deals if d.status == "won" and "-L" in d.id and d.closed)


def test_the_fast_stream_stops_after_live_minutes_so_the_month_stays_believable() -> None:
    cfg = config(PLAN + "source:\n  demo:\n    live_minutes: 20\n")
    src = DemoSource(cfg, START)
    wins = live_wins(src.fetch(START + timedelta(hours=5)))
    assert 13 <= len(wins) <= 40
    assert wins[-1] <= START + timedelta(minutes=20)
    month = standings(src.fetch(START + timedelta(days=1)), cfg, START + timedelta(days=1), "month")
    assert month.team.percent is not None and month.team.percent < 150


def test_live_minutes_zero_means_no_stream_and_a_day_is_the_most() -> None:
    src = DemoSource(config("source:\n  demo:\n    live_minutes: 0\n"), START)
    assert live_wins(src.fetch(START + timedelta(hours=3))) == []
    src = DemoSource(config("source:\n  demo:\n    live_minutes: 1440\n"), START)
    wins = live_wins(src.fetch(START + timedelta(hours=26)))
    assert START + timedelta(hours=23, minutes=58) < wins[-1] <= START + timedelta(hours=24)
