"""The feasts adapter (pipeline/temporal/feasts.py) against days known from the calendars themselves, and
the span value a feast of many days is given (timex)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.temporal import feasts, tag, timex

# first days as the communities keep them (Islamic: the Umm al-Qura calendar; Hebrew: the first full day)
KNOWN = [
    ("lunar-new-year", 2024, date(2024, 2, 10)), ("lunar-new-year", 2025, date(2025, 1, 29)),
    ("ramadan", 2024, date(2024, 3, 11)), ("ramadan", 2025, date(2025, 3, 1)),
    ("eid-al-fitr", 2024, date(2024, 4, 10)), ("eid-al-fitr", 2023, date(2023, 4, 21)),
    ("eid-al-adha", 2024, date(2024, 6, 16)), ("eid-al-adha", 2025, date(2025, 6, 6)),
    ("passover", 2024, date(2024, 4, 23)), ("passover", 2025, date(2025, 4, 13)),
    ("rosh-hashanah", 2023, date(2023, 9, 16)), ("rosh-hashanah", 2024, date(2024, 10, 3)),
    ("yom-kippur", 2024, date(2024, 10, 12)), ("hanukkah", 2024, date(2024, 12, 26)),
    ("purim", 2025, date(2025, 3, 14)), ("sukkot", 2024, date(2024, 10, 17)),
    ("diwali", 2023, date(2023, 11, 12)), ("diwali", 2024, date(2024, 10, 31)), ("diwali", 2025, date(2025, 10, 20)),
    ("holi", 2024, date(2024, 3, 25)), ("mid-autumn", 2024, date(2024, 9, 17)),
]


@pytest.mark.parametrize(("name", "year", "first"), KNOWN, ids=[f"{n}-{y}" for n, y, _ in KNOWN])
def test_first_day_of_a_feast(name, year, first):
    assert feasts.first_days(name, year) == (first,)


def test_an_islamic_feast_can_come_twice_in_a_year_and_only_that_years_are_given():
    assert feasts.first_days("eid-al-fitr", 2000) == (date(2000, 1, 8), date(2000, 12, 27))
    # the package also answers the year before's: they are not this year's
    assert all(d.year == 2024 for d in feasts.first_days("ramadan", 2024))


def test_eid_alone_is_either_feast():
    assert feasts.first_days("eid", 2024) == (date(2024, 4, 10), date(2024, 6, 16))


def test_ramadan_ends_the_day_before_eid_al_fitr_and_other_feasts_are_one_day():
    assert feasts.last_day("ramadan", date(2024, 3, 11)) == date(2024, 4, 9)
    assert feasts.last_day("ramadan", date(1999, 12, 9)) == date(2000, 1, 7)  # across a new year
    assert feasts.last_day("passover", date(2024, 4, 23)) == date(2024, 4, 23)


def test_years_outside_the_tables_have_no_day():
    assert feasts.first_days("diwali", 1995) == ()  # India's table starts in 2001
    assert feasts.first_days("ramadan", 1900) == ()
    assert feasts.first_days("lunar-new-year", 2101) == ()


def test_a_span_is_an_iso_interval_of_days_and_nothing_is_counted_from_it():
    iv = timex.interval("2024-03-11/2024-04-09")
    assert iv == timex.Interval(date(2024, 3, 11), date(2024, 4, 9), "span")
    assert timex.interval("2024-04-09/2024-03-11") is None  # an end before its start
    assert timex.shift("2024-03-11/2024-04-09", "D", 1) is None
    assert timex.shift("2024-03-11/2024-04-09", "Y", -1) is None
    assert timex.GRAIN_RANK["week"] < timex.GRAIN_RANK["span"] < timex.GRAIN_RANK["month"]


def test_counted_from_a_feast_of_many_days_is_left_with_its_reason():
    """"two days later" than Ramadan: after its first day or its last? Nothing is guessed."""
    text = "Protests spread during Ramadan. Two days later the curfew was lifted."
    ram, later = tag(text, date(2024, 5, 2))
    assert ram.value == "2024-03-11/2024-04-09" and ram.grain == "span"
    assert later.value is None and later.reason


def test_without_an_anchor_a_feast_is_not_guessed():
    (m,) = tag("Shops close early during Ramadan.", None)
    assert m.value is None and (m.reason or "").startswith("no anchor")
