"""Periods (day, week, month) and working time, in the configured timezone.

Pure functions of (config, now). "Working time" is the working hours of working days that are not
holidays; pace compares a rep against the share of it already gone, so Monday morning is not judged
like Friday evening, and a weekend does not count against anybody.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from salesboard.config import Config

PeriodKind = Literal["day", "week", "month"]
PERIOD_KINDS: tuple[PeriodKind, ...] = ("day", "week", "month")


@dataclass(frozen=True, slots=True)
class Period:
    kind: PeriodKind
    start: datetime  # inclusive, aware, local midnight
    end: datetime  # exclusive

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        return (self.end - timedelta(days=1)).date()

    def days(self) -> list[date]:
        d, out = self.first_day, []
        while d <= self.last_day:
            out.append(d)
            d += timedelta(days=1)
        return out

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


def local(now: datetime, cfg: Config) -> datetime:
    """`now` in the configured timezone; a naive `now` is taken to be local time already."""
    if now.tzinfo is None:
        return now.replace(tzinfo=cfg.timezone)
    return now.astimezone(cfg.timezone)


def _midnight(d: date, cfg: Config) -> datetime:
    return datetime.combine(d, time(0), tzinfo=cfg.timezone)


def period_at(kind: PeriodKind, now: datetime, cfg: Config) -> Period:
    """The day, week or month that contains `now`."""
    today = local(now, cfg).date()
    if kind == "day":
        first, last = today, today
    elif kind == "week":
        first = today - timedelta(days=(today.weekday() - cfg.week_start_index) % 7)
        last = first + timedelta(days=6)
    elif kind == "month":
        first = today.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    else:
        raise ValueError(f"unknown period {kind!r}; expected day, week or month")
    return Period(kind, _midnight(first, cfg), _midnight(last + timedelta(days=1), cfg))


def previous(period: Period, cfg: Config) -> Period:
    """The period of the same kind just before this one."""
    return period_at(period.kind, period.start - timedelta(hours=1), cfg)


def is_working_day(d: date, cfg: Config) -> bool:
    return d.weekday() in cfg.working_weekdays and d not in cfg.holidays


def working_days(first: date, last: date, cfg: Config) -> list[date]:
    """Working days from `first` to `last`, both included."""
    out, d = [], first
    while d <= last:
        if is_working_day(d, cfg):
            out.append(d)
        d += timedelta(days=1)
    return out


def working_days_in_month(d: date, cfg: Config) -> int:
    month = period_at("month", _midnight(d, cfg), cfg)
    return len(working_days(month.first_day, month.last_day, cfg))


def working_seconds(start: datetime, end: datetime, cfg: Config) -> float:
    """Seconds of working time between two moments (timestamps, so DST changes count right)."""
    if end <= start:
        return 0.0
    total = 0.0
    a, b = start.timestamp(), end.timestamp()
    for d in working_days(local(start, cfg).date(), local(end, cfg).date(), cfg):
        open_ = datetime.combine(d, cfg.working_hours.start, tzinfo=cfg.timezone).timestamp()
        close = datetime.combine(d, cfg.working_hours.end, tzinfo=cfg.timezone).timestamp()
        total += max(0.0, min(b, close) - max(a, open_))
    return total


def elapsed_share(period: Period, now: datetime, cfg: Config) -> float:
    """Share (0..1) of the period's working time gone by `now`."""
    total = working_seconds(period.start, period.end, cfg)
    if total <= 0:
        return 0.0
    gone = working_seconds(period.start, min(max(local(now, cfg), period.start), period.end), cfg)
    return min(1.0, gone / total)


def remaining_working_days(period: Period, now: datetime, cfg: Config) -> int:
    """Working days left in the period, today included while its working hours are not over."""
    now_l = local(now, cfg)
    if now_l >= period.end:
        return 0
    first = max(now_l.date(), period.first_day)
    days = working_days(first, period.last_day, cfg)
    if days and days[0] == now_l.date() and now_l.time() >= cfg.working_hours.end:
        days = days[1:]
    return len(days)
