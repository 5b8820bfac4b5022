"""The `salesboard` command: run, check, render, metrics.

Exit codes: 0 fine; 1 the source could not be read (or a check found problems); 2 config.yaml or the
command line is wrong. Errors are one clear message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before anything imports pygame

from salesboard.config import Config, last_good_path, load_config, load_config_for_board
from salesboard.errors import ConfigError, SalesboardError
from salesboard.formatting import money
from salesboard.model import rep_key

EXIT_OK, EXIT_PROBLEM, EXIT_CONFIG = 0, 1, 2


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"expected a size like 1920x1080, got {text!r}")
    w, h = int(m.group(1)), int(m.group(2))
    if not (64 <= w <= 7680 and 64 <= h <= 7680):
        raise argparse.ArgumentTypeError("each side must be 64 to 7680 pixels")
    return w, h


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an ISO date and time like 2026-11-25T15:30, got {text!r}")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=Path(os.environ.get("SALESBOARD_CONFIG", "config.yaml")),
                        help="path to config.yaml (default: ./config.yaml or $SALESBOARD_CONFIG)")
    common.add_argument("--at", type=_moment, metavar="ISO_DATETIME",
                        help="freeze 'now' (local time of the configured timezone unless an offset is given)")
    common.add_argument("-v", "--verbose", action="store_true", help="log debug messages")

    parser = argparse.ArgumentParser(prog="salesboard", description="A wall board for a sales office.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", parents=[common], help="show the board")
    mode = run.add_mutually_exclusive_group()
    mode.add_argument("--fullscreen", dest="fullscreen", action="store_const", const=True, default=None)
    mode.add_argument("--windowed", dest="fullscreen", action="store_const", const=False)

    sub.add_parser("check", parents=[common], help="validate config.yaml and read the source once")

    render = sub.add_parser("render", parents=[common], help="draw one screen to a PNG, no display needed")
    render.add_argument("--view", default="leaderboard")
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--size", type=_size, default=None, help="WxH of the physical screen (default 1920x1080)")
    render.add_argument("--rotate", type=int, choices=(0, 90, 180, 270), default=None)

    metrics = sub.add_parser("metrics", parents=[common], help="the standings as JSON")
    metrics.add_argument("--json", action="store_true", help="print JSON (the only format so far)")
    metrics.add_argument("--period", choices=("day", "week", "month"), default=None)
    return parser


def _now(cfg: Config, at: datetime | None) -> datetime:
    if at is None:
        return datetime.now(cfg.timezone)
    return at.replace(tzinfo=cfg.timezone) if at.tzinfo is None else at.astimezone(cfg.timezone)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from salesboard.app import configure_logging
    configure_logging(args.verbose)
    problem: ConfigError | None = None
    try:
        if args.command == "run":
            cfg, problem = load_config_for_board(args.config)
        else:
            cfg = load_config(args.config)
    except ConfigError as e:
        print(f"salesboard: {e}", file=sys.stderr)
        return EXIT_CONFIG
    now = _now(cfg, args.at)
    try:
        if args.command == "run":
            from salesboard.app import run_board
            if problem is not None:
                print(f"salesboard: {problem}\nsalesboard: running on the last good config "
                      f"({last_good_path(args.config)}) until this is fixed", file=sys.stderr)
            return run_board(cfg, fullscreen=args.fullscreen, at=now if args.at else None, config_problem=problem)
        if args.command == "check":
            return _check(cfg, now, args.config)
        if args.command == "render":
            return _render(cfg, now, args)
        if args.command == "metrics":
            return _metrics(cfg, now, args.period)
    except SalesboardError as e:
        print(f"salesboard: {e}", file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_CONFIG  # pragma: no cover - argparse refuses unknown commands


def _check(cfg: Config, now: datetime, path: Path) -> int:
    from salesboard.app import read_snapshot
    from salesboard.metrics import counts_in, roster
    from salesboard.periods import period_at
    print(f"config: OK ({path})")
    snap = read_snapshot(cfg, now)
    problems = 0
    if not snap.health.ok:
        print(f"source: PROBLEM — {snap.health.message}")
        problems += 1
    else:
        print(f"source: {snap.source} OK")
    statuses = Counter(d.status for d in snap.deals)
    print(f"deals: {len(snap.deals)} (won {statuses['won']}, lost {statuses['lost']}, open {statuses['open']})")
    moments = [m for d in snap.deals for m in (d.created, d.closed) if m is not None]
    if moments:
        print(f"dates: {min(moments):%Y-%m-%d} .. {max(moments):%Y-%m-%d}")
    won = [d for d in snap.deals if d.status == "won"]
    won_total = sum(d.amount for d in won if counts_in(d, cfg))
    print(f"won in total: {money(won_total, cfg.currency, cfg.locale)}")
    # Deals that load but can never count: each is a number missing from the wall.
    undated = [d for d in won if d.closed_or_modified is None]
    # Weeks ahead is a typo in the year; a day or two ahead is `--at` looking at the past.
    future = [d for d in won if d.closed_or_modified is not None and d.closed_or_modified > now + timedelta(days=30)]
    foreign = Counter(d.currency.upper() for d in snap.deals if not counts_in(d, cfg))
    if undated:
        print(f"PROBLEM: {len(undated)} won deal(s) have no closing date, so they count in no period "
              f"(add a 'closed' column): {', '.join(d.id for d in undated[:10])}")
        problems += 1
    if future:
        print(f"PROBLEM: {len(future)} won deal(s) are closed over a month ahead, so they do not count yet "
              f"(a typo in the year?): {', '.join(f'{d.id} {d.closed_or_modified:%d.%m.%Y}' for d in future[:10])}")
        problems += 1
    if foreign:
        listed = ", ".join(f"{code or '?'}: {n}" for code, n in foreign.most_common())
        print(f"PROBLEM: deals in other currencies are not counted (the board is in {cfg.currency}): {listed}")
        problems += 1
    people = roster(snap, cfg, period_at(cfg.views.period, now, cfg))
    print(f"reps on the board: {len(people)}: {', '.join(p.name for p in people)}")
    if cfg.team.members:
        known = {k for p in people for k in p.match}
        strangers = sorted({d.rep for d in snap.deals if rep_key(d.rep) not in known})
        if strangers:
            print(f"not on the team (add them to team.members[].match to count them): {', '.join(strangers[:20])}")
    if snap.skipped:
        print(f"rows skipped: {len(snap.skipped)}")
        for row in snap.skipped[:50]:
            print(f"  line {row.line}: {row.reason}")
        if len(snap.skipped) > 50:
            print(f"  ... and {len(snap.skipped) - 50} more")
        problems += 1
    return EXIT_OK if problems == 0 else EXIT_PROBLEM


def _render(cfg: Config, now: datetime, args: argparse.Namespace) -> int:
    from layouts.registry import VIEWS
    from salesboard.app import read_snapshot, render_to_png
    if args.view not in VIEWS:
        print(f"salesboard: unknown view {args.view!r}; known views: {', '.join(VIEWS)}", file=sys.stderr)
        return EXIT_CONFIG
    size = args.size or cfg.display.size or (1920, 1080)
    rotation = cfg.display.rotation if args.rotate is None else args.rotate
    snap = read_snapshot(cfg, now)
    render_to_png(cfg, args.view, args.out, size, rotation, now, snap)
    print(f"{args.out}: {args.view}, {size[0]}x{size[1]}, rotated {rotation}°, at {now:%Y-%m-%d %H:%M}")
    return EXIT_OK


def _metrics(cfg: Config, now: datetime, period: str | None) -> int:
    from salesboard.app import read_snapshot
    from salesboard.metrics import standings, standings_json
    snap = read_snapshot(cfg, now)
    data = standings_json(standings(snap, cfg, now, period or cfg.views.period))  # type: ignore[arg-type]
    data["data_as_of"] = snap.data_time.isoformat(timespec="seconds")
    data["source_ok"] = snap.health.ok
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
