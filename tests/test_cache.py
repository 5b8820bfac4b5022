"""The on-disk cache of the last good snapshot: round trip, atomic writes, bad files read as None."""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from salesboard.config import Config, SourceConfig
from salesboard.errors import SourceError
from salesboard.model import Deal, Rep, SkippedRow, Snapshot, SourceHealth
from sources.cache import cache_path, load_snapshot, save_snapshot

MSK = ZoneInfo("Europe/Moscow")


def full_snapshot() -> Snapshot:
    t = datetime(2026, 11, 28, 14, 5, 30, 123456, tzinfo=MSK)
    return Snapshot(
        deals=(
            Deal(id="101", title="Поставка «кофе»", rep="Анна", amount=1250000.5, currency="RUB",
                 stage="Сделка успешна", status="won", created=t - timedelta(days=30), closed=t,
                 modified=datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=-5)))),
            Deal(id="L7", title="", rep="Bob", amount=0.0, currency="USD", stage="", status="open"),
            Deal(id="x", title="t", rep="Bob", amount=-15.25, currency="EUR", stage="s", status="lost",
                 closed=datetime(2026, 1, 1, tzinfo=timezone.utc)),
        ),
        reps=(Rep(key="Анна", name="Анна"), Rep(key="u42", name="Bob Smith")),
        fetched_at=t,
        source="csv",
        health=SourceHealth(ok=False, message="CRM down: 503", last_success=t - timedelta(hours=2)),
        skipped=(SkippedRow(line=5, reason="amount 'сто' is not a number"), SkippedRow(line=9, reason="no rep")),
    )


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    snap = full_snapshot()
    path = tmp_path / "var" / "last.json"  # the folder is created
    save_snapshot(path, snap)
    back = load_snapshot(path)
    assert back == snap
    assert back is not None
    for before, after in zip(snap.deals, back.deals):
        for name in ("created", "closed", "modified"):
            b, a = getattr(before, name), getattr(after, name)
            assert (a is None) == (b is None)
            if a is not None:
                assert a.utcoffset() == b.utcoffset()  # the wall time survives, not only the instant


def test_load_converts_times_to_the_given_timezone(tmp_path: Path) -> None:
    path = tmp_path / "last.json"
    save_snapshot(path, full_snapshot())
    back = load_snapshot(path, MSK)
    assert back is not None and back == full_snapshot()
    assert back.deals[0].modified is not None and back.deals[0].modified.tzinfo is MSK
    assert back.fetched_at.tzinfo is MSK and back.health.last_success is not None


def test_the_file_is_plain_utf8_json(tmp_path: Path) -> None:
    path = tmp_path / "last.json"
    save_snapshot(path, full_snapshot())
    data = json.loads(path.read_text("utf-8"))
    assert data["deals"][0]["title"] == "Поставка «кофе»" and data["format"] == 1


def test_atomic_write_leaves_only_the_file(tmp_path: Path) -> None:
    path = tmp_path / "last.json"
    save_snapshot(path, full_snapshot())
    save_snapshot(path, Snapshot(deals=(), reps=(), fetched_at=datetime(2026, 1, 1, tzinfo=MSK)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["last.json"]
    back = load_snapshot(path)
    assert back is not None and back.deals == ()


def test_a_failed_write_keeps_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "last.json"
    save_snapshot(path, full_snapshot())

    def no_rename(src: str, dst: str) -> None:  # the OS refusing the rename, e.g. a read-only card
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(SourceError, match="cannot write the cache.*Read-only file system.*cache_dir"):
        save_snapshot(path, Snapshot(deals=(), reps=(), fetched_at=datetime(2026, 1, 1, tzinfo=MSK)))
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["last.json"]
    assert load_snapshot(path) == full_snapshot()


def test_unwritable_folder_is_a_source_error(tmp_path: Path) -> None:
    blocker = tmp_path / "var"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(SourceError, match="cannot write the cache"):
        save_snapshot(blocker / "last.json", full_snapshot())


def test_missing_file_is_none_with_one_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="salesboard.sources.cache"):
        assert load_snapshot(tmp_path / "nope.json") is None
    assert len(caplog.records) == 1 and "no cached snapshot" in caplog.records[0].getMessage()


@pytest.mark.parametrize("content", [
    b"",
    b"\x00\xff garbage",
    b'{"format": 1, "deals": [',  # cut short by a power failure on a non-atomic writer
    b"[1, 2, 3]",
    b'{"format": 99}',
    b"null",
])
def test_corrupt_file_is_none_with_one_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                               content: bytes) -> None:
    path = tmp_path / "last.json"
    path.write_bytes(content)
    with caplog.at_level(logging.INFO, logger="salesboard.sources.cache"):
        assert load_snapshot(path) is None
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "unusable" in caplog.records[0].getMessage()


@pytest.mark.parametrize("field, value", [
    ("status", "maybe"), ("amount", "a lot"), ("amount", True), ("closed", "2026-13-01T00:00:00+03:00"),
    ("closed", "2026-11-28T10:00:00"), ("id", None), ("rep", 5),
])
def test_a_deal_with_a_wrong_value_makes_the_file_unusable(tmp_path: Path, field: str, value: object) -> None:
    path = tmp_path / "last.json"
    save_snapshot(path, full_snapshot())
    data = json.loads(path.read_text("utf-8"))
    data["deals"][0][field] = value
    path.write_text(json.dumps(data), "utf-8")
    assert load_snapshot(path) is None


def test_cache_path_is_per_source_type_under_cache_dir(tmp_path: Path) -> None:
    csv = Config(base_dir=tmp_path, cache_dir="state", source=SourceConfig(type="csv"))
    demo = Config(base_dir=tmp_path, cache_dir="state", source=SourceConfig(type="demo"))
    assert cache_path(csv).parent == tmp_path / "state"
    assert cache_path(csv) != cache_path(demo)
