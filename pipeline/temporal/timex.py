"""TIMEX3 values: the calendar interval and grain each one denotes, and the arithmetic on calendar slots.

A value keeps its granularity (``2022-03`` is a month, ``2022-W11`` an ISO week, ``2021-FA`` a season), so
nothing here pads a coarse value to a day. Seasons are meteorological and northern-hemisphere: SP = Mar-May,
SU = Jun-Aug, FA = Sep-Nov, WI = Dec of the value's year to the end of February of the next.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# "span": a run of days no calendar unit names, written as an ISO 8601 interval ("2024-03-11/2024-04-09",
# Ramadan); it is finer than a month, and nothing is counted from it
GRAINS = ("minute", "hour", "part-of-day", "day", "weekend", "week", "span", "month", "season", "quarter",
          "half", "year", "decade", "century")
GRAIN_RANK = {g: i for i, g in enumerate(GRAINS)}

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
SEASON_ORDER = ("WI", "SP", "SU", "FA")  # as they start within a season-year that begins in December


class Interval:
    """The days a value covers, ends included, and its grain. A plain class: mypyc compiles its __init__,
    while a dataclass's generated one runs in the interpreter, once per mention."""

    __slots__ = ("start", "end", "grain")

    def __init__(self, start: date, end: date, grain: str) -> None:
        self.start = start
        self.end = end
        self.grain = grain

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Interval) and (self.start, self.end, self.grain) == (other.start, other.end,
                                                                                       other.grain)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.grain))

    def __repr__(self) -> str:
        return f"Interval({self.start!r}, {self.end!r}, {self.grain!r})"


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """As calendar.monthrange gives it, without working out the weekday too (this runs per mention)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month]


def month_end(year: int, month: int) -> date:
    return date(year, month, days_in_month(year, month))


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def iso_week(d: date) -> tuple[int, int]:
    y, w, _ = d.isocalendar()
    return y, w


def week_monday(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


def season_of(d: date) -> tuple[int, str]:
    """The (season-year, season) slot containing d; December belongs to the winter of its own year."""
    m = d.month
    if m in (1, 2):
        return d.year - 1, "WI"
    if m == 12:
        return d.year, "WI"
    for code, (a, b) in SEASON_MONTHS.items():
        if code != "WI" and a <= m <= b:
            return d.year, code
    raise AssertionError(m)


def season_interval(year: int, code: str) -> tuple[date, date]:
    if code == "WI":
        return date(year, 12, 1), month_end(year + 1, 2)
    a, b = SEASON_MONTHS[code]
    return date(year, a, 1), month_end(year, b)


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(.*))?\Z")
_SPAN = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")
_DECADE = re.compile(r"^(\d{3})\Z")
_CENTURY = re.compile(r"^(\d{2})\Z")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?\Z")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)\Z")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])\Z")
_HALF = re.compile(r"^(\d{4})-H([12])\Z")
_PART_OF_DAY = {"MO", "MI", "AF", "EV", "NI", "DT"}


def interval(value: str | None) -> Interval | None:
    """The inclusive calendar interval a TIMEX3 date/time value denotes, or None (durations, refs, sets)."""
    if not value:
        return None
    try:
        if len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
            d = date(int(value[:4]), int(value[5:7]), int(value[8:]))  # the commonest value, read directly
            return Interval(d, d, "day")
        if len(value) == 7 and value[4] == "-" and value[:4].isdecimal() and value[5:].isdecimal():
            y, mo = int(value[:4]), int(value[5:])  # a month and a year are the next commonest: no regex
            return Interval(date(y, mo, 1), month_end(y, mo), "month")
        if len(value) == 4 and value.isdecimal():
            y = int(value)
            return Interval(date(y, 1, 1), date(y, 12, 31), "year")
        n = len(value)
        # each regex below only where the value has its length and marks: most values reaching here are
        # none of these ("PRESENT_REF"), and each failed match costs a call
        if n >= 10 and value[4] == "-" and value[7] == "-" and (m := _DAY.match(value)):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            t = m[4]
            if t is None:
                return Interval(d, d, "day")
            if t in _PART_OF_DAY:
                return Interval(d, d, "part-of-day")
            return Interval(d, d, "minute" if ":" in t else "hour")
        if "/" in value and (m := _SPAN.match(value)):  # rare: no regex for the others (this runs per mention)
            a, b = date.fromisoformat(m[1]), date.fromisoformat(m[2])
            return Interval(a, b, "span") if a <= b else None
        kind = value[5] if n in (7, 8, 11) else ""
        if kind == "W" and (m := _WEEK.match(value)):
            monday = week_monday(int(m[1]), int(m[2]))
            if m[3]:
                return Interval(monday + timedelta(days=5), monday + timedelta(days=6), "weekend")
            return Interval(monday, monday + timedelta(days=6), "week")
        if n == 7 and kind in ("S", "F", "W") and (m := _SEASON.match(value)):
            a, b = season_interval(int(m[1]), m[2])
            return Interval(a, b, "season")
        if kind == "Q" and (m := _QUARTER.match(value)):
            y, q = int(m[1]), int(m[2])
            return Interval(date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter")
        if kind == "H" and (m := _HALF.match(value)):
            y, h = int(m[1]), int(m[2])
            return Interval(date(y, 6 * h - 5, 1), month_end(y, 6 * h), "half")
        if n == 3 and (m := _DECADE.match(value)):
            y = int(m[1]) * 10
            return Interval(date(y, 1, 1), date(y + 9, 12, 31), "decade")
        if n == 2 and (m := _CENTURY.match(value)):
            y = int(m[1]) * 100
            return Interval(date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century")
    except ValueError:  # a syntactically fine but impossible date such as 2022-02-30
        return None
    return None


# ---- formatting -------------------------------------------------------------------------------------

def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: date, weekend: bool = False) -> str:
    y, w = iso_week(d)
    return f"{y:04d}-W{w:02d}" + ("-WE" if weekend else "")


def fmt_quarter(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def fmt_season(year: int, code: str) -> str:
    return f"{year:04d}-{code}"


_CLOCK_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d)(?::(\d\d))?((?:Z|[+-]\d\d(?::?\d\d)?|ET|PT)?)")


def shift_clock(value: str, unit: str, n: int) -> str | None:
    """A clock time moved by n hours ("H") or minutes ("MIN"), its zone kept; None for a value with no
    clock time ("2024-12-05", "2024-12-05TMO")."""
    m = _CLOCK_VALUE.fullmatch(value)
    if m is None:
        return None
    y, mo, d, hh, mi = (int(m[i] or 0) for i in range(1, 6))
    minutes = hh * 60 + mi + (60 * n if unit == "H" else n)
    day = date(y, mo, d) + timedelta(days=minutes // 1440)
    minutes %= 1440
    return f"{day.isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}{m[6]}"


def shift(value: str, unit: str, n: int) -> str | None:
    """Move a date value by n units while keeping its own grain ("a year earlier" than 1989-Q3 is 1988-Q3)."""
    iv = interval(value)
    if iv is None or iv.grain == "span":  # "a day later" than Ramadan: after its start or its end?
        return None
    s = iv.start
    if unit == "D":
        days = n
    elif unit == "W":
        days = 7 * n
    else:
        days = None
    if days is not None:
        if iv.grain in ("day", "part-of-day", "hour", "minute"):
            return (s + timedelta(days=days)).isoformat() + value[10:]
        if iv.grain in ("week", "weekend"):
            return fmt_week(s + timedelta(days=days), iv.grain == "weekend")
        return value if abs(days) < 28 else None
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return None
    total = months * n
    g = iv.grain
    if g in ("day", "part-of-day", "hour", "minute"):
        y, mo = add_months(s.year, s.month, total)
        day = min(s.day, days_in_month(y, mo))
        return date(y, mo, day).isoformat() + value[10:]
    if g == "month":
        return fmt_month(*add_months(s.year, s.month, total))
    if g == "quarter":
        y, mo = add_months(s.year, s.month, total)
        return fmt_quarter(y, quarter_of(date(y, mo, 1)))
    if g == "half":
        y, mo = add_months(s.year, s.month, total)
        return f"{y:04d}-H{1 if mo <= 6 else 2}"
    if g == "season":  # "six months later" than spring is autumn: the season the first month moves into
        y, mo = add_months(s.year, s.month, total)
        return fmt_season(*season_of(date(y, mo, 1)))
    if g == "year":
        return f"{s.year + total // 12:04d}"
    if g == "decade":
        return f"{(s.year + total // 12) // 10:03d}"
    if g == "century":
        return f"{(s.year + total // 12) // 100:02d}"
    if g in ("week", "weekend"):
        if total % 12 == 0:  # "a year earlier" than a week: the same week of that year
            wy, w = iso_week(s)
            wy += total // 12
            w = min(w, iso_week(date(wy, 12, 28))[1])  # 28 December is in a year's last week
            return f"{wy:04d}-W{w:02d}" + ("-WE" if g == "weekend" else "")
        y, mo = add_months(s.year, s.month, total)
        return fmt_week(date(y, mo, min(s.day, 28)), g == "weekend")
    return None


def us_daylight_time(d: date) -> bool:
    """Whether US clocks keep daylight time on ``d``: from the second Sunday of March to the first Sunday
    of November since 2007, the first Sunday of April to the last Sunday of October before."""
    def sunday(year: int, month: int, nth: int) -> date:
        first = date(year, month, 1)
        first_sunday = first + timedelta(days=(6 - first.weekday()) % 7)
        if nth > 0:
            return first_sunday + timedelta(weeks=nth - 1)
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - 6) % 7)
    if d.year >= 2007:
        return sunday(d.year, 3, 2) <= d < sunday(d.year, 11, 1)
    return sunday(d.year, 4, 1) <= d < sunday(d.year, 10, -1)
