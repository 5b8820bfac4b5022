"""config.yaml: every kind of error names the key path and the line; the shipped file is valid."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from salesboard.config import (Config, ConfigError, last_good_path, load_config, load_config_for_board,
                               parse_config)

ROOT = Path(__file__).resolve().parent.parent


def error_of(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    return info.value


def test_shipped_config_is_valid_and_uses_the_demo_source() -> None:
    cfg = load_config(ROOT / "config.yaml")
    assert cfg.source.type == "demo"
    assert cfg.locale in ("ru", "en")
    assert cfg.base_dir == ROOT


def test_empty_file_gives_defaults() -> None:
    assert parse_config("") == Config()
    assert parse_config("# only comments\n") == Config()


def test_unknown_key_names_path_line_and_known_keys() -> None:
    err = error_of("locale: ru\nsource:\n  type: csv\n  pol_seconds: 30\n")
    assert err.key_path == "source.pol_seconds"
    assert err.line == 4
    assert "unknown key 'pol_seconds'" in str(err)
    assert "poll_seconds" in str(err)
    assert str(err).startswith("config.yaml, line 4, key 'source.pol_seconds'")


def test_wrong_type_names_list_index() -> None:
    text = "team:\n  members:\n    - name: Анна\n      plan: 100\n    - name: Борис\n      plan: много\n"
    err = error_of(text)
    assert err.key_path == "team.members[1].plan"
    assert err.line == 6
    assert "expected a number" in str(err) and "много" in str(err)


def test_bad_choice_lists_the_choices() -> None:
    err = error_of("display:\n  rotation: 45\n")
    assert err.key_path == "display.rotation" and err.line == 2
    assert "0, 90, 180, 270" in str(err)


def test_bad_value_range() -> None:
    err = error_of("source:\n  poll_seconds: 1\n")
    assert err.key_path == "source.poll_seconds" and err.line == 2
    assert "at least 5" in str(err)


def test_yaml_syntax_error_has_line() -> None:
    err = error_of("locale: ru\nteam:\n  members: [\n")
    assert err.line is not None and err.line >= 3
    assert "not valid YAML" in str(err)


def test_missing_required_key() -> None:
    err = error_of("team:\n  members:\n    - photo: a.jpg\n")
    assert err.key_path == "team.members[0].name"
    assert "required" in str(err)


def test_colour_must_be_quoted_hex() -> None:
    err = error_of("team:\n  members:\n    - name: A\n      color: blue\n")
    assert err.key_path == "team.members[0].color" and err.line == 4


def test_duplicate_match_key_is_refused() -> None:
    err = error_of("team:\n  members:\n    - name: Анна\n    - name: Борис\n      match: [анна]\n")
    assert err.key_path == "team.members[1]"
    assert "members[0]" in str(err)


def test_env_substitution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SB_TEST_TEAM", "Отдел Север")
    cfg = parse_config("team:\n  name: ${SB_TEST_TEAM}\n")
    assert cfg.team.name == "Отдел Север"


def test_env_missing_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SB_TEST_UNSET", raising=False)
    err = error_of("source:\n  csv:\n    path: ${SB_TEST_UNSET}/deals.csv\n")
    assert err.key_path == "source.csv.path" and err.line == 3
    assert "SB_TEST_UNSET" in str(err)


def test_values_are_converted() -> None:
    cfg = parse_config(
        "timezone: Asia/Almaty\nworking_hours:\n  start: 08:30\n  end: \"17:00\"\n"
        "holidays: [2026-12-31, 07.01.2027]\ndisplay:\n  size: 1280x720\n"
        "team:\n  plan: 1 500 000\n  members:\n    - name: A\n      plan: {week: 100000}\n")
    assert cfg.timezone.key == "Asia/Almaty"
    assert cfg.working_hours.start == time(8, 30) and cfg.working_hours.end == time(17, 0)
    assert cfg.holidays == (date(2026, 12, 31), date(2027, 1, 7))
    assert cfg.display.size == (1280, 720)
    assert cfg.team.plan.month == 1_500_000
    assert cfg.team.members[0].plan.week == 100000 and cfg.team.members[0].plan.month is None


@pytest.mark.parametrize("text,path,line", [
    ("timezone: Mars/Base\n", "timezone", 1),
    ("working_hours:\n  start: \"25:00\"\n", "working_hours.start", 2),
    ("working_hours:\n  start: \"18:00\"\n  end: \"09:00\"\n", "working_hours.end", 3),
    ("holidays: [31.02.2026]\n", "holidays[0]", 1),
    ("display:\n  size: big\n", "display.size", 2),
    ("display:\n  fullscreen: maybe\n", "display.fullscreen", 2),
    ("currency: рубли\n", "currency", 1),
    ("views:\n  show: [leaderboard, nonsense]\n", "views.show[1]", 2),
    ("team:\n  plan: -5\n", "team.plan", 2),
    ("source:\n  demo:\n    reps: 0\n", "source.demo.reps", 3),
    ("source: csv\n", "source", 1),
    ("working_days: []\n", "working_days", 1),
    # YAML itself refuses these; they must still be a ConfigError with the line, never a traceback.
    ("holidays: [2027-02-29]\n", "holidays[0]", 1),
    ("team:\n  name: !secret team_name\n", "team.name", 2),
    ("team:\n  plan: !!int 5_000_000.5\n", "team.plan", 2),
    ("team:\n  plan: 1" + "0" * 320 + "\n", "team.plan", 2),
    # Numbers that are not numbers would freeze the poller or blank every frame.
    ("team:\n  plan: .nan\n", "team.plan", 2),
    ("team:\n  plan: .inf\n", "team.plan", 2),
    ("source:\n  poll_seconds: .inf\n", "source.poll_seconds", 2),
    ("source:\n  poll_seconds: .nan\n", "source.poll_seconds", 2),
    ("source:\n  poll_seconds: 100000\n", "source.poll_seconds", 2),
    ("views:\n  rotate_seconds: .nan\n", "views.rotate_seconds", 2),
    ("source:\n  demo:\n    live_minutes: 2000\n", "source.demo.live_minutes", 3),
])
def test_each_bad_value_points_at_its_key(text: str, path: str, line: int) -> None:
    err = error_of(text)
    assert err.key_path == path
    assert err.line == line


def test_load_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.yaml")
    assert "not found" in str(info.value)


def test_paths_resolve_next_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("source:\n  type: csv\n  csv:\n    path: data/deals.csv\n", encoding="utf-8")
    cfg = load_config(tmp_path / "config.yaml")
    assert cfg.resolve(cfg.source.csv.path) == tmp_path / "data" / "deals.csv"


def test_board_falls_back_to_the_last_good_config(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("locale: en\nteam:\n  name: North\n", encoding="utf-8")
    cfg, problem = load_config_for_board(path)
    assert problem is None and cfg.team.name == "North"
    assert last_good_path(path).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")

    path.write_text("locale: en\nteam:\n  name: North\n  plan: lots\n", encoding="utf-8")
    cfg, problem = load_config_for_board(path)
    assert cfg.team.name == "North" and cfg.team.plan.month is None  # the remembered one
    assert cfg.base_dir == tmp_path  # paths still resolve beside the admin's config.yaml
    assert problem is not None and problem.line == 4 and problem.key_path == "team.plan"
    assert "lots" not in last_good_path(path).read_text(encoding="utf-8")  # the bad one is not remembered


def test_board_without_a_last_good_config_reports_the_mistake(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("locale: klingon\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config_for_board(path)
    assert info.value.line == 1


def test_duplicate_match_keys_use_the_same_rule_as_matching_deals() -> None:
    # Metrics match "Анна  Смирнова" and "анна смирнова" to one person, so config must refuse both.
    err = error_of("team:\n  members:\n    - name: Анна  Смирнова\n    - name: x\n      match: [анна смирнова]\n")
    assert err.key_path == "team.members[1]"
