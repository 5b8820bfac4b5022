"""Shared test set-up: pygame draws real pixels with SDL's dummy video driver and writes sound with the
disk audio driver; no test opens a window or a sound card. Set before any test imports pygame."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "disk"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
