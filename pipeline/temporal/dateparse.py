"""The one adapter around dateparser: absolute date strings (numeric forms such as 11/02/89) to TIMEX3.

Settings are explicit so the result never depends on the clock, the machine's time zone or its locale:
English only, month-day-year order, a fixed relative base, and no filling of missing parts from "today".
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

_SETTINGS = {
    "DATE_ORDER": "MDY",
    "PREFER_DAY_OF_MONTH": "first",
    "RELATIVE_BASE": datetime(2000, 1, 1),  # never consulted for absolute strings; set so the clock is not
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "TIMEZONE": "UTC",
}


@lru_cache(maxsize=4096)
def parse_absolute(text: str) -> str | None:
    """``11/02/89`` -> ``1989-11-02``; None when dateparser cannot read a full date."""

    parser = _parser()  # dateparser is imported on first use: its language data takes ~0.3 s to load
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date().isoformat()


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=_SETTINGS)
