"""Who leads and who lags: standings computed from a Snapshot.

Every function here is pure: (snapshot, config, now) in, frozen results out. `now` is always passed
in, never read, so tests and `--at` freeze time.

Decisions (documented in the README too):
- A won deal counts in the period its closing date falls in (the last change when it has none), and
  only once that moment has come (`closed <= now`), so `--at` in the past shows the past.
- Plans: a member's own plan; where a period is not given explicitly it is pro-rated from a daily
  rate over the period's working days (a week across two months takes each day from its own month).
  Members without a plan share what is left of the team plan equally.
- Pace = percent of plan / share of the period's working time gone. Status by pace thresholds; in the
  first `grace_share` of the period nobody is marked lagging (everyone is at zero on Monday at 9:05).
- Ranking by won amount, then deals won; equal results (to the kopeck) share a rank ("1, 2, 2, 4").
- Only deals in the configured currency count (a deal with no currency is taken to be in it): adding
  dollars to roubles would be a wrong number on the wall. `salesboard check` lists the others.
- With no team configured, the board lists the reps with a deal created, closed or changed in the
  period shown or the one before it: people who left long ago do not reappear from old history.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

from salesboard.config import Config, Member, Plan
from salesboard.model import Deal, Snapshot, rep_key
from salesboard.periods import (Period, PeriodKind, elapsed_share, is_working_day, period_at, previous,
                                remaining_working_days, working_days, working_days_in_month)

Status = Literal["leader", "on_track", "lagging"]


@dataclass(frozen=True, slots=True)
class Standing:
    """One row of the board (a rep) or its header (the team)."""

    key: str
    name: str
    won_amount: float
    won_count: int
    plan: float | None
    percent: float | None  # of plan, 0..∞
    expected_percent: float  # where an even pace would be by now (the marker on the bar)
    pace: float | None
    gap: float | None  # plan left to close, 0 when met
    needed_per_day: float | None  # gap / working days left
    status: Status
    rank: int = 0
    color: str | None = None
    photo: str | None = None


@dataclass(frozen=True, slots=True)
class Standings:
    period: Period
    team: Standing
    reps: tuple[Standing, ...]
    elapsed_share: float
    days_left: int


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """A person on the board and the keys their deals carry in the source."""

    key: str
    name: str
    match: frozenset[str]
    plan: Plan
    color: str | None
    photo: str | None


def stale_after(cfg: Config) -> timedelta:
    """How old data may be before the board says so (see SourceConfig.stale_minutes)."""
    if cfg.source.stale_minutes is not None:
        return timedelta(minutes=cfg.source.stale_minutes)
    if cfg.source.type == "csv":
        return timedelta(hours=26)
    return timedelta(seconds=max(3 * cfg.source.poll_seconds, 600))


def is_stale(snapshot: Snapshot, cfg: Config, now: datetime) -> bool:
    """The source failed, or its data is older than `stale_after` (a hung poller, an old export)."""
    return not snapshot.health.ok or now - snapshot.data_time > stale_after(cfg)


def counts_in(deal: Deal, cfg: Config) -> bool:
    """Whether a deal's amount may be added to the board's totals (same currency)."""
    return not deal.currency or deal.currency.upper() == cfg.currency


def roster(snapshot: Snapshot, cfg: Config, period: Period) -> list[RosterEntry]:
    """The people on the board: the configured team; with none, the reps active since the start of
    the period before `period`."""
    if cfg.team.members:
        return [_member(m) for m in cfg.team.members]
    since = previous(period, cfg).start
    names = {rep_key(rep.key): rep.name for rep in snapshot.reps}
    seen: dict[str, str] = {}
    for deal in snapshot.deals:
        moments = (deal.created, deal.closed, deal.modified)
        if any(m is not None and m >= since for m in moments):
            key = rep_key(deal.rep)
            seen.setdefault(key, names.get(key, deal.rep))
    return [RosterEntry(k, name, frozenset({k}), Plan(), None, None) for k, name in seen.items() if k]


def _member(m: Member) -> RosterEntry:
    keys = frozenset(rep_key(k) for k in (m.match or (m.name,)))
    return RosterEntry(m.name, m.name, keys, m.plan, m.color, m.photo)


def _daily_rate(plan: Plan, d: date, cfg: Config) -> float:
    if plan.day is not None:
        return plan.day
    if plan.month is not None:
        n = working_days_in_month(d, cfg)
        return plan.month / n if n else 0.0
    if plan.week is not None:
        week = period_at("week", datetime.combine(d, datetime.min.time()), cfg)
        n = len(working_days(week.first_day, week.last_day, cfg))
        return plan.week / n if n else 0.0
    return 0.0


def plan_for(plan: Plan, period: Period, cfg: Config) -> float | None:
    """The plan for one period: given explicitly, or pro-rated by working days. None if no plan."""
    if not plan.is_set:
        return None
    explicit = getattr(plan, period.kind)
    if explicit is not None:
        return explicit
    return sum(_daily_rate(plan, d, cfg) for d in period.days() if is_working_day(d, cfg))


def _status(percent: float | None, pace: float | None, share: float, cfg: Config) -> Status:
    if pace is None:
        return "leader" if percent is not None and percent >= 100 else "on_track"
    if pace >= cfg.thresholds.leader_pace:
        return "leader"
    if pace < cfg.thresholds.lagging_pace and share >= cfg.thresholds.grace_share:
        return "lagging"
    return "on_track"


def _standing(key: str, name: str, won: float, count: int, plan: float | None, share: float,
              days_left: int, cfg: Config, **extra: Any) -> Standing:
    percent = won / plan * 100 if plan else None
    pace = percent / 100 / share if percent is not None and share > 0 else None
    gap = max(plan - won, 0.0) if plan else None
    needed = gap / days_left if gap is not None and days_left > 0 else None
    return Standing(key=key, name=name, won_amount=won, won_count=count, plan=plan, percent=percent,
                    expected_percent=share * 100, pace=pace, gap=gap, needed_per_day=needed,
                    status=_status(percent, pace, share, cfg), **extra)


def standings(snapshot: Snapshot, cfg: Config, now: datetime, kind: PeriodKind = "month") -> Standings:
    period = period_at(kind, now, cfg)
    share = elapsed_share(period, now, cfg)
    days_left = remaining_working_days(period, now, cfg)
    people = roster(snapshot, cfg, period)
    by_key = {k: i for i, p in enumerate(people) for k in p.match}
    won = [0.0] * len(people)
    count = [0] * len(people)
    for deal in snapshot.deals:
        if deal.status != "won" or not counts_in(deal, cfg):
            continue
        moment = deal.closed_or_modified
        if moment is None or not period.contains(moment) or moment > now:
            continue
        i = by_key.get(rep_key(deal.rep))
        if i is not None:
            won[i] += deal.amount
            count[i] += 1

    plans = [plan_for(p.plan, period, cfg) for p in people]
    team_plan = plan_for(cfg.team.plan, period, cfg)
    without = [i for i, pl in enumerate(plans) if pl is None]
    if team_plan is not None and without:
        rest = max(team_plan - sum(pl for pl in plans if pl is not None), 0.0)
        for i in without:
            plans[i] = rest / len(without)
    if team_plan is None and any(pl is not None for pl in plans):
        team_plan = sum(pl for pl in plans if pl is not None)

    rows = [_standing(p.key, p.name, won[i], count[i], plans[i], share, days_left, cfg,
                      color=p.color, photo=p.photo) for i, p in enumerate(people)]
    def result(s: Standing) -> tuple[float, int]:  # to the kopeck: float sums must not break ties
        return round(s.won_amount, 2), s.won_count

    rows.sort(key=lambda s: (-result(s)[0], -result(s)[1], s.name.casefold()))
    ranked: list[Standing] = []
    for i, s in enumerate(rows):
        tied = ranked and result(ranked[-1]) == result(s)
        ranked.append(replace(s, rank=ranked[-1].rank if tied else i + 1))
    team = _standing("team", cfg.team.name, sum(won), sum(count), team_plan, share, days_left, cfg, rank=0)
    return Standings(period=period, team=team, reps=tuple(ranked), elapsed_share=share, days_left=days_left)


def standings_json(st: Standings) -> dict[str, Any]:
    """The shape `salesboard metrics --json` prints (documented in the README)."""

    def money(v: float | None) -> float | None:
        return None if v is None else round(v, 2)

    def pct(v: float | None) -> float | None:
        return None if v is None else round(v, 1)

    def row(s: Standing) -> dict[str, Any]:
        return {"name": s.name, "won_amount": money(s.won_amount), "won_count": s.won_count,
                "plan": money(s.plan), "percent": pct(s.percent),
                "pace": None if s.pace is None else round(s.pace, 3), "rank": s.rank, "status": s.status,
                "gap": money(s.gap), "needed_per_day": money(s.needed_per_day)}

    team = row(st.team)
    for k in ("rank", "name"):
        team.pop(k)
    return {
        "period": {"name": st.period.kind, "start": st.period.first_day.isoformat(),
                   "end": st.period.last_day.isoformat()},
        "elapsed_share": round(st.elapsed_share, 4),
        "working_days_left": st.days_left,
        "team": team,
        "reps": [row(s) for s in st.reps],
    }
