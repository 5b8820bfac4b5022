"""What every source is: something that can be asked, from a worker thread, for a Snapshot."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from salesboard.model import Snapshot


class Source(Protocol):
    """A source of deals.

    `fetch` runs in the poller's worker thread, never on the render path. It returns a complete
    Snapshot or raises salesboard.errors.SourceError with a message a person can act on (what, where,
    how to fix). It must not return partial data as if it were whole.
    """

    name: str

    def fetch(self, now: datetime) -> Snapshot: ...
