"""Numbers, money and dates the way a Russian or English office reads them.

ru: "1 250 000 ₽", "12,5 %", "28.11.2026"; en: "₽1,250,000", "12.5%", "28 Nov 2026".
The thousands separator in ru is a no-break space (U+00A0) so an amount never wraps.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

NBSP = "\u00a0"
# Every sign here must be in the board's font (tests/test_fonts.py): Source Sans Pro has no ֏ or ₾,
# so dram and lari are shown by their codes.
CURRENCY_SIGNS = {"RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸", "BYN": "Br", "UAH": "₴", "GBP": "£",
                  "CNY": "¥", "UZS": "сум", "AMD": "AMD", "GEL": "GEL", "TRY": "₺", "AED": "AED"}


def currency_sign(code: str) -> str:
    return CURRENCY_SIGNS.get(code.upper(), code.upper())


def group(value: float, locale: str, decimals: int = 0) -> str:
    """A number with thousands grouped: 1 250 000 (ru) / 1,250,000 (en)."""
    text = f"{abs(value):,.{decimals}f}"
    if locale == "ru":
        text = text.replace(",", NBSP).replace(".", ",")
    return ("−" if value < 0 and round(abs(value), decimals) != 0 else "") + text


def money(value: float, currency: str, locale: str) -> str:
    """A whole amount with its sign: "1 250 000 ₽" (ru) or "₽1,250,000" (en)."""
    sign = currency_sign(currency)
    number = group(round(value), locale)
    if locale == "ru" or len(sign) > 1:
        return f"{number}{NBSP}{sign}"
    return f"{sign}{number}"


def money_short(value: float, currency: str, locale: str) -> str:
    """A compact amount for tight places: "1,25 млн ₽" / "₽1.25M"."""
    units = (("млрд", "B", 1e9), ("млн", "M", 1e6), ("тыс.", "K", 1e3))
    sign = currency_sign(currency)
    for ru, en, size in units:
        if abs(value) >= size:
            scaled = value / size
            decimals = 0 if abs(scaled) >= 100 else 1 if abs(scaled) >= 10 else 2
            num = group(scaled, locale, decimals)
            if "," in num or "." in num:
                num = num.rstrip("0").rstrip(",.")
            if locale == "ru":
                return f"{num}{NBSP}{ru}{NBSP}{sign}"
            return f"{sign}{num}{en}" if len(sign) == 1 else f"{num}{en}{NBSP}{sign}"
    return money(value, currency, locale)


def percent(value: float | None, locale: str) -> str:
    if value is None:
        return "—"
    text = group(value, locale, 0)
    return f"{text}{NBSP}%" if locale == "ru" else f"{text}%"


def day(d: date, locale: str) -> str:
    return d.strftime("%d.%m.%Y") if locale == "ru" else f"{d.day} {d:%b %Y}"


def clock(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def day_and_clock(moment: datetime, locale: str) -> str:
    """A moment on another day: "27.11 18:00" (ru) / "27 Nov 18:00" (en)."""
    return f"{moment:%d.%m %H:%M}" if locale == "ru" else f"{moment.day} {moment:%b %H:%M}"


def age(delta: timedelta, locale: str) -> str:
    """How old data is, for "data as of 14:05 (2 h ago)"."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if locale == "ru":
        if minutes < 60:
            return f"{minutes}{NBSP}мин назад"
        if minutes < 48 * 60:
            return f"{minutes // 60}{NBSP}ч назад"
        return f"{minutes // 1440}{NBSP}дн. назад"
    if minutes < 60:
        return f"{minutes} min ago"
    if minutes < 48 * 60:
        return f"{minutes // 60} h ago"
    return f"{minutes // 1440} days ago"
