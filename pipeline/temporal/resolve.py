"""Resolve: an underspecified value + the anchor + the tense cue + earlier mentions -> a TIMEX3 value.

The policy of DESIGN.md §2 lives here and only here:
1. deictic expressions are anchored on the anchor date (the publication date in news);
2. a calendar slot without a year (weekday, month, season, "February 4") is placed by tense: past cues
   take the most recent slot not after the anchor, future cues the nearest not before it, and the slot that
   contains the anchor counts for both; no cue means the news default, the most recent;
3. anaphoric expressions ("the following day") count from the previous resolved date in the article;
4. the value keeps the expression's granularity;
5. without an anchor, nothing relative is guessed: the value stays None with the reason.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from pipeline.temporal import feasts, timex
from pipeline.temporal.dateparse import parse_absolute
from pipeline.temporal.tense import PLANNED, UNPLANNED_EVENTS, WEAK_PAST, is_past_form


class Resolved:
    """What resolve() gives for one mention. A plain class, not a dataclass: mypyc compiles its __init__,
    while a dataclass's generated one runs in the interpreter, once per mention."""

    __slots__ = ("value", "type", "mod", "anchor", "reason", "comparison", "closes_period", "counts_from")

    def __init__(self, value: str | None, type: str, mod: str | None, anchor: str, reason: str | None = None,
                 comparison: bool = False, closes_period: bool = False, counts_from: str | None = None) -> None:
        self.value = value
        self.type = type
        self.mod = mod
        self.anchor = anchor  # dct, previous-mention, absolute, none
        self.reason = reason
        self.comparison = comparison  # a comparison point ("a year earlier"): later anaphora do not count from it
        # the last day of the period just told ("the quarter ended Sept. 30"): comparisons count from the period
        self.closes_period = closes_period
        # a period told as a length ("the quarter ended Aug. 26" is P3M, "the first nine months" P9M): the
        # calendar year it lies in, which comparisons ("a year earlier") count from
        self.counts_from = counts_from


class Context:
    """What the resolver knows of a mention's surroundings (a plain class for mypyc, as Resolved)."""

    __slots__ = ("anchor", "anchor_kind", "tense", "previous", "day_before", "cue_word", "before", "reported",
                 "length_told", "event_day", "after_open_length", "after")

    def __init__(self, anchor: date | None, anchor_kind: str, tense: str | None, previous: tuple[str, ...],
                 day_before: str | None = None, cue_word: str | None = None, before: str = "",
                 reported: tuple[str, ...] = (), length_told: str | None = None, event_day: str | None = None,
                 after_open_length: bool = False, after: str = "") -> None:
        self.anchor = anchor  # the date deictic expressions count from
        self.anchor_kind = anchor_kind  # "dct", or "previous-mention" in narrative texts
        self.tense = tense  # past, future or None
        self.previous = previous  # the last few earlier resolved DATE/TIME values, most recent last
        self.day_before = day_before  # a day mentioned just before in the same sentence, for a bare clock time
        self.cue_word = cue_word  # the word that gave the tense
        self.before = before  # the lower-cased text just before the mention, for cues that precede it
        # the earlier values a comparison ("the year-earlier results") may count from: not a year looked back
        # to from the anchor ("last year"), itself a comparison point (forecasts are skipped in _anaphoric)
        self.reported = reported
        self.length_told = length_told  # a length told just before: "the six months" (P6M) in "... ended Aug. 12"
        # for a bare clock time: the day told earlier in a sentence with the same verb ("was shot to death last
        # Oct. 23" ... "was shot to death at 10 p.m.")
        self.event_day = event_day
        # a length with no fixed end was told since the last date ("appeal within 14 days"): "seven days later"
        # counts from its end, which the text does not give
        self.after_open_length = after_open_length
        self.after = after  # the lower-cased text just after the mention, for the verb its noun phrase governs


# "from $3 million last year", "compared with a loss of $3 million last year": the clause compares
_COMPARED_WORDS = ("compared", "from", "against", "versus")  # one is in any text _COMPARED_BEFORE finds
_COMPARED_BEFORE = re.compile(r"\b(?:compared (?:with|to)|from|against|versus)\b[^.;:!?]*$")
# "the lowest level in six years", "the first time in a decade": a stretch of time up to now, not a date to come
# "its lowest level in six years", "the second election in 18 months"; not "the first flight will take off in"
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:\w+est|first|second|third|fourth|fifth|most|least|worst|best|only|last)\b"
                                 r"(?:\s+(?!(?:will|would|could|can|may|might|shall|should|to|is|are|be|due)\b)"
                                 r"[\w'’-]+){0,4}\s+$")
_LENGTH = re.compile(r"P(\d+(?:\.\d+)?)([YMW])")  # "the six months" (P6M) before "ended Aug. 12"
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH_VALUE = re.compile(r"\d{4}-\d\d")
_TO_BEFORE = re.compile(r"\bto\s+$")  # "the three months to (the end of) September"
# accounts for such a period are of one that is over, whatever verb reports them
_RESULTS_TO_BEFORE = re.compile(r"\b(?:results|figures|accounts|sales|profits?|earnings|revenues?|turnover|losses|data)"
                                r"(?:\s+|\b[^.;]{0,40}?\b(?:covering|covers|covered)\s+)"
                                r"(?:(?:for|in|over)\s+)?the\s+[\w -]{1,24}?\s+to\s+$")
# "annual results ..., covering the year to 31 December": the period the results are for is over
_RESULTS_PERIOD_BEFORE = re.compile(r"\b(?:results|figures|accounts|sales|profits?|earnings|revenues?|turnover|losses)"
                                    r"\b[^.;]{0,40}?\b(?:for|covering|covers|covered)\s+$")
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till)\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of)[-\s]+)?$")
_ENDED_BEFORE = re.compile(r"\b(ended|ending)(?:\s+on)?\s+$")
# the day a past verb dates itself, not one its complement tells of: "On March 3, the council approved",
# "the council said on March 3 that"; unlike "extended its offer to Nov. 20" or "a ceremony on March 12"
_OPENS_SENTENCE_ON = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*)(?:on|in)\s+$")
# (word before, verb), the verb perhaps with its particle: "said on", "was declared over on", "took place on"
_VERB_ON_BEFORE = re.compile(r"(?:\b([a-z]+)\s+)?\b([a-z]+)\s+(?:(?:over|out|off|down|up|open|back|away|place|part)\s+)?"
                             r"(?:on|in)\s+$")
_NOT_PAST_BEFORE = frozenset(("is", "are", "be", "will", "to"))  # "is held in", "will be closed on"
# words that end an object or start a clause of their own: "agreed to meet on", "said that talks on"
_NOT_IN_OBJECT = frozenset("""to for until till that which who and or but will would could should may might must
can is are was were be been being had has have by from of with at in into as than if when while after before
since during against""".split())
# past forms that put a day somewhere other than when they happened: "set the vote on", "kept the office on"
_SETS_A_DAY = frozenset("set fixed called booked kept put had did made".split())
# "told staff in January", "told the court on Monday": whom it was told, then when
_TOLD_WHOM_BEFORE = re.compile(r"\b(?:told|informed|briefed|assured|reassured)\s+(?!(?:to|for|that|a|an|of|them that)\s)"
                               r"(?:[a-z'’]+\s+){1,2}(?:on|in)\s+$")
# past forms that do not date what they govern: a telling ("said", "extended") or a plan ("had been due to")
_NOT_OF_THE_EVENT = WEAK_PAST | PLANNED
# ... but their passive is the telling itself: "was approved by regulators in March", unless a word between
# puts what was told to a time ("was forecast for March", "was told to close in", "was announced that")
_PASSIVE_OF_TELLING = re.compile(r"\b(?:was|were)\s+([a-z]+)\s+(?:(?!(?:to|for|until|till|that|from|into)\b)"
                                 r"[\w'’-]+\s+){0,10}$")


def _of_the_event(ctx: Context) -> bool:
    """Whether the cue word dates the event itself: any past form but a telling or a plan, or a telling
    told in the passive."""
    if ctx.cue_word not in _NOT_OF_THE_EVENT:
        return True
    if ctx.cue_word not in WEAK_PAST:
        return False
    m = _PASSIVE_OF_TELLING.search(ctx.before)
    return m is not None and m[1] == ctx.cue_word


def _dates_its_verb(before: str, cue_word: str | None = None) -> bool:
    """Whether a day or month is the day of the past verb right before it ("said on", "told staff in"), or
    opens its sentence ("On March 3,", "In February,"): told in the past, it is the past occurrence however
    near the coming one is."""
    tail = before[-40:]
    word = tail.rstrip()
    if not word.endswith(("on", "in")) or (len(word) > 2 and not word[-3].isspace()):
        return False  # the cheap test first: most days and months have neither word before them
    if _OPENS_SENTENCE_ON.search(tail) or _TOLD_WHOM_BEFORE.search(tail):
        return True
    m = _VERB_ON_BEFORE.search(tail)
    if m is not None and is_past_form(m[2]):
        return m[1] not in _NOT_PAST_BEFORE and m[2] not in PLANNED
    if not word.endswith("on"):
        return False
    words = word[:-2].split()[-4:]
    for k in (1, 2, 3):  # the verb, then an object of one to three words: "left port on", "sold the house on"
        if k >= len(words) or words[-k] in _NOT_IN_OBJECT:
            return False
        verb = words[-k - 1]
        if verb == cue_word:  # the verb the tense was read from, not a participle ("preferred shares on")
            return is_past_form(verb) and verb not in _NOT_OF_THE_EVENT and verb not in _SETS_A_DAY
    return False


# the verb right after a day's noun phrase ("The eclipse on 8 April was seen", "drew thousands")
_VERB_AFTER = re.compile(r"\s+(?:(was|were)\s+)?([a-z]+)")
# ... unless it puts off, calls off or tells of what is dated: "The vote on 8 April was postponed"
_NOT_DONE_AFTER = WEAK_PAST | PLANNED | frozenset("cancelled canceled called scrapped dropped due to going not".split())


def _done_after(ctx: Context) -> bool:
    """Whether the past cue is the verb of the noun phrase the day ends, and says it happened."""
    m = _VERB_AFTER.match(ctx.after)
    if m is None or ctx.tense != "past" or m[2] in _NOT_DONE_AFTER:
        return False
    return ctx.cue_word == (m[1] or m[2])


def _event_told_past(ctx: Context) -> bool:
    """Whether the tense comes from a past verb of the event itself ("killed", "stood"), which has happened."""
    return ctx.tense == "past" and _of_the_event(ctx)


NO_ANCHOR = "no anchor: the article has no publication date and the expression is relative"
_UNIT_GRAIN = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade",
               "CE": "century"}
_MOD_WORDS = {"START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
              "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}


def underspecified(spec: dict[str, Any]) -> str:
    """A readable form of what the rule produced before resolution, e.g. ``calendar(weekday=5)``."""
    args = ",".join(f"{k}={v}" for k, v in spec.items() if k != "kind" and v is not None)
    return f"{spec.get('kind')}({args})"


def resolve(spec: dict[str, Any], rule_type: str, ctx: Context) -> Resolved:
    kind = spec["kind"]
    mod = spec.get("mod")
    mod = mod if mod in _MOD_WORDS else None
    fn = _KINDS[kind]
    value, anchor, reason = fn(spec, ctx)
    if value and spec.get("shift"):  # "the day before last Tuesday", "the week before Christmas": days on
        value = timex.shift(value, "D", int(spec["shift"])) if _DAY_VALUE.match(value) else value
    if value and spec.get("shift_years"):  # "the summer before last": a year before last summer
        value = timex.shift(value, "Y", int(spec["shift_years"])) or value
    if value and spec.get("step_weekday") and _DAY_VALUE.fullmatch(value):  # "the Monday after Labor Day"
        value = _weekday_beside(value, int(spec["step_weekday"]), int(spec["step_dir"]))
    if value and spec.get("period_end"):  # "the quarter ended Sept. 30", "the year ended March 31"
        value = _period_ending(value, spec["as_grain"])
    elif value and spec.get("as_grain"):  # "the year-ago quarter", "the week of March 6": named by the noun
        value = _coarsen(value, spec["as_grain"]) or value
    if value and spec.get("week_of") and len(value) == 7:  # "the last week of August"
        value = _week_of_month(value, int(spec["week_of"]))
    if value and spec.get("nth_weekday") and len(value) == 7:  # "the second Tuesday of November"
        month = value
        value = _nth_weekday(month, int(spec["nth_weekday"]), int(spec["nth"]))
        reason = None if value else f"no such day: weekday {spec['nth_weekday']} number {spec['nth']} of {month}"
        if value and spec.get("as_weekend"):  # "the first weekend of March": that Saturday's weekend
            value = _coarsen(value, "weekend")
    if value and value[-2:] in _US_ZONES and _DAY_VALUE.match(value):
        value = _us_zone(value)
    if value and spec.get("edge_day") and (not _DAY_VALUE.match(value) or "/" in value):  # "the last day of November"
        iv = timex.interval(value)
        value = (iv.start if spec["edge_day"] == "first" else iv.end).isoformat() if iv else None
    if value and spec.get("near_first") and ctx.previous and _DAY_VALUE.fullmatch(value):
        value = _near_first(value, ctx.previous[-1])
    if value and (spec.get("after_first") or spec.get("year_of_first")) and ctx.previous:
        # the far end of a range rule: "from 10 p.m. to 6 a.m." ends the next morning, "closed on 25 and 26
        # December" is one December
        value = range_end(value, ctx.previous[-1], spec)
    if value and spec.get("count_unit"):
        value, count_reason = _count_from_told(value, spec)
        reason = reason if value else count_reason
    typ = rule_type
    if typ == "DATE" and value and "T" in value and value[:4].isdigit():
        typ = "TIME"
    elif typ == "DATE" and value and value[0] == "P" and not value.endswith("_REF"):  # "lowest in six years"
        typ = "DURATION"
    closes, counts_from = _closes_period(value, ctx)
    if value and spec.get("to_date") and ctx.anchor is not None and int(spec.get("n") or 99) < ctx.anchor.month:
        counts_from = f"{ctx.anchor.year:04d}"  # "for the nine months" told in October: January to September
    elif value and spec.get("to_date") and ctx.anchor is not None and int(spec.get("n") or 99) <= 12:
        # told in January, "the first nine months" have passed only of last year (the tagger keeps this
        # year for a sentence that looks ahead)
        counts_from = f"{ctx.anchor.year - 1:04d}"
    return Resolved(value, typ, mod, anchor if value else "none", None if value else reason,
                    _is_comparison(spec, kind, anchor, value, ctx.anchor), closes, counts_from)


_STRETCH = 4  # days two weekdays joined by "and" may lie apart as the tense reads them ("Monday and Friday")


def _near_first(value: str, first: str) -> str:
    """The second of two weekdays told together ("Thursday and Friday"): as read, unless that lands five days
    or more from the first, then the occurrence nearest the first."""
    if not _DAY_VALUE.match(first):
        return value
    d, f = date.fromisoformat(value), date.fromisoformat(first[:10])
    if abs((d - f).days) <= _STRETCH:
        return value
    return min((d - timedelta(days=7), d, d + timedelta(days=7)), key=lambda x: abs((x - f).days)).isoformat()


def _on_or_after(value: str, first: str) -> str:
    """The far end of a range written without its year: the first such day on or after the near end."""
    d, f = date.fromisoformat(value), date.fromisoformat(first)
    for y in (f.year, f.year + 1):
        try:
            c = date(y, d.month, d.day)
        except ValueError:  # 29 February
            continue
        if c >= f:
            return c.isoformat()
    return value


_PART_HOURS = {"MO": "08:00", "MI": "12:00", "DT": "12:00", "AF": "15:00", "EV": "19:00", "NI": "22:00"}


def _hour_of(value: str) -> str | None:
    """The clock time of a day's value ("T19:30"), or the usual hour of its part of day ("TEV"), if any."""
    if value[10:11] != "T":
        return None
    if value[11:13].isdigit():
        return value[11:16]
    return _PART_HOURS.get(value[11:13])


def range_end(value: str, start: str, spec: dict[str, Any]) -> str:
    """The far end of a range, read after its near end ``start``: a weekday read before it is the first
    such day on or after it ("from 7am on Friday until 7am on Wednesday"), a day without its year is the
    first such day on or after it ("starts on 16 August and ends on 24 May", "closed on 25 and 26
    December"), and a time of day before the near one on the same
    day is the next day's ("from 10 p.m. to 6 a.m.", "begins at sunset and ends at sunrise"). A day written
    with its year is left as written."""
    if spec.get("year") is not None or not _DAY_VALUE.match(value) or not _DAY_VALUE.match(start):
        return value
    day, suffix = value[:10], value[10:]
    if spec.get("weekday") is not None and spec.get("day") is None:
        d, f = date.fromisoformat(day), date.fromisoformat(start[:10])
        if d < f:  # a weekday read after the near end stays: "from Sept. 14 to Thursday" (Oct. 26)
            day = (f + timedelta(days=(d.isoweekday() - f.isoweekday()) % 7)).isoformat()
    elif spec.get("month") is not None and spec.get("day") is not None and spec.get("year_offset") is None:
        day = _on_or_after(day, start[:10])
    value = day + suffix
    if day == start[:10]:
        near, far = _hour_of(start), _hour_of(value)
        if near and far and far < near:
            value = timex.shift(value, "D", 1) or value
    return value


# "the index ended the year up 12%" is this year's only in its last days: an article on 30 December may tell
# the year's close, one on 2 January tells the year before
_ENDED_GRACE_DAYS = 2
_NOT_YEARLESS = ("year", "year_offset", "which", "weekday", "season", "holiday", "hour", "shift", "dayrel")


def _yearless(spec: dict[str, Any]) -> bool:
    """A month, or a day of a month, told without its year ("October", "3 January")."""
    return spec["kind"] == "calendar" and spec.get("month") is not None and all(
        spec.get(k) is None for k in _NOT_YEARLESS)


def yearless_range(near: str, far: str, near_spec: dict[str, Any], far_spec: dict[str, Any], mode: str,
                   anchor: date) -> tuple[str, str] | None:
    """The two ends of a range told without years ("from October to March", "from 28 December to 3 January"):
    the far end is the first such slot after the near one. ``mode`` says which such range: "past" ("ran from
    October to March", told in November: the winter just gone, whose far end has begun), "current" (a
    schedule, "runs from October to March": the first whose far end has not passed) or "forward" (the near
    end as it was read). None unless both ends are months, or both days, and the far one has no year."""
    days = len(far) == 10
    shape = _DAY_VALUE if days else _MONTH_VALUE
    if not _yearless(far_spec) or len(near) != len(far) or not shape.fullmatch(near) or not shape.fullmatch(far):
        return None
    nk, fk = (int(near[5:7]), int(near[8:10]) if days else 0), (int(far[5:7]), int(far[8:10]) if days else 0)
    # months: "from March to March" is a year; days: "from 3 March to 3 March" is that day
    wraps = fk < nk if days else fk <= nk
    if not _yearless(near_spec):
        mode = "forward"
    ak = (anchor.month, anchor.day if days else 0)
    if mode == "past":
        fy = anchor.year if fk <= ak else anchor.year - 1
        ny = fy - 1 if wraps else fy
    elif mode == "current":
        ny = next(y for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if (y + 1 if wraps else y, *fk) >= (anchor.year, *ak))
        fy = ny + 1 if wraps else ny
    else:
        ny = int(near[:4])
        fy = ny + 1 if wraps else ny
    try:
        return (date(ny, nk[0], nk[1] or 1).isoformat()[:len(near)], date(fy, fk[0], fk[1] or 1).isoformat()[:len(far)])
    except ValueError:  # 29 February in a year without it
        return None


_FIXED_HOLIDAY = re.compile(r"\d\d-\d\d")


def generic(spec: dict[str, Any]) -> str | None:
    """The value of a day, month, season or weekday told as a habit ("usually peaks in February"): the one of
    any year or week (XXXX-02), never placed on the calendar; None for what has no such form."""
    if spec["kind"] != "calendar" or any(spec.get(k) is not None for k in ("year", "year_offset", "which", "dayrel")):
        return None
    month, day, season, weekday = spec.get("month"), spec.get("day"), spec.get("season"), spec.get("weekday")
    if month is not None and day is not None:
        return f"XXXX-{int(month):02d}-{int(day):02d}"
    if month is not None:
        return f"XXXX-{int(month):02d}"
    if season is not None:
        return f"XXXX-{season}"
    if weekday is not None and not _time_suffix(spec):
        return f"XXXX-WXX-{int(weekday)}"
    holiday = spec.get("holiday")
    if isinstance(holiday, str) and _FIXED_HOLIDAY.fullmatch(holiday) and not spec.get("shift") \
            and not spec.get("as_grain"):
        return f"XXXX-{holiday}"  # "usually close on Christmas Day"; a movable feast has no such form
    return None


def _week_of_month(month: str, nth: int) -> str:
    """The ``nth`` ISO week of a month (-1: the last): weeks go to the month that holds their Thursday."""
    y, m = int(month[:4]), int(month[5:7])
    first = date(y, m, 1)
    thursdays = [first + timedelta(days=(3 - first.weekday()) % 7 + 7 * k) for k in range(5)]
    thursdays = [d for d in thursdays if d.month == m]
    return timex.fmt_week(thursdays[nth if nth < 0 else nth - 1])


def _nth_weekday(month: str, weekday: int, nth: int) -> str | None:
    """The ``nth`` ISO ``weekday`` of a month value (-1: the last), if the month has one."""
    y, m = int(month[:4]), int(month[5:7])
    first = date(y, m, 1)
    days = [first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * k) for k in range(5)]
    days = [d for d in days if d.month == m]
    if nth > len(days):
        return None
    return days[nth if nth < 0 else nth - 1].isoformat()


def _closes_period(value: str | None, ctx: Context) -> tuple[bool, str | None]:
    """Whether the day ``value``, written right after "ended", is the last day of the period told just
    before it: a calendar quarter or year ("for the quarter ended Sept. 30") or a length of time ("the six
    months ended Aug. 12", "the fourth quarter ended Aug. 26" as P3M); and, for a length, the calendar
    quarter or year holding all of it, which comparisons ("a year earlier") count from instead of the day.
    A month after a length and "to" ends it too: "the three months to (the end of) September"."""
    if not value:
        return False, None
    if "end" in ctx.before and _DAY_VALUE.fullmatch(value) and _ENDED_BEFORE.search(ctx.before):
        day = date.fromisoformat(value)
    elif ctx.length_told and _MONTH_VALUE.fullmatch(value) and _TO_BEFORE.search(ctx.before):
        day = timex.month_end(int(value[:4]), int(value[5:7]))
    else:
        return False, None  # "ending soon": FUTURE_REF is no day, though as long as one
    period = timex.interval(ctx.previous[-1]) if ctx.previous else None
    if period is not None and period.grain in ("quarter", "year") \
            and abs((day - period.end).days) <= _PERIOD_SLACK:
        return True, None
    length = _LENGTH.fullmatch(ctx.length_told or "")
    if length is None:
        return False, None
    n, unit = float(length[1]), length[2]
    months = round(n * {"Y": 12, "M": 1, "W": 7 / 30.4}[unit])
    if months < 1:
        return True, None
    if months == 3 and day.month % 3 == 0 and (timex.month_end(day.year, day.month) - day).days <= _PERIOD_SLACK:
        return True, timex.fmt_quarter(day.year, timex.quarter_of(day))  # three months to September: Q3
    # three months ended Aug. 26 began in early June; ended July 2, in early April (a 13-week quarter)
    first_month = day.month - months + (1 if day.day >= 15 else 0)
    return True, (f"{day.year:04d}" if first_month >= 1 else None)


_PERIOD_MONTHS = {"quarter": 3, "year": 12}
_PERIOD_SLACK = 3  # days: a 52-week fiscal year ends on the Saturday nearest its month's end ("July 2")


def _period_ending(day: str, grain: str) -> str:
    """The calendar quarter or year that ends on ``day`` (give or take a few days), else its length: three
    months ended July 31 are May to July, which no TIMEX3 date value names."""
    # "the year to March" names only the month it ends in: its last day
    d = timex.month_end(int(day[:4]), int(day[5:7])) if len(day) == 7 else date.fromisoformat(day[:10])
    months = _PERIOD_MONTHS[grain]
    for end in (date(d.year, d.month, 1) - timedelta(days=1), timex.month_end(d.year, d.month)):
        if end.month % months == 0 and abs((d - end).days) <= _PERIOD_SLACK:
            return timex.fmt_quarter(end.year, timex.quarter_of(end)) if grain == "quarter" else f"{end.year:04d}"
    return f"P{months}M" if grain == "quarter" else "P1Y"


def _is_comparison(spec: dict[str, Any], kind: str, anchor: str, value: str | None, dct: date | None) -> bool:
    flag = spec.get("comparison")
    if flag == "before-anchor":  # "the 1988 quarter" in a 1989 report
        iv = timex.interval(value)
        return iv is not None and dct is not None and iv.start.year < dct.year
    # "from $3 million last year" resolved against the quarter just reported (see _offset)
    return bool(flag) or (kind == "offset" and anchor == "previous-mention")


# ---- calendar slots ---------------------------------------------------------------------------------

def tense_matters(spec: dict[str, Any], anchor: date | None) -> bool:
    """Whether past and future can place this slot differently: not when it names the anchor's own day,
    weekday, month or season ("the talks on Friday" in a Friday article), so no cue need be looked for."""
    if anchor is None or spec["kind"] != "calendar" or spec.get("holiday") or spec.get("hour") is not None:
        return True
    month, day, weekday, season = spec.get("month"), spec.get("day"), spec.get("weekday"), spec.get("season")
    if month and day:
        return not (int(month) == anchor.month and int(day) == anchor.day)
    if month:
        return int(month) != anchor.month
    if weekday:
        return int(weekday) != anchor.isoweekday()
    if season:
        return season != timex.season_of(anchor)[1]
    return True


def _pick(cands: list[tuple[date, date, Any]], a: date, direction: str) -> Any:
    """Choose among slot occurrences (start, end, payload) relative to anchor a.

    past: latest starting on or before a; future: earliest ending on or after a;
    last: latest ending before a; next: earliest starting after a.
    """
    if direction == "past":
        ok = [c for c in cands if c[0] <= a]
        return max(ok, key=lambda c: c[0])[2] if ok else None
    if direction == "future":
        ok = [c for c in cands if c[1] >= a]
        return min(ok, key=lambda c: c[0])[2] if ok else None
    if direction == "last":
        ok = [c for c in cands if c[1] < a]
        return max(ok, key=lambda c: c[0])[2] if ok else None
    if direction == "next":
        ok = [c for c in cands if c[0] > a]
        return min(ok, key=lambda c: c[0])[2] if ok else None
    if direction in ("past-near", "future-near"):
        # the tense picks, unless the other occurrence is less than half as far away: "extended its offer to
        # Nov. 20" in a Nov. 2 article is this Nov. 20, whatever the verb; "in January" said in October
        # with a past verb is still the coming January when last January is three times as far
        want = _pick(cands, a, direction.split("-")[0])
        other = _pick(cands, a, "future" if direction.startswith("past") else "past")
        if want is None or other is None:
            return want if want is not None else other
        by = {c[2]: c for c in cands}
        dw = _distance(by[want], a)
        do = _distance(by[other], a)
        return other if do * 2 < dw else want
    if direction == "nearest":
        return min(cands, key=lambda c: (_distance(c, a), -c[0].toordinal()))[2]
    raise ValueError(direction)


def _distance(c: tuple[date, date, Any], a: date) -> int:
    return 0 if c[0] <= a <= c[1] else min(abs((c[0] - a).days), abs((c[1] - a).days))


def _direction(spec: dict[str, Any], ctx: Context, no_cue: str = "past") -> str:
    if spec.get("direction"):  # the rule knows it: a trading month ("December crude") is never past
        return str(spec["direction"])
    which = spec.get("which")
    if which == -1:
        return "last"
    if which == 1:
        return "next"
    if ctx.anchor_kind == "previous-mention" and spec.get("weekday") is None:
        # a history goes back and forth: "late September" after "early October 1939" is 1939's, and
        # "January" after "December 1941" is 1942's; a weekday still moves the story on, and so does a
        # deadline, unless the one before is under half as far ("In June 1941 Germany invaded; by December
        # its armies stood outside Moscow", but "By early October 1939 ... repulsed by late September")
        return "future-near" if _DEADLINE_BEFORE.search(ctx.before) else "nearest"
    if ctx.tense is None:
        return no_cue
    return "future" if ctx.tense == "future" else "past"


def _near(direction: str, ctx: Context | None = None) -> str:
    """A past verb near a year-less day is often a report of what is to come ("extended its offer to
    Nov. 20", "had been set to expire Nov. 6"), so past gives way to a much nearer future occurrence; a
    future cue does not (but see _calendar for a deadline that has just passed).

    A whole month (``ctx`` given) keeps the news default when there is no cue, and the past of a verb of
    the event itself ("bought it in February"); only a past form that does not date what it governs
    ("told", "extended", "decided to", "had been due to") gives way."""
    if direction != "past":
        return direction
    if ctx is not None and (ctx.tense is None or _of_the_event(ctx)):
        return "past"
    return "past-near"


_DATE_KEYS = ("year", "year_bc", "year2", "month", "day", "weekday", "dayrel", "which", "season", "quarter", "half",
              "holiday", "decade", "decade2", "decade_word", "century", "year_hi", "fiscal")


def clock_only(spec: dict[str, Any]) -> bool:
    """A time of day with no day of its own ("at 10 p.m."): it takes a day from the text, or the anchor's."""
    return spec["kind"] == "calendar" and bool(_time_suffix(spec)) and all(spec.get(k) is None for k in _DATE_KEYS)


def day_for_clock(told: str, spec: dict[str, Any]) -> str:
    """The day a bare clock time told after the value ``told`` falls on: that value's day, but the next one
    for a morning hour after a night ("agreed last night, took effect at 6am")."""
    if told.endswith("TNI") and spec.get("noon") != "midnight" and clock_only(spec) \
            and _time_suffix(spec)[1:3] < "12":
        return (date.fromisoformat(told[:10]) + timedelta(days=1)).isoformat()
    return told[:10]


def _time_suffix(spec: dict[str, Any]) -> str:
    if spec.get("noon"):
        # "midnight Friday" ends Friday: ISO 8601's 24:00 keeps it on the day it was written with
        # "between midnight and 3am" starts its day: 00:00
        hh, mi = (24, 0) if spec["noon"] == "midnight" else (0, 0) if spec["noon"] == "midnight-start" else (12, 0)
    elif spec.get("hour") is not None:
        hh, mi = int(spec["hour"]), int(spec.get("minute") or 0)
        ampm = spec.get("ampm")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
    elif spec.get("part"):
        return "T" + spec["part"]
    else:
        return ""
    return f"T{hh:02d}:{mi:02d}" + _offset_notation(str(spec.get("tz") or ""))


_NUMERIC_ZONE = re.compile(r"([+-])(\d\d?)(?::?(\d\d))?")


def _offset_notation(tz: str) -> str:
    """"+01:00", "+0100" and "+1" as "+01", "+0530" as "+05:30": one notation, extended like the clock time."""
    m = _NUMERIC_ZONE.fullmatch(tz)
    if m is None:
        return tz
    hours = f"{m[1]}{int(m[2]):02d}"
    return hours if not m[3] or m[3] == "00" else f"{hours}:{m[3]}"


_US_ZONES = {"ET": -5, "PT": -8}


def _us_zone(value: str) -> str:
    """"T09:30ET" as "T09:30-04" in summer, "-05" in winter: US daylight time by the day's date."""
    d = date.fromisoformat(value[:10])
    standard = _US_ZONES[value[-2:]]
    return f"{value[:-2]}{standard + (1 if timex.us_daylight_time(d) else 0):+03d}"


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _weekday_beside(day: str, weekday: int, step: int) -> str:
    """The nearest ``weekday`` (ISO number) strictly after (``step`` 1) or before (-1) ``day``."""
    d = date.fromisoformat(day)
    gap = (weekday - d.isoweekday()) % 7 if step > 0 else (d.isoweekday() - weekday) % 7
    return (d + timedelta(days=step * (gap or 7))).isoformat()


_LUNAR = "lunar:"  # a feast of a lunar or lunisolar calendar, named after the colon (feasts.py)


def holiday_dates(code: str, year: int) -> tuple[date, ...]:
    """Every date of a named day in a year: two for an Islamic feast in some years, none outside a
    feast's table (feasts.py)."""
    if code.startswith(_LUNAR):
        return feasts.first_days(code[len(_LUNAR):], year)
    d = holiday_date(code, year)
    return (d,) if d else ()


def holiday_date(code: str, year: int) -> date | None:
    """The date of a named day in a year, from its code in patterns.yaml (a feast's first that year)."""
    if code.startswith(_LUNAR):
        days = feasts.first_days(code[len(_LUNAR):], year)
        return days[0] if days else None
    if code.startswith("easter"):
        return easter(year) + timedelta(days=int(code[6:] or 0))
    if code == "us-election":  # the Tuesday after the first Monday of November
        first_monday = holiday_date("11:1:1", year)
        return first_monday + timedelta(days=1) if first_monday else None
    if ":" not in code:
        m, d = code.split("-")
        return date(year, int(m), int(d))
    if "+" in code:  # "11:4:4+1": the day after Thanksgiving (Black Friday)
        code, after = code.split("+")
        base = holiday_date(code, year)
        return base + timedelta(days=int(after)) if base else None
    month, weekday, nth = (int(x) for x in code.split(":"))
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = timex.month_end(year, month)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _calendar(spec: dict[str, Any], ctx: Context) -> tuple[str | None, str, str | None]:
    year, month, day = spec.get("year"), spec.get("month"), spec.get("day")
    weekday, season = spec.get("weekday"), spec.get("season")
    quarter, half = spec.get("quarter"), spec.get("half")
    suffix = _time_suffix(spec)
    if spec.get("year_offset") is not None:  # "14 November last year", "Christmas last year": in the year named
        if ctx.anchor is None:
            return None, "none", NO_ANCHOR
        value, _, reason = _calendar({**spec, "year": ctx.anchor.year + int(spec["year_offset"]), "year_offset": None}, ctx)
        return value, ctx.anchor_kind, reason
    if spec.get("holiday"):
        return _holiday(spec, ctx)
    if spec.get("year_bc") is not None:  # "the autumn of 481 BC"
        part = f"-{season}" if season else (f"-{int(month):02d}" if month else "")
        if month and spec.get("day"):
            part += f"-{int(spec['day']):02d}"
        return f"BC{int(spec['year_bc']):04d}{part}", "absolute", None
    if spec.get("fiscal"):
        return None, "none", "a fiscal quarter: the company's fiscal calendar is not known"
    if spec.get("decade") is not None:
        return f"{int(spec['decade']):03d}", "absolute", None
    if spec.get("decade2") is not None:
        yy = int(spec["decade2"]) * 10
        century = 20 if ctx.anchor and 2000 + yy <= ctx.anchor.year else 19
        return f"{century}{spec['decade2']}", "absolute" if not ctx.anchor else "dct", None
    if spec.get("decade_word") is not None:
        century = ctx.anchor.year // 100 if ctx.anchor else 19
        if ctx.anchor and century * 100 + int(spec["decade_word"]) * 10 > ctx.anchor.year:
            century -= 1
        return f"{century}{spec['decade_word']}", "absolute" if not ctx.anchor else "dct", None
    if spec.get("year2") is not None:  # "'82", "October '87", "iLife '11": the such year nearest the anchor
        if ctx.anchor is None:
            return None, "none", "a two-digit year: its century needs the publication date"
        yy = int(spec["year2"])
        here = ctx.anchor.year
        year = min((here // 100 * 100 + k * 100 + yy for k in (-1, 0, 1)), key=lambda y: (abs(y - here), y))
        if not (month or season or quarter or half):
            return f"{year:04d}", "dct", None
    if spec.get("century") is not None:
        return f"{int(spec['century']) - 1:02d}", "absolute", None
    if spec.get("year_hi") is not None and spec.get("year_tens") is not None:
        year = int(spec["year_hi"]) * 100 + int(spec["year_tens"]) * 10 + int(spec.get("year_ones") or 0)
    if year is not None:
        year = int(year)
        if month and spec.get("until_month") and int(month) > int(spec["until_month"]):
            year -= 1  # "28 December - 3 January 1942": the range began the year before
        if month and day:
            try:
                d = date(year, int(month), int(day))
            except ValueError:
                return None, "none", f"no such day: {year}-{month}-{day}"
            return d.isoformat() + suffix, "absolute", None
        if month:
            return timex.fmt_month(year, int(month)), "absolute", None
        if season:
            return timex.fmt_season(year, season), "absolute", None
        if quarter:
            return timex.fmt_quarter(year, int(quarter)), "absolute", None
        if half:
            return f"{year:04d}-H{half}", "absolute", None
        return f"{year:04d}", "absolute", None

    a = ctx.anchor
    if a is None:
        return None, "none", NO_ANCHOR
    direction = _direction(spec, ctx)
    ys = (a.year - 1, a.year, a.year + 1)

    if month and day:
        # a day written without its year is near the anchor: reporters add the year to distant dates; a
        # period that "ended Jan. 31" is over, however near the next Jan. 31 is
        ended = _ENDED_BEFORE.search(ctx.before) if "end" in ctx.before else None
        if ended:
            direction = "past" if ended.group(1) == "ended" else "future"
        elif _TO_BEFORE.search(ctx.before) and ((ctx.length_told and ctx.tense != "future")
                                                 or _RESULTS_TO_BEFORE.search(ctx.before)):
            direction = "past"  # "posted a loss for the year to 31 March": a period that is over
        elif spec.get("period_end") and _RESULTS_PERIOD_BEFORE.search(ctx.before):
            # "will publish results covering the year to 31 December": a period that is over; but one
            # "ending Dec. 31" may not be yet, and is the one whose end is nearest
            direction = "nearest" if spec.get("which") == 1 else "past"
        elif direction != "past" or (ctx.cue_word not in UNPLANNED_EVENTS and not _dates_its_verb(ctx.before, ctx.cue_word)
                                     and not _done_after(ctx)):
            direction = _near(direction)  # "the March 3 robbery" has come, as has what "On March 3," opens
        cands: list[tuple[date, date, Any]] = []
        for y in ys:
            try:
                d = date(y, int(month), int(day))
            except ValueError:
                continue
            cands.append((d, d, d))
        if not cands:
            return None, "none", f"no such day: month {month}, day {day}"
        if weekday:  # "Monday, March 14": the year whose March 14 is a Monday, if one is near
            fits = [c for c in cands if c[0].isoweekday() == int(weekday)]
            if len(fits) == 1:
                return fits[0][0].isoformat() + suffix, ctx.anchor_kind, None
        d = _pick(cands, a, direction)
        if direction == "future" and d is not None and (d - a).days > 300:
            # "to repatriate the child by Jan. 14" written on Jan. 15: the deadline just passed, not next year's
            back = _pick(cands, a, "past")
            if back is not None and (a - back).days <= 7:
                d = back
        return (d.isoformat() + suffix if d else None), ctx.anchor_kind, "no slot"
    if month:
        if spec.get("which") == 0:  # "this January" said in November looks ahead only if a verb does
            y = a.year + 1 if int(month) < a.month and ctx.tense == "future" else a.year
            return timex.fmt_month(y, int(month)), ctx.anchor_kind, None
        cands = [(date(y, int(month), 1), timex.month_end(y, int(month)), (y, int(month))) for y in ys]
        if ctx.length_told and _RESULTS_TO_BEFORE.search(ctx.before):
            direction = "past"  # "reports its results for the 12 months to June next Thursday": a period over
        near = _near(direction, ctx)
        ym = _pick(cands, a, direction if near != direction and _dates_its_verb(ctx.before) else near)
        which = spec.get("which")
        if which in (-1, 1) and timex.add_months(a.year, a.month, int(which)) == tuple(ym):
            ym = (ym[0] + int(which), ym[1])  # "last February" said in March: "last month" would say this one
        return timex.fmt_month(*ym), ctx.anchor_kind, None
    if weekday:
        w = int(weekday)
        if spec.get("which") == 0:
            d = a + timedelta(days=w - a.isoweekday())
        else:
            d = _weekday_slot(a, w, direction)
        return d.isoformat() + suffix, ctx.anchor_kind, None
    if spec.get("dayrel") is not None:
        d = a + timedelta(days=int(spec["dayrel"]))
        return d.isoformat() + suffix, ctx.anchor_kind, None
    if season:
        if spec.get("which") == 0:
            sy, code = timex.season_of(a)
            y = sy if code == season else a.year
            if code != season and ctx.tense == "future" and timex.season_interval(y, season)[1] < a:
                y += 1  # "this spring it will reopen", said in November: the spring to come
            return timex.fmt_season(y, season), ctx.anchor_kind, None
        cands = [(*timex.season_interval(y, season), y) for y in ys]
        y = _pick(cands, a, direction)
        return timex.fmt_season(y, season), ctx.anchor_kind, None
    if quarter:
        q = int(quarter)
        if spec.get("which") == 0:
            return timex.fmt_quarter(a.year, q), ctx.anchor_kind, None
        # "will report third-quarter results" in October: the quarter just ended, whatever the verb; the
        # nearest occurrence is right for reports on past quarters and outlooks for the next one alike
        cands = [(date(y, 3 * q - 2, 1), timex.month_end(y, 3 * q), y) for y in ys]
        y = _pick(cands, a, "last" if spec.get("which") == -1 else "nearest")
        if ctx.tense == "past" and ctx.cue_word not in WEAK_PAST and date(y, 3 * q - 2, 1) > a:
            # "in the first quarter, revenue grew", told in November: a past verb (not a telling: "has
            # announced closures during the fourth quarter") never dates a quarter not yet begun
            y = _pick(cands, a, "past")
        return timex.fmt_quarter(y, q), ctx.anchor_kind, None
    if half:
        h = int(half)
        cands = [(date(y, 6 * h - 5, 1), timex.month_end(y, 6 * h), y) for y in ys]
        y = _pick(cands, a, "future" if ctx.tense == "future" else "past")
        return f"{y:04d}-H{h}", ctx.anchor_kind, None
    if suffix:  # a clock time alone: on the day just mentioned ("Tuesday ... at 18:00 UTC"), else the anchor's
        if ctx.day_before:
            return ctx.day_before + suffix, "previous-mention", None
        if ctx.event_day:
            return ctx.event_day + suffix, "previous-mention", None
        if spec.get("noon") == "midnight" and ctx.tense == "past":  # the midnight that began the anchor's day
            return (a - timedelta(days=1)).isoformat() + suffix, ctx.anchor_kind, None
        return a.isoformat() + suffix, ctx.anchor_kind, None
    return None, "none", "nothing to place"


def _weekday_slot(base: date, weekday: int, direction: str) -> date:
    """The slot rule of _pick worked out directly for a weekday: past/future include ``base`` itself,
    last/next do not."""
    back = (base.isoweekday() - weekday) % 7  # days since the most recent such weekday (0: base itself)
    ahead = (weekday - base.isoweekday()) % 7
    k = {"past": -back, "future": ahead, "last": -(back or 7), "next": ahead or 7}[direction]
    return base + timedelta(days=k)


def _holiday(spec: dict[str, Any], ctx: Context) -> tuple[str | None, str, str | None]:
    code = str(spec["holiday"])
    missing = feasts.OUTSIDE_TABLES if code.startswith(_LUNAR) else "no such day"
    if spec.get("year") is not None:
        d = holiday_date(code, int(spec["year"]))
        return _feast_value(code, d, spec), "absolute", missing
    a = ctx.anchor
    if a is None:
        return None, "none", NO_ANCHOR
    if spec.get("which") == 0:  # "this Christmas": this year's, whatever the verbs around it say
        this = holiday_date(code, a.year)
        return _feast_value(code, this, spec), ctx.anchor_kind, missing
    # a feast of many days is an occurrence until its last day: "will resume after the end of Ramadan",
    # told in Ramadan, is this one
    cands = [(d, _last_of(code, d), d) for y in (a.year - 1, a.year, a.year + 1) for d in holiday_dates(code, y)]
    direction = _direction(spec, ctx, str(spec.get("no_cue") or "past"))
    d = _pick(cands, a, _near(direction))
    if d is None:
        return None, "none", missing
    if spec.get("as_grain") == "year" and d > a and (a - date(a.year, 1, 1)).days <= _HOLIDAY_SOON:
        # "inflation will ease in the new year", told on January 10: the year just begun is still to come
        d = date(a.year, 1, 1)
    if direction == "past" and ctx.cue_word not in WEAK_PAST and (d - a).days > _HOLIDAY_SOON:
        # told in the past or with no cue, a holiday months ahead has not come: "prices rose over the
        # Memorial Day weekend" in March is last May's; "as Easter week began" six days before is this one
        d = _pick(cands, a, "past")
    if direction == "past" and _event_told_past(ctx) and not _LEADS_UP_TO.search(ctx.before):
        # not "judgment had been expected before Christmas", nor "prices rose in the run-up to Eid al-Adha"
        # what a verb of the event itself tells has begun: "an attack on New Year's Eve killed 40" in
        # December is last year's, while "as Easter week began" the week before Easter is this one
        begun = [c[0] for c in cands if _begins(c[0], spec.get("as_grain")) <= a]
        if begun and _begins(d, spec.get("as_grain")) > a:
            d = max(begun)
    return _feast_value(code, d, spec), ctx.anchor_kind, None


def _last_of(code: str, first: date) -> date:
    """The last day of a named day's occurrence: itself, or a feast's last day (feasts.py)."""
    if not code.startswith(_LUNAR):
        return first
    return feasts.last_day(code[len(_LUNAR):], first) or first


def _feast_value(code: str, first: date | None, spec: dict[str, Any]) -> str | None:
    """The value of a named day: the day itself, or for a feast of many days ("during Ramadan") the whole
    run of them, unless a rule counts from its day ("the week before Ramadan", "the day after Ramadan")."""
    if first is None:
        return None
    name = code[len(_LUNAR):]
    if not code.startswith(_LUNAR) or name not in feasts.SPANS \
            or spec.get("shift") or spec.get("step_weekday") or spec.get("as_grain"):
        return first.isoformat()
    last = feasts.last_day(name, first)
    return f"{first.isoformat()}/{last.isoformat()}" if last else None


def _begins(day: date, grain: Any) -> date:
    """The first day of the period of ``grain`` (a week, a weekend, a year) that a holiday names."""
    iv = timex.interval(_coarsen(day.isoformat(), str(grain)) or "") if grain else None
    return iv.start if iv is not None else day


_HOLIDAY_SOON = 45  # days
# what is told of the time before a day does not say the day has come: "prices rose in the run-up to Eid",
# "turkey prices rose ahead of Christmas"
_LEADS_UP_TO = re.compile(r"\b(?:run-up to|run up to|ahead of|in the days before|in the weeks before|"
                          r"preparations for|preparing for)\s+(?:the\s+)?$")


# ---- offsets from the anchor --------------------------------------------------------------------------

# "a week ago", "in two weeks": the same weekday; "six weeks ago" is rounded to weeks: the week it lands in
_DAY_GRAIN_WEEKS = 2


def _offset_value(a: date, unit: str, n: int | float, day_grain_weeks: bool = False) -> str | None:
    if isinstance(n, float) and not n.is_integer():
        return None
    n = int(n)
    if unit == "D":
        return (a + timedelta(days=n)).isoformat()
    if unit == "W":
        if day_grain_weeks and abs(n) <= _DAY_GRAIN_WEEKS:
            return (a + timedelta(days=7 * n)).isoformat()
        return timex.fmt_week(a + timedelta(days=7 * n))
    if unit == "M":
        return timex.fmt_month(*timex.add_months(a.year, a.month, n))
    if unit == "Q":
        y, m = timex.add_months(a.year, a.month, 3 * n)
        return timex.fmt_quarter(y, (m - 1) // 3 + 1)
    if unit == "Y":
        y = a.year + n
        # "50,000 years ago": before year 1 the value is written as TimeML writes "490 BC" (year 0 is 1 BC)
        return f"{y:04d}" if y >= 1 else f"BC{1 - y:04d}"
    if unit == "DE":
        return f"{a.year // 10 + n:03d}"
    if unit == "CE":
        return f"{a.year // 100 + n:02d}"
    return None


_MORNING_TOLD = re.compile(r"\d{4}-\d\d-\d\dT(?:MO|0\d|1[01])")
_LATER_IN_DAY_TOLD = re.compile(r"\d{4}-\d\d-\d\dT(?:AF|EV|NI|1[2-9]|2[0-4])")


def _night_beside_day_told(spec: dict[str, Any], ctx: Context, a: date) -> str | None:
    """For "overnight" in the sentence of a day just told: the night that ends that morning ("reopened at 5am
    on Friday after being shut overnight": Thursday's), the night that follows that afternoon or evening
    ("began at 8pm on Friday and raged overnight": Friday's), or, looking ahead to a day still to come, that
    day's night ("polls close on 4 July, with results expected overnight"); None otherwise."""
    if not spec.get("beside_day_told") or not ctx.day_before:
        return None
    told = ctx.previous[-1] if ctx.previous else ""
    if told[:10] == ctx.day_before[:10] and _MORNING_TOLD.match(told):
        return (date.fromisoformat(told[:10]) - timedelta(days=1)).isoformat() + "TNI"
    if told[:10] == ctx.day_before[:10] and _LATER_IN_DAY_TOLD.match(told):
        return told[:10] + "TNI"
    if ctx.tense == "future" and ctx.day_before > a.isoformat():
        return ctx.day_before[:10] + "TNI"
    return None


def _offset(spec: dict[str, Any], ctx: Context) -> tuple[str | None, str, str | None]:
    a = ctx.anchor
    if a is None:
        return None, "none", NO_ANCHOR
    n = spec.get("n")
    n = 0 if n is None else n
    night = _night_beside_day_told(spec, ctx, a)
    if night:
        return night, "previous-mention", None
    if ctx.tense == "future" and spec.get("future_n") is not None:  # "results are expected overnight": tonight
        n = spec["future_n"]
    elif spec.get("past_n") is not None and (ctx.cue_word == "since" or _event_told_past(ctx)):
        n = spec["past_n"]  # "since year-end", "debt stood at $2 billion at year-end": one that has come
    if spec["unit"] == "Y" and n == -1 and not spec.get("month") \
            and any(w in ctx.before for w in _COMPARED_WORDS) and _COMPARED_BEFORE.search(ctx.before):
        quarter = _reported_quarter(ctx, recent=True)
        if quarter:  # "net fell to $2 million from $3 million last year" in a quarterly report
            return timex.shift(quarter, "Y", -1), "previous-mention", None
    value = _offset_value(a, spec["unit"], n)
    if value and spec.get("half"):
        value = f"{value[:4]}-H{spec['half']}"
    if value and spec.get("quarter"):
        value = f"{value[:4]}-Q{spec['quarter']}"
    if value and spec.get("month"):
        value = f"{value[:4]}-{int(spec['month']):02d}"
    if value and spec.get("season"):  # "the summer of last year"
        value = f"{value[:4]}-{spec['season']}"
    if value and spec.get("day_of_month"):  # "the 1st of next month"
        day = int(spec["day_of_month"])
        value = _day_of(value, day)
        if value is None:
            return None, "none", f"no such day: day {day} of that month"
    if value and spec.get("part"):
        value += "T" + spec["part"]
    return value, ctx.anchor_kind, None


def _ago(spec: dict[str, Any], ctx: Context) -> tuple[str | None, str, str | None]:
    a = ctx.anchor
    if a is None:
        return None, "none", NO_ANCHOR
    n = spec.get("n")
    if n is None:
        return None, "none", "no count"
    sign = int(spec.get("sign") or -1)
    unit = spec["unit"]
    if spec.get("and_a_half"):  # "two and a half years ago": 30 months back; half a month has no grain
        n, unit = ((n + 0.5) * (12 if unit == "Y" else 120), "M") if unit in ("Y", "DE") else (n + 0.5, unit)
    if sign > 0 and (ctx.tense == "past" or _SUPERLATIVE_BEFORE.search(ctx.before)):
        # "the second letter in two weeks was published": told in the past, the time it took
        return _duration({"unit": unit, "n": n}, ctx)
    quarter = _reported_quarter(ctx) if unit == "Y" else None
    if quarter:  # "profit fell from $4 million a year ago" right after "the third quarter": the same quarter
        return timex.shift(quarter, "Y", sign * int(n)), "previous-mention", None
    if unit in _YEARS_IN:  # "a decade ago", "a century ago": that many years back, a year
        unit, n = "Y", n * _YEARS_IN[unit]
    if spec.get("to_the_day"):  # "a year ago today", "three weeks from today": the day itself
        day = a + timedelta(days=int(spec.get("day_shift") or 0))  # "two weeks ago yesterday"
        return timex.shift(day.isoformat(), unit, sign * int(n)), ctx.anchor_kind, None
    # "two weeks ago" counts back days from the anchor (more weeks, the week); months and years keep their grain
    return _offset_value(a, unit, sign * n, day_grain_weeks=True), ctx.anchor_kind, "fractional count"


def _reported_quarter(ctx: Context, recent: bool = False) -> str | None:
    """The quarter just mentioned, which a comparison with "a year ago" or "last year" is about (``recent``:
    only one that began within the year before the anchor)."""
    last = _report_quarter(ctx.reported, ctx.anchor)
    iv = timex.interval(last) if last else None
    if iv is None or iv.grain != "quarter":
        return None
    if recent and not (ctx.anchor is not None and 0 <= (ctx.anchor - iv.start).days < 370):
        return None
    return last


def _report_quarter(reported: tuple[str, ...], anchor: date | None) -> str | None:
    """The last period reported, unless it is a quarter earlier than a completed quarter reported before it:
    "Net rose in the third quarter. After a flat second quarter, ...": the report is about the third."""
    if not reported:
        return None
    if anchor is None or "-Q" not in reported[-1]:  # most comparisons follow a year or a day: nothing to weigh
        return reported[-1]
    last = timex.interval(reported[-1])
    if last is None or last.grain != "quarter":
        return reported[-1]
    for prev in reversed(reported[:-1]):
        if "-Q" not in prev:
            continue
        iv = timex.interval(prev)
        if iv is not None and iv.grain == "quarter" and last.end < iv.start and iv.end < anchor:
            return prev
    return reported[-1]


_WEEKEND_NEAR = 4  # from Thursday on, a weekend told with no tense is the coming one, nearer than the last


def _weekend(spec: dict[str, Any], ctx: Context) -> tuple[str | None, str, str | None]:
    a = ctx.anchor
    if a is None:
        return None, "none", NO_ANCHOR
    which = spec.get("which")
    on_weekend = a.isoweekday() >= 6
    if which is not None and int(which) < 0:  # "last weekend", "the weekend before last"
        d = a - timedelta(days=7 * -int(which))
    elif which is not None and int(which) > 0:  # "next weekend", "the weekend after next"
        d = (a + timedelta(days=7) if on_weekend else a) + timedelta(days=7 * (int(which) - 1))
    elif which == 0 and not on_weekend:  # "this weekend": the coming one, unless early in the week in the past
        d = a - timedelta(days=7) if a.isoweekday() <= 2 and ctx.tense == "past" else a
    elif on_weekend or ctx.tense == "future" or (ctx.tense is None and a.isoweekday() >= _WEEKEND_NEAR):
        d = a  # "perk yourself up for a great weekend" on a Friday: with no verb, the one a day away
    else:
        d = a - timedelta(days=7)
    return timex.fmt_week(d, weekend=True), ctx.anchor_kind, None


# ---- anaphora -----------------------------------------------------------------------------------------

def _coarsen(value: str, grain: str) -> str | None:
    iv = timex.interval(value)
    if iv is None:
        return None
    s = iv.start
    if grain == "day":
        return s.isoformat() if iv.grain in ("day", "part-of-day", "hour", "minute") else None
    if grain == "week":
        return timex.fmt_week(s) if timex.GRAIN_RANK[iv.grain] <= timex.GRAIN_RANK["week"] else None
    if grain == "weekend":
        # "the Memorial Day weekend": a holiday early in the week (Monday to Wednesday: Halloween on a
        # Tuesday) closes the weekend before it; one later in the week opens the weekend after it
        if timex.GRAIN_RANK[iv.grain] > timex.GRAIN_RANK["day"]:
            return None
        return timex.fmt_week(s - timedelta(days=s.isoweekday()) if s.isoweekday() <= 3 else s, weekend=True)
    if grain == "month":
        return timex.fmt_month(s.year, s.month) if timex.GRAIN_RANK[iv.grain] <= timex.GRAIN_RANK["month"] \
            else None
    if grain == "quarter":  # a year has no quarter of its own: not its first one
        return timex.fmt_quarter(s.year, timex.quarter_of(s)) if timex.GRAIN_RANK[iv.grain] <= \
            timex.GRAIN_RANK["quarter"] else None
    if grain == "year":
        return f"{s.year:04d}"
    if grain in ("decade", "century") and timex.GRAIN_RANK[iv.grain] <= timex.GRAIN_RANK[grain]:
        return f"{s.year // 10:03d}" if grain == "decade" else f"{s.year // 100:02d}"
    return None


def _grain_of(value: str) -> str | None:
    iv = timex.interval(value)
    return iv.grain if iv else None


def _anaphoric(spec: dict[str, Any], ctx: Context) -> tuple[str | None, str, str | None]:
    unit = spec["unit"]
    n = spec.get("n")
    n = 0 if n is None else n
    sign = spec.get("sign")
    if sign is not None:
        n = n * int(sign)
    if isinstance(n, float):
        if not n.is_integer():
            return None, "none", "fractional count"
        n = int(n)
    if spec.get("within") and ctx.anchor_kind == "dct" and (ctx.tense != "past" or ctx.cue_word in WEAK_PAST):
        # "could strike within the next week", "a decision is expected within the next month": a length
        # from the telling; told of the past ("Within the next year, Challe appeared") or in a story that
        # moves on from its own dates, the year after the date told
        return f"P1{unit}", "none", None
    if unit in _CLOCK_UNITS:  # "an hour later": from the clock time told just before, else the length
        moved = timex.shift_clock(ctx.previous[-1], unit, n) if ctx.previous else None
        return (moved, "previous-mention", None) if moved else (f"PT{abs(n)}{_CLOCK_UNITS[unit]}", "none", None)
    need = _UNIT_GRAIN.get(unit, "day")
    if n != 0 and ctx.after_open_length:
        return None, "none", "counts from the end of a length with no fixed end (\"within 14 days\")"
    if spec.get("copy"):  # "until then": the last date told, as it was told
        if ctx.previous:
            return ctx.previous[-1], "previous-mention", None
        return None, "none", "no earlier date in the article to count from"
    if spec.get("weekday") is not None:
        return _weekday_from(spec, ctx, int(spec["weekday"]), n)
    if spec.get("weekend"):
        return _weekend_from(ctx, n)
    if spec.get("season") or spec.get("month") or spec.get("holiday"):
        return _slot_from(spec, ctx, n)
    if spec.get("year") is not None:  # "the 1988 quarter": that year's quarter of the kind just reported
        year = int(spec["year"])
        report = _report_quarter(ctx.reported[-3:], ctx.anchor)
        for prev in ([report] if report else []) + list(reversed(ctx.previous[-3:])):
            iv = timex.interval(prev)
            if iv is not None and iv.grain == need:
                return timex.shift(prev, "Y", year - iv.start.year), "previous-mention", None
        return f"{year:04d}", "absolute", None
    comparison = bool(spec.get("comparison"))
    earlier = list(reversed((ctx.reported if comparison else ctx.previous)[-3:]))
    if comparison and earlier:
        report = _report_quarter(ctx.reported[-3:], ctx.anchor)
        if report is not None and report != earlier[0]:
            earlier.remove(report)
            earlier.insert(0, report)
    if n == 0 and spec.get("fallback") is not None and ctx.anchor is not None and ctx.cue_word == "since" \
            and not spec.get("day_of_month"):
        # "Since the start of the year, prices have risen": a stretch up to now, in the anchor's own year
        # (or quarter: not the last one completed, which "the quarter" means in a report)
        return _offset_value(ctx.anchor, unit, 0), ctx.anchor_kind, None
    if comparison and spec.get("as_grain"):  # "the year-ago quarter": the quarter told, before a month told since
        earlier.sort(key=lambda v: _grain_of(v) != spec["as_grain"])
    too_coarse = ""  # the grain of an earlier date skipped as too coarse to count days or weeks from
    for prev in earlier:
        iv = timex.interval(prev)
        if iv is None:
            continue
        if (comparison or spec.get("not_forecast")) and ctx.anchor is not None and iv.start > ctx.anchor:
            continue  # "the year-ago period", "the full year": a reported period, not a forecast just mentioned
        if spec.get("not_forecast") and ctx.anchor is not None and prev == ctx.anchor.isoformat():
            continue  # "December ..., the office said on Wednesday. For the full year": not the telling's day
        if comparison and spec.get("as_grain") and timex.GRAIN_RANK[iv.grain] > timex.GRAIN_RANK[spec["as_grain"]]:
            continue  # "last year's quarter" compares with the quarter reported, not a year told since
        if n == 0:
            if spec.get("same_grain") and iv.grain != need:
                continue
            value = _coarsen(prev, need)
            if value and spec.get("day_of_month"):  # "on the 18th" after "18 December": that month's day
                value = _day_of(value, int(spec["day_of_month"]))
            if value and ctx.tense == "future" and ctx.anchor_kind == "dct" and spec.get("fallback") is not None \
                    and ctx.anchor is not None and _ends_before(value, ctx.anchor):
                break  # "expected to vote by the end of the week" after "last night": this week, not last
            if value and ctx.tense == "past" and ctx.anchor_kind == "dct" and spec.get("fallback") is not None \
                    and ctx.anchor is not None and iv.start > ctx.anchor:
                continue  # "the dollar was down 1.5% on the day" after "results on Thursday": not a day to come
            if value is None and spec.get("same_event") and need in ("day", "week") \
                    and timex.GRAIN_RANK[iv.grain] > timex.GRAIN_RANK[need]:
                # "killed last October ... crossed out that same day": the day is October's, and untold
                return None, "none", f"the {need} is told only by its {iv.grain}"
        elif timex.GRAIN_RANK[iv.grain] > timex.GRAIN_RANK[need] and need in ("day", "week"):
            too_coarse = too_coarse or iv.grain
            continue  # "the following day" cannot count from "in November"
        else:
            value = _counted(prev, iv.grain, unit, n, spec.get("coarsen"), bool(spec.get("mod")))
        if value:
            if spec.get("part") and len(value) == 10 and value[4] == "-":
                if n == 0 and spec["part"] == "MO" and _NIGHT_TOLD.search(prev):
                    # "started just before midnight on Thursday and burned until dawn": the morning after
                    value = (date.fromisoformat(value) + timedelta(days=1)).isoformat()
                value += "T" + spec["part"]
            return _slot_of_year(value, spec), "previous-mention", None
    if spec.get("day_of_month") and ctx.anchor is not None:  # "will meet on the 3rd", told on the 24th
        a, day = ctx.anchor, int(spec["day_of_month"])
        step = 1 if ctx.tense == "future" and day < a.day else -1 if ctx.tense == "past" and day > a.day else 0
        value = _day_of(timex.fmt_month(*timex.add_months(a.year, a.month, step)), day)
        return value, ctx.anchor_kind, None if value else f"no such day: the {day}th"
    if spec.get("fallback") is not None and ctx.anchor is not None:
        fallback = spec["past_fallback"] if ctx.tense == "past" and spec.get("past_fallback") is not None \
            else spec["fallback"]  # "shelled the city through the night": last night
        value = _offset_value(ctx.anchor, unit, int(fallback))
        if value and spec.get("ended") and ctx.tense == "past":
            iv = timex.interval(value)
            if iv is not None and (iv.end - ctx.anchor).days > _ENDED_GRACE_DAYS:
                value = _offset_value(ctx.anchor, unit, int(fallback) - 1)  # "ended the year", told on 2 January
        if value and spec.get("part") and len(value) == 10:
            value += "T" + spec["part"]
        return value, ctx.anchor_kind, None
    if too_coarse:  # "the spring of 2025 ... two weeks earlier": no day to count from
        return None, "none", f"counts in {need}s from a date told only as a whole {too_coarse}"
    return None, "none", "no earlier date in the article to count from"


_YEARS_IN = {"DE": 10, "CE": 100}
_NIGHT_TOLD = re.compile(r"T(?:NI|2[0-4]:\d\d)")  # a night, or a clock time from 8pm to midnight
_CLOCK_UNITS = {"H": "H", "MIN": "M"}  # "an hour later" with no clock time before it is PT1H


def _slot_of_year(value: str, spec: dict[str, Any]) -> str:
    """"March the following year", "the spring of the previous year": the month or season of the year
    counted to (rule slot-of-following-year); any other value as it is."""
    month, season = spec.get("slot_month"), spec.get("slot_season")
    if len(value) != 4 or not value.isdigit():
        return value
    if month:
        return timex.fmt_month(int(value), int(month))
    return f"{value}-{season}" if season else value


def _counted(told: str, grain: str, unit: str, n: int, coarsen: Any, approx: bool) -> str | None:
    """``n`` units on from the date value ``told`` (of grain ``grain``), named at the grain the count
    names (``coarsen``: "count" for "two weeks later", true for "the following year")."""
    # "retired in 2009 ... a decade later" is ten years on, 2019, not the 2010s; "founded in 1753 ... a
    # century later" is 1853
    by_years = unit in _YEARS_IN and timex.GRAIN_RANK[grain] <= timex.GRAIN_RANK["year"] and not approx
    value = timex.shift(told if "T" not in told else told[:10], "Y" if by_years else unit,
                        _YEARS_IN[unit] * n if by_years else n)
    need = "year" if by_years else _UNIT_GRAIN[unit]
    # "two weeks later" keeps the weekday, as "two weeks ago" does; "six weeks later" is a week
    keep_day = coarsen == "count" and unit == "W" and abs(n) <= _DAY_GRAIN_WEEKS
    if value and coarsen and timex.GRAIN_RANK[need] > timex.GRAIN_RANK[grain] and not keep_day:
        value = _coarsen(value, need)
    return value


def _count_from_told(value: str, spec: dict[str, Any]) -> tuple[str | None, str | None]:
    """"ten days before Oct. 23", "a week before Christmas 2021": the date told, moved by the count
    (recognize.join_counts); a count of days or weeks cannot be made from a month or a year."""
    iv = timex.interval(value)
    unit, n = str(spec["count_unit"]), int(spec["count_n"])
    need = _UNIT_GRAIN[unit]
    if iv is None:
        return None, f"counts from {value}, which is no date"
    if timex.GRAIN_RANK[iv.grain] > timex.GRAIN_RANK[need] and need in ("day", "week"):
        return None, f"counts in {need}s from a date told only as a whole {iv.grain}"
    told = value if "T" not in value else value[:10]
    moved = _counted(told, iv.grain, unit, n, "count", False)
    if moved and "T" in value and len(moved) == 10:
        moved += value[10:]  # "two days after 5 p.m. on Friday": the clock time stays
    return moved, None if moved else f"cannot count {n} {need}s from {value}"


def _day_of(month: str, day: int) -> str | None:
    """Day ``day`` of the month value ``month`` ("2023-12"), if the month has it."""
    y, m = int(month[:4]), int(month[5:7])
    return f"{month}-{day:02d}" if day <= timex.month_end(y, m).day else None


def _ends_before(value: str, day: date) -> bool:
    iv = timex.interval(value)
    return iv is not None and iv.end < day


def _weekday_from(spec: dict[str, Any], ctx: Context, weekday: int, n: int
                  ) -> tuple[str | None, str, str | None]:
    """"the previous Friday": the weekday strictly before (n < 0) or after the last day told, else the anchor."""
    told = _last_told(ctx, ("day", "part-of-day", "hour", "minute"))
    if told is None:
        return None, "none", NO_ANCHOR
    base, kind = told
    return _weekday_slot(base.start, weekday, "last" if n < 0 else "next").isoformat(), kind, None


def _weekend_from(ctx: Context, n: int) -> tuple[str | None, str, str | None]:
    """"the following weekend": the first weekend after the last day told (its own week's from a weekday);
    "the previous weekend": the one in the week before; from the anchor when no day was told."""
    told = _last_told(ctx, ("day", "part-of-day", "hour", "minute"))
    if told is None:
        return None, "none", NO_ANCHOR
    base, kind = told
    day = base.start
    if n < 0:
        day -= timedelta(days=7)
    elif day.isoweekday() >= 6:
        day += timedelta(days=7)
    return timex.fmt_week(day, weekend=True), kind, None


def _last_told(ctx: Context, grains: tuple[str, ...] | None = None) -> tuple[timex.Interval, str] | None:
    """The interval of the last date told (of one of ``grains``, if given) and "previous-mention", else the
    anchor's day and its kind; None with neither."""
    for prev in reversed(ctx.previous[-3:]):
        iv = timex.interval(prev)
        if iv is not None and (grains is None or iv.grain in grains):
            return iv, "previous-mention"
    if ctx.anchor is None:
        return None
    return timex.Interval(ctx.anchor, ctx.anchor, "day"), ctx.anchor_kind


def _slot_from(spec: dict[str, Any], ctx: Context, n: int) -> tuple[str | None, str, str | None]:
    """"the following spring", "the previous September", "the following Easter": the first such season,
    month or named day after the end (before the start) of the last date told, else of the anchor."""
    told = _last_told(ctx)
    if told is None:
        return None, "none", NO_ANCHOR
    base, kind = told
    season, month, holiday = spec.get("season"), int(spec.get("month") or 0), spec.get("holiday")
    cands: list[tuple[date, date, str]] = []
    for y in range(base.start.year - 1, base.end.year + 2):
        if holiday:  # "divorced the following Easter", "the previous Ramadan"
            code = str(holiday)
            for d in holiday_dates(code, y):
                value = _feast_value(code, d, spec)
                if value:  # not a feast whose end is past its table's
                    cands.append((d, _last_of(code, d), value))
        elif season:
            start, end = timex.season_interval(y, season)
            cands.append((start, end, timex.fmt_season(y, season)))
        else:
            cands.append((date(y, month, 1), timex.month_end(y, month), timex.fmt_month(y, month)))
    if n == 0:  # "that autumn": the one the last date told falls in, else the one of its year
        within = [c for c in cands if c[0] <= base.start <= c[1]] or [c for c in cands if c[0].year == base.start.year]
        return (within[0][2] if within else None), kind, "no slot"
    if n > 0:
        after = [c for c in cands if c[0] > base.end]
        return (after[0][2] if after else None), kind, "no slot"
    before = [c for c in cands if c[1] < base.start]
    return (before[-1][2] if before else None), kind, "no slot"


# ---- values that are not calendar positions -----------------------------------------------------------

def _num(n: Any) -> str:
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    return str(n)


def _duration(spec: dict[str, Any], ctx: Context) -> tuple[str | None, str, str | None]:
    unit = spec["unit"]
    if unit == "HMS":  # a finishing time, "2:18:05": PT2H18M5S, a part that is nought left out
        parts = ((spec.get("hours"), "H"), (spec.get("minutes"), "M"), (spec.get("seconds"), "S"))
        return "PT" + ("".join(f"{int(v)}{u}" for v, u in parts if v and int(v)) or "0S"), "none", None
    n: Any = spec.get("n")
    if spec.get("half") and isinstance(n, int | float):
        n = n + 0.5
    if spec.get("vague") or n is None:
        n = "X"
    if unit in ("DE", "CE"):
        factor = 10 if unit == "DE" else 100
        return f"P{n if n == 'X' else _num(n * factor)}Y", "none", None
    if unit == "Q":
        return f"P{n if n == 'X' else _num(n * 3)}M", "none", None
    if isinstance(n, float) and n % 1 == 0.5 and unit in _HALF_OF:
        # "2 1/2 years" is P2Y6M: the half in the next smaller unit, as ISO 8601 durations are usually written
        whole, half = int(n), _HALF_OF[unit]
        if unit in ("H", "MIN"):
            return f"PT{whole}{'H' if unit == 'H' else 'M'}{half}", "none", None
        return f"P{whole}{unit}{half}", "none", None
    if unit in ("H", "MIN", "S"):
        letter = {"H": "H", "MIN": "M", "S": "S"}[unit]
        return f"PT{_num(n)}{letter}", "none", None
    return f"P{_num(n)}{unit}", "none", None


_HALF_OF = {"Y": "6M", "D": "T12H", "H": "30M", "MIN": "30S"}


def _set(spec: dict[str, Any], ctx: Context) -> tuple[str | None, str, str | None]:
    if spec.get("weekday"):
        part = spec.get("part")
        return f"XXXX-WXX-{int(spec['weekday'])}" + (f"T{part}" if part else ""), "none", None
    if spec.get("month"):
        return f"XXXX-{int(spec['month']):02d}", "none", None
    if spec.get("season"):
        return f"XXXX-{spec['season']}", "none", None
    if spec.get("holiday"):
        # "every St Patrick's Day" is a day of each year; a movable feast ("every Easter") is yearly, its day
        # changing
        holiday = str(spec["holiday"])
        return (f"XXXX-{holiday}" if _FIXED_HOLIDAY.fullmatch(holiday) else "P1Y"), "none", None
    if spec.get("value"):
        return str(spec["value"]), "none", None
    if spec.get("unit"):
        return _duration({"unit": spec["unit"], "n": spec.get("n")}, ctx)
    return None, "none", "empty set"


def _ref(spec: dict[str, Any], ctx: Context) -> tuple[str | None, str, str | None]:
    return spec["ref"], "none", None


def _parse(spec: dict[str, Any], ctx: Context) -> tuple[str | None, str, str | None]:
    value = parse_absolute(spec["text"])
    return value, "absolute", f"dateparser could not read {spec['text']!r}"


_KINDS = {"calendar": _calendar, "offset": _offset, "ago": _ago, "weekend": _weekend,
          "anaphoric": _anaphoric, "duration": _duration, "set": _set, "ref": _ref, "parse": _parse}

__all__ = ["Context", "Resolved", "resolve", "underspecified", "NO_ANCHOR"]
