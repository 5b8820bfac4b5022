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
    # A problem the room must see, shown in place of "data as of" (e.g. the board runs on the last
    # good config.yaml because the current one has a mistake). Empty: nothing to say.
    notice: str = ""
