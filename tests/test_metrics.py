"""Periods, working time, plans, pace and statuses, with a frozen `now`."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from salesboard.config import Config, parse_config
from salesboard.metrics import is_stale, plan_for, standings, standings_json
from salesboard.model import Deal, Rep, Snapshot, SourceHealth
from salesboard.periods import (elapsed_share, period_at, remaining_working_days, working_days,
                                working_seconds)

CFG = parse_config("timezone: Europe/Moscow\n")
TZ = CFG.timezone


def at(y: int, m: int, d: int, h: int = 12, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=TZ)


def won(rep: str, amount: float, when: datetime, i: int = 0) -> Deal:
    return Deal(id=f"{rep}-{i}-{when:%j%H%M}", title="t", rep=rep, amount=amount, currency="RUB",
                stage="won", status="won", created=when - timedelta(days=3), closed=when, modified=when)


def snap(*deals: Deal) -> Snapshot:
    reps = tuple(Rep(k, k) for k in sorted({d.rep for d in deals}))
    return Snapshot(deals=deals, reps=reps, fetched_at=at(2026, 11, 28))


# ------------------------------------------------------------------ periods


def test_week_starts_monday_by_default() -> None:
    p = period_at("week", at(2026, 11, 28), CFG)  # Saturday
    assert p.first_day == date(2026, 11, 23) and p.first_day.weekday() == 0
    assert p.last_day == date(2026, 11, 29)


def test_week_start_is_configurable() -> None:
    cfg = parse_config("week_start: sun\n")
    p = period_at("week", at(2026, 11, 28), cfg)
    assert p.first_day == date(2026, 11, 22) and p.first_day.weekday() == 6


def test_week_boundary_at_midnight_local() -> None:
    sunday_late = at(2026, 11, 29, 23, 59)
    monday = at(2026, 11, 30, 0, 0)
    assert period_at("week", sunday_late, CFG).first_day == date(2026, 11, 23)
    assert period_at("week", monday, CFG).first_day == date(2026, 11, 30)


def test_utc_now_is_taken_in_the_local_timezone() -> None:
    # 22:30 UTC on the 30th is 01:30 on December 1st in Moscow: already the new month.
    utc = datetime(2026, 11, 30, 22, 30, tzinfo=timezone.utc)
    p = period_at("month", utc, CFG)
    assert p.first_day == date(2026, 12, 1)


def test_month_boundaries_including_february() -> None:
    p = period_at("month", at(2028, 2, 29), CFG)
    assert (p.first_day, p.last_day) == (date(2028, 2, 1), date(2028, 2, 29))
    p = period_at("month", at(2026, 12, 31, 23, 59), CFG)
    assert p.last_day == date(2026, 12, 31)


def test_working_days_skip_weekends_and_holidays() -> None:
    cfg = parse_config("holidays: [2026-11-04]\n")
    days = working_days(date(2026, 11, 1), date(2026, 11, 30), cfg)
    assert len(days) == 20  # 21 weekdays in November 2026, minus the 4th
    assert date(2026, 11, 4) not in days and date(2026, 11, 7) not in days


def test_working_seconds_count_only_working_hours() -> None:
    # Friday 17:00 to Monday 10:00: one hour on Friday and one on Monday.
    assert working_seconds(at(2026, 11, 27, 17), at(2026, 11, 30, 10), CFG) == 2 * 3600


def test_elapsed_share_of_week() -> None:
    week = period_at("week", at(2026, 11, 25), CFG)
    assert elapsed_share(week, at(2026, 11, 25, 13, 30), CFG) == pytest.approx(0.5)  # Wed mid-day
    assert elapsed_share(week, at(2026, 11, 23, 8), CFG) == 0.0
    assert elapsed_share(week, at(2026, 11, 28, 12), CFG) == 1.0  # Saturday: the working week is over


def test_remaining_working_days_includes_today_until_closing_time() -> None:
    month = period_at("month", at(2026, 11, 26), CFG)
    assert remaining_working_days(month, at(2026, 11, 26, 10), CFG) == 3  # Thu, Fri, Mon 30th
    assert remaining_working_days(month, at(2026, 11, 26, 19), CFG) == 2


# ------------------------------------------------------------------ plans


def test_monthly_plan_pro_rated_by_working_days() -> None:
    cfg = parse_config("team:\n  members:\n    - name: A\n      plan: 2100000\n")
    plan = cfg.team.members[0].plan
    nov = period_at("month", at(2026, 11, 10), cfg)
    assert plan_for(plan, nov, cfg) == pytest.approx(2_100_000)
    week = period_at("week", at(2026, 11, 10), cfg)  # 5 working days out of November's 21
    assert plan_for(plan, week, cfg) == pytest.approx(2_100_000 * 5 / 21)
    day = period_at("day", at(2026, 11, 10), cfg)
    assert plan_for(plan, day, cfg) == pytest.approx(100_000)
    saturday = period_at("day", at(2026, 11, 28), cfg)
    assert plan_for(plan, saturday, cfg) == 0


def test_week_across_two_months_takes_each_day_from_its_month() -> None:
    cfg = parse_config("team:\n  members:\n    - name: A\n      plan: 2100000\n")
    week = period_at("week", at(2026, 12, 1), cfg)  # Mon 30 Nov .. Sun 6 Dec
    dec_days = len(working_days(date(2026, 12, 1), date(2026, 12, 31), cfg))
    expected = 2_100_000 / 21 + 4 * 2_100_000 / dec_days
    assert plan_for(cfg.team.members[0].plan, week, cfg) == pytest.approx(expected)


def test_explicit_period_plan_wins_over_pro_rating() -> None:
    cfg = parse_config("team:\n  members:\n    - name: A\n      plan: {month: 2000000, week: 700000}\n")
    week = period_at("week", at(2026, 11, 10), cfg)
    assert plan_for(cfg.team.members[0].plan, week, cfg) == 700_000


def test_members_without_plan_share_the_rest_of_the_team_plan() -> None:
    cfg = parse_config("team:\n  plan: 1000000\n  members:\n    - name: A\n      plan: 400000\n"
                       "    - name: B\n    - name: C\n")
    st = standings(snap(), cfg, at(2026, 11, 30, 18), "month")
    plans = {s.name: s.plan for s in st.reps}
    assert plans == {"A": pytest.approx(400_000), "B": pytest.approx(300_000), "C": pytest.approx(300_000)}
    assert st.team.plan == pytest.approx(1_000_000)


def test_team_plan_defaults_to_sum_of_members() -> None:
    cfg = parse_config("team:\n  members:\n    - name: A\n      plan: 400000\n    - name: B\n      plan: 600000\n")
    assert standings(snap(), cfg, at(2026, 11, 30, 18), "month").team.plan == pytest.approx(1_000_000)


# ------------------------------------------------------------------ standings

TEAM = parse_config(
    "thresholds:\n  leader_pace: 1.1\n  lagging_pace: 0.85\n"
    "team:\n  name: Север\n  members:\n"
    "    - name: Анна Смирнова\n      match: [anna, 'Смирнова А.']\n      plan: 2100000\n"
    "    - name: Борис Иванов\n      plan: 2100000\n"
    "    - name: Вера Козлова\n      plan: 2100000\n")


def test_standings_sum_rank_and_status() -> None:
    now = at(2026, 11, 16, 9)  # 10 of 21 working days gone: share 10/21
    deals = (
        won("anna", 1_000_000, at(2026, 11, 3), 1),
        won("Смирнова А.", 500_000, at(2026, 11, 10), 2),  # the second key of the same person
        won("Борис Иванов", 1_000_000, at(2026, 11, 12)),
        won("Вера Козлова", 200_000, at(2026, 11, 5)),
        won("Вера Козлова", 999_999, at(2026, 10, 31)),  # last month: not counted
        won("Вера Козлова", 999_999, at(2026, 11, 20)),  # after `now`: not counted yet
        won("stranger", 5_000_000, at(2026, 11, 6)),  # not on the team
        Deal("lost", "t", "Борис Иванов", 9e6, "RUB", "lost", "lost", closed=at(2026, 11, 9)),
    )
    st = standings(snap(*deals), TEAM, now, "month")
    assert [s.name for s in st.reps] == ["Анна Смирнова", "Борис Иванов", "Вера Козлова"]
    assert [s.rank for s in st.reps] == [1, 2, 3]
    anna, boris, vera = st.reps
    assert (anna.won_amount, anna.won_count) == (1_500_000, 2)
    assert st.elapsed_share == pytest.approx(10 / 21)
    assert anna.percent == pytest.approx(1_500_000 / 2_100_000 * 100)
    assert anna.pace == pytest.approx((1_500_000 / 2_100_000) / (10 / 21))  # 1.5
    assert anna.status == "leader"
    assert boris.pace == pytest.approx(1.0) and boris.status == "on_track"
    assert vera.status == "lagging"
    assert vera.gap == pytest.approx(1_900_000)
    assert st.days_left == 11
    assert vera.needed_per_day == pytest.approx(1_900_000 / 11)
    assert st.team.won_amount == pytest.approx(2_700_000)
    assert st.team.plan == pytest.approx(6_300_000)


def test_equal_results_share_a_rank() -> None:
    deals = (won("anna", 100, at(2026, 11, 3)), won("Борис Иванов", 100, at(2026, 11, 3)))
    st = standings(snap(*deals), TEAM, at(2026, 11, 16), "month")
    assert [s.rank for s in st.reps] == [1, 1, 3]


def test_nobody_lags_in_the_first_hours_of_the_period() -> None:
    st = standings(snap(), TEAM, at(2026, 11, 2, 9, 30), "month")  # Monday 2nd, 9:30
    assert {s.status for s in st.reps} == {"on_track"}
    st = standings(snap(), TEAM, at(2026, 11, 10, 12), "month")
    assert {s.status for s in st.reps} == {"lagging"}


def test_before_working_time_pace_is_undefined() -> None:
    st = standings(snap(), TEAM, at(2026, 11, 2, 8), "week")
    assert all(s.pace is None for s in st.reps)
    assert st.reps[0].expected_percent == 0


def test_plan_met_is_leader_even_without_pace() -> None:
    deals = (won("anna", 3_000_000, at(2026, 11, 2, 8)),)
    st = standings(snap(*deals), TEAM, at(2026, 11, 2, 8, 30), "month")
    assert st.reps[0].status == "leader" and st.reps[0].gap == 0


def test_without_team_config_everyone_in_the_source_is_listed() -> None:
    deals = (won("Пётр", 10, at(2026, 11, 3)), won("Ольга", 20, at(2026, 11, 3)))
    st = standings(snap(*deals), Config(), at(2026, 11, 16), "month")
    assert [s.name for s in st.reps] == ["Ольга", "Пётр"]
    assert all(s.plan is None and s.percent is None and s.status == "on_track" for s in st.reps)


def test_json_shape() -> None:
    st = standings(snap(won("anna", 1_000_000, at(2026, 11, 3))), TEAM, at(2026, 11, 16, 9), "week")
    data = standings_json(st)
    assert set(data["period"]) == {"name", "start", "end"}
    assert data["period"] == {"name": "week", "start": "2026-11-16", "end": "2026-11-22"}
    assert {"won_amount", "won_count", "plan", "percent"} <= set(data["team"])
    for rep in data["reps"]:
        assert {"name", "won_amount", "won_count", "plan", "percent", "pace", "rank", "status"} <= set(rep)
        assert rep["status"] in ("leader", "on_track", "lagging")


def test_ties_to_the_kopeck_share_a_rank_despite_float_sums() -> None:
    deals = (won("anna", 100_000.10, at(2026, 11, 3), 1), won("anna", 200_000.20, at(2026, 11, 4), 2),
             won("Борис Иванов", 300_000.30, at(2026, 11, 3), 1), won("Борис Иванов", 0.0, at(2026, 11, 5), 2))
    assert 100_000.10 + 200_000.20 != 300_000.30 + 0.0  # the float trap this test is about
    st = standings(snap(*deals), TEAM, at(2026, 11, 16), "month")
    assert [s.rank for s in st.reps] == [1, 1, 3]


def test_only_deals_in_the_board_currency_count() -> None:
    def in_(currency: str, amount: float) -> Deal:
        return Deal(f"{currency}{amount}", "t", "Борис Иванов", amount, currency, "won", "won",
                    closed=at(2026, 11, 3))
    deals = (in_("RUB", 100_000), in_("", 50_000), in_("USD", 1_000), in_("EUR", 1_000_000), in_("rub", 1))
    st = standings(snap(*deals), TEAM, at(2026, 11, 16), "month")
    boris = next(s for s in st.reps if s.name == "Борис Иванов")
    assert (boris.won_amount, boris.won_count) == (150_001, 3)
    assert st.team.won_amount == 150_001


def test_without_a_team_only_recently_active_reps_are_listed() -> None:
    now = at(2026, 11, 16)
    deals = (
        won("Анна", 500_000, at(2026, 11, 10)),
        won("Давно ушёл", 900_000, at(2025, 3, 10)),  # years ago: not on the board
        won("Октябрь", 100_000, at(2026, 10, 20)),  # the previous month: still on it
        Deal("x", "t", "Стажёр", 10, "RUB", "new", "open", created=at(2026, 11, 12)),  # active, no wins yet
    )
    cfg = parse_config("team:\n  plan: 900000\n")
    st = standings(snap(*deals), cfg, now, "month")
    assert sorted(s.name for s in st.reps) == ["Анна", "Октябрь", "Стажёр"]
    assert all(s.plan == pytest.approx(300_000) for s in st.reps)


def test_data_goes_stale_by_source_kind_or_config() -> None:
    now = at(2026, 11, 16, 12)

    def aged(minutes: float, ok: bool = True) -> Snapshot:
        return Snapshot((), (), fetched_at=now, health=SourceHealth(ok=ok, last_success=now - timedelta(minutes=minutes)))

    demo = parse_config("source:\n  poll_seconds: 60\n")
    assert not is_stale(aged(9), demo, now) and is_stale(aged(11), demo, now)  # 3 polls, at least 10 min
    assert is_stale(aged(0, ok=False), demo, now)  # a failing source is stale at once
    csv = parse_config("source:\n  type: csv\n")
    assert not is_stale(aged(25 * 60), csv, now) and is_stale(aged(27 * 60), csv, now)  # a nightly export is fine
    custom = parse_config("source:\n  type: csv\n  stale_minutes: 30\n")
    assert is_stale(aged(31), custom, now)
