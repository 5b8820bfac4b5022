"""The contract between the wiring and every screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from salesboard.config import Config
from salesboard.model import Snapshot


@dataclass(frozen=True, slots=True)
class ViewContext:
    """Everything a screen may look at. `now` is passed in: a layout never reads the clock."""

    snapshot: Snapshot
    config: Config
    now: datetime
