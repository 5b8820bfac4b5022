"""The command line: exit codes, messages without tracebacks, the JSON shape, PNGs of real size."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pygame
import pytest

from salesboard.cli import main

ROOT = Path(__file__).resolve().parent.parent
AT = "2026-11-25T15:30"

CSV = (
    "id;title;rep;amount;stage;status;created;closed\n"
    "1;Вектор;Анна Смирнова;1 250 000,50;Сделка успешна;won;01.11.2026;03.11.2026 12:00\n"
    "2;Ромашка;Борис Иванов;300 000;Сделка успешна;won;02.11.2026;10.11.2026\n"
    "3;Заря;Анна Смирнова;99 000;Переговоры;open;05.11.2026;\n"
)


def write_config(tmp_path: Path, csv_text: str = CSV, extra: str = "") -> Path:
    (tmp_path / "deals.csv").write_text(csv_text, encoding="utf-8")
    cfg = tmp_path / "config.yaml"
    cfg.write_text(
        "locale: ru\nsource:\n  type: csv\n  csv:\n    path: deals.csv\n"
        "team:\n  name: Север\n  members:\n"
        "    - name: Анна Смирнова\n      plan: 2100000\n"
        "    - name: Борис Иванов\n      plan: 2100000\n" + extra, encoding="utf-8")
    return cfg


def run_cli(*args: str, cwd: Path = ROOT, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, "-m", "salesboard.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_bad_config_exits_2_with_key_and_line_and_no_traceback(tmp_path: Path) -> None:
    cfg = tmp_path / "config.yaml"
    cfg.write_text("locale: ru\ndisplay:\n  rotation: 45\n", encoding="utf-8")
    result = run_cli("check", "--config", str(cfg))
    assert result.returncode == 2
    assert "line 3" in result.stderr and "display.rotation" in result.stderr
    assert "Traceback" not in result.stderr


def test_metrics_json_shape_and_values(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = write_config(tmp_path)
    assert main(["metrics", "--json", "--config", str(cfg), "--at", AT]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == {"name": "month", "start": "2026-11-01", "end": "2026-11-30"}
    assert data["team"]["won_amount"] == pytest.approx(1_550_000.5)
    assert data["team"]["won_count"] == 2
    assert data["team"]["plan"] == pytest.approx(4_200_000)
    names = [r["name"] for r in data["reps"]]
    assert names == ["Анна Смирнова", "Борис Иванов"]
    anna = data["reps"][0]
    assert {"name", "won_amount", "won_count", "plan", "percent", "pace", "rank", "status"} <= set(anna)
    assert anna["rank"] == 1 and anna["status"] in ("leader", "on_track", "lagging")
    assert anna["percent"] == pytest.approx(1_250_000.5 / 2_100_000 * 100, abs=0.05)


def test_metrics_period_week(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = write_config(tmp_path)
    assert main(["metrics", "--json", "--period", "week", "--config", str(cfg), "--at", AT]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == {"name": "week", "start": "2026-11-23", "end": "2026-11-29"}
    assert data["team"]["won_count"] == 0


def test_check_reports_what_it_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = write_config(tmp_path)
    assert main(["check", "--config", str(cfg), "--at", AT]) == 0
    out = capsys.readouterr().out
    assert "deals: 3 (won 2, lost 0, open 1)" in out
    assert "Анна Смирнова" in out and "2026-11-01" in out


def test_check_lists_skipped_rows_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = write_config(tmp_path, CSV + "4;Плохая;Анна Смирнова;;Сделка успешна;won;01.11.2026;31.02.2026\n")
    assert main(["check", "--config", str(cfg), "--at", AT]) == 1
    out = capsys.readouterr().out
    assert "rows skipped: 1" in out and "line 5" in out


def test_check_with_missing_file_says_which(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = write_config(tmp_path)
    (tmp_path / "deals.csv").unlink()
    assert main(["check", "--config", str(cfg), "--at", AT]) == 1
    captured = capsys.readouterr()
    assert "deals.csv" in captured.out + captured.err


@pytest.mark.parametrize("size,rotate", [("1280x720", "0"), ("1920x1080", "90")])
def test_render_writes_a_png_of_the_physical_size(tmp_path: Path, size: str, rotate: str) -> None:
    out = tmp_path / "board.png"
    assert main(["render", "--config", str(ROOT / "config.yaml"), "--view", "leaderboard", "--out", str(out),
                 "--size", size, "--rotate", rotate, "--at", AT]) == 0
    image = pygame.image.load(str(out))
    w, h = (int(x) for x in size.split("x"))
    assert image.get_size() == (w, h)
    colours = {image.get_at((x, y))[:3] for x in range(0, w, 37) for y in range(0, h, 41)}
    assert len(colours) > 5  # a real board, not a blank frame


def test_render_unknown_view_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--config", str(ROOT / "config.yaml"), "--view", "nope", "--out",
                 str(tmp_path / "x.png"), "--at", AT]) == 2
    assert "leaderboard" in capsys.readouterr().err


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    result = run_cli("render", "--out", str(tmp_path / "x.png"), "--size", "huge")
    assert result.returncode == 2 and "1920x1080" in result.stderr
    result = run_cli("metrics", "--json", "--at", "yesterday")
    assert result.returncode == 2 and "ISO" in result.stderr


def start_board(folder: Path) -> tuple[subprocess.Popen[str], Path]:
    """Start `salesboard run` with no screen at all and wait (at most 15 s) for its first PNG."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    proc = subprocess.Popen([sys.executable, "-m", "salesboard.cli", "run", "--config", str(folder / "config.yaml")],
                            cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    png = folder / "var" / "screen.png"
    deadline = time.monotonic() + 15
    while not png.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    return proc, png


def stop_board(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=20)
    return proc.returncode, out, err


def test_run_without_a_screen_keeps_a_png_and_stops_on_sigterm(tmp_path: Path) -> None:
    write_config(tmp_path, extra="display:\n  screenshot: var/screen.png\n  size: 640x360\ncache_dir: var\n")
    proc, png = start_board(tmp_path)
    try:
        assert png.exists(), "no PNG within 15 s"
        assert pygame.image.load(str(png)).get_size() == (640, 360)
        cached = tmp_path / "var" / "last-snapshot-csv.json"
        deadline = time.monotonic() + 10
        while not cached.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert cached.exists()  # the last good data is kept on disk
    finally:
        code, out, err = stop_board(proc)
    assert code == 0, err
    assert "screen.png" in out  # it says where the picture is


def test_a_mistake_in_config_keeps_the_board_running_on_the_last_good_one(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("display:\n  size: 640x360\n", encoding="utf-8")
    assert main(["check", "--config", str(path), "--at", AT]) == 0  # check never remembers a config
    assert not (tmp_path / "var" / "last-good-config.yaml").exists()
    proc, png = start_board(tmp_path)
    code, _, err = stop_board(proc)
    assert code == 0 and png.exists(), err
    assert (tmp_path / "var" / "last-good-config.yaml").exists()
    assert not (tmp_path / "var" / "last-snapshot-demo.json").exists()  # made-up data is not kept

    path.write_text("display:\n  size: 640x360\n  rotation: 45\n", encoding="utf-8")
    png.unlink()
    proc, png = start_board(tmp_path)
    try:
        assert proc.poll() is None and png.exists(), "the board went dark over a config mistake"
    finally:
        code, _, err = stop_board(proc)
    assert code == 0
    assert "line 3" in err and "display.rotation" in err and "last good config" in err


@pytest.mark.parametrize("csv_name", ["deals-bitrix24-cp1251.csv", "deals.csv"])
def test_the_shipped_examples_load_whole(tmp_path: Path, csv_name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The examples in the README must work as they are: every row read, every rep matched."""
    text = (ROOT / "examples" / "config-csv.yaml").read_text(encoding="utf-8")
    text = text.replace("deals-bitrix24-cp1251.csv", str(ROOT / "examples" / csv_name))
    text = text.replace("cache_dir: ../var/example", f"cache_dir: {tmp_path}")
    (tmp_path / "config.yaml").write_text(text, encoding="utf-8")
    assert main(["check", "--config", str(tmp_path / "config.yaml"), "--at", AT]) == 0
    out = capsys.readouterr().out
    assert "deals: 60 (won 21, lost 16, open 23)" in out
    assert "skipped" not in out and "not on the team" not in out


def test_check_flags_deals_that_load_but_can_never_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = write_config(tmp_path, "id;rep;amount;currency;status;closed\n"
                                 "1;Анна Смирнова;1000;RUB;won;03.11.2026\n"
                                 "2;Анна Смирнова;2000;RUB;won;\n"
                                 "3;Борис Иванов;3000;RUB;won;03.11.2062\n"
                                 "4;Борис Иванов;4000;USD;won;04.11.2026\n")
    assert main(["check", "--config", str(cfg), "--at", AT]) == 1
    out = capsys.readouterr().out
    assert "1 won deal(s) have no closing date" in out and ": 2" in out
    assert "closed over a month ahead" in out and "03.11.2062" in out
    assert "other currencies" in out and "USD: 1" in out
    assert "won in total: 6\u00a0000\u00a0₽" in out  # 1000 + 2000 + 3000 roubles; the dollars are not added


def test_sighup_reads_the_source_now_and_the_picture_follows(tmp_path: Path) -> None:
    """The whole pipe, live: file on disk -> poller thread -> loop -> leaderboard -> PNG."""
    cfg = write_config(tmp_path, extra="display:\n  size: 640x360\n")
    # An hour between polls: only the signal can make the board read the file again in time.
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("  type: csv\n", "  type: csv\n  poll_seconds: 3600\n"),
                   encoding="utf-8")
    proc, png = start_board(tmp_path)
    try:
        assert png.exists(), "no PNG within 15 s"
        first = png.stat().st_mtime_ns
        before = pygame.image.load(str(png))
        (tmp_path / "deals.csv").write_text(CSV + "9;Большая;Борис Иванов;9 000 000;Сделка успешна;won;01.11.2026;"
                                            f"{datetime.now():%d.%m.%Y} 00:01\n", encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 10
        while png.stat().st_mtime_ns == first and time.monotonic() < deadline:
            time.sleep(0.05)
        after = pygame.image.load(str(png))
        assert png.stat().st_mtime_ns != first, "the board did not redraw after SIGHUP"
        assert proc.poll() is None  # SIGHUP refreshes; it does not stop the board
        changed = sum(before.get_at((x, y)) != after.get_at((x, y)) for x in range(0, 640, 8) for y in range(0, 360, 8))
        assert changed > 50  # Борис overtook Анна: the rows really changed
    finally:
        code, _, err = stop_board(proc)
    assert code == 0, err
