"""Deals from a CSV file: an export from Excel, 1C, Bitrix24, amoCRM or a hand-kept sheet.

The file is read again only when it changes on disk (modification time, size or inode), so polling a
big export every minute costs one `stat`. A row that cannot be used is skipped, counted and recorded in
`Snapshot.skipped` with its physical line number; the rest loads. The skipped rows are logged once per
version of the file, not on every poll.

The standard layout: one header line, then one deal per line. Headers are matched case-insensitively
after trimming spaces; the names set in `source.csv.columns` win, and where such a column is absent the
common names below are tried (first match wins).

    key       config name   also accepted
    id        id            ID, №, Идентификатор, ID сделки
    title     title         Название сделки, Название, Сделка, Deal, Name
    rep       rep           Ответственный, Менеджер, Продавец, Owner, Manager, Sales rep
    amount    amount        Сумма, Сумма сделки, Бюджет, Amount, Value, Sum
    currency  currency      Валюта, Currency
    stage     stage         Стадия сделки, Стадия, Этап сделки, Этап, Deal stage, Stage
    status    status        Статус, Статус сделки, Status
    created   created       Дата создания, Создана, Created, Created at, Create date
    closed    closed        Дата закрытия, Закрыта, Closed, Close date, Closed at
    modified  modified      Дата изменения, Изменена, Modified, Modified at, Updated

    rep, amount and one of status / stage are required; the rest may be absent.

    ID;Название сделки;Ответственный;Сумма;Валюта;Стадия сделки;Дата создания;Дата закрытия
    101;Поставка кофе;Анна Смирнова;1 250 000,50;RUB;Сделка успешна;01.11.2026;28.11.2026 14:05

Reading decisions:
- Encoding: a file starting with a UTF-16 byte order mark (FF FE or FE FF: Excel's "Unicode text",
  usually tab-delimited) is read as UTF-16; otherwise UTF-8 (with or without BOM) is tried strictly
  first, and if the bytes are not UTF-8 the file is read as cp1251 (what Excel writes on a Russian
  Windows). `encoding` in the config forces one.
- Delimiter: the one of `;`, `,` and tab that occurs most often (outside quotes) in the header line; on
  a tie `;` beats tab beats `,`. Excel's `sep=;` first line is honoured. `delimiter` forces one.
- Amounts and dates: see `parse_amount` and `parse_datetime`. Only a currency may stand next to the
  number ("1,5 млн", "2 тыс.", "Итого 1000" are skipped, not misread). A negative amount (a refund) is
  kept, so it lowers the rep's won total; a trailing minus ("50000-", as accounting exports write it) is
  a negative amount too. "DD.MM.YY" dates are 20YY.
- A row is "too few fields" only if it ends before the rep, amount or status / stage cell; missing
  optional cells after those (an empty "modified" that Excel did not write) are empty.
- A totals row (its first non-empty cell or its rep cell is "Итого", "Всего", "Общий итог", "Total",
  "Totals" or "Grand total", any case, maybe with a colon) is skipped as "a totals row", wherever it is:
  it is never a rep.
- The data is dated by the file: `health.last_success` is the file's modification time (when the export
  was made, not when it was polled), never later than the poll; `fetched_at` is the poll.
- Status: a recognised status cell (won / lost / open and their Russian words) decides; otherwise a stage
  listed in `won_stages` / `lost_stages` (or itself called won / lost, "успешно", "проиграна"...);
  anything else is open.
- A row without an id gets "L<line>": stable while rows are only appended. Add an id column when the
  sheet gets sorted or rows are inserted, or deals will look new to the board. A second row with an id
  already seen is skipped: counting a deal twice is worse than missing it, and the admin is told.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import os
import re
import threading
from dataclasses import dataclass, fields
from datetime import datetime, tzinfo
from pathlib import Path

from salesboard.config import Config, CsvColumns, CsvSettings
from salesboard.errors import SourceError
from salesboard.formatting import CURRENCY_SIGNS
from salesboard.model import Deal, DealStatus, Rep, SkippedRow, Snapshot, SourceHealth

log = logging.getLogger("salesboard.sources.csv")

# Headers tried after the configured one, per CsvColumns field; compared as _norm_header makes them.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("ID", "№", "Идентификатор", "ID сделки"),
    "title": ("Название сделки", "Название", "Сделка", "Deal", "Name"),
    "rep": ("Ответственный", "Менеджер", "Продавец", "Owner", "Manager", "Sales rep"),
    "amount": ("Сумма", "Сумма сделки", "Бюджет", "Amount", "Value", "Sum"),
    "currency": ("Валюта", "Currency"),
    "stage": ("Стадия сделки", "Стадия", "Этап сделки", "Этап", "Deal stage", "Stage"),
    "status": ("Статус", "Статус сделки", "Status"),
    "created": ("Дата создания", "Создана", "Created", "Created at", "Create date"),
    "closed": ("Дата закрытия", "Закрыта", "Closed", "Close date", "Closed at"),
    "modified": ("Дата изменения", "Изменена", "Modified", "Modified at", "Updated"),
}

STATUS_WORDS: dict[DealStatus, frozenset[str]] = {
    "won": frozenset({
        "won", "win", "closed won", "closed-won", "success", "successful",
        "выиграна", "выиграно", "выигран", "выигрыш", "успешно", "успешна", "успешная", "успех",
        "сделка успешна", "успешно реализовано", "закрыто и реализовано", "реализовано", "реализована",
    }),
    "lost": frozenset({
        "lost", "lose", "closed lost", "closed-lost", "failed", "fail",
        "проиграна", "проиграно", "проигран", "провалена", "провал", "отказ", "неуспешно",
        "сделка провалена", "закрыто и не реализовано", "не реализовано", "нереализовано",
    }),
    "open": frozenset({
        "open", "opened", "in progress", "in work", "active", "new",
        "в работе", "открыта", "открыто", "открыт", "активна", "новая", "новый", "в процессе",
    }),
}

# Words and signs an amount cell may carry around the number, mapped to a currency code.
_CURRENCY_WORDS: dict[str, str] = {
    **{sign.casefold(): code for code, sign in CURRENCY_SIGNS.items()},
    **{code.casefold(): code for code in CURRENCY_SIGNS},
    "руб": "RUB", "руб.": "RUB", "р": "RUB", "р.": "RUB", "рубль": "RUB", "рублей": "RUB", "рубля": "RUB",
    "rur": "RUB", "долл": "USD", "долл.": "USD", "евро": "EUR", "тенге": "KZT",
    "тг": "KZT", "грн": "UAH", "грн.": "UAH",
}

REQUIRED = ("rep", "amount")
# First cells of the summary line under an export (Excel, 1C, pivot tables); compared after _norm_word.
TOTALS_WORDS = frozenset({"итого", "всего", "общий итог", "total", "totals", "grand total"})
DATE_FIELDS = ("created", "closed", "modified")
_DELIMITERS = (";", "\t", ",")  # the tie-break order
_SPACES = " \u00a0\u202f\u2009\u2007"
_MINUSES = "-\u2212"  # hyphen-minus and the minus sign
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_NUMBER = re.compile(r"\d(?:[\d" + _SPACES + r"',.]*\d)?")
_GROUPED = re.compile(r"\d{1,3}(?:[" + _SPACES + r"']\d{3})+")
_DOTTED = re.compile(
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})"
    r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T].*)?")


def parse_amount(text: str) -> tuple[float, str | None]:
    """The number in an amount cell and the currency code written next to it, if any.

    Accepted: "1 250 000,50" (spaces, U+00A0 or U+202F group thousands; comma is the decimal mark),
    "1,250,000.50", "1.250.000,50", "1250000", "1'250'000", with a currency sign, code or word on either
    side ("1 250 000 ₽", "₽1,250,000", "1250000 руб.", "USD 99.90") and one minus before or after the
    number ("-1 500", "$-1500", "50000-": accounting exports put it last).

    Nothing but a currency may stand next to the number: "1,5 млн", "2 тыс.", "Итого 1000", "x1000" are
    refused, because reading them as 1.5, 2 or 1000 would put a wrong number on the board.

    Where both "," and "." appear, the last one is the decimal mark. Where only one of them appears:
    several times, it groups thousands; once, it groups thousands only if exactly three digits follow it,
    the digits before it are 1-3 and not "0", and no space grouping is used — so "1,250" and "1.250" are
    1250 (amounts of deals are rarely fractions of a ruble), while "1,25", "0,125", "1250,500" and
    "1 250,500" are decimals. Groups after a thousands separator must have three digits.

    Raises ValueError with a reason for a person.
    """
    s = text.strip()
    if not s:
        raise ValueError("empty amount")
    runs = list(_NUMBER.finditer(s))
    if len(runs) != 1:
        raise ValueError(f"amount {s!r} is not a number")
    run = runs[0]
    prefix, suffix = s[: run.start()], s[run.end():]
    minuses = sum((prefix + suffix).count(m) for m in _MINUSES)
    if minuses > 1:
        raise ValueError(f"amount {s!r} is not a number")
    currencies: set[str] = set()
    for part in (prefix, suffix):
        word = part.translate({ord(m): " " for m in _MINUSES}).strip(_SPACES)
        if not word:
            continue
        code = _currency_in(word)
        if code is None:
            raise ValueError(f"amount {s!r} is not a number ({word!r} is not a currency)")
        currencies.add(code)
    if len(currencies) > 1:
        raise ValueError(f"amount {s!r} names two currencies")
    currency = next(iter(currencies), None)
    core = run.group()
    spaced = any(c in core for c in _SPACES + "'")
    if spaced:
        head = re.split(r"[,.]", core, maxsplit=1)[0]
        if not _GROUPED.fullmatch(head):
            raise ValueError(f"amount {s!r} has odd digit groups")
        core = core.replace("'", "")
        for c in _SPACES:
            core = core.replace(c, "")
    try:
        value = _plain_number(core)
    except ValueError:
        raise ValueError(f"amount {s!r} is not a number") from None
    return (-value if minuses else value), currency


def _plain_number(core: str) -> float:
    """Digits with at most ',' and '.' left; see parse_amount for the rules."""
    commas, dots = core.count(","), core.count(".")
    if commas and dots:
        dec = "," if core.rfind(",") > core.rfind(".") else "."
        thou = "." if dec == "," else ","
        if core.count(dec) != 1:
            raise ValueError(core)
        whole, frac = core.split(dec)
        return _grouped(whole, thou) + float("0." + frac)
    if not commas and not dots:
        return float(core)
    sep = "," if commas else "."
    if core.count(sep) > 1:
        return _grouped(core, sep)
    whole, frac = core.split(sep)
    if len(frac) == 3 and 1 <= len(whole) <= 3 and whole != "0":  # spaced numbers have 4+ digits here
        return float(whole + frac)
    return float(f"{whole}.{frac}")


def _grouped(whole: str, sep: str) -> float:
    parts = whole.split(sep)
    if not (1 <= len(parts[0]) <= 3) or any(len(p) != 3 for p in parts[1:]):
        raise ValueError(whole)
    return float("".join(parts))


def _currency_in(text: str) -> str | None:
    """A currency code for a sign or word such as "₽", "руб.", "USD"; None if there is none."""
    word = text.strip(_SPACES).casefold()
    if not word:
        return None
    return _CURRENCY_WORDS.get(word) or _CURRENCY_WORDS.get(word.rstrip("."))


def normalize_currency(text: str, default: str) -> str:
    """A currency cell as a code: "руб." and "₽" are RUB; an unknown word is kept, upper-cased."""
    t = text.strip()
    if not t:
        return default
    return _currency_in(t) or t.upper()


def parse_datetime(text: str, tz: tzinfo) -> datetime | None:
    """A date cell as an aware datetime, or None when the cell is empty.

    Accepted: ISO 8601 ("2026-11-28", "2026-11-28T14:05", "2026-11-28 14:05:00+03:00", "...Z") and
    "28.11.2026", "28.11.2026 14:05", "28.11.2026 14:05:30"; a two-digit year ("28.11.26", as Excel
    shows short dates) is 20YY, as deals on a board are. A time without an offset is local time in
    the configured timezone; one with an offset is converted to it. A date without a time is midnight
    (00:00 local) of that day, so a deal closed "today" counts from the start of today.
    Raises ValueError for anything else, including impossible dates such as 31.02.2026.
    """
    s = text.strip()
    if not s:
        return None
    m = _DOTTED.fullmatch(s)
    try:
        if m:
            year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
            moment = datetime(year, int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0),
                              int(m["S"] or 0))
        elif _ISO.fullmatch(s):
            moment = datetime.fromisoformat(s)
        else:
            raise ValueError(s)
    except ValueError:
        raise ValueError(f"date {s!r} is not a real date (expected 2026-11-28 or 28.11.2026)") from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=tz)
    return moment.astimezone(tz)


def status_of(status_cell: str, stage_cell: str, won_stages: frozenset[str],
              lost_stages: frozenset[str]) -> DealStatus:
    """won / lost / open from a status cell, else from the stage; see the module docstring.

    `won_stages` and `lost_stages` are normalised with `stage_set`.
    """
    status = _norm_word(status_cell)
    for kind in ("won", "lost", "open"):
        if status in STATUS_WORDS[kind]:
            return kind
    for text in (status, _norm_word(stage_cell)):
        if text in won_stages or text in STATUS_WORDS["won"]:
            return "won"
        if text in lost_stages or text in STATUS_WORDS["lost"]:
            return "lost"
    return "open"


def stage_set(stages: tuple[str, ...]) -> frozenset[str]:
    """Stage names as status_of compares them: case, spacing and ё/е do not matter."""
    return frozenset(_norm_word(s) for s in stages if s.strip())


def _norm_word(text: str) -> str:
    return " ".join(text.replace("ё", "е").replace("Ё", "Е").split()).casefold()


def _norm_header(text: str) -> str:
    return _norm_word(text)


# ----------------------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Parsed:
    deals: tuple[Deal, ...]
    reps: tuple[Rep, ...]
    skipped: tuple[SkippedRow, ...]


class CsvSource:
    """A Source reading `settings.path` (relative to config.yaml); see the module docstring."""

    name = "csv"

    def __init__(self, settings: CsvSettings, cfg: Config) -> None:
        self.settings = settings
        self.path: Path = cfg.resolve(settings.path)
        self._tz = cfg.timezone
        self._currency = cfg.currency
        self._won = stage_set(settings.won_stages)
        self._lost = stage_set(settings.lost_stages)
        self._lock = threading.Lock()  # fetch may be called by the poller and a CLI check alike
        self._stamp: tuple[int, int, int] | None = None
        self._parsed: _Parsed | None = None

    def fetch(self, now: datetime) -> Snapshot:
        """The deals in the file; the file is parsed again only if it changed since the last fetch.

        `health.last_success` is the file's modification time: the board's "data as of" tells when the
        export was made. It is capped at `now`, so a PC clock running ahead cannot date data in the future.
        """
        with self._lock:
            stamp = self._stat()
            if stamp != self._stamp or self._parsed is None:
                data, stamp = self._read(stamp)
                parsed = self._parse(self._decode(data))
                self._report(parsed)
                self._parsed, self._stamp = parsed, stamp
            parsed = self._parsed
        exported = min(_file_time(stamp[0], self._tz), now)
        return Snapshot(deals=parsed.deals, reps=parsed.reps, fetched_at=now, source=self.name,
                        health=SourceHealth(ok=True, last_success=exported), skipped=parsed.skipped)

    def _stat(self) -> tuple[int, int, int]:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            raise SourceError(f"CSV file not found: {self.path}. Put the export there, or set source.csv.path "
                              f"in config.yaml (a relative path is relative to config.yaml's folder).") from None
        except OSError as e:
            raise SourceError(f"cannot read the CSV file {self.path}: {e.strerror or e}") from None
        if not os.path.isfile(self.path):
            raise SourceError(f"{self.path} is not a file. Set source.csv.path in config.yaml to the CSV export.")
        return st.st_mtime_ns, st.st_size, st.st_ino

    def _read(self, stamp: tuple[int, int, int]) -> tuple[bytes, tuple[int, int, int]]:
        """The file's bytes, read again if it changed while being read (an export still being copied)."""
        for _ in range(3):
            try:
                data = self.path.read_bytes()
            except OSError as e:
                raise SourceError(f"cannot read the CSV file {self.path}: {e.strerror or e}") from None
            after = self._stat()
            if after == stamp:
                return data, stamp
            stamp = after
        raise SourceError(f"{self.path} keeps changing while being read; it will be read again on the next poll.")

    def _decode(self, data: bytes) -> str:
        """Text from bytes: forced encoding, or UTF-16 by its BOM, or UTF-8 (BOM or not) strictly,
        falling back to cp1251."""
        wanted = self.settings.encoding
        if wanted == "auto":
            if data.startswith(_UTF16_BOMS):  # Excel's "Unicode text"; the codec reads and drops the BOM
                codec, expected = "utf-16", "UTF-16"
            else:
                try:
                    return data.decode("utf-8-sig")
                except UnicodeDecodeError:
                    codec, expected = "cp1251", "UTF-8 or cp1251"
        else:
            codec = "utf-8-sig" if wanted in ("utf-8", "utf8") else wanted  # a BOM is never part of a header
            expected = wanted
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError) as e:
            raise SourceError(
                f"{self.path} is not {expected} text ({e}). Save it as \"CSV UTF-8\", or set "
                f"source.csv.encoding in config.yaml (auto, utf-8, utf-8-sig or cp1251).") from None

    def _parse(self, text: str) -> _Parsed:
        lines = io.StringIO(text, newline="")
        header_no, header_line = _next_nonempty(lines, 0)
        hint = re.fullmatch(r"\s*sep=(.)\s*", header_line)
        if hint:  # Excel's "sep=;" line names the delimiter; the header follows it
            header_no, header_line = _next_nonempty(lines, header_no)
        if not header_line:
            raise SourceError(f"{self.path} is empty: expected a header line and one deal per line.")
        if hint and self.settings.delimiter == "auto":
            delimiter = hint.group(1)
        else:
            delimiter = self._delimiter(header_line)
        rest = lines.read()
        reader = csv.reader(io.StringIO(header_line + rest, newline=""), delimiter=delimiter)
        header = next(reader, [])
        columns = self._columns(header, delimiter)
        offset = header_no - 1  # reader.line_num counts from the header line
        deals: list[Deal] = []
        reps: dict[str, Rep] = {}
        skipped: list[SkippedRow] = []
        seen_ids: dict[str, int] = {}
        # Only the required cells must be there; cell() reads missing optional trailing cells as empty.
        status_at = min(columns[k] for k in ("status", "stage") if k in columns)
        need = max(*(columns[k] for k in REQUIRED), status_at) + 1
        while True:
            start = reader.line_num + 1 + offset
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                skipped.append(SkippedRow(start, f"unreadable row ({e})"))
                continue
            if not any(cell.strip() for cell in row):
                continue  # empty lines and Excel's trailing ";;;;" rows
            if _is_totals(row, columns["rep"]):
                skipped.append(SkippedRow(start, "a totals row"))
                continue
            if len(row) < need:
                skipped.append(SkippedRow(start, f"too few fields: {len(row)}, the header has {len(header)} "
                                                 f"(is the delimiter {_show(delimiter)} right?)"))
                continue
            try:
                deal = self._deal(row, columns, start)
            except ValueError as e:
                skipped.append(SkippedRow(start, str(e)))
                continue
            if deal.id in seen_ids:
                skipped.append(SkippedRow(start, f"duplicate id {deal.id!r} (first on line {seen_ids[deal.id]})"))
                continue
            seen_ids[deal.id] = start
            deals.append(deal)
            reps.setdefault(deal.rep, Rep(key=deal.rep, name=deal.rep))
        return _Parsed(tuple(deals), tuple(reps.values()), tuple(skipped))

    def _delimiter(self, header_line: str) -> str:
        forced = self.settings.delimiter
        if forced != "auto":
            return "\t" if forced == "tab" else forced
        counts = dict.fromkeys(_DELIMITERS, 0)
        quoted = False
        for c in header_line:
            if c == '"':
                quoted = not quoted
            elif not quoted and c in counts:
                counts[c] += 1
        best = max(_DELIMITERS, key=lambda d: counts[d])  # max keeps the first on a tie
        return best if counts[best] else ","

    def _columns(self, header: list[str], delimiter: str) -> dict[str, int]:
        """CsvColumns field -> index in the row, for the columns present; errors name what to set."""
        found: dict[str, int] = {}
        for i, h in enumerate(header):
            found.setdefault(_norm_header(h), i)
        configured: CsvColumns = self.settings.columns
        columns: dict[str, int] = {}
        for f in fields(CsvColumns):
            for candidate in (getattr(configured, f.name), *HEADER_ALIASES[f.name]):
                index = found.get(_norm_header(candidate))
                if index is not None:
                    columns[f.name] = index
                    break
        missing = [k for k in REQUIRED if k not in columns]
        if "status" not in columns and "stage" not in columns:
            missing.append("status")
        if missing:
            key = missing[0]
            what, keys = (("status or stage", "source.csv.columns.status or source.csv.columns.stage")
                          if key == "status" else (key, f"source.csv.columns.{key}"))
            wanted = (getattr(configured, key), *HEADER_ALIASES[key])
            if key == "status":
                wanted += (configured.stage, *HEADER_ALIASES["stage"])
            unique = {_norm_header(w): w for w in reversed(wanted)}  # the first spelling of each name
            looked = ", ".join(repr(unique[k]) for k in dict.fromkeys(_norm_header(w) for w in wanted))
            shown = ", ".join(repr(h.strip()) for h in header) or "nothing"
            raise SourceError(
                f"{self.path}: no {what} column. Looked for {looked}; the header has {shown} "
                f"(delimiter {_show(delimiter)}). Set {keys} in config.yaml to the header of that column.")
        return columns

    def _deal(self, row: list[str], columns: dict[str, int], line: int) -> Deal:
        def cell(key: str) -> str:
            i = columns.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        rep = " ".join(cell("rep").split())
        if not rep:
            raise ValueError("no rep")
        amount, amount_currency = parse_amount(cell("amount"))
        dates = {}
        for key in DATE_FIELDS:
            try:
                dates[key] = parse_datetime(cell(key), self._tz)
            except ValueError as e:
                raise ValueError(f"{key} {e}") from None
        stage = cell("stage")
        return Deal(
            id=cell("id") or f"L{line}",
            title=cell("title"),
            rep=rep,
            amount=amount,
            currency=normalize_currency(cell("currency"), amount_currency or self._currency),
            stage=stage or cell("status"),
            status=status_of(cell("status"), stage, self._won, self._lost),
            **dates,
        )

    def _report(self, parsed: _Parsed) -> None:
        """Log one line per new version of the file: how much loaded and which rows were skipped."""
        if not parsed.skipped:
            log.info("%s: %d deals", self.path, len(parsed.deals))
            return
        shown = "; ".join(f"line {s.line}: {s.reason}" for s in parsed.skipped[:10])
        more = f"; and {len(parsed.skipped) - 10} more" if len(parsed.skipped) > 10 else ""
        log.warning("%s: %d deals, %d rows skipped: %s%s", self.path, len(parsed.deals), len(parsed.skipped),
                    shown, more)


def _next_nonempty(lines: io.StringIO, number: int) -> tuple[int, str]:
    """The next line with something on it and its 1-based number; ("", n) at the end."""
    for raw in lines:
        number += 1
        if raw.strip():
            return number, raw
    return number, ""


def _is_totals(row: list[str], rep_at: int) -> bool:
    """Whether a row is the summary line under the deals ("Итого:", "Total"), not a deal of a rep."""
    first = next((c for c in row if c.strip()), "")
    rep = row[rep_at] if rep_at < len(row) else ""
    return any(_norm_word(c).rstrip(":").rstrip() in TOTALS_WORDS for c in (first, rep))


def _file_time(mtime_ns: int, tz: tzinfo) -> datetime:
    """A file's modification time as an aware datetime in `tz`, to the microsecond."""
    seconds, ns = divmod(mtime_ns, 1_000_000_000)
    return datetime.fromtimestamp(seconds, tz).replace(microsecond=ns // 1000)


def _show(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else repr(delimiter)
