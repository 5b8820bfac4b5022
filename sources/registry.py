"""Which Source class serves `source.type` in config.yaml. The wiring calls this; nothing else does."""

from __future__ import annotations

from datetime import datetime

from salesboard.config import Config
from salesboard.errors import ConfigError
from sources.base import Source


def make_source(cfg: Config, start: datetime) -> Source:
    """The source config.yaml asks for. `start` is when the board started (the demo's clock origin).

    Imports are lazy so that a board on CSV never loads the demo's (or a CRM's) code.
    """
    kind = cfg.source.type
    if kind == "csv":
        from sources.csv_source import CsvSource

        return CsvSource(cfg.source.csv, cfg)
    if kind == "demo":
        from sources.demo import DemoSource

        return DemoSource(cfg, start)
    raise ConfigError(f"unknown source type {kind!r}; expected demo or csv", path="source.type")
