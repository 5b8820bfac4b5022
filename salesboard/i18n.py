"""UI strings in Russian and English. Every string here is checked against the font by a test."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "ru": {
        "period.day": "Сегодня",
        "period.week": "Неделя",
        "period.month": "Месяц",
        "status.leader": "Впереди графика",
        "status.on_track": "В графике",
        "status.lagging": "Нужна помощь",
        "data_as_of": "данные на {time}",
        "config_fallback": "ошибка в config.yaml{where} · работаю на прошлой исправной версии",
        "config_line": ", строка {line}",
        "data_stale": "нет связи с источником · данные на {time}, {age}",
        "data_old": "данные на {time}, {age}",
        "team_plan": "План команды",
        "deals_won": "сделок: {n}",
        "gap": "до плана {amount}",
        "needed_per_day": "{amount} в день",
        "plan_done": "План выполнен",
        "no_data": "Нет данных",
        "of_plan": "из {amount}",
        "no_plan": "план не задан",
        "days_left": "осталось рабочих дней: {n}",
        "more": "+ ещё {n}",
        "headless": "Экрана нет: картинка доски обновляется в {path}",
    },
    "en": {
        "period.day": "Today",
        "period.week": "This week",
        "period.month": "This month",
        "status.leader": "Ahead of pace",
        "status.on_track": "On track",
        "status.lagging": "Needs help",
        "data_as_of": "data as of {time}",
        "config_fallback": "mistake in config.yaml{where} · running on the last good version",
        "config_line": ", line {line}",
        "data_stale": "source unreachable · data as of {time}, {age}",
        "data_old": "data as of {time}, {age}",
        "team_plan": "Team plan",
        "deals_won": "deals: {n}",
        "gap": "{amount} to plan",
        "needed_per_day": "{amount} a day",
        "plan_done": "Plan met",
        "no_data": "No data",
        "of_plan": "of {amount}",
        "no_plan": "no plan set",
        "days_left": "working days left: {n}",
        "more": "+ {n} more",
        "headless": "No screen: the board's picture is kept up to date at {path}",
    },
}


def t(locale: str, key: str, **values: object) -> str:
    """The string for `key` in `locale` (English when missing), with {placeholders} filled."""
    text = STRINGS.get(locale, STRINGS["en"]).get(key) or STRINGS["en"].get(key, key)
    return text.format(**values) if values else text

