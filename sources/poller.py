"""The poller: one worker thread per source that fetches on a schedule and hands Snapshots over.

Fetching never happens on the render path: `Poller` calls `source.fetch(now)` in its own thread and
gives every result to `on_snapshot(snapshot)`, which the app turns into an event for the main loop
(this module knows nothing about pygame). Modelled on Home Assistant's DataUpdateCoordinator:

- the last good data survives: a failed fetch delivers a copy of the last good snapshot with
  `health.ok=False`, the error as `health.message` and `health.last_success` dating the data;
- the first failure is logged once (with a traceback if it is not a SourceError), the recovery once;
- after consecutive failures the next try waits longer (poll_seconds, x2, x4 ... up to `max_backoff`);
- `refresh()` asks for a fetch now; calls within `refresh_debounce` seconds of a fetch coalesce;
- at start the snapshot cached on disk is delivered first (`from_cache=True`), then the source is asked.

The cache is written after a success when the data changed, or at least every `cache_every` seconds,
so the SD card is not rewritten every minute with the same deals.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from types import TracebackType

from salesboard.config import Config
from salesboard.errors import SalesboardError, SourceError
from salesboard.model import Snapshot, SourceHealth
from sources import cache
from sources.base import Source

log = logging.getLogger("salesboard.sources.poller")

MAX_BACKOFF = 600.0


def fetch_once(source: Source, now: datetime, *, cache_path: Path | None = None,
               tz: tzinfo | None = None) -> Snapshot:
    """One fetch with no thread and no callback, for the command line (check, render, metrics).

    Never raises for a failing source: like the board, it returns the cached data (or no deals) with
    `health.ok=False` and the error as `health.message`. It reads the cache but never writes it, so a
    `check` run as another user leaves no files behind.
    """
    try:
        return _healthy(source.fetch(now), source)
    except Exception as e:
        message = _describe(e, source)
        if not isinstance(e, SalesboardError):
            log.error("%s failed unexpectedly", source.name, exc_info=(type(e), e, e.__traceback__))
        good = cache.load_snapshot(cache_path, tz) if cache_path is not None else None
        return _degraded(dataclasses.replace(good, from_cache=True) if good else None, message, now, source)


class Poller:
    """Fetches `source` every `poll_seconds` in a worker thread; a context manager (start/stop)."""

    def __init__(
        self,
        source: Source,
        poll_seconds: float,
        *,
        on_snapshot: Callable[[Snapshot], None],
        cache_path: Path | None = None,
        tz: tzinfo | None = None,
        clock: Callable[[], datetime] | None = None,
        max_backoff: float = MAX_BACKOFF,
        refresh_debounce: float = 2.0,
        cache_every: float = 600.0,
    ) -> None:
        if poll_seconds <= 0:
            raise ValueError("poll_seconds must be positive")
        self.source = source
        self.on_snapshot = on_snapshot
        self.poll_seconds = poll_seconds
        self.cache_path = cache_path
        self.max_backoff = max(max_backoff, poll_seconds)
        self.refresh_debounce = refresh_debounce
        self.cache_every = cache_every
        self._tz = tz
        self._clock = clock or (lambda: datetime.now(tz) if tz is not None else datetime.now().astimezone())
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._refresh = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._poll_lock = threading.Lock()  # poll_once may also be called from outside the thread
        self._last_good: Snapshot | None = None
        self._last: Snapshot | None = None
        self._failures = 0
        self._failing_since: datetime | None = None
        self._saved: tuple[object, ...] | None = None  # the content last written to the cache
        self._saved_at = float("-inf")
        self._cache_failing = False
        self._callback_failing = False

    @classmethod
    def for_config(cls, cfg: Config, source: Source, on_snapshot: Callable[[Snapshot], None], *,
                   clock: Callable[[], datetime] | None = None) -> Poller:
        """A poller with the config's cadence, timezone and cache file.

        A local file has no server to spare, so a CSV source retries at the normal cadence. The demo
        makes its data rather than fetching it: there is nothing to keep, and no SD card to wear.
        """
        keep = cfg.source.type != "demo"
        return cls(source, cfg.source.poll_seconds, on_snapshot=on_snapshot,
                   cache_path=cache.cache_path(cfg) if keep else None,
                   tz=cfg.timezone, clock=clock,
                   max_backoff=cfg.source.poll_seconds if cfg.source.type == "csv" else MAX_BACKOFF)

    # ----------------------------------------------------------------------------- life cycle

    def start(self) -> Poller:
        """Start the worker thread (once; later calls do nothing)."""
        with self._start_lock:
            if self._thread is None and not self._stopping.is_set():
                self._thread = threading.Thread(target=self._run, name=f"poller-{self.source.name}", daemon=True)
                self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the thread to end and wait up to `timeout` s. A fetch in flight is not interrupted:
        the thread is a daemon and ends with it. Idempotent; safe to call from `on_snapshot`."""
        self._stopping.set()
        self._wake.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    close = stop

    def __enter__(self) -> Poller:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def last(self) -> Snapshot | None:
        """The snapshot delivered most recently (None before the first)."""
        return self._last

    def refresh(self) -> None:
        """Fetch as soon as possible, but not sooner than `refresh_debounce` s after the last fetch."""
        self._refresh.set()
        self._wake.set()

    # ----------------------------------------------------------------------------- the work

    def _run(self) -> None:
        self.replay_cache()
        next_due = time.monotonic()
        last_fetch = float("-inf")
        while not self._stopping.is_set():
            now = time.monotonic()
            if self._refresh.is_set():
                next_due = min(next_due, max(now, last_fetch + self.refresh_debounce))
            if now >= next_due:
                self._refresh.clear()
                last_fetch = now
                try:
                    self.poll_once()
                except Exception:  # only a broken clock gets here; a dead poller would freeze the board
                    log.exception("polling %s failed; trying again later", self.source.name)
                next_due = time.monotonic() + self.next_delay()
                continue
            self._wake.wait(next_due - now)
            self._wake.clear()

    def next_delay(self) -> float:
        """Seconds until the next fetch: poll_seconds, doubled per consecutive failure up to max_backoff."""
        if self._failures <= 1:
            return self.poll_seconds
        return min(self.poll_seconds * 2 ** (self._failures - 1), self.max_backoff)

    def replay_cache(self) -> Snapshot | None:
        """Deliver the cached snapshot, if any, as the last good data (health as stored, from_cache)."""
        with self._poll_lock:
            if self.cache_path is None or self._last_good is not None:
                return None
            cached = cache.load_snapshot(self.cache_path, self._tz)
            if cached is None:
                return None
            cached = dataclasses.replace(cached, from_cache=True)
            self._last_good = cached
            log.info("showing the snapshot cached at %s until %s answers",
                     cached.data_time.isoformat(timespec="minutes"), self.source.name)
            self._deliver(cached)
            return cached

    def poll_once(self) -> Snapshot:
        """Fetch once in the calling thread, deliver the result (good or degraded) and return it."""
        with self._poll_lock:
            now = self._clock()
            try:
                snapshot = _healthy(self.source.fetch(now), self.source)
            except Exception as e:  # any failure keeps the old data; the board must stay up
                result = self._failed(e, now)
            else:
                result = self._succeeded(snapshot)
            self._deliver(result)
            return result

    def _succeeded(self, good: Snapshot) -> Snapshot:
        if self._failures:
            log.info("%s is back after %d failed fetch(es) since %s", self.source.name, self._failures,
                     self._failing_since.isoformat(timespec="seconds") if self._failing_since else "?")
        self._failures = 0
        self._failing_since = None
        self._last_good = good
        self._save(good)
        return good

    def _failed(self, error: Exception, now: datetime) -> Snapshot:
        message = _describe(error, self.source)
        self._failures += 1
        if self._failures == 1:
            self._failing_since = now
            if isinstance(error, SalesboardError):
                log.warning("%s failed: %s; keeping the last good data", self.source.name, message)
            else:
                log.error("%s failed unexpectedly; keeping the last good data", self.source.name,
                          exc_info=(type(error), error, error.__traceback__))
        else:
            log.debug("%s still failing (%d): %s", self.source.name, self._failures, message)
        return _degraded(self._last_good, message, now, self.source)

    def _save(self, good: Snapshot) -> None:
        if self.cache_path is None:
            return
        content = _content(good)
        if content == self._saved and time.monotonic() - self._saved_at < self.cache_every:
            return
        try:
            cache.save_snapshot(self.cache_path, good)
        except Exception as e:  # a full SD card must not stop the board
            if not self._cache_failing:
                log.warning("%s", e, exc_info=not isinstance(e, SourceError))
            self._cache_failing = True
            return
        if self._cache_failing:
            log.info("the cache %s is written again", self.cache_path)
        self._cache_failing = False
        self._saved, self._saved_at = content, time.monotonic()

    def _deliver(self, snapshot: Snapshot) -> None:
        self._last = snapshot
        try:
            self.on_snapshot(snapshot)
        except Exception:
            if not self._callback_failing:
                log.exception("on_snapshot failed; the poller goes on")
            self._callback_failing = True
        else:
            self._callback_failing = False


def _healthy(snapshot: Snapshot, source: Source) -> Snapshot:
    """A fetched snapshot as delivered: named, fresh, and dated. A source that knows how old its
    data really is (a CSV file: when it was exported) sets `health.last_success` itself; otherwise
    the data is as of the fetch."""
    return dataclasses.replace(
        snapshot, source=snapshot.source or source.name, from_cache=False,
        health=SourceHealth(ok=True, message=snapshot.health.message,
                            last_success=snapshot.health.last_success or snapshot.fetched_at))


def _degraded(good: Snapshot | None, message: str, now: datetime, source: Source) -> Snapshot:
    """What a failed fetch delivers: the last good deals (or none), marked not ok, with their age."""
    if good is None:
        return Snapshot(deals=(), reps=(), fetched_at=now, source=source.name,
                        health=SourceHealth(ok=False, message=message, last_success=None))
    return dataclasses.replace(good, fetched_at=now,
                               health=SourceHealth(ok=False, message=message, last_success=good.data_time))


def _describe(error: Exception, source: Source) -> str:
    """The message a person sees: ours as written, anything else with its type (it is a bug)."""
    if isinstance(error, SalesboardError):
        return str(error)
    return f"{source.name}: unexpected {type(error).__name__}: {error}"


def _content(s: Snapshot) -> tuple[object, ...]:
    """What makes a snapshot worth writing again: the data, not the time it was fetched."""
    return s.deals, s.reps, s.skipped, s.source
