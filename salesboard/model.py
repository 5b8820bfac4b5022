"""The data model: what every source produces and every metric reads.

All objects are frozen: a Snapshot is handed from the poller thread to the main loop and must never
change under the reader. Timestamps are timezone-aware; sources convert naive times to the
configured timezone before building a Deal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

DealStatus = Literal["open", "won", "lost"]
DEAL_STATUSES: tuple[DealStatus, ...] = ("open", "won", "lost")


def rep_key(name: str) -> str:
    """How a rep name or CRM id is compared: case and spacing do not matter ("Анна  Смирнова" ==
    "анна смирнова"). Config, metrics and `check` all match people with this one rule."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True, slots=True)
class Rep:
    """A sales rep as a source knows them: `key` is the CRM user id or the name used in a CSV."""

    key: str
    name: str


@dataclass(frozen=True, slots=True)
class Deal:
    id: str
    title: str
    rep: str  # Rep.key
    amount: float
    currency: str
    stage: str
    status: DealStatus
    created: datetime | None = None
    closed: datetime | None = None
    modified: datetime | None = None

    @property
    def closed_or_modified(self) -> datetime | None:
        """When the deal reached its status: the closing date, else the last change."""
        return self.closed or self.modified


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A row a source could not use: where it was and why, so the admin can fix the export."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """How the last fetch went. `message` is for a person; `last_success` dates the data."""

    ok: bool = True
    message: str = ""
    last_success: datetime | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a source knew at `fetched_at`."""

    deals: tuple[Deal, ...]
    reps: tuple[Rep, ...]
    fetched_at: datetime
    source: str = ""
    health: SourceHealth = field(default_factory=SourceHealth)
    skipped: tuple[SkippedRow, ...] = ()
    # The deals were replayed from the on-disk cache at start, not yet confirmed by the source this run.
    from_cache: bool = False

    @property
    def data_time(self) -> datetime:
        """When the shown data was last good: the last success, else the fetch time."""
        return self.health.last_success or self.fetched_at
