"""The last good Snapshot on disk, so a board that boots while the CRM is down still shows the numbers.

Written atomically (a temp file in the same folder, fsync, os.replace, fsync of the folder): a power
cut mid-write leaves the old file or the new one, never half of one. Reading never raises: a missing,
unreadable or corrupt file is logged in one line and reads as None, and the board waits for the source.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from salesboard.atomic import replacing
from salesboard.config import Config
from salesboard.errors import SourceError
from salesboard.model import DEAL_STATUSES, Deal, Rep, SkippedRow, Snapshot, SourceHealth

log = logging.getLogger("salesboard.sources.cache")

FORMAT = 1  # bump when the layout below changes; an old file then reads as None


def cache_path(cfg: Config) -> Path:
    """One file per source type, so switching demo -> csv never shows demo deals as real ones."""
    return cfg.resolve(cfg.cache_dir) / f"last-snapshot-{cfg.source.type}.json"


def save_snapshot(path: Path, snapshot: Snapshot) -> None:
    """Write `snapshot` to `path` atomically. Raises SourceError if the folder is not writable."""
    data = json.dumps(snapshot_to_dict(snapshot), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        with replacing(path) as tmp:
            tmp.write_bytes(data)
    except OSError as e:
        raise SourceError(f"cannot write the cache {path}: {e.strerror or e}. "
                          f"Check that cache_dir in config.yaml is a writable folder.") from None


def load_snapshot(path: Path, tz: tzinfo | None = None) -> Snapshot | None:
    """The snapshot saved at `path`, or None (logged in one line) if there is none or it is unusable.

    Datetimes come back aware; with `tz` they are converted to it (JSON keeps only the UTC offset).
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        log.info("no cached snapshot at %s yet", path)
        return None
    except OSError as e:
        log.warning("cannot read the cached snapshot %s: %s; starting without it", path, e.strerror or e)
        return None
    try:
        return snapshot_from_dict(json.loads(raw.decode("utf-8")), tz)
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        log.warning("the cached snapshot %s is unusable (%s: %s); starting without it", path, type(e).__name__, e)
        return None


def snapshot_to_dict(s: Snapshot) -> dict[str, Any]:
    """A JSON-ready dict; `from_cache` is not stored, it describes how a snapshot was obtained."""
    return {
        "format": FORMAT,
        "source": s.source,
        "fetched_at": _dt(s.fetched_at),
        "health": {"ok": s.health.ok, "message": s.health.message, "last_success": _dt(s.health.last_success)},
        "reps": [{"key": r.key, "name": r.name} for r in s.reps],
        "deals": [
            {"id": d.id, "title": d.title, "rep": d.rep, "amount": d.amount, "currency": d.currency,
             "stage": d.stage, "status": d.status, "created": _dt(d.created), "closed": _dt(d.closed),
             "modified": _dt(d.modified)}
            for d in s.deals
        ],
        "skipped": [{"line": k.line, "reason": k.reason} for k in s.skipped],
    }


def snapshot_from_dict(data: dict[str, Any], tz: tzinfo | None = None) -> Snapshot:
    """The inverse of snapshot_to_dict. Raises ValueError, TypeError or KeyError on a bad dict."""
    if data.get("format") != FORMAT:
        raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
    fetched_at = _parse_dt(data["fetched_at"], tz)
    if fetched_at is None:
        raise ValueError("no fetched_at")
    h = data["health"]
    deals = []
    for d in data["deals"]:
        if d["status"] not in DEAL_STATUSES:
            raise ValueError(f"deal {d['id']!r} has status {d['status']!r}")
        deals.append(Deal(
            id=_str(d["id"]), title=_str(d["title"]), rep=_str(d["rep"]), amount=_num(d["amount"]),
            currency=_str(d["currency"]), stage=_str(d["stage"]), status=d["status"],
            created=_parse_dt(d["created"], tz), closed=_parse_dt(d["closed"], tz),
            modified=_parse_dt(d["modified"], tz)))
    return Snapshot(
        deals=tuple(deals),
        reps=tuple(Rep(key=_str(r["key"]), name=_str(r["name"])) for r in data["reps"]),
        fetched_at=fetched_at,
        source=_str(data["source"]),
        health=SourceHealth(ok=bool(h["ok"]), message=_str(h["message"]),
                            last_success=_parse_dt(h["last_success"], tz)),
        skipped=tuple(SkippedRow(line=int(k["line"]), reason=_str(k["reason"])) for k in data["skipped"]),
    )


def _dt(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _parse_dt(text: Any, tz: tzinfo | None) -> datetime | None:
    if text is None:
        return None
    moment = datetime.fromisoformat(_str(text))
    if moment.tzinfo is None:
        raise ValueError(f"time {text!r} has no UTC offset")
    return moment.astimezone(tz) if tz is not None else moment


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {value!r}")
    return value


def _num(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"expected a number, got {value!r}")
    return float(value)
