"""Days of feasts that follow a lunar or lunisolar calendar, from the tables of the `holidays` package.

Ramadan, Eid, the Lunar New Year, Passover or Diwali have no fixed day in the Gregorian calendar, and no
short rule gives one (unlike Easter, which resolve.easter computes). `holidays` keeps tables of them:
Chinese lunisolar 1901-2100, Hebrew 1947-2100, Islamic (Umm al-Qura, as Saudi Arabia fixes them)
1925-2077, and Diwali as India observes it 2001-2035. A year outside its table has no day here: the
resolver leaves the expression unresolved with ``OUTSIDE_TABLES`` rather than guess.

This is the one place that knows the package: its calendar classes are not part of its documented API,
so pyproject.toml pins the version and tests/test_feasts.py checks the days against known dates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from typing import Any

OUTSIDE_TABLES = "no table of this feast's days for that year"

# name in patterns.yaml (after "lunar:") -> (calendar, method); an Islamic method yields (day, estimated)
# pairs for the year before too, a lunisolar one gives a day or (day, estimated)
_SOURCES: dict[str, tuple[str, str]] = {
    "ramadan": ("islamic", "ramadan_beginning_dates"),
    "eid-al-fitr": ("islamic", "eid_al_fitr_dates"),
    "eid-al-adha": ("islamic", "eid_al_adha_dates"),
    "islamic-new-year": ("islamic", "hijri_new_year_dates"),
    "lunar-new-year": ("chinese", "lunar_new_year_date"),
    "mid-autumn": ("chinese", "mid_autumn_date"),
    "passover": ("hebrew", "passover_date"),
    "rosh-hashanah": ("hebrew", "rosh_hashanah_date"),
    "yom-kippur": ("hebrew", "yom_kippur_date"),
    "hanukkah": ("hebrew", "hanukkah_date"),
    "purim": ("hebrew", "purim_date"),
    "sukkot": ("hebrew", "sukkot_date"),
    "diwali": ("hindu", "diwali_india_date"),
    "holi": ("hindu", "holi_date"),
}
# "Eid" alone is either feast: the tense picks the nearer one
_EITHER = {"eid": ("eid-al-fitr", "eid-al-adha")}


@cache
def _calendar(kind: str) -> Any:
    from holidays.calendars import _ChineseLunisolar, _HebrewLunisolar, _HinduLunisolar, _IslamicLunar

    return {"islamic": _IslamicLunar, "chinese": _ChineseLunisolar, "hebrew": _HebrewLunisolar,
            "hindu": _HinduLunisolar}[kind]()


def _as_days(found: Any) -> list[date]:
    """The package answers a day, None, a (day, estimated) pair, a set of days or an iterable of pairs."""
    if found is None:
        return []
    if isinstance(found, date):
        return [found]
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], bool):
        return [found[0]] if isinstance(found[0], date) else []
    days: list[date] = []
    for item in found:
        days.extend(_as_days(item))
    return days


@cache
def first_days(name: str, year: int) -> tuple[date, ...]:
    """The first day of each occurrence of the feast that begins in the Gregorian ``year``, in order.

    An Islamic feast comes round every 354 or 355 days, so some years hold two ("Eid al-Fitr" fell on 8
    January and 27 December 2000); a year outside the package's table holds none. Hebrew feasts are the
    first full day: the feast itself begins at sundown the evening before.
    """
    if name in _EITHER:
        return tuple(sorted(d for part in _EITHER[name] for d in first_days(part, year)))
    kind, method = _SOURCES[name]
    fn: Callable[[int], Any] = getattr(_calendar(kind), method)
    return tuple(sorted(d for d in set(_as_days(fn(year))) if d.year == year))


# feasts of a fixed number of days; Passover is not one of them (seven days in Israel, eight elsewhere), so
# it is told as its first day, like the one-day feasts
_DAYS = {"hanukkah": 8, "sukkot": 7}
SPANS = frozenset({"ramadan"}) | frozenset(_DAYS)  # feasts whose value is the whole run of days


def last_day(name: str, first: date) -> date | None:
    """The last day of the occurrence that begins on ``first``: Ramadan ends the day before Eid al-Fitr
    (None past the table's end), Hanukkah and Sukkot after their days; the other feasts are told as their
    (first) day."""
    if name in _DAYS:
        return first + timedelta(days=_DAYS[name] - 1)
    if name not in SPANS:
        return first
    later = [d for y in (first.year, first.year + 1) for d in first_days("eid-al-fitr", y) if d > first]
    return min(later) - timedelta(days=1) if later else None
