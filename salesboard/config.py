"""config.yaml: the one file the admin edits.

The schema is the dataclasses below; their defaults are the documented defaults. Loading walks the
YAML node tree (not plain dicts) so that every error can name the key path *and* the line, e.g.

    config.yaml, line 14, key 'team.members[2].plan': expected a number, got 'lots'

`${NAME}` inside a string value is replaced from the environment, so secrets (CRM tokens) never live in
the file. Unknown keys are errors: a typo silently ignored is a board that silently shows wrong data.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from yaml.constructor import SafeConstructor

from salesboard.atomic import replacing
from salesboard.errors import ConfigError
from salesboard.model import rep_key

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# ----------------------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class Plan:
    """A plan in money. A bare number in the file means `month`; week and day are pro-rated from it
    by working days unless given explicitly."""

    month: float | None = None
    week: float | None = None
    day: float | None = None

    @property
    def is_set(self) -> bool:
        return any(v is not None for v in (self.month, self.week, self.day))


@dataclass(frozen=True)
class CsvColumns:
    """Which CSV column holds what. Matched case-insensitively, after trimming spaces."""

    id: str = "id"
    title: str = "title"
    rep: str = "rep"
    amount: str = "amount"
    currency: str = "currency"
    stage: str = "stage"
    status: str = "status"
    created: str = "created"
    closed: str = "closed"
    modified: str = "modified"


@dataclass(frozen=True)
class CsvSettings:
    path: str = "deals.csv"
    encoding: str = "auto"  # auto | utf-8 | utf-8-sig | cp1251
    delimiter: str = "auto"  # auto | ";" | "," | "\t"
    columns: CsvColumns = field(default_factory=CsvColumns)
    # Status from a stage name, for exports that have no status column ("Сделка успешна").
    won_stages: tuple[str, ...] = ("won", "успешно реализовано", "сделка успешна", "закрыто и реализовано")
    lost_stages: tuple[str, ...] = ("lost", "закрыто и не реализовано", "сделка провалена", "проиграна")


@dataclass(frozen=True)
class DemoSettings:
    seed: int = 7
    reps: int = 8
    weeks_of_history: int = 10
    # A live deal is won every `win_every_min`..`win_every_max` seconds while the board runs.
    win_every_min: float = 30.0
    win_every_max: float = 90.0
    # ...for this many minutes after start (0: no live stream; at most a day, so memory stays
    # bounded), then the simulated pipeline's own pace.
    live_minutes: float = 60.0


@dataclass(frozen=True)
class SourceConfig:
    type: Literal["demo", "csv"] = "demo"
    poll_seconds: float = 60.0
    # Data older than this is shown as old (amber, with its age) even when the source answers.
    # None: 26 hours for a CSV file (a nightly export is fine), else 3 polls and at least 10 minutes.
    stale_minutes: float | None = None
    demo: DemoSettings = field(default_factory=DemoSettings)
    csv: CsvSettings = field(default_factory=CsvSettings)


@dataclass(frozen=True)
class Member:
    name: str
    # The keys this person has in the source: CRM user id(s) or the name(s) used in the CSV.
    # Empty means "the same as name".
    match: tuple[str, ...] = ()
    photo: str | None = None
    color: str | None = None
    plan: Plan = field(default_factory=Plan)


@dataclass(frozen=True)
class TeamConfig:
    name: str = ""
    plan: Plan = field(default_factory=Plan)  # empty: the sum of the members' plans
    members: tuple[Member, ...] = ()


@dataclass(frozen=True)
class Thresholds:
    """Status by pace (percent of plan / share of the period's working time gone)."""

    leader_pace: float = 1.10  # at or above: leader
    lagging_pace: float = 0.85  # below: lagging (needs help)
    grace_share: float = 0.10  # before this share of the period's working time, nobody lags


@dataclass(frozen=True)
class WorkingHours:
    start: time = time(9, 0)
    end: time = time(18, 0)


@dataclass(frozen=True)
class DisplayConfig:
    size: tuple[int, int] | None = None  # None: the screen's own size (window: 1280x720)
    fullscreen: bool | None = None  # None: full screen on a console (KMSDRM), a window on a desktop
    rotation: Literal[0, 90, 180, 270] = 0
    theme: Literal["dark", "light"] = "dark"
    fps: int = 30  # only while something animates; a still board draws nothing
    screenshot: str = "var/screen.png"  # headless: the current screen is kept here


@dataclass(frozen=True)
class ViewsConfig:
    show: tuple[Literal["leaderboard"], ...] = ("leaderboard",)
    rotate_seconds: float = 30.0
    period: Literal["day", "week", "month"] = "month"


@dataclass(frozen=True)
class Config:
    locale: Literal["ru", "en"] = "ru"
    timezone: ZoneInfo = ZoneInfo("Europe/Moscow")
    currency: str = "RUB"
    week_start: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = "mon"
    working_days: tuple[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], ...] = (
        "mon", "tue", "wed", "thu", "fri")
    working_hours: WorkingHours = field(default_factory=WorkingHours)
    holidays: tuple[date, ...] = ()
    source: SourceConfig = field(default_factory=SourceConfig)
    team: TeamConfig = field(default_factory=TeamConfig)
    thresholds: Thresholds = field(default_factory=Thresholds)
    display: DisplayConfig = field(default_factory=DisplayConfig)
    views: ViewsConfig = field(default_factory=ViewsConfig)
    cache_dir: str = "var"
    base_dir: Path = field(default=Path("."), metadata={"internal": True})

    @property
    def working_weekdays(self) -> frozenset[int]:
        """Working days as `date.weekday()` numbers (Monday is 0)."""
        return frozenset(WEEKDAYS.index(d) for d in self.working_days)

    @property
    def week_start_index(self) -> int:
        return WEEKDAYS.index(self.week_start)

    def resolve(self, path: str) -> Path:
        """A path from the file, relative to the folder config.yaml lives in."""
        p = Path(os.path.expanduser(path))
        return p if p.is_absolute() else self.base_dir / p


# ----------------------------------------------------------------------------------------- loading

_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SIZE = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")


class _Ctx:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, node: yaml.Node | None, path: str, message: str) -> typing.NoReturn:
        line = node.start_mark.line + 1 if node is not None else None
        raise ConfigError(message, path=path, line=line, file=self.file)


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate config.yaml. Raises ConfigError naming the key and the line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"file not found. Copy config.yaml from the project and edit it.", file=str(p)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read the file ({e}). Save it as UTF-8 text.", file=str(p)) from None
    cfg = parse_config(text, file=str(p))
    return dataclasses.replace(cfg, base_dir=p.resolve().parent)


def last_good_path(config_path: str | os.PathLike[str]) -> Path:
    """Where the board keeps a copy of the last config.yaml that loaded (beside it, in var/)."""
    return Path(config_path).resolve().parent / "var" / "last-good-config.yaml"


def load_config_for_board(path: str | os.PathLike[str]) -> tuple[Config, ConfigError | None]:
    """Load config.yaml for the running board, which must not go dark over a typo.

    A config that loads is remembered (copied to var/last-good-config.yaml). A config with a mistake
    is replaced by the remembered one, and the mistake is returned so the board can show it; only
    when there is nothing to fall back on does the error propagate (exit code 2).
    """
    backup = last_good_path(path)
    try:
        cfg = load_config(path)
    except ConfigError as error:
        if not backup.is_file():
            raise
        try:
            cfg = parse_config(backup.read_text(encoding="utf-8"), file=str(backup))
        except (OSError, UnicodeDecodeError, ConfigError):
            raise error from None
        return dataclasses.replace(cfg, base_dir=Path(path).resolve().parent), error
    _remember(Path(path), backup)
    return cfg, None


def _remember(source: Path, backup: Path) -> None:
    try:
        text = source.read_text(encoding="utf-8-sig")
        if backup.is_file() and backup.read_text(encoding="utf-8") == text:
            return
        with replacing(backup) as tmp:
            tmp.write_text(text, encoding="utf-8")
    except OSError:  # a read-only folder only costs the fallback, never the board
        pass


def parse_config(text: str, *, file: str = "config.yaml") -> Config:
    ctx = _Ctx(file)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise ConfigError(
            f"not valid YAML: {e.problem or e.context}. Check indentation (spaces, not tabs) and quotes.",
            line=mark.line + 1 if mark else None, file=file) from None
    except yaml.YAMLError as e:
        raise ConfigError(f"not valid YAML: {e}", file=file) from None
    if node is None:
        return Config()
    return _build(ctx, Config, node, "")


def _scalar(ctx: _Ctx, node: yaml.Node, path: str) -> Any:
    """The Python value of a scalar node, with ${ENV} substituted in strings."""
    if not isinstance(node, yaml.ScalarNode):
        ctx.fail(node, path, f"expected a single value, got a {'list' if isinstance(node, yaml.SequenceNode) else 'mapping'}")
    try:
        value = node.value if node.tag == "tag:yaml.org,2002:str" else SafeConstructor().construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError, TypeError) as e:
        # YAML itself refuses the value: 2027-02-29, an unknown !tag, !!int on a fraction...
        problem = getattr(e, "problem", None) or str(e)
        ctx.fail(node, path, f"cannot read {node.value!r}: {problem}. Quote it to keep it as text, or correct it")
    if isinstance(value, str) and "${" in value:
        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in os.environ:
                ctx.fail(node, path, f"environment variable {name} is not set. Set it in the service's environment "
                                     f"(for systemd: Environment= or EnvironmentFile=).")
            return os.environ[name]
        value = _ENV.sub(sub, value)
    return value


def _describe(value: Any) -> str:
    return "nothing" if value is None else repr(value)


def _build(ctx: _Ctx, cls: type, node: yaml.Node, path: str) -> Any:
    """Build dataclass `cls` from a mapping node, refusing unknown keys."""
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null") and node.tag.endswith("null"):
        return cls()
    if not isinstance(node, yaml.MappingNode):
        ctx.fail(node, path, "expected a mapping of keys (key: value on separate lines)")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    values: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        sub = f"{path}.{key}" if path else key
        if key not in fields:
            known = ", ".join(fields)
            ctx.fail(key_node, sub, f"unknown key '{key}'. Known keys here: {known}")
        if key in values:
            ctx.fail(key_node, sub, "given twice; keep one")
        values[key] = _convert(ctx, hints[key], value_node, sub)
    for name, f in fields.items():
        if name not in values and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            ctx.fail(node, f"{path}.{name}" if path else name, "required key is missing")
    try:
        obj = cls(**values)
    except (TypeError, ValueError) as e:  # pragma: no cover - the schema above rules these out
        ctx.fail(node, path, str(e))
    _check(ctx, obj, node, path)
    return obj


def _convert(ctx: _Ctx, tp: Any, node: yaml.Node, path: str) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            if type(None) in args:
                return None
        inner = [a for a in args if a is not type(None)]
        return _convert(ctx, inner[0], node, path)
    if tp is Plan:
        return _plan(ctx, node, path)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _build(ctx, tp, node, path)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null"):
            items = [node]  # a single value where a list is expected: be kind
        elif isinstance(node, yaml.ScalarNode):
            items = []
        elif isinstance(node, yaml.SequenceNode):
            items = node.value
        else:
            ctx.fail(node, path, "expected a list")
        return tuple(_convert(ctx, args[0], item, f"{path}[{i}]") for i, item in enumerate(items))
    if origin is tuple:  # display.size: (width, height)
        value = _scalar(ctx, node, path)
        m = _SIZE.match(str(value))
        if not m:
            ctx.fail(node, path, f"expected a size like 1920x1080, got {_describe(value)}")
        return int(m.group(1)), int(m.group(2))
    if origin is Literal:
        value = _scalar(ctx, node, path)
        if isinstance(value, str):
            value = value.strip().lower() if all(isinstance(a, str) for a in args) else value
        if value not in args:
            choices = ", ".join(str(a) for a in args)
            ctx.fail(node, path, f"expected one of {choices}; got {_describe(value)}")
        return value
    value = _scalar(ctx, node, path)
    if tp is bool:
        if isinstance(value, bool):
            return value
        ctx.fail(node, path, f"expected true or false, got {_describe(value)}")
    if tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        ctx.fail(node, path, f"expected a whole number, got {_describe(value)}")
    if tp is float:
        return _number(ctx, node, path, value)
    if tp is str:
        if value is None or isinstance(value, (list, dict)):
            ctx.fail(node, path, f"expected text, got {_describe(value)}")
        return str(value)
    if tp is ZoneInfo:
        try:
            return ZoneInfo(str(value))
        except (ZoneInfoNotFoundError, ValueError):
            ctx.fail(node, path, f"unknown timezone {_describe(value)}; use a name like Europe/Moscow or Asia/Almaty")
    if tp is time:
        if isinstance(value, int) and not isinstance(value, bool):  # YAML 1.1 reads 09:00 as 540 (sexagesimal)
            if 0 <= value < 24 * 60:
                return time(value // 60, value % 60)
        m = re.match(r"^\s*(\d{1,2}):(\d{2})\s*$", str(value))
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            return time(int(m.group(1)), int(m.group(2)))
        ctx.fail(node, path, f"expected a time like \"09:00\", got {_describe(value)}")
    if tp is date:
        if isinstance(value, date):
            return value
        m = re.match(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$", str(value))
        try:
            if m:
                return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return date.fromisoformat(str(value).strip())
        except ValueError:
            ctx.fail(node, path, f"expected a date like 2026-01-07 or 07.01.2026, got {_describe(value)}")
    raise AssertionError(f"config schema has an unsupported type {tp!r} at {path}")  # pragma: no cover


def _number(ctx: _Ctx, node: yaml.Node, path: str, value: Any) -> float:
    number: float | None = None
    try:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):  # "1 500 000" or "1_500_000" are fine in a plan
            number = float(value.replace("\u00a0", "").replace(" ", "").replace("_", "").replace(",", "."))
    except (ValueError, OverflowError):
        number = None
    if number is None or not math.isfinite(number) or abs(number) > 1e15:
        ctx.fail(node, path, f"expected a number, got {_describe(value)}")
    return number


def _plan(ctx: _Ctx, node: yaml.Node, path: str) -> Plan:
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":null"):
            return Plan()
        return _checked_plan(ctx, node, path, Plan(month=_number(ctx, node, path, _scalar(ctx, node, path))))
    return _checked_plan(ctx, node, path, _build(ctx, Plan, node, path))


def _checked_plan(ctx: _Ctx, node: yaml.Node, path: str, plan: Plan) -> Plan:
    for name in ("month", "week", "day"):
        v = getattr(plan, name)
        if v is not None and v < 0:
            ctx.fail(node, path, f"a plan cannot be negative ({name}: {v:g})")
    return plan


def _check(ctx: _Ctx, obj: Any, node: yaml.MappingNode, path: str) -> None:
    """Cross-field rules that types alone cannot say."""

    def at(key: str) -> tuple[yaml.Node, str]:
        for k, v in node.value:
            if k.value == key:
                return v, f"{path}.{key}" if path else key
        return node, f"{path}.{key}" if path else key

    if isinstance(obj, SourceConfig):
        if obj.poll_seconds < 5:
            ctx.fail(*at("poll_seconds"), "must be at least 5 seconds: polling faster only gets the board rate-limited")
        if obj.poll_seconds > 86400:
            ctx.fail(*at("poll_seconds"), "must be at most 86400 seconds (a day)")
        if obj.stale_minutes is not None and not 1 <= obj.stale_minutes <= 100_000:
            ctx.fail(*at("stale_minutes"), "expected 1 to 100000 minutes, or leave it out for the automatic choice")
    if isinstance(obj, DemoSettings):
        if not 1 <= obj.reps <= 30:
            ctx.fail(*at("reps"), "expected 1 to 30 reps")
        if not 0 < obj.win_every_min <= obj.win_every_max:
            ctx.fail(*at("win_every_min"), "expected 0 < win_every_min <= win_every_max")
        if not 0 <= obj.live_minutes <= 1440:
            ctx.fail(*at("live_minutes"), "expected 0 (no live stream) to 1440 minutes (a day)")
        if not 1 <= obj.weeks_of_history <= 104:
            ctx.fail(*at("weeks_of_history"), "expected 1 to 104 weeks")
    if isinstance(obj, CsvSettings):
        if obj.encoding not in ("auto", "utf-8", "utf-8-sig", "cp1251"):
            ctx.fail(*at("encoding"), "expected auto, utf-8, utf-8-sig or cp1251")
        if obj.delimiter not in ("auto", ";", ",", "\t", "tab"):
            ctx.fail(*at("delimiter"), 'expected auto, ";", "," or tab')
    if isinstance(obj, Member):
        if not obj.name.strip():
            ctx.fail(*at("name"), "a team member needs a name")
        if obj.color is not None and not re.fullmatch(r"#[0-9a-fA-F]{6}", obj.color):
            ctx.fail(*at("color"), f"expected a colour like \"#4f9dff\", got {obj.color!r} (quote it: # starts a comment)")
    if isinstance(obj, Thresholds):
        if not 0 <= obj.lagging_pace <= obj.leader_pace:
            ctx.fail(*at("lagging_pace"), "expected 0 <= lagging_pace <= leader_pace")
        if not 0 <= obj.grace_share < 1:
            ctx.fail(*at("grace_share"), "expected a share from 0 to 0.99")
    if isinstance(obj, WorkingHours) and not obj.start < obj.end:
        ctx.fail(*at("end"), "the working day must end after it starts")
    if isinstance(obj, DisplayConfig):
        if not 1 <= obj.fps <= 60:
            ctx.fail(*at("fps"), "expected 1 to 60")
        if obj.size is not None and (min(obj.size) < 320 or max(obj.size) > 7680):
            ctx.fail(*at("size"), "expected a size between 320 and 7680 pixels a side")
    if isinstance(obj, ViewsConfig):
        if not 3 <= obj.rotate_seconds <= 3600:
            ctx.fail(*at("rotate_seconds"), "expected 3 to 3600 seconds per view")
        if not obj.show:
            ctx.fail(*at("show"), "list at least one view")
    if isinstance(obj, TeamConfig):
        seen: dict[str, int] = {}
        for i, m in enumerate(obj.members):
            for key in m.match or (m.name,):
                k = rep_key(key)
                if k in seen:
                    item = node
                    for kk, vv in node.value:
                        if kk.value == "members" and isinstance(vv, yaml.SequenceNode):
                            item = vv.value[i]
                    ctx.fail(item, f"{path}.members[{i}]", f"'{key}' already belongs to members[{seen[k]}]")
                seen[k] = i
    if isinstance(obj, Config):
        if not obj.working_days:
            ctx.fail(*at("working_days"), "list at least one working day")
        if not re.fullmatch(r"[A-Z]{3}", obj.currency):
            ctx.fail(*at("currency"), f"expected a 3-letter currency code like RUB, USD, EUR; got {obj.currency!r}")
