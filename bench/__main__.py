"""Speed and memory benchmarks: `make bench` (or `python -m bench`).

Targets are for the machine the benchmark runs on and are deliberately loose for a desktop; a Pi 4/5
is roughly 4-10 times slower, which the targets leave room for (a board that draws only on change
can afford a 250 ms frame on a Pi). Exit code 1 when a target is missed. These are never unit tests:
timings do not belong in `make test`.

Measured:
- metrics: standings over a month of the demo team, one day after start (about 2 000 deals);
- frame: the leaderboard drawn from scratch (cold caches) and again with the same data (warm);
- idle: CPU used by a running headless board over 20 s with nothing changing (the demo's live
  stream switched off), which must be close to zero: the loop sleeps until something happens;
- memory: the resident size of that board process.
"""

from __future__ import annotations

import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from salesboard.config import parse_config  # noqa: E402

AT = datetime.fromisoformat("2026-11-25T15:30")
CONFIG = "team:\n  plan: 24000000\n"


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def bench_metrics_and_frames() -> list[tuple[str, float, float, str]]:
    import pygame

    from display.kit import Kit
    from layouts.base import ViewContext
    from layouts.registry import render_view
    from salesboard.metrics import standings
    from sources.demo import DemoSource

    cfg = parse_config(CONFIG)
    now = AT.replace(tzinfo=cfg.timezone)
    source = DemoSource(cfg, now - timedelta(days=1))
    snap = source.fetch(now)
    rows = [("metrics: month standings, %d deals (ms)" % len(snap.deals),
             statistics.median(timed(lambda: standings(snap, cfg, now, "month"), 20)), 20.0, "median")]
    pygame.display.init()
    pygame.font.init()
    ctx = ViewContext(snap, cfg, now)
    for size in ((1920, 1080), (3840, 2160)):
        cold = timed(lambda: render_view("leaderboard", ctx, size, 0, Kit("dark")), 3)
        kit = Kit("dark")
        render_view("leaderboard", ctx, size, 0, kit)
        warm = timed(lambda: render_view("leaderboard", ctx, size, 0, kit), 10)
        label = f"{size[0]}x{size[1]}"
        rows.append((f"frame {label}, cold caches (ms)", statistics.median(cold), 400.0, "median"))
        rows.append((f"frame {label}, warm caches (ms)", statistics.median(warm), 60.0 if size[0] < 3000 else 200.0,
                     "median"))
    rotated = timed(lambda: render_view("leaderboard", ctx, (1920, 1080), 90, kit), 10)
    rows.append(("frame 1920x1080 rotated 90, warm (ms)", statistics.median(rotated), 80.0, "median"))
    pygame.display.quit()
    return rows


def bench_idle_board(seconds: float = 20.0) -> list[tuple[str, float, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "config.yaml"
        cfg.write_text(CONFIG + "source:\n  demo:\n    live_minutes: 0.01\n"
                       "display:\n  size: 1920x1080\n", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env["SDL_VIDEODRIVER"] = "dummy"
        proc = subprocess.Popen([sys.executable, "-m", "salesboard.cli", "run", "--config", str(cfg)],
                                cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        png = Path(tmp) / "var" / "screen.png"
        deadline = time.monotonic() + 30
        while not png.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        started = time.monotonic() - (deadline - 30)
        time.sleep(2)  # let start-up settle
        stat0 = _cpu_seconds(proc.pid)
        time.sleep(seconds)
        stat1 = _cpu_seconds(proc.pid)
        rss = _rss_mb(proc.pid)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    cpu_percent = (stat1 - stat0) / seconds * 100
    return [("start-up to first PNG (s)", started, 15.0, "once"),
            (f"idle board CPU over {seconds:.0f} s (%)", cpu_percent, 1.0, "mean"),
            ("board resident memory (MB)", rss, 200.0, "after start")]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    rows = bench_metrics_and_frames() + bench_idle_board()
    missed = 0
    print(f"{'benchmark':<48} {'value':>9} {'target':>9}")
    for name, value, target, how in rows:
        ok = value <= target
        missed += not ok
        print(f"{name:<48} {value:>9.1f} {'<= ' + format(target, 'g'):>9} {how}{'' if ok else '  MISSED'}")
    print(f"bench process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
