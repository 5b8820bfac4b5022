"""CsvSource against real files on disk: encodings, delimiters, number and date formats, bad rows."""

from __future__ import annotations

import codecs
import logging
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from salesboard.config import Config, CsvColumns, CsvSettings, SourceConfig
from salesboard.errors import SourceError
from salesboard.model import SkippedRow
from sources.csv_source import CsvSource, parse_amount, parse_datetime
from sources.registry import make_source

MSK = ZoneInfo("Europe/Moscow")
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=MSK)

RU_HEADER = "ID;Название сделки;Ответственный;Сумма;Валюта;Стадия сделки;Дата создания;Дата закрытия"
RU_ROWS = [
    "101;Поставка кофе;Анна Смирнова;1 250 000,50;RUB;Сделка успешна;01.11.2026;28.11.2026 14:05",
    "102;Ремонт офиса;Борис Ёлкин;300000;RUB;В работе;02.11.2026;",
    "103;Мебель;Анна Смирнова;75 000;RUB;Сделка провалена;03.11.2026;20.11.2026",
]


def csv_cfg(folder: Path, **settings: object) -> Config:
    return Config(base_dir=folder, source=SourceConfig(type="csv", csv=CsvSettings(**settings)))  # type: ignore[arg-type]


def write(folder: Path, lines: list[str], encoding: str = "utf-8", name: str = "deals.csv",
          newline: str = "\n") -> Path:
    path = folder / name
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode())
    return path


def load(folder: Path, **settings: object):
    cfg = csv_cfg(folder, **settings)
    return CsvSource(cfg.source.csv, cfg).fetch(NOW)


# ------------------------------------------------------------------------------ encodings, delimiters


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_russian_export_in_each_encoding_is_read(tmp_path: Path, encoding: str) -> None:
    write(tmp_path, [RU_HEADER, *RU_ROWS], encoding, newline="\r\n")
    snap = load(tmp_path)
    assert [d.id for d in snap.deals] == ["101", "102", "103"]  # the BOM did not eat the "ID" header
    first = snap.deals[0]
    assert (first.title, first.rep, first.amount, first.currency) == ("Поставка кофе", "Анна Смирнова", 1250000.5, "RUB")
    assert [d.status for d in snap.deals] == ["won", "open", "lost"]
    assert snap.deals[1].rep == "Борис Ёлкин"
    assert [r.key for r in snap.reps] == ["Анна Смирнова", "Борис Ёлкин"]
    assert snap.skipped == ()
    assert snap.fetched_at == NOW and snap.source == "csv" and snap.health.ok


def test_forced_encoding_is_used_and_a_wrong_one_says_what_to_set(tmp_path: Path) -> None:
    write(tmp_path, [RU_HEADER, *RU_ROWS], "cp1251")
    assert load(tmp_path, encoding="cp1251").deals[0].rep == "Анна Смирнова"
    with pytest.raises(SourceError, match=r"not utf-8 text.*source\.csv\.encoding"):
        load(tmp_path, encoding="utf-8")


def test_bytes_that_are_neither_utf8_nor_cp1251_give_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "deals.csv").write_bytes(b"rep;amount;status\n\x98\xff;1;won\n")  # 0x98 is unassigned in cp1251
    with pytest.raises(SourceError, match="not UTF-8 or cp1251"):
        load(tmp_path)


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_excel_unicode_text_utf16_with_bom_and_tabs_is_read(tmp_path: Path, bom: bytes, codec: str) -> None:
    text = "\r\n".join(line.replace(";", "\t") for line in [RU_HEADER, *RU_ROWS]) + "\r\n"
    (tmp_path / "deals.csv").write_bytes(bom + text.encode(codec))
    snap = load(tmp_path)
    assert [d.id for d in snap.deals] == ["101", "102", "103"]  # the BOM did not eat the "ID" header
    assert (snap.deals[0].rep, snap.deals[0].amount) == ("Анна Смирнова", 1250000.5)
    assert [d.status for d in snap.deals] == ["won", "open", "lost"]
    assert snap.skipped == ()


def test_a_cut_off_utf16_file_says_it_is_not_utf16(tmp_path: Path) -> None:
    (tmp_path / "deals.csv").write_bytes(codecs.BOM_UTF16_LE + "rep\tamount\tstatus\r\n".encode("utf-16-le") + b"A")
    with pytest.raises(SourceError, match="is not UTF-16"):
        load(tmp_path)


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_each_delimiter_is_detected_from_the_header(tmp_path: Path, delimiter: str) -> None:
    rows = [["id", "rep", "amount", "status", "title"],
            ["1", "Ann", "1,250,000.50", "won", "Coffee, beans and cups"],
            ["2", "Bob", "99", "open", "Tea"]]
    lines = [delimiter.join(f'"{c}"' if delimiter in c or "," in c else c for c in row) for row in rows]
    write(tmp_path, lines)
    snap = load(tmp_path)
    assert [(d.id, d.rep, d.amount, d.title) for d in snap.deals] == [
        ("1", "Ann", 1250000.5, "Coffee, beans and cups"), ("2", "Bob", 99.0, "Tea")]


def test_forced_delimiter_tab_beats_a_misleading_header(tmp_path: Path) -> None:
    write(tmp_path, ["rep\tamount\tstatus\tnotes; a; b; c", "Ann\t5\twon\tx"])  # 3 tabs, 3 semicolons
    with pytest.raises(SourceError, match="delimiter ';'"):
        load(tmp_path)
    deal = load(tmp_path, delimiter="tab").deals[0]
    assert (deal.rep, deal.amount, deal.status) == ("Ann", 5.0, "won")


def test_excel_sep_line_names_the_delimiter(tmp_path: Path) -> None:
    header = "rep,amount,status,note;a;b;c"  # a tie: ";" would win without the hint
    write(tmp_path, [header, "Ann,10,won,x"])
    with pytest.raises(SourceError, match="no rep column"):
        load(tmp_path)
    write(tmp_path, ["sep=,", header, "Ann,10,won,x"])
    deal = load(tmp_path).deals[0]
    assert (deal.rep, deal.amount, deal.status) == ("Ann", 10.0, "won")


# ------------------------------------------------------------------------------------------ amounts


@pytest.mark.parametrize("text, value, currency", [
    ("1 250 000,50", 1250000.5, None),
    ("1\u00a0250\u00a0000,50", 1250000.5, None),
    ("1\u202f250\u202f000", 1250000.0, None),
    ("1,250,000.50", 1250000.5, None),
    ("1250000", 1250000.0, None),
    ("1.250.000,50", 1250000.5, None),
    ("1'250'000", 1250000.0, None),
    ("1 250 000 ₽", 1250000.0, "RUB"),
    ("₽1,250,000", 1250000.0, "RUB"),
    ("1250000 руб.", 1250000.0, "RUB"),
    ("USD 99.90", 99.9, "USD"),
    ("€ 10", 10.0, "EUR"),
    ("-1 500", -1500.0, None),
    ("\u22121 500", -1500.0, None),
    ("50000-", -50000.0, None),  # accounting exports put the minus last
    ("1 500 ₽-", -1500.0, "RUB"),
    ("$-1,500", -1500.0, "USD"),
    ("- 1500 руб.", -1500.0, "RUB"),
    ("1500 р.", 1500.0, "RUB"),
    ("1500р", 1500.0, "RUB"),
    ("RUB 1500", 1500.0, "RUB"),
    ("1500 ₸", 1500.0, "KZT"),
    ("1500 EUR", 1500.0, "EUR"),
    ("1,250", 1250.0, None),  # one comma + exactly three digits: thousands
    ("1.250", 1250.0, None),
    ("1,25", 1.25, None),
    ("0,125", 0.125, None),  # a zero whole part cannot be grouped
    ("1250,500", 1250.5, None),  # four digits before it: no grouping
    ("1 250,500", 1250.5, None),  # spaces group, so the comma is the decimal mark
    ("  42  ", 42.0, None),
])
def test_amount_formats(text: str, value: float, currency: str | None) -> None:
    assert parse_amount(text) == (pytest.approx(value), currency)


@pytest.mark.parametrize("text, reason", [
    ("", "empty amount"),
    ("   ", "empty amount"),
    ("abc", "is not a number"),
    ("#VALUE!", "is not a number"),
    ("12 34", "odd digit groups"),
    ("1,250,50", "is not a number"),
    ("1.250,000.50", "is not a number"),
    ("10%", "is not a number"),
    ("1 2 3 руб 4", "is not a number"),
    ("1 2 3 руб", "odd digit groups"),
    ("5 руб 4", "is not a number"),
    ("28.11.2026", "is not a number"),
    ("1,5 млн", r"^amount '1,5 млн' is not a number \('млн' is not a currency\)$"),
    ("2 тыс.", "is not a number"),
    ("Итого 1000", "is not a number"),
    ("x1000", "is not a number"),
    ("1000 шт", "is not a number"),
    ("~1000", "is not a number"),
    (".5", "is not a number"),
    ("1000.", "is not a number"),
    ("--5", "is not a number"),
    ("-5-", "is not a number"),
    ("$100 €", "names two currencies"),
])
def test_bad_amounts_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_amount(text)


# -------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize("text, expected", [
    ("2026-11-28", datetime(2026, 11, 28, 0, 0, tzinfo=MSK)),
    ("2026-11-28T14:05", datetime(2026, 11, 28, 14, 5, tzinfo=MSK)),
    ("2026-11-28 14:05:30", datetime(2026, 11, 28, 14, 5, 30, tzinfo=MSK)),
    ("2026-11-28T14:05:00+00:00", datetime(2026, 11, 28, 17, 5, tzinfo=MSK)),
    ("2026-11-28T11:05:00Z", datetime(2026, 11, 28, 14, 5, tzinfo=MSK)),
    ("28.11.2026", datetime(2026, 11, 28, 0, 0, tzinfo=MSK)),
    ("28.11.2026 14:05", datetime(2026, 11, 28, 14, 5, tzinfo=MSK)),
    ("8.1.2026 9:05:07", datetime(2026, 1, 8, 9, 5, 7, tzinfo=MSK)),
    (" 28.11.2026 ", datetime(2026, 11, 28, 0, 0, tzinfo=MSK)),
    ("12.11.26", datetime(2026, 11, 12, 0, 0, tzinfo=MSK)),  # a two-digit year is 20YY
    ("12.11.26 14:05", datetime(2026, 11, 12, 14, 5, tzinfo=MSK)),
    ("1.2.99 9:05:07", datetime(2099, 2, 1, 9, 5, 7, tzinfo=MSK)),
])
def test_date_formats_become_aware_local_times(text: str, expected: datetime) -> None:
    got = parse_datetime(text, MSK)
    assert got == expected
    assert got is not None and got.tzinfo == MSK and got.utcoffset() == timedelta(hours=3)


def test_empty_date_is_none() -> None:
    assert parse_datetime("  ", MSK) is None


@pytest.mark.parametrize("text", ["31.02.2026", "2026-02-30", "28/11/2026", "вчера", "28.11.2026 25:00", "20261128",
                                  "28.11.126", "28.11.6", "31.02.26"])
def test_impossible_or_unknown_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a real date"):
        parse_datetime(text, MSK)


# ------------------------------------------------------------------------------- columns and status


def test_english_default_headers_any_case_and_padding(tmp_path: Path) -> None:
    write(tmp_path, [" ID , Title,REP, Amount ,Currency,Stage,Status,Created,Closed,Modified",
                     "7,Coffee,Ann,100,usd,Proposal,won,2026-11-01,2026-11-20T10:00,2026-11-21 09:00"])
    d = load(tmp_path).deals[0]
    assert (d.id, d.title, d.rep, d.amount, d.currency, d.stage, d.status) == (
        "7", "Coffee", "Ann", 100.0, "USD", "Proposal", "won")
    assert (d.created, d.closed, d.modified) == (datetime(2026, 11, 1, tzinfo=MSK),
                                                 datetime(2026, 11, 20, 10, tzinfo=MSK),
                                                 datetime(2026, 11, 21, 9, tzinfo=MSK))


def test_configured_column_names_win_over_defaults(tmp_path: Path) -> None:
    write(tmp_path, ["Manager Name;Deal Sum;rep;amount;Result",
                     "Ann;500;Decoy;1;Выиграна"])
    cols = CsvColumns(rep="manager  name", amount="DEAL SUM", status="result")
    d = load(tmp_path, columns=cols).deals[0]
    assert (d.rep, d.amount, d.status) == ("Ann", 500.0, "won")


@pytest.mark.parametrize("cell, status", [
    ("won", "won"), ("WON", "won"), ("успешно", "won"), ("Выиграна", "won"), ("Сделка успешна", "won"),
    ("lost", "lost"), ("Проиграна", "lost"), ("отказ", "lost"),
    ("open", "open"), ("в работе", "open"), ("Переговоры", "open"), ("", "open"),
])
def test_status_column_words(tmp_path: Path, cell: str, status: str) -> None:
    write(tmp_path, ["rep;amount;status", f"Ann;1;{cell}"])
    assert load(tmp_path).deals[0].status == status


def test_status_from_stage_lists_when_there_is_no_status_column(tmp_path: Path) -> None:
    write(tmp_path, ["Ответственный;Сумма;Этап",
                     "Ann;1;Оплачено", "Ann;2;оплачено ", "Ann;3;Передумали", "Ann;4;Сделка  успешна",
                     "Ann;5;Переговоры"])
    snap = load(tmp_path, won_stages=("Оплачено",), lost_stages=("передумали",))
    # "Сделка успешна" is not in the configured list, but a stage that says "won" in words is a win
    assert [d.status for d in snap.deals] == ["won", "won", "lost", "won", "open"]
    assert snap.deals[0].stage == "Оплачено"


def test_status_cell_that_says_open_is_not_overridden_by_the_stage(tmp_path: Path) -> None:
    write(tmp_path, ["rep;amount;stage;status", "Ann;1;Сделка успешна;в работе", "Ann;2;Сделка успешна;"])
    assert [d.status for d in load(tmp_path).deals] == ["open", "won"]


def test_missing_required_column_names_it_the_headers_and_the_key(tmp_path: Path) -> None:
    write(tmp_path, ["Клиент;Сумма;Статус", "ООО Ромашка;100;won"])
    with pytest.raises(SourceError) as e:
        load(tmp_path)
    text = str(e.value)
    assert "no rep column" in text and "'Клиент', 'Сумма', 'Статус'" in text
    assert "source.csv.columns.rep" in text and "'Ответственный'" in text


def test_missing_status_and_stage_is_one_error(tmp_path: Path) -> None:
    write(tmp_path, ["rep,amount,title", "Ann,1,x"])
    with pytest.raises(SourceError, match=r"no status or stage column.*source\.csv\.columns\.stage"):
        load(tmp_path)


def test_currency_column_amount_sign_and_default(tmp_path: Path) -> None:
    write(tmp_path, ["rep;amount;currency;status", "Ann;1;руб.;won", "Ann;2 €;;won", "Ann;3;;won", "Ann;4;kzt;won"])
    assert [d.currency for d in load(tmp_path).deals] == ["RUB", "EUR", "RUB", "KZT"]


def test_amounts_with_words_are_skipped_and_refunds_are_kept(tmp_path: Path) -> None:
    write(tmp_path, ["id;rep;amount;status",
                     "1;Ann;1,5 млн;won",  # 2
                     "2;Ann;2 тыс.;won",  # 3
                     "3;Ann;x1000;won",  # 4
                     "4;Ann;1 000 000 ₽;won",  # 5 good
                     "5;Ann;-50 000;won",  # 6 a refund
                     "6;Ann;20000-;won"])  # 7 a refund, accounting style
    snap = load(tmp_path)
    assert [(d.id, d.amount, d.currency) for d in snap.deals] == [
        ("4", 1000000.0, "RUB"), ("5", -50000.0, "RUB"), ("6", -20000.0, "RUB")]
    assert [(s.line, s.reason) for s in snap.skipped] == [
        (2, "amount '1,5 млн' is not a number ('млн' is not a currency)"),
        (3, "amount '2 тыс.' is not a number ('тыс.' is not a currency)"),
        (4, "amount 'x1000' is not a number ('x' is not a currency)")]


def test_two_digit_years_in_a_file_are_this_century(tmp_path: Path) -> None:
    write(tmp_path, ["rep;amount;status;closed", "Ann;1;won;12.11.26"])
    assert load(tmp_path).deals[0].closed == datetime(2026, 11, 12, tzinfo=MSK)


# ------------------------------------------------------------------------------------------ bad rows


BAD_FILE = [
    "id;rep;amount;status;closed",  # 1
    "1;Ann;100;won;28.11.2026",  # 2 good
    "2;Bob;;won;",  # 3 empty amount
    "",  # 4 empty: ignored silently
    "3;Bob;сто;won;",  # 5 unparseable amount
    "4;Ann;5;won;31.02.2026",  # 6 impossible date
    "5;;7;won;",  # 7 no rep
    "6;Ann",  # 8 too few fields
    ";;;;",  # 9 an empty Excel row: ignored
    '7;"Ann',  # 10 a quoted field that spans lines...
    'Smith";8;won;',  # 11 ...is one deal, good
    "1;Bob;9;won;",  # 12 duplicate id
    ";Bob;10;open;",  # 13 good, no id
]


def test_bad_rows_are_skipped_with_line_and_reason_and_the_rest_loads(tmp_path: Path) -> None:
    write(tmp_path, BAD_FILE)
    snap = load(tmp_path)
    assert [(d.id, d.rep, d.amount) for d in snap.deals] == [("1", "Ann", 100.0), ("7", "Ann Smith", 8.0),
                                                             ("L13", "Bob", 10.0)]
    got = [(s.line, s.reason) for s in snap.skipped]
    assert [line for line, _ in got] == [3, 5, 6, 7, 8, 12]
    reasons = dict(got)
    assert reasons[3] == "empty amount"
    assert reasons[5] == "amount 'сто' is not a number"
    assert reasons[6].startswith("closed date '31.02.2026' is not a real date")
    assert reasons[7] == "no rep"
    assert reasons[8].startswith("too few fields: 2, the header has 5")
    assert reasons[12] == "duplicate id '1' (first on line 2)"
    assert all(isinstance(s, SkippedRow) for s in snap.skipped)


def test_a_row_missing_only_optional_trailing_cells_loads(tmp_path: Path) -> None:
    write(tmp_path, ["id,rep,amount,status,closed,modified",
                     "1,Anna,1000,won,2026-11-10",  # no modified: Excel drops empty trailing cells
                     "2,Bob,5,open",  # no closed, no modified
                     "3,Bob,7"])  # no status: too few
    snap = load(tmp_path)
    assert [(d.id, d.rep, d.amount, d.status, d.closed, d.modified) for d in snap.deals] == [
        ("1", "Anna", 1000.0, "won", datetime(2026, 11, 10, tzinfo=MSK), None),
        ("2", "Bob", 5.0, "open", None, None)]
    assert [s.line for s in snap.skipped] == [4]
    assert snap.skipped[0].reason.startswith("too few fields: 3, the header has 6")


def test_the_nearer_of_status_and_stage_is_the_one_a_row_needs(tmp_path: Path) -> None:
    write(tmp_path, ["rep;amount;status;title;stage", "Ann;1;won", "Bob;2"])
    snap = load(tmp_path)
    assert [(d.rep, d.status) for d in snap.deals] == [("Ann", "won")]
    assert [s.line for s in snap.skipped] == [3]


TOTALS_FILE = [
    "id;rep;amount;status",  # 1
    "1;Ann;100;won",  # 2
    "2;Bob;50;won",  # 3
    ";Итого;150;",  # 4 in the rep cell
    "Итого:;;150;",  # 5 the first cell, with a colon
    ";;;",  # 6 empty
    ";  всего : ;150;won",  # 7 spacing and case
    "TOTAL;;150",  # 8 short, but a totals row, not "too few fields"
    ";Totals;150;won",  # 9
    ";Общий итог;150;won",  # 10 Excel pivot table, Russian
    "Grand Total;;150;won",  # 11 Excel pivot table, English
    ";Итоговый;5;won",  # 12 a rep whose name only starts like it
]


def test_totals_rows_are_skipped_and_never_become_a_rep(tmp_path: Path) -> None:
    write(tmp_path, TOTALS_FILE)
    snap = load(tmp_path)
    assert [r.key for r in snap.reps] == ["Ann", "Bob", "Итоговый"]
    assert [d.amount for d in snap.deals] == [100.0, 50.0, 5.0]
    assert [(s.line, s.reason) for s in snap.skipped] == [(n, "a totals row") for n in (4, 5, 7, 8, 9, 10, 11)]


def test_skipped_rows_are_logged_once_per_file_version(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path, BAD_FILE)
    cfg = csv_cfg(tmp_path)
    source = CsvSource(cfg.source.csv, cfg)
    with caplog.at_level(logging.INFO, logger="salesboard.sources.csv"):
        for _ in range(3):
            source.fetch(NOW)
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1
        assert "6 rows skipped" in warnings[0].getMessage() and "line 5: amount 'сто'" in warnings[0].getMessage()
        write(tmp_path, BAD_FILE[:3])
        _bump_mtime(path)
        source.fetch(NOW)
        source.fetch(NOW)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2 and "1 rows skipped: line 3: empty amount" in warnings[1].getMessage()


def test_line_numbers_count_a_sep_line_and_leading_blank_lines(tmp_path: Path) -> None:
    write(tmp_path, ["", "sep=;", "", "rep;amount;status", "Ann;x;won"], newline="\r\n")
    assert load(tmp_path).skipped == (SkippedRow(5, "amount 'x' is not a number"),)


def test_missing_id_gets_a_stable_id_from_its_line(tmp_path: Path) -> None:
    write(tmp_path, ["rep;amount;status", "Ann;1;won", "", "Bob;2;open"])
    assert [d.id for d in load(tmp_path).deals] == ["L2", "L4"]
    assert [d.id for d in load(tmp_path).deals] == ["L2", "L4"]


# --------------------------------------------------------------------------------- the file on disk


def _bump_mtime(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_unchanged_file_is_not_parsed_again_and_changed_file_is(tmp_path: Path) -> None:
    path = write(tmp_path, ["rep;amount;status", "Ann;100;won"])
    cfg = csv_cfg(tmp_path)
    source = CsvSource(cfg.source.csv, cfg)
    first = source.fetch(NOW)
    later = NOW + timedelta(minutes=1)
    second = source.fetch(later)
    assert second.deals is first.deals  # the very same parsed tuple: no re-read
    assert second.fetched_at == later

    write(tmp_path, ["rep;amount;status", "Ann;200;won", "Bob;5;open"])  # same mtime second is possible
    _bump_mtime(path)
    third = source.fetch(later)
    assert [(d.rep, d.amount) for d in third.deals] == [("Ann", 200.0), ("Bob", 5.0)]
    assert [r.key for r in third.reps] == ["Ann", "Bob"]


def _set_mtime(path: Path, moment: datetime) -> None:
    seconds = int(moment.timestamp())
    os.utime(path, ns=(path.stat().st_atime_ns, seconds * 1_000_000_000 + moment.microsecond * 1000))


def test_the_data_is_dated_by_the_file_not_by_the_poll(tmp_path: Path) -> None:
    path = write(tmp_path, ["rep;amount;status", "Ann;100;won"])
    exported = datetime(2026, 11, 28, 9, 30, 15, 250000, tzinfo=MSK)
    _set_mtime(path, exported)
    cfg = csv_cfg(tmp_path)
    source = CsvSource(cfg.source.csv, cfg)
    snap = source.fetch(NOW)
    assert snap.health.ok and snap.health.last_success == exported and snap.fetched_at == NOW
    assert snap.health.last_success is not None and snap.health.last_success.tzinfo == MSK
    later = NOW + timedelta(minutes=5)
    assert source.fetch(later).health.last_success == exported  # polled again, same export
    write(tmp_path, ["rep;amount;status", "Ann;200;won"])
    _set_mtime(path, exported + timedelta(hours=1))
    assert source.fetch(later).health.last_success == exported + timedelta(hours=1)


def test_the_file_time_is_in_the_configured_timezone(tmp_path: Path) -> None:
    path = write(tmp_path, ["rep;amount;status", "Ann;1;won"])
    _set_mtime(path, datetime(2026, 11, 28, 6, 0, tzinfo=timezone.utc))
    cfg = Config(base_dir=tmp_path, timezone=ZoneInfo("Asia/Almaty"), source=SourceConfig(type="csv"))
    got = CsvSource(cfg.source.csv, cfg).fetch(NOW).health.last_success
    assert got == datetime(2026, 11, 28, 6, 0, tzinfo=timezone.utc) and got.tzinfo == ZoneInfo("Asia/Almaty")


def test_a_file_from_the_future_is_dated_no_later_than_the_poll(tmp_path: Path) -> None:
    path = write(tmp_path, ["rep;amount;status", "Ann;1;won"])
    _set_mtime(path, NOW + timedelta(hours=2))  # the exporting PC's clock runs ahead
    assert load(tmp_path).health.last_success == NOW


def test_a_file_replaced_with_the_same_size_and_mtime_is_still_noticed(tmp_path: Path) -> None:
    path = write(tmp_path, ["rep;amount;status", "Ann;100;won"])
    cfg = csv_cfg(tmp_path)
    source = CsvSource(cfg.source.csv, cfg)
    assert source.fetch(NOW).deals[0].amount == 100.0
    st = path.stat()
    other = write(tmp_path, ["rep;amount;status", "Ann;900;won"], name="new.csv")
    os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(other, path)  # how an export script swaps files atomically: a new inode
    assert source.fetch(NOW).deals[0].amount == 900.0


def test_missing_file_says_which_path_and_how_to_fix(tmp_path: Path) -> None:
    cfg = csv_cfg(tmp_path, path="exports/deals.csv")
    with pytest.raises(SourceError) as e:
        CsvSource(cfg.source.csv, cfg).fetch(NOW)
    assert str(tmp_path / "exports" / "deals.csv") in str(e.value) and "source.csv.path" in str(e.value)


def test_a_file_that_disappears_fails_and_comes_back(tmp_path: Path) -> None:
    path = write(tmp_path, ["rep;amount;status", "Ann;100;won"])
    cfg = csv_cfg(tmp_path)
    source = CsvSource(cfg.source.csv, cfg)
    source.fetch(NOW)
    path.unlink()
    with pytest.raises(SourceError, match="not found"):
        source.fetch(NOW)
    write(tmp_path, ["rep;amount;status", "Ann;300;won"])
    assert source.fetch(NOW).deals[0].amount == 300.0


def test_empty_file_and_header_only_file(tmp_path: Path) -> None:
    (tmp_path / "deals.csv").write_bytes(b"\n\n")
    with pytest.raises(SourceError, match="is empty"):
        load(tmp_path)
    write(tmp_path, ["rep;amount;status"])
    snap = load(tmp_path)
    assert snap.deals == () and snap.reps == () and snap.skipped == ()


def test_directory_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "deals.csv").mkdir()
    with pytest.raises(SourceError, match="is not a file"):
        load(tmp_path)


def test_offset_times_in_the_file_are_converted_to_the_configured_timezone(tmp_path: Path) -> None:
    write(tmp_path, ["rep;amount;status;closed", "Ann;1;won;2026-11-28T09:00:00+00:00"])
    cfg = Config(base_dir=tmp_path, timezone=ZoneInfo("Asia/Almaty"), source=SourceConfig(type="csv"))
    closed = CsvSource(cfg.source.csv, cfg).fetch(NOW).deals[0].closed
    assert closed == datetime(2026, 11, 28, 9, tzinfo=timezone.utc) and closed.tzinfo == ZoneInfo("Asia/Almaty")


# -------------------------------------------------------------------------------------------- wiring


def test_make_source_builds_the_csv_source_from_config(tmp_path: Path) -> None:
    write(tmp_path, ["rep;amount;status", "Ann;100;won"], name="x.csv")
    source = make_source(csv_cfg(tmp_path, path="x.csv"), NOW)
    assert isinstance(source, CsvSource) and source.fetch(NOW).deals[0].amount == 100.0


def test_make_source_builds_the_demo_source(tmp_path: Path) -> None:
    demo = pytest.importorskip("sources.demo")
    source = make_source(Config(base_dir=tmp_path, source=SourceConfig(type="demo")), NOW)
    assert isinstance(source, demo.DemoSource)
