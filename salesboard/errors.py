"""One error tree for the whole project.

Every error a person can act on derives from SalesboardError; classes also inherit the matching
built-in (as gpiozero does), so callers that only know ValueError or OSError still catch them.
"""

from __future__ import annotations


class SalesboardError(Exception):
    """Root of every error salesboard raises on purpose."""


class ConfigError(SalesboardError, ValueError):
    """config.yaml is unreadable or invalid. The message names the key path and the line."""

    def __init__(self, message: str, *, path: str = "", line: int | None = None, file: str = "") -> None:
        self.key_path = path
        self.line = line
        self.file = file
        where = file or "config.yaml"
        if line is not None:
            where += f", line {line}"
        if path:
            where += f", key '{path}'"
        super().__init__(f"{where}: {message}")


class SourceError(SalesboardError, OSError):
    """A data source could not deliver a snapshot (file missing, CRM down, bad answer)."""


class RenderError(SalesboardError, RuntimeError):
    """A screen could not be drawn (unknown view, bad size)."""
