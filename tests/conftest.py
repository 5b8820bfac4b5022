"""Shared test set-up: pygame draws real pixels with SDL's dummy video driver and writes sound with the
disk audio driver; no test opens a window or a sound card. Set before any test imports pygame."""

from __future__ import annotations

import os
import tempfile

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "disk"
# The disk driver writes what would be played; keep it out of the working tree.
os.environ["SDL_DISKAUDIOFILE"] = os.path.join(tempfile.gettempdir(), "salesboard-test-audio.raw")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
