"""The demo source: a simulated sales team, so the board can be tried (and sold) without a CRM.

The world is a deterministic function of the settings: the team from (seed, reps), the pipeline from
(seed, reps, the start date, weeks of history), the live wins from (seed, reps, start). Nothing reads the
wall clock or the global `random`, so `--at`, tests and two boards side by side agree.

How it is built:
- Every pipeline deal is a whole life, made at once: created, stage moves, then won or lost. The state
  of the world at `now` is the latest version of every deal created by then, so `fetch` in the past
  shows the past, and deals that were open at start keep moving (and closing) while the board runs.
- Wins are steered, not just drawn: each rep tracks their own share of a month target (skill x plan),
  winning more often when behind and less when ahead. A rep's month therefore ends near their skill
  on any start date, so the board always has leaders and laggards, yet single deals stay lumpy.
- On top, for `live_minutes` after `start` (0: none, at most a day), a small repeat order is won every
  win_every_min..win_every_max seconds (day and night), so whoever looks at the board sees a
  celebration within a minute or two. They are small
  on purpose: at one a minute, full-size deals would blow through the month plan within the hour;
  these add about an eighth of the default team plan an hour.
- All versions of all deals go into one timeline sorted by time; `fetch` moves a cursor along it and
  keeps the resulting deals, so a poll costs only the changes since the previous one.
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from random import Random

from salesboard.config import Config
from salesboard.model import Deal, DealStatus, Rep, Snapshot
from salesboard.periods import is_working_day, local, working_days_in_month

__all__ = ["DemoSource", "rep_skills"]

# ----------------------------------------------------------------------------------------- tuning

_MONTH_TARGET_RUB = 3_000_000.0  # one average rep's month; 8 reps make the default 24 000 000 plan
_DEAL_MEDIAN_RUB = 230_000.0  # lognormal: ~80 000 .. 1 500 000 for most, a fat tail above
_DEAL_SIGMA = 0.8
_DEAL_MIN_RUB, _DEAL_MAX_RUB = 45_000.0, 6_000_000.0
_QUICK_MEDIAN_RUB = 45_000.0  # the live repeat orders
_QUICK_SIGMA = 0.55
_QUICK_MIN_RUB, _QUICK_MAX_RUB = 12_000.0, 250_000.0
_QUICK_LEAD = (60.0, 360.0)  # seconds from keying a repeat order in to its payment
_SKILL_TOP, _SKILL_BOTTOM = 1.35, 0.50  # month result / target of the best and the weakest rep
_GAIN = 0.35  # how hard a rep catches up with (or coasts above) their target
_CYCLE_MEDIAN_DAYS = 10.0  # working days from created to won, longer for big deals
_LOST_CYCLE_MEDIAN_DAYS = 7.0
_MAX_CYCLE_DAYS = 45  # working days; bounds how far ahead the pipeline must be generated
_LOST_STAGE_WEIGHTS = (30, 25, 20, 15, 10)  # where lost deals die: mostly early

# How many roubles one unit of the currency is worth, to keep amounts plausible elsewhere.
# Unknown codes are treated like USD: a board set to a currency we do not know is most likely a hard one.
_RUB_PER_UNIT = {"RUB": 1.0, "USD": 90.0, "EUR": 90.0, "GBP": 115.0, "CNY": 12.5, "AED": 25.0,
                 "TRY": 2.7, "KZT": 0.18, "BYN": 28.0, "UZS": 0.007, "AMD": 0.23, "GEL": 33.0,
                 "UAH": 2.2, "JPY": 0.6}

# ----------------------------------------------------------------------------------------- words

_STAGES = {
    "ru": ("Квалификация", "Презентация", "Коммерческое предложение", "Переговоры", "Договор"),
    "en": ("Qualification", "Demo", "Proposal", "Negotiation", "Contract"),
}
_WON_STAGE = {"ru": "Сделка успешна", "en": "Won"}
_LOST_STAGE = {"ru": "Сделка провалена", "en": "Lost"}

# (male, female): Russian surnames agree in gender; -ых and -ко do not change.
_SURNAMES_RU = (
    ("Смирнов", "Смирнова"), ("Кузнецов", "Кузнецова"), ("Соколов", "Соколова"), ("Лебедев", "Лебедева"),
    ("Козлов", "Козлова"), ("Новиков", "Новикова"), ("Морозов", "Морозова"), ("Волков", "Волкова"),
    ("Соловьёв", "Соловьёва"), ("Васильев", "Васильева"), ("Зайцев", "Зайцева"), ("Павлов", "Павлова"),
    ("Семёнов", "Семёнова"), ("Голубев", "Голубева"), ("Виноградов", "Виноградова"),
    ("Богданов", "Богданова"), ("Фёдоров", "Фёдорова"), ("Михайлов", "Михайлова"), ("Беляев", "Беляева"),
    ("Тарасов", "Тарасова"), ("Орлов", "Орлова"), ("Киселёв", "Киселёва"), ("Макаров", "Макарова"),
    ("Ильин", "Ильина"), ("Никитин", "Никитина"), ("Сорокин", "Сорокина"), ("Калинин", "Калинина"),
    ("Громов", "Громова"), ("Полянский", "Полянская"), ("Вишневский", "Вишневская"),
    ("Островский", "Островская"), ("Черных", "Черных"), ("Шевченко", "Шевченко"), ("Крылов", "Крылова"),
    ("Жуков", "Жукова"), ("Ершов", "Ершова"),
)
_SURNAMES_EN = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
    "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
    "Hall", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Carter",
    "Mitchell", "Roberts", "Turner", "Parker", "Evans",
)
_FIRST = {
    ("ru", "m"): ("Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Максим", "Иван", "Михаил",
                  "Артём", "Николай", "Павел", "Егор", "Роман", "Кирилл", "Олег", "Илья", "Денис", "Игорь"),
    ("ru", "f"): ("Анна", "Мария", "Елена", "Ольга", "Наталья", "Екатерина", "Татьяна", "Ирина",
                  "Светлана", "Юлия", "Дарья", "Анастасия", "Ксения", "Виктория", "Марина", "Полина",
                  "Алина", "Вера"),
    ("en", "m"): ("James", "Michael", "David", "Daniel", "Matthew", "Ryan", "Kevin", "Brian", "Jason",
                  "Thomas", "Andrew", "Mark", "Steven", "Paul", "Peter", "George", "Robert", "Simon"),
    ("en", "f"): ("Emily", "Sarah", "Jessica", "Laura", "Rachel", "Megan", "Olivia", "Hannah", "Emma",
                  "Sophie", "Grace", "Natalie", "Amy", "Claire", "Lucy", "Kate", "Helen", "Anna"),
}
_INITIALS = {"ru": "АБВГДЕИКЛМНОПРСТЮ", "en": "ABCDEFGHJKLMNPRST"}

# Parallel lists: the same draw gives the same deal in both languages.
_COMPANIES = (
    ("Вектор", "Vector"), ("Меридиан", "Meridian"), ("Горизонт", "Horizon"), ("СеверСтрой", "Northbuild"),
    ("ТехноПарк", "Technopark"), ("Альянс", "Alliance"), ("Гранит", "Granite"),
    ("Восток-Логистик", "Eastway Logistics"), ("ЭнергоСервис", "Energy Service"), ("Кристалл", "Crystal"),
    ("Паритет", "Parity"), ("Сфера", "Sphere"), ("Орион", "Orion"), ("Балтийский берег", "Baltic Shore"),
    ("Уральские заводы", "Ural Works"), ("СибАгро", "Siberian Agro"), ("Волга-Трейд", "Volga Trade"),
    ("ФармЛайн", "Pharmline"), ("Стройинвест", "Buildinvest"), ("МедТехника", "Medtech"),
    ("Северный ветер", "North Wind"), ("Инфосистемы", "Infosystems"), ("Агроресурс", "Agroresource"),
    ("Легион", "Legion"), ("Стандарт", "Standard"), ("Доминанта", "Dominant"), ("Континент", "Continent"),
    ("Атлант", "Atlant"), ("ПромКомплект", "Promkomplekt"), ("ЛесТорг", "Timber Trade"),
)
# A company keeps its legal form: the form of company i is _FORMS[i % len(_FORMS)].
_FORMS = (("ООО", "LLC"), ("ООО", "Ltd"), ("АО", "Inc."), ("ООО", "LLC"), ("ООО", "Ltd"), ("АО", "Group"),
          ("ООО", "LLC"), ("ПАО", "plc"))
_PRODUCTS = (
    ("поставка оборудования", "equipment supply"), ("внедрение CRM", "CRM rollout"),
    ("годовое обслуживание", "annual service contract"), ("лицензии на 50 рабочих мест", "50-seat licence"),
    ("поставка серверов", "server supply"), ("аудит ИТ-инфраструктуры", "IT infrastructure audit"),
    ("видеонаблюдение на складе", "warehouse CCTV"), ("модернизация сети", "network upgrade"),
    ("обучение персонала", "staff training"), ("техподдержка 24/7", "24/7 support"),
    ("автоматизация склада", "warehouse automation"), ("пилотный проект", "pilot project"),
    ("облачное хранилище", "cloud storage"), ("электронный документооборот", "e-document workflow"),
    ("интеграция с 1С", "ERP integration"), ("поставка ноутбуков", "laptop supply"),
    ("СКУД для офиса", "office access control"), ("переезд серверной", "server room move"),
)
_QUICK_PRODUCTS = (
    ("продление лицензий", "licence renewal"), ("ещё 5 рабочих мест", "5 more seats"),
    ("расходные материалы", "consumables"), ("дополнительный модуль", "add-on module"),
    ("повторный заказ", "repeat order"), ("выезд инженера", "engineer visit"), ("запчасти", "spare parts"),
    ("продление поддержки", "support renewal"),
)


# ----------------------------------------------------------------------------------------- team


def rep_skills(n: int) -> list[float]:
    """Month result / target from the best rep to the weakest: a few stars, a solid middle, a tail.

    Spread so that with eight reps about three lead (pace >= 1.10) and about three lag (< 0.85)."""
    if n == 1:
        return [1.0]
    return [_SKILL_TOP - (_SKILL_TOP - _SKILL_BOTTOM) * (i / (n - 1)) ** 1.1 for i in range(n)]


@dataclass(frozen=True, slots=True)
class _Person:
    gender: str  # "m" | "f"
    first: int  # index into the first names of that gender
    surname: int  # index into the surnames
    skill: float


def _team(seed: int, n: int) -> list[_Person]:
    """The same people on every start and in every language: only (seed, n) decide who they are."""
    rng = Random(f"salesboard-demo:{seed}:team:{n}")
    genders = ["f" if i % 2 else "m" for i in range(n)]
    rng.shuffle(genders)
    firsts = {g: rng.sample(range(len(_FIRST[("ru", g)])), genders.count(g)) for g in ("m", "f")}
    surnames = rng.sample(range(len(_SURNAMES_RU)), n)
    skills = rep_skills(n)
    rng.shuffle(skills)
    out = []
    for i, g in enumerate(genders):
        out.append(_Person(g, firsts[g].pop(), surnames[i], skills[i]))
    return out


def _index(rng: Random, seq: Sequence[object]) -> int:
    """A uniform index; cheaper than randrange, which matters for a day of live wins at once."""
    return min(int(rng.random() * len(seq)), len(seq) - 1)


def _name(p: _Person, locale: str) -> str:
    if locale == "ru":
        return f"{_FIRST[('ru', p.gender)][p.first]} {_SURNAMES_RU[p.surname][p.gender == 'f']}"
    return f"{_FIRST[('en', p.gender)][p.first]} {_SURNAMES_EN[p.surname]}"


# ----------------------------------------------------------------------------------------- source


@dataclass(slots=True)
class _RepMonth:
    """A rep's progress in the current month, for steering their wins."""

    month: tuple[int, int] = (0, 0)
    target: float = 0.0
    actual: float = 0.0


_Event = tuple[float, int, int, Deal]  # (timestamp, stream: 0 pipeline / 1 live, sequence, version)


class DemoSource:
    """A simulated team; see the module docstring. Safe to call from the poller's thread."""

    name = "demo"

    def __init__(self, cfg: Config, start: datetime) -> None:
        self._cfg = cfg
        self._tz = cfg.timezone
        self._start = local(start, cfg)
        self._start_ts = self._start.timestamp()
        demo = cfg.source.demo
        self._locale = cfg.locale if cfg.locale in _STAGES else "en"
        self._currency = cfg.currency
        self._rate = _RUB_PER_UNIT.get(cfg.currency, _RUB_PER_UNIT["USD"])
        self._step = 10.0 ** round(math.log10(1000.0 / self._rate))
        self._every = (demo.win_every_min, demo.win_every_max)

        self._people = _team(demo.seed, demo.reps)
        self.reps: tuple[Rep, ...] = tuple(Rep(f"demo-{i + 1}", _name(p, self._locale))
                                           for i, p in enumerate(self._people))
        self._stages = _STAGES[self._locale]

        # The working clock: working time counted in seconds from the first working day below.
        # Deals are placed on it, so every created, stage move and close falls in working hours.
        wh = cfg.working_hours
        self._day_len = float((datetime.combine(date(2000, 1, 3), wh.end)
                               - datetime.combine(date(2000, 1, 3), wh.start)).total_seconds())
        anchor = self._start.date() - timedelta(weeks=demo.weeks_of_history)
        first = anchor
        for _ in range(_MAX_CYCLE_DAYS + 2):  # room before the window for deals created earlier
            first = self._prev_working_day(first)
        self._wdays: list[date] = []
        self._day_ts: list[float] = []
        self._next_day = first
        self._ensure_days(anchor)
        self._close_index = self._index_on_or_after(anchor)  # next working day to decide closes on
        self._months = [_RepMonth() for _ in self._people]
        self._month_days: dict[tuple[int, int], int] = {}
        weights = list(accumulate(p.skill for p in self._people))
        self._skill_cum = [w / weights[-1] for w in weights]  # the live wins' draw: better reps win more

        tag = f"{anchor.isoformat()}:{self._start.date().isoformat()}"
        self._world = Random(f"salesboard-demo:{demo.seed}:world:{demo.reps}:{tag}")
        self._live = Random(f"salesboard-demo:{demo.seed}:live:{demo.reps}:{self._start_ts:.6f}")
        self._pipe_seq = 0  # deals made, for their ids
        self._pipe_events = 0  # versions made, to keep equal timestamps in a stable order
        self._live_seq = 0
        self._live_next = self._start_ts + self._live.uniform(*self._every)
        # The fast stream is a welcome, not a business: after live_minutes the pipeline's own pace
        # goes on alone, so a demo board left overnight still looks like a real month.
        self._live_end = self._start_ts + demo.live_minutes * 60
        self._id_prefix = f"DEMO-{anchor:%y%m%d}"
        self._live_prefix = f"DEMO-{self._start:%y%m%d-%H%M%S}"

        self._events: list[_Event] = []
        self._times: list[float] = []
        self._state: dict[str, Deal] = {}
        self._applied = 0
        self._deals: tuple[Deal, ...] = ()
        self._lock = threading.Lock()
        with self._lock:
            self._extend(self._start_ts)

    # -------------------------------------------------------------------------------------- fetch

    def fetch(self, now: datetime) -> Snapshot:
        """Every deal as it stood at `now`: the history, the pipeline's moves and the live wins."""
        now = local(now, self._cfg)
        ts = now.timestamp()
        with self._lock:
            self._extend(ts)
            k = bisect_right(self._times, ts)
            if k < self._applied:  # asked about an earlier moment: replay from the beginning
                self._state, self._applied = {}, 0
            if k != self._applied or not self._deals:
                for _, _, _, deal in self._events[self._applied:k]:
                    self._state[deal.id] = deal
                self._applied = k
                self._deals = tuple(self._state.values())
            deals = self._deals
        return Snapshot(deals=deals, reps=self.reps, fetched_at=now, source=self.name)

    def skill(self, key: str) -> float:
        """A rep's performance factor (month result / target), for tests and the README's claims."""
        return self._people[int(key.removeprefix("demo-")) - 1].skill

    # -------------------------------------------------------------------------------------- timeline

    def _extend(self, ts: float) -> None:
        """Generate everything that can have happened by `ts`; new events all fall after it."""
        new: list[_Event] = []
        # A pipeline deal is created at most _MAX_CYCLE_DAYS working days before it closes, so once
        # closes are decided that far past the day of `ts`, nothing unseen can be created by `ts`.
        day = datetime.fromtimestamp(ts, self._tz).date()
        self._ensure_days(day)
        horizon = bisect_right(self._wdays, day) + _MAX_CYCLE_DAYS + 1
        while self._close_index <= horizon:
            self._ensure_days(self._next_day)
            self._close_day(self._close_index, new)
            self._close_index += 1
        while self._live_next <= min(ts, self._live_end):
            self._live_win(new)
        if new:
            # Everything new is later than what fetch already applied, so only the tail needs sorting.
            tail = sorted(self._events[self._applied:] + new)
            del self._events[self._applied:]
            del self._times[self._applied:]
            self._events.extend(tail)
            self._times.extend(e[0] for e in tail)

    def _prev_working_day(self, d: date) -> date:
        d -= timedelta(days=1)
        for _ in range(3660):
            if is_working_day(d, self._cfg):
                return d
            d -= timedelta(days=1)
        return d  # only with years of holidays; the config forbids an empty week

    def _ensure_days(self, until: date) -> None:
        """Extend the working-day list through `until` (and one working day beyond)."""
        while self._next_day <= until or not self._wdays or self._wdays[-1] <= until:
            d = self._next_day
            self._next_day += timedelta(days=1)
            if is_working_day(d, self._cfg):
                self._wdays.append(d)
                self._day_ts.append(datetime.combine(d, self._cfg.working_hours.start, tzinfo=self._tz).timestamp())

    def _index_on_or_after(self, d: date) -> int:
        self._ensure_days(d)
        return bisect_right(self._wdays, d - timedelta(days=1))

    def _moment(self, offset: float) -> tuple[float, datetime]:
        """A point on the working clock as a timestamp and an aware local time, to the second."""
        i = min(int(offset // self._day_len), len(self._wdays) - 1)
        ts = float(int(self._day_ts[i] + (offset - i * self._day_len)))
        return ts, datetime.fromtimestamp(ts, self._tz)

    # -------------------------------------------------------------------------------------- pipeline

    def _close_day(self, j: int, out: list[_Event]) -> None:
        """Decide which deals each rep wins and loses on working day `j`, and make their lives."""
        rng, d = self._world, self._wdays[j]
        month = (d.year, d.month)
        if month not in self._month_days:
            self._month_days[month] = working_days_in_month(d, self._cfg)
        per_day = _MONTH_TARGET_RUB / max(self._month_days[month], 1)
        for r, person in enumerate(self._people):
            m = self._months[r]
            if m.month != month:
                m.month, m.target, m.actual = month, 0.0, 0.0
            median = _DEAL_MEDIAN_RUB * person.skill ** 0.35  # stars also land bigger deals
            mean = median * math.exp(_DEAL_SIGMA ** 2 / 2)
            m.target += person.skill * per_day
            rate = person.skill * per_day / mean
            for _ in range(2):
                # Aim half a deal low: a win overshoots by a whole one, so this centres actual on target.
                p = min(max(rate + _GAIN * (m.target - m.actual - mean / 2) / mean, 0.02), 0.9)
                if rng.random() >= p:
                    break
                amount = self._amount(rng, median, _DEAL_SIGMA, _DEAL_MIN_RUB, _DEAL_MAX_RUB)
                m.actual += amount
                self._life(rng, j, r, amount, "won", len(self._stages) - 1, out)
                rate = 0.0  # a second win the same day only to catch up
            lost_rate = 0.45 + 0.35 * (1.0 - person.skill)  # the weak lose more
            while rng.random() < lost_rate:
                amount = self._amount(rng, median * 1.1, _DEAL_SIGMA, _DEAL_MIN_RUB, _DEAL_MAX_RUB)
                stage = rng.choices(range(len(self._stages)), weights=_LOST_STAGE_WEIGHTS)[0]
                self._life(rng, j, r, amount, "lost", stage, out)
                lost_rate *= 0.35

    def _life(self, rng: Random, j: int, r: int, amount: float, outcome: DealStatus, reached: int,
              out: list[_Event]) -> None:
        """One deal from creation to its close on working day `j`: every version, each at its time."""
        median_days = _CYCLE_MEDIAN_DAYS if outcome == "won" else _LOST_CYCLE_MEDIAN_DAYS
        days = rng.lognormvariate(math.log(median_days * (amount / _DEAL_MEDIAN_RUB) ** 0.3), 0.6)
        days = min(max(days, 0.4), float(_MAX_CYCLE_DAYS))
        closed = (j + rng.uniform(0.03, 0.97)) * self._day_len
        created = closed - days * self._day_len
        moves = sorted(rng.uniform(created, closed) for _ in range(reached))
        title = self._title(rng, _PRODUCTS)
        self._pipe_seq += 1
        deal_id = f"{self._id_prefix}-{self._pipe_seq:05d}"
        rep = self.reps[r].key
        money = self._money(amount)
        _, created_at = self._moment(created)
        for stage, at in enumerate([created, *moves]):
            ts, moment = self._moment(at)
            out.append((ts, 0, self._next_pipe(), Deal(
                deal_id, title, rep, money, self._currency, self._stages[stage], "open",
                created=created_at, modified=moment)))
        ts, moment = self._moment(closed)
        final = _WON_STAGE[self._locale] if outcome == "won" else _LOST_STAGE[self._locale]
        out.append((ts, 0, self._next_pipe(), Deal(
            deal_id, title, rep, money, self._currency, final, outcome,
            created=created_at, closed=moment, modified=moment)))

    def _next_pipe(self) -> int:
        self._pipe_events += 1
        return self._pipe_events

    # -------------------------------------------------------------------------------------- live

    def _live_win(self, out: list[_Event]) -> None:
        """The next repeat order, won by a rep drawn by skill.

        It is keyed into the CRM when paid, so it shows up at its closing time with a creation time a
        few minutes earlier (never before start), and costs one version instead of a whole life."""
        rng = self._live
        closed_ts = self._live_next
        self._live_next += rng.uniform(*self._every)
        r = min(bisect_right(self._skill_cum, rng.random()), len(self._people) - 1)
        amount = self._amount(rng, _QUICK_MEDIAN_RUB, _QUICK_SIGMA, _QUICK_MIN_RUB, _QUICK_MAX_RUB)
        created_ts = max(closed_ts - rng.uniform(*_QUICK_LEAD), min(self._start_ts + 1.0, closed_ts))
        title = self._title(rng, _QUICK_PRODUCTS)
        self._live_seq += 1
        closed = datetime.fromtimestamp(closed_ts, self._tz)
        out.append((closed_ts, 1, self._live_seq, Deal(
            f"{self._live_prefix}-L{self._live_seq:05d}", title, self.reps[r].key, self._money(amount),
            self._currency, _WON_STAGE[self._locale], "won",
            created=datetime.fromtimestamp(created_ts, self._tz), closed=closed, modified=closed)))

    # -------------------------------------------------------------------------------------- words and money

    @staticmethod
    def _amount(rng: Random, median: float, sigma: float, low: float, high: float) -> float:
        """A deal size in roubles: lognormal, so most are ordinary and a few are whales."""
        return min(max(rng.lognormvariate(math.log(median), sigma), low), high)

    def _money(self, rub: float) -> float:
        """Roubles into the configured currency, rounded the way a quote is (1 000 ₽, 10 $)."""
        return float(max(round(rub / self._rate / self._step), 1) * self._step)

    def _title(self, rng: Random, products: tuple[tuple[str, str], ...]) -> str:
        """'ООО «Вектор» — поставка оборудования'; draws the same numbers in every language."""
        ru = self._locale == "ru"
        product = products[_index(rng, products)][0 if ru else 1]
        if rng.random() < 0.08:  # a sole trader
            surname, female = _index(rng, _SURNAMES_RU), rng.random() < 0.4
            a, b = _index(rng, _INITIALS["ru"]), _index(rng, _INITIALS["ru"])
            if ru:
                return f"ИП {_SURNAMES_RU[surname][female]} {_INITIALS['ru'][a]}. {_INITIALS['ru'][b]}. — {product}"
            return f"{_INITIALS['en'][a]}. {_SURNAMES_EN[surname]}, sole trader — {product}"
        i = _index(rng, _COMPANIES)
        company, form = _COMPANIES[i], _FORMS[i % len(_FORMS)]
        if ru:
            return f"{form[0]} «{company[0]}» — {product}"
        return f"{company[1]} {form[1]} — {product}"
