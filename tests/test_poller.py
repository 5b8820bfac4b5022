"""The poller with a real worker thread, a real cache file and a stand-in for a remote CRM."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from salesboard.config import Config, SourceConfig
from salesboard.errors import SourceError
from salesboard.model import Deal, Rep, Snapshot, SourceHealth
from sources.cache import load_snapshot, save_snapshot
from sources.csv_source import CsvSource
from sources.poller import Poller, fetch_once

MSK = ZoneInfo("Europe/Moscow")
T0 = datetime(2026, 11, 28, 9, 0, tzinfo=MSK)
WAIT = 2.0  # generous upper bound; the tests pass in milliseconds


def deals(*amounts: float) -> tuple[Deal, ...]:
    return tuple(Deal(id=str(i), title=f"d{i}", rep="ann", amount=a, currency="RUB", stage="won", status="won",
                      closed=T0) for i, a in enumerate(amounts))


class RemoteCrm:
    """A stand-in for an external CRM: answers from a script of results, one per fetch.

    A result is a tuple of deals (success) or an exception (the CRM failing). `gate`, when given, holds
    every fetch until the test opens it, like a slow network.
    """

    name = "crm"

    def __init__(self, *script: tuple[Deal, ...] | Exception, gate: threading.Event | None = None) -> None:
        self.script = list(script)
        self.calls: list[datetime] = []
        self.gate = gate

    def fetch(self, now: datetime) -> Snapshot:
        if self.gate is not None:
            assert self.gate.wait(WAIT)
        self.calls.append(now)
        result = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(result, Exception):
            raise result
        return Snapshot(deals=result, reps=(Rep("ann", "Ann"),), fetched_at=now, source=self.name)


class Inbox:
    """Collects delivered snapshots; `wait(n)` blocks until n have arrived."""

    def __init__(self) -> None:
        self.items: list[Snapshot] = []
        self.cond = threading.Condition()

    def __call__(self, snapshot: Snapshot) -> None:
        with self.cond:
            self.items.append(snapshot)
            self.cond.notify_all()

    def wait(self, n: int) -> list[Snapshot]:
        with self.cond:
            assert self.cond.wait_for(lambda: len(self.items) >= n, WAIT), f"got {len(self.items)} of {n}"
            return list(self.items)


def ticking_clock(step: timedelta = timedelta(minutes=1)) -> Callable[[], datetime]:
    """A wall clock that moves `step` per reading, so every fetch has its own, known time."""
    state = {"t": T0 - step}

    def clock() -> datetime:
        state["t"] += step
        return state["t"]

    return clock


def make(source: RemoteCrm, inbox: Inbox, tmp_path: Path | None = None, **kw: object) -> Poller:
    options: dict[str, object] = dict(tz=MSK, clock=ticking_clock(), refresh_debounce=0)
    options.update(kw)
    poll_seconds = options.pop("poll_seconds", 60)
    return Poller(source, poll_seconds, on_snapshot=inbox,  # type: ignore[arg-type]
                  cache_path=tmp_path / "last.json" if tmp_path else None, **options)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------- the thread


def test_first_fetch_is_delivered_healthy_and_cached(tmp_path: Path) -> None:
    inbox = Inbox()
    with make(RemoteCrm(deals(100)), inbox, tmp_path):
        got = inbox.wait(1)[0]
    assert got.deals == deals(100) and got.fetched_at == T0
    assert got.health == SourceHealth(ok=True, message="", last_success=T0) and not got.from_cache
    assert load_snapshot(tmp_path / "last.json", MSK) == got
    assert [p.name for p in tmp_path.iterdir()] == ["last.json"]  # no temp file left behind


def test_cached_snapshot_is_delivered_first_then_the_fresh_one(tmp_path: Path) -> None:
    stored = Snapshot(deals=deals(5), reps=(), fetched_at=T0 - timedelta(hours=3), source="crm",
                      health=SourceHealth(ok=True, last_success=T0 - timedelta(hours=3)))
    save_snapshot(tmp_path / "last.json", stored)
    gate = threading.Event()
    inbox = Inbox()
    with make(RemoteCrm(deals(7), gate=gate), inbox, tmp_path):
        cached = inbox.wait(1)[0]
        assert cached.from_cache and cached.deals == deals(5) and cached.health == stored.health
        assert cached.data_time == T0 - timedelta(hours=3)
        assert len(inbox.items) == 1  # the CRM has not answered yet
        gate.set()
        fresh = inbox.wait(2)[1]
    assert not fresh.from_cache and fresh.deals == deals(7) and fresh.health.ok


def test_failure_keeps_the_last_data_logs_once_and_recovery_once(tmp_path: Path,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    crm = RemoteCrm(deals(100), SourceError("CRM down: 503"), SourceError("CRM down: 503"),
                    SourceError("CRM down: 503"), deals(250))
    inbox = Inbox()
    with caplog.at_level(logging.DEBUG, logger="salesboard.sources.poller"):
        with make(crm, inbox, tmp_path) as poller:
            inbox.wait(1)
            for n in (2, 3, 4, 5):
                poller.refresh()
                inbox.wait(n)
    good, bad1, bad2, bad3, back = inbox.items
    for bad, when in ((bad1, T0 + timedelta(minutes=1)), (bad3, T0 + timedelta(minutes=3))):
        assert bad.deals == good.deals and bad.reps == good.reps
        assert bad.health == SourceHealth(ok=False, message="CRM down: 503", last_success=T0)
        assert bad.fetched_at == when and bad.data_time == T0
    assert back.health == SourceHealth(ok=True, last_success=T0 + timedelta(minutes=4)) and back.deals == deals(250)
    loud = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert len([m for m in loud if "CRM down" in m]) == 1
    assert [m for m in loud if "is back" in m] == ["crm is back after 3 failed fetch(es) since 2026-11-28T09:01:00+03:00"]
    assert load_snapshot(tmp_path / "last.json", MSK) == back  # only good data reaches the cache


def test_unexpected_error_is_logged_once_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    crm = RemoteCrm(KeyError("result"))
    inbox = Inbox()
    with caplog.at_level(logging.INFO, logger="salesboard.sources.poller"):
        with make(crm, inbox) as poller:
            inbox.wait(1)
            poller.refresh()
            inbox.wait(2)
    first = inbox.items[0]
    assert first.deals == () and not first.health.ok and first.health.last_success is None
    assert first.health.message == "crm: unexpected KeyError: 'result'"
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(errors) == 1 and errors[0].exc_info is not None and errors[0].exc_info[0] is KeyError


def test_failure_right_after_boot_keeps_the_cached_data(tmp_path: Path) -> None:
    stored = Snapshot(deals=deals(5), reps=(), fetched_at=T0 - timedelta(days=1), source="crm",
                      health=SourceHealth(ok=True, last_success=T0 - timedelta(days=1)))
    save_snapshot(tmp_path / "last.json", stored)
    inbox = Inbox()
    with make(RemoteCrm(SourceError("401: token expired")), inbox, tmp_path):
        cached, failed = inbox.wait(2)[:2]
    assert failed.deals == deals(5) and failed.from_cache
    assert failed.health == SourceHealth(ok=False, message="401: token expired", last_success=T0 - timedelta(days=1))


def test_stop_is_prompt_and_idempotent() -> None:
    inbox = Inbox()
    poller = make(RemoteCrm(deals(1)), inbox, poll_seconds=3600).start()
    inbox.wait(1)
    begun = time.monotonic()
    poller.stop()
    assert time.monotonic() - begun < 0.5
    assert not poller.running
    poller.stop()
    poller.close()
    poller.start()  # a stopped poller stays stopped
    assert not poller.running and len(inbox.items) == 1


def test_stop_from_inside_the_callback_does_not_deadlock() -> None:
    done = threading.Event()
    holder: list[Poller] = []

    def on_snapshot(snapshot: Snapshot) -> None:
        holder[0].stop()
        done.set()

    poller = Poller(RemoteCrm(deals(1)), 60, on_snapshot=on_snapshot)
    holder.append(poller)
    poller.start()
    assert done.wait(WAIT)
    poller._thread.join(WAIT)  # type: ignore[union-attr]
    assert not poller.running


def test_refresh_calls_close_together_coalesce_into_one_fetch() -> None:
    crm = RemoteCrm(deals(1))
    inbox = Inbox()
    with make(crm, inbox, refresh_debounce=0.3) as poller:
        inbox.wait(1)
        begun = time.monotonic()
        for _ in range(5):
            poller.refresh()
        inbox.wait(2)
        assert time.monotonic() - begun >= 0.25  # not before the debounce has passed
        time.sleep(0.1)
        assert len(crm.calls) == 2


def test_a_failing_callback_does_not_stop_the_poller(caplog: pytest.LogCaptureFixture) -> None:
    seen: list[Snapshot] = []
    second = threading.Event()

    def on_snapshot(snapshot: Snapshot) -> None:
        seen.append(snapshot)
        if len(seen) >= 2:
            second.set()
        raise RuntimeError("display fell over")

    with caplog.at_level(logging.ERROR, logger="salesboard.sources.poller"):
        with Poller(RemoteCrm(deals(1)), 60, on_snapshot=on_snapshot, refresh_debounce=0) as poller:
            for _ in range(20):
                poller.refresh()
                if second.wait(0.05):
                    break
    assert len(seen) >= 2
    assert len([r for r in caplog.records if "on_snapshot failed" in r.getMessage()]) == 1


# ----------------------------------------------------------------------------------- no thread


def test_backoff_doubles_up_to_the_cap_and_resets_on_success() -> None:
    crm = RemoteCrm(*([SourceError("down")] * 7), deals(1))
    poller = make(crm, Inbox())
    delays = []
    for _ in range(8):
        poller.poll_once()
        delays.append(poller.next_delay())
    assert delays == [60, 120, 240, 480, 600, 600, 600, 60]


def test_backoff_is_never_faster_than_poll_seconds() -> None:
    poller = make(RemoteCrm(SourceError("down")), Inbox(), poll_seconds=900, max_backoff=600)
    for _ in range(3):
        poller.poll_once()
        assert poller.next_delay() == 900


def test_cache_is_not_rewritten_when_nothing_changed(tmp_path: Path) -> None:
    crm = RemoteCrm(deals(1), deals(1), deals(2))
    poller = make(crm, Inbox(), tmp_path)
    path = tmp_path / "last.json"
    poller.poll_once()
    first = path.stat().st_ino
    poller.poll_once()
    assert path.stat().st_ino == first  # an atomic write would have made a new file
    poller.poll_once()
    assert path.stat().st_ino != first
    assert load_snapshot(path, MSK).deals == deals(2)  # type: ignore[union-attr]


def test_an_unwritable_cache_is_logged_once_and_the_board_goes_on(tmp_path: Path,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "var").write_text("a file where the cache folder should be")
    crm = RemoteCrm(deals(1), deals(2), deals(3))
    inbox = Inbox()
    poller = Poller(crm, 60, on_snapshot=inbox, cache_path=tmp_path / "var" / "last.json")
    with caplog.at_level(logging.WARNING, logger="salesboard.sources.poller"):
        for _ in range(3):
            poller.poll_once()
    assert [s.deals for s in inbox.items] == [deals(1), deals(2), deals(3)]
    assert all(s.health.ok for s in inbox.items)
    assert len([r for r in caplog.records if "cannot write the cache" in r.getMessage()]) == 1


def test_fetch_once_returns_the_fetch_marked_healthy() -> None:
    snap = fetch_once(RemoteCrm(deals(3)), T0)
    assert snap.deals == deals(3) and snap.health == SourceHealth(ok=True, last_success=T0) and snap.source == "crm"


def test_fetch_once_falls_back_to_the_cache_without_writing_it(tmp_path: Path) -> None:
    path = tmp_path / "last.json"
    stored = Snapshot(deals=deals(5), reps=(), fetched_at=T0 - timedelta(hours=1), source="crm")
    save_snapshot(path, stored)
    before = path.stat().st_mtime_ns, path.stat().st_ino
    snap = fetch_once(RemoteCrm(SourceError("CRM down")), T0, cache_path=path, tz=MSK)
    assert snap.deals == deals(5) and snap.from_cache and snap.fetched_at == T0
    assert snap.health == SourceHealth(ok=False, message="CRM down", last_success=T0 - timedelta(hours=1))
    fetch_once(RemoteCrm(deals(9)), T0, cache_path=path)
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before


def test_fetch_once_without_cache_reports_the_unexpected_with_its_type(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="salesboard.sources.poller"):
        snap = fetch_once(RemoteCrm(ZeroDivisionError("x")), T0, cache_path=None)
    assert snap.deals == () and not snap.health.ok
    assert snap.health.message == "crm: unexpected ZeroDivisionError: x"
    assert caplog.records[0].exc_info is not None


def test_csv_file_appearing_later_is_picked_up_on_refresh(tmp_path: Path) -> None:
    cfg = Config(base_dir=tmp_path, source=SourceConfig(type="csv"))
    inbox = Inbox()
    poller = Poller.for_config(cfg, CsvSource(cfg.source.csv, cfg), inbox)  # what the app does
    poller.refresh_debounce = 0
    with poller:
        assert poller.max_backoff == cfg.source.poll_seconds  # a local file is retried at the normal pace
        first = inbox.wait(1)[0]
        assert not first.health.ok and "deals.csv" in first.health.message and first.deals == ()
        (tmp_path / "deals.csv").write_text("rep;amount;status\nAnn;1 000;won\n", "utf-8")
        poller.refresh()
        second = inbox.wait(2)[1]
    assert second.health.ok and [d.amount for d in second.deals] == [1000.0]
    assert second.fetched_at.tzinfo == MSK
    assert (tmp_path / "var" / "last-snapshot-csv.json").exists()
