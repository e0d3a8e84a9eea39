"""``tag(text, anchor)``: recognise every temporal expression, then resolve each in text order, carrying
what the resolver needs from earlier ones (the last dates told, the periods reported, the last day).

Pure: same input, same output; no clock, no I/O beyond reading the rule files once.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pipeline.model import Mention
from pipeline.temporal import timex
from pipeline.temporal.recognize import Candidate, lower_keep_offsets, recognise
from pipeline.temporal.resolve import (
    Context,
    clock_only,
    day_for_clock,
    generic,
    range_end,
    resolve,
    tense_matters,
    underspecified,
    yearless_range,
)
from pipeline.temporal.tense import (
    SCHEDULE_PRESENT,
    SCHEDULE_PRESENT_OR_NOUN,
    WEAK_PAST,
    cue,
    habit,
    put_off_later,
)
from pipeline.text import line_is_boilerplate, sentence_around

DOMAINS = ("news", "narrative")
_TENSE_KINDS = {"calendar", "weekend"}  # only slots without a year need the sentence's tense
BEFORE_ERA = "counts from a date before the common era, which is not reckoned here"
_RECENT = 3  # earlier dates the resolver looks at (a copy of all of them per mention grows with the article)
_DEADLINE_WORDS = frozenset(("by", "until", "till"))
_RESTATE_GAP = 40  # characters between a date and a year that restates it after an aside
_SAME_DAY_WINDOW = 80  # characters between "on Tuesday" and "at 18:00 UTC" for the time to take that day
_LENGTH_GAP = 12  # characters between "the six months" and "Aug. 12": " ended on "
_OPEN_BEFORE = re.compile(r"\b(?:within|up to)\s+$")
_DAYS_KEPT = 12  # earlier days a bare clock time may share its verb with
# past cues that are no verb of an event: "was shot" is matched by "shot", not by "was"
_NOT_EVENT_VERBS = WEAK_PAST | frozenset("was were had did ago recent previous former earlier since".split())


_NOT_A_NOUN_AFTER = frozenset("""and or to through until till was were is are had has when as in on at by of for
with from that which""".split())
_NEXT_WORD = re.compile(r" ([a-z]+)")


def _named_in_passing(low: str, start: int, end: int) -> bool:
    """Whether a date is a label in brackets ("the Civil Constitution of the Clergy (1790)") or used as a
    name ("the 1978 Treaty of Friendship", "the August 1792 rising"). A history told earlier such a date in
    passing and stays where it was; a later one moves it on ("The 1916 Battle of Jutland"). A date it is
    measured from ("the largest cavalry battle since 1813") never moves it."""
    if start > 0 and low[start - 1] == "(" and low[end:end + 1] == ")":
        return True
    if low.endswith("the ", 0, start):
        m = _NEXT_WORD.match(low, end)
        return m is not None and m[1] not in _NOT_A_NOUN_AFTER
    return False


# the slots a year told just before places ("March 3", "in May", "the summer"), and what places one otherwise
_YEARLESS_SLOT = frozenset(("month", "season", "quarter", "half"))
_PLACED_OTHERWISE = ("year", "year2", "year_offset", "which", "dayrel", "weekday", "holiday", "direction",
                     "fiscal", "decade", "century")
# what turns a sentence to another time: "Sales fell in 2022, but rose in March"
_TURN = re.compile(r"[;:]|\b(?:but|while|whereas|although|though|since|now|yet|and then|before|after|until)\b")


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)(?:[\w'’-]+\s+){0,3}$")


def _scopes_its_sentence(low: str, start: int, end: int) -> bool:
    """Whether a year opens its sentence ("In 2019, the plant closed on March 3", "The 2022 edition opened
    on Sept. 20") or is a possessive ("Last year's model launched on Sept. 16"): the year of what the
    sentence goes on to tell, unlike one inside a phrase ("a program approved in 1987 ... through Sept. 29")."""
    return low.startswith(("'s", "’s"), end) or _SENTENCE_START.search(low, max(0, start - 40), start) is not None


def _same_clause(low: str, a: int, b: int) -> bool:
    """Whether [a, b) of the text stays in one sentence and does not turn to another time."""
    return b - a < 120 and low.find(". ", a, b) < 0 and low.find("\n", a, b) < 0 and _TURN.search(low, a, b) is None


# "at noon on the first Monday of February", "at 6 a.m. two days before Oct. 23": the clock time is on that day
_CLOCK_THEN_DAY = re.compile(r"\s*(?:,\s*)?(?:on\s+)?")
_DAY_GRAINS = frozenset(("day", "part-of-day", "hour", "minute"))
# "at 6 a.m. ten days before the shooting", "at 9 p.m. the day before the vote": a day no date tells
_COUNTED_FROM_EVENT = re.compile(r"\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                 r"\d+) (?:days?|weeks?)|the (?:day|night|morning|evening|afternoon|week))\s+"
                                 r"(?:before|after|prior to)\b")
EVENT_DAY = "its day is counted from an event the text does not date"
# "airs weeknights at 7pm", "meets every Monday at 9am", "open daily from 10am", "Opening hours are 9am to
# 5pm": the clock time of a habit
_RECURRING_BEFORE = re.compile(r"(?:\b(?:every|each)\s+(?:other\s+)?[a-z]+|\b(?:daily|nightly|weekly|weeknights|weekdays|"
                               r"weekends|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))"
                               r"\s+(?:at|from)\s+$|\b(?:opening|office|business|visiting|surgery)\s+hours\s*"
                               r"(?::|are|will\s+be)\s+(?:from\s+)?$")
# "sits from 10am until 4.30pm each day", "opens at 10am daily": the same, told after the time (or its range)
_RECURRING_AFTER = re.compile(r"\s+(?:(?:until|till|to|and|-|–)\s*\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?\s+)?"
                              r"(?:(?:every|each)\s+(?:other\s+)?(?:day|night|morning|evening|afternoon|weekday|[a-z]+day)|"
                              r"daily|nightly)\b")
RECURRING = "the clock time of a recurrence, not of one day"
# between a recurrence (a set of days, or a clock time of one) and a clock time that goes with it
_RECURRING_GAP = re.compile(r",?\s*(?:(?:to|until|till|through|and|from|at|between)\s*|-\s*|–\s*)?")
MOVABLE_HABIT = "a habit on a named day whose date moves each year: no day of one year is meant"
AFTER_THE_ANCHOR = "counted on from the date before, it lands after the publication date in a past sentence"
# a range told as two expressions: "from 7am on Friday until 7am on Wednesday", "starts on 16 August and
# ends on 24 May"; the far end is on or after the near one (resolve.range_end)
_RANGE_FROM_LAST = ("from", "on", "at", "the", "between")  # the words _RANGE_FROM_BEFORE can end with: tried first
_RANGE_FROM_BEFORE = re.compile(r"\b(?:(?P<whole>from|between)|(?:starts?|started|begins?|began|opens?|opened) (?:on|at))\s+(?:the\s+)?$")
_RANGE_TO_BEFORE = re.compile(r"\b(?:until|till|to|through|(?:ends?|ended|closes?|closed|finish(?:es)?|finished) "
                              r"(?:on|at))\s+(?:the\s+)?$")
_RANGE_GAP = 80  # characters from the near end of such a range to its far end
_TARGET_BEFORE = ("for ", "until ", "till ", "by ", "before ", "after ")  # what days told after these are for


class _RangeStart:
    """A date told after "from", "between" or "starts on": the near end of a range whose far end may follow."""

    __slots__ = ("start", "end", "value", "index", "spec", "cue", "opener")

    def __init__(self, start: int, end: int, value: str, index: int, spec: dict[str, Any],
                 cue: tuple[str | None, str | None] | None, opener: str | None) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.index = index  # its place in the mentions told so far
        self.spec = spec
        self.cue = cue  # the tense it was read with, if it needed one
        # "from" or "between", whose verb tells of the whole range; None after "starts on", which tells of its start
        self.opener = opener


def _clocks_waiting(candidates: list[Candidate], low: str) -> dict[int, int]:
    """{index of a bare clock time: index of the date right after it}, for times resolved after their day."""
    waits: dict[int, int] = {}
    for i in range(len(candidates) - 1):
        c, d = candidates[i], candidates[i + 1]
        if clock_only(c.spec) and d.rule.type == "DATE" and not clock_only(d.spec) \
                and d.spec["kind"] not in ("duration", "set") and _CLOCK_THEN_DAY.fullmatch(low, c.end, d.start):
            waits[i] = i + 1
    return waits


def _looks_ahead(tense: str | None, word: str | None) -> bool:
    """Whether a history tells a date as one looked ahead to ("a campaign planned for 1976", "could hold
    out until December"), not as where the story now is; "By late 1949, the army was pursuing" is the latter."""
    return tense == "future" and word not in _DEADLINE_WORDS


def tag(text: str, anchor: date | None, *, domain: str = "news") -> list[Mention]:
    """Every temporal expression in ``text``, in text order, resolved against ``anchor``.

    news: deictic expressions count from the anchor (publication date); narrative: from the last date the
    text itself mentioned (falling back to the anchor).
    """
    if domain not in DOMAINS:
        raise ValueError(f"domain must be one of {DOMAINS}, not {domain!r}")
    low = lower_keep_offsets(text)
    candidates = recognise(text, low=low)
    if not candidates:
        return []
    # the last few earlier values, kept as the tuples the resolver takes (not re-sliced per mention)
    previous: tuple[str, ...] = ()
    reported: tuple[str, ...] = ()  # previous, less years looked back to from the anchor ("last year")
    last_day: tuple[int, str] | None = None  # (end offset, value) of the last day-grain mention (or part of one)
    days: tuple[tuple[int, str], ...] = ()  # (start offset, value) of the last day-grain mentions
    last_length: tuple[int, str] | None = None  # (end offset, value) of the last DURATION mention
    counted_to_date: tuple[int, str] | None = None  # (end, year) of a length counted to date ("the first 11 months")
    # end offset of the last length with no fixed end ("within 14 days"), and of the last date told
    open_length_end = -1
    last_date_end = -1
    # narrative: the start and the middle of the last date told; a weekday moves on from the start ("In May
    # 1453 ... on Tuesday"), anything else is the occurrence nearest its middle ("In 1940 ... in January")
    narrative_anchor: date | None = None
    narrative_middle: date | None = None
    narrative_end: date | None = None
    before_era = False  # the last date told is BC: nothing is counted from it, nor from what came before it
    out: list[Mention] = []
    year_told: tuple[int, int] | None = None  # (end, year) of the last year told by itself
    waits = _clocks_waiting(candidates, low)
    order = list(range(len(candidates)))
    for i in waits:  # the day first, then the clock time that takes it
        order[i], order[i + 1] = order[i + 1], order[i]
    day_after: str | None = None  # the day a waiting clock time takes
    first_cue: tuple[int, tuple[str | None, str | None]] | None = None  # (index, cue) of a range's first end
    range_from: _RangeStart | None = None
    recurring_end = -1  # end offset of the last set of days, or clock time of a recurrence
    for k in order:
        c = candidates[k]
        spec = c.spec
        kind = spec["kind"]
        if year_told and kind == "calendar" and any(spec.get(k) is not None for k in _YEARLESS_SLOT) and all(
                spec.get(k) is None for k in _PLACED_OTHERWISE) and _same_clause(low, year_told[0], c.start):
            # "In 2019, the plant closed on March 3", "Last year's model launched on Sept. 16": that year's
            spec = {**spec, "year": year_told[1]}
        tense, word = (None, None)
        habit_word: str | None = None  # "usually peaks in February": the month of any year
        # "in two weeks" needs it too: told in the past it is the time something took (resolve._ago)
        # "this spring" and "overnight" too: a verb that looks ahead takes them to the next one
        which = spec.get("which")
        if kind == "calendar" and which is None and spec.get("weekday") is not None and spec.get("year") is None \
                and anchor is not None and not tense_matters(spec, anchor) and put_off_later(low, c.start):
            # "The hearing is adjourned until Thursday", told on a Thursday: what is put off today is put off
            # to a later day, the next Thursday
            spec = {**spec, "which": 1}
            which = 1
        if kind == "calendar" and which is None and spec.get("weekday") is not None and spec.get("year") is None \
                and anchor is not None and c.rule.range and k + 1 < len(candidates) \
                and candidates[k + 1].rule is c.rule and candidates[k + 1].spec.get("weekday") is not None \
                and _far_end_after(int(spec["weekday"]), int(candidates[k + 1].spec["weekday"]), anchor,
                                   c.rule.range["value"], low.endswith(_TARGET_BEFORE, 0, c.start)) \
                and cue(low, sentence_around(text, c.start, c.end), c.start, c.end)[0] == "past":
            # "The talks ran from Monday through Thursday", told on a Wednesday, "was seen on Monday and
            # Tuesday", told on a Monday: the far end has come too, so both are the week before's
            spec = {**spec, "shift": -7}
        needs_tense = (kind in _TENSE_KINDS and spec.get("year") is None
                       and (which is None or (which == 0 and (spec.get("season") or spec.get("month") or kind == "weekend")))
                       and spec.get("direction") is None and tense_matters(spec, anchor)) \
            or (kind == "ago" and spec.get("sign") == 1) or spec.get("future_n") is not None or spec.get("past_n") is not None \
            or (kind == "anaphoric" and not spec.get("n") and spec.get("fallback") is not None) \
            or bool(spec.get("within"))
        if needs_tense and spec.get("after_first") and first_cue is not None and first_cue[0] == k - 1:
            # "was open from 6am until 9pm on Saturday": the two ends of a range share the verb and the day;
            # the "until" before the second is the range's, not a deadline
            tense, word = first_cue[1]
        elif needs_tense:
            sentence = sentence_around(text, c.start, c.end)
            tense, word = cue(low, sentence, c.start, c.end)
            first_cue = (k, (tense, word)) if c.rule.range else None
            if kind == "calendar" and (tense is None or (tense == "future" and (
                    word in SCHEDULE_PRESENT or word in SCHEDULE_PRESENT_OR_NOUN))):
                # "Shops usually close on Christmas Day": with a habit word the present tells no schedule
                habit_word = habit(low, sentence[0], c.start)
        day_before = None
        if k in waits:
            day_before, day_after = day_after, None
        elif last_day and c.start - last_day[0] < _SAME_DAY_WINDOW and text.find("\n", last_day[0], c.start) < 0 \
                and text.find(". ", last_day[0], c.start) < 0:
            day_before = day_for_clock(last_day[1], spec)
        event_day = None
        if day_before is None and tense == "past" and word and word not in _NOT_EVENT_VERBS and days \
                and clock_only(spec):
            event_day = _day_told_with(word, days, text, low)
        if day_before is None and event_day is None and last_day and anchor is not None and clock_only(spec) \
                and (tense == "future" or (tense == "past" and word and (word == "had" or word not in _NOT_EVENT_VERBS))) \
                and (last_day[1][:10] < anchor.isoformat() if tense == "past" else last_day[1][:10] > anchor.isoformat()) \
                and text.count(". ", last_day[0], c.start) == 1 and text.find("\n", last_day[0], c.start) < 0:
            # "... on the night of 3 March the victim left a pub. CCTV showed him walking home at 11.20pm",
            # "Voters go to the polls on Sunday. Polls open at 8am": a clock time in the next sentence goes on
            # with the day just told, when both are past or both to come
            event_day = day_for_clock(last_day[1], spec)
        before = low[max(0, c.start - 70):c.start]
        # "the six months ended Aug. 12": the length just told is the period that day ends
        length_told = last_length[1] if last_length and c.start - last_length[0] <= _LENGTH_GAP else None
        # "appeal within 14 days ... seven days later": counted from an end no one gave, not the last date
        after_open_length = kind == "anaphoric" and open_length_end > last_date_end \
            and text.find(". ", open_length_end, c.start) < 0
        if domain == "narrative" and before_era:
            ctx = Context(None, "previous-mention", None, previous, day_before, None, before, reported)
        elif domain == "narrative" and narrative_anchor is not None:
            # a story moves forward for a weekday ("on Tuesday" is the one after the last date told); other
            # slots are the occurrence nearest the middle of that date (resolve._direction)
            told = narrative_anchor if spec.get("weekday") is not None else narrative_middle
            ctx = Context(told, "previous-mention", "future", previous, day_before, None, before,
                          reported, length_told=length_told, after_open_length=after_open_length)
        else:
            earlier = previous
            if counted_to_date and low.startswith(" of ", counted_to_date[0]) and c.start == counted_to_date[0] + 4 \
                    and kind == "anaphoric" and (last_date_end < 0 or text.find(". ", last_date_end, c.start) >= 0) \
                    and not (tense == "future" and anchor is not None and counted_to_date[1] < f"{anchor.year:04d}"):
                # "the first 11 months of the year": the year counted to date, not one told in an earlier sentence
                earlier = (*previous, counted_to_date[1])
            ctx = Context(anchor, "dct", tense, earlier, day_before, word, before, reported,
                          length_told=length_told, event_day=event_day, after_open_length=after_open_length,
                          after=low[c.end:c.end + 24])
        r = resolve(spec, c.rule.type, ctx)
        boiler = line_is_boilerplate(text, c.start, c.end)
        value, reason, anchor_kind = r.value, r.reason, r.anchor
        told_as_habit = generic(spec) if habit_word else None
        if told_as_habit:
            value, reason, anchor_kind = told_as_habit, None, "none"
        elif habit_word and spec.get("holiday"):
            value, reason = None, MOVABLE_HABIT  # "usually fast on Yom Kippur": no day of one year
        if value and day_before is None and clock_only(spec) and _COUNTED_FROM_EVENT.match(low, c.end):
            value, reason = None, EVENT_DAY
        if value and clock_only(spec) and (_RECURRING_BEFORE.search(before) or _RECURRING_AFTER.match(low, c.end)
                                           or (recurring_end >= 0 and _RECURRING_GAP.fullmatch(low, recurring_end, c.start))):
            value, reason = None, RECURRING
        if (clock_only(spec) and reason == RECURRING) or (r.type == "SET" and spec.get("weekday") is not None):
            # "every Monday from 9am to 5pm", "open Monday to Friday, 9am to 5pm": what follows at once recurs too
            recurring_end = c.end
        if value and anchor is not None and r.anchor == "previous-mention" and _counts_forward(spec) \
                and _lands_after(value, anchor) \
                and (tense if needs_tense else cue(low, sentence_around(text, c.start, c.end), c.start, c.end)[0]) == "past":
            # "hit on Monday ... was restored two days later", told on the Tuesday: the earlier date was not
            # the one meant (or was a clock time put on the publication day), so nothing is dated
            value, reason = None, AFTER_THE_ANCHOR
        if boiler and r.type in ("DATE", "TIME"):
            value, reason = None, "page boilerplate, not reporting"
        if before_era and value is None and r.anchor == "none":
            reason = BEFORE_ERA
        if value and range_from is not None and c.start - range_from.end < _RANGE_GAP and r.anchor != "absolute" \
                and low.find(". ", range_from.end, c.start) < 0 \
                and (_RANGE_TO_BEFORE.search(before) or (range_from.opener == "between" and before.endswith(" and "))):
            near = range_from
            pair = None
            if anchor is not None and domain == "news":
                rt, rw = near.cue or cue(low, sentence_around(text, near.start, near.end), near.start, near.end)
                mode = "past" if rt == "past" else "current" if rt == "future" and near.opener and (
                    rw in SCHEDULE_PRESENT or rw in SCHEDULE_PRESENT_OR_NOUN) else "forward"
                pair = yearless_range(near.value, value, near.spec, spec, mode, anchor)
            if pair is None:
                value = range_end(value, near.value, spec)
            else:
                # "ran from October to March", told in November: the winter just gone, both ends moved together
                moved, value = pair
                if moved != near.value:
                    _redate(out[near.index], moved)
                    previous = tuple(moved if v == near.value else v for v in previous)
                    reported = tuple(moved if v == near.value else v for v in reported)
                    days = tuple((o, moved if v == near.value else v) for o, v in days)
                    near.value = moved
                if needs_tense:
                    tense, word = rt, rw  # the far end is read as its range is ("ran from May until June")
        iv = timex.interval(value) if r.type in ("DATE", "TIME") else None
        if k - 1 in waits:
            day_after = value[:10] if iv is not None and value and iv.grain in _DAY_GRAINS else None
        if r.type == "DURATION" and value:
            last_length = (c.end, value)
            if _OPEN_BEFORE.search(low, max(0, c.start - 12), c.start):
                open_length_end = c.end
        if value and value.startswith("BC") and not boiler:
            previous, reported, narrative_anchor, narrative_end, before_era = (), (), None, None, True
        elif iv is not None and not boiler and not r.comparison:
            before_era = False
        if r.counts_from and not boiler:
            reported = (*reported[-(_RECENT - 1):], r.counts_from)
            if r.type == "DURATION":
                counted_to_date = (c.end, r.counts_from)
        # "On December 7 (December 8 in Asian time zones), 1941": a year that restates the date just told
        # leaves the story at that date, not in the middle of the year
        restates = domain == "narrative" and narrative_anchor is not None and narrative_end is not None \
            and iv is not None \
            and iv.start <= narrative_anchor \
            and narrative_end <= iv.end and c.start - last_date_end < _RESTATE_GAP \
            and text.find(". ", last_date_end, c.start) < 0
        if iv is not None and value and not boiler and iv.grain == "year" and len(value) == 4 \
                and not low.startswith("fy", c.start) and _scopes_its_sentence(low, c.start, c.end):
            # a fiscal year ("FY2024 results are due in January") need not hold the months told after it
            year_told = (c.end, iv.start.year)
        if iv is not None and value and not boiler and not r.comparison:
            last_date_end = c.end
            previous = (*previous[-(_RECENT - 1):], value)
            looked_back = kind == "offset" and spec.get("unit") == "Y" and (spec.get("n") or 0) < 0
            if not looked_back and not r.closes_period:
                reported = (*reported[-(_RECENT - 1):], value)
            aside = domain == "narrative" and narrative_anchor is not None and narrative_end is not None and (
                low.endswith("since ", 0, c.start)
                or (iv.end < narrative_anchor and _named_in_passing(low, c.start, c.end))
                or (iv.start > narrative_end and _looks_ahead(
                    *((tense, word) if needs_tense else cue(low, sentence_around(text, c.start, c.end),
                                                            c.start, c.end)))))
            if timex.GRAIN_RANK[iv.grain] <= timex.GRAIN_RANK["year"] and not restates and not aside:
                narrative_anchor, narrative_end = iv.start, iv.end
                narrative_middle = iv.start + (iv.end - iv.start) / 2
            opened = _RANGE_FROM_BEFORE.search(before) if before.rstrip().endswith(_RANGE_FROM_LAST) else None
            if opened:
                range_from = _RangeStart(c.start, c.end, value, len(out), spec,
                                         (tense, word) if needs_tense else None, opened.group("whole"))
            if iv.grain in _DAY_GRAINS:  # "last night's vote ... after midnight", "at 9.15pm on Monday": that day
                last_day = (c.end, value)
                if anchor is None or iv.start <= anchor:
                    days = (*days[-(_DAYS_KEPT - 1):], (c.start, value[:10]))
        cue_used = None
        if told_as_habit:
            cue_used = f"habit:{habit_word}"
        elif needs_tense and value is not None and r.anchor != "absolute":
            cue_used = f"{tense}:{word}" if tense else "default"
        m_start = c.start
        if r.type == "DURATION" and low.startswith("in ", c.start):
            m_start += 3  # "the lowest level in six years" read as a length: "in" is its signal, not part of it
        out.append(Mention(
            start=m_start, end=c.end, text=text[m_start:c.end], type=r.type, value=value, mod=r.mod,
            start_date=iv.start if iv else None, end_date=iv.end if iv else None,
            grain=iv.grain if iv else None, rule=c.rule.id, underspecified=underspecified(spec),
            anchor=anchor_kind if value else "none", tense=cue_used, reason=reason, boilerplate=boiler,
        ))
    if waits:
        out.sort(key=lambda m: m.start)
    return out


def _day_told_with(verb: str, days: tuple[tuple[int, str], ...], text: str, low: str) -> str | None:
    """The latest of ``days`` whose sentence has ``verb``: the day of the event a bare clock time is about."""
    word = re.compile(r"(?<![a-z])" + re.escape(verb) + r"(?![a-z])")
    for start, value in reversed(days):
        s0, s1 = sentence_around(text, start, start + 1)
        if word.search(low, s0, s1):
            return value
    return None


def _far_end_after(near: int, far: int, anchor: date, far_spec: dict[str, Any], target: bool) -> bool:
    """Whether two weekdays (ISO numbers) told as a range ("from Monday to Thursday") or as days of one short
    stretch ("on Monday and Tuesday"), the near one the latest such day up to ``anchor``, end after it. A
    list whose second day comes first ("Friday and Thursday") is no stretch forward and is left alone, and so
    are days a past telling is for (``target``: "issued a warning for Thursday and Friday")."""
    ahead = (far - near) % 7 or 7
    if far_spec.get("kind") != "anaphoric" and not (far_spec.get("near_first") and ahead < 5 and not target):
        return False
    return ahead > (anchor.isoweekday() - near) % 7


def _redate(m: Mention, value: str) -> None:
    """Give a mention already told another value of the same grain."""
    iv = timex.interval(value)
    m.value = value
    if iv is not None:
        m.start_date, m.end_date = iv.start, iv.end


def _counts_forward(spec: dict[str, Any]) -> bool:
    """Whether an anaphoric expression counts on from the date before ("two days later", "the next day")."""
    if spec["kind"] != "anaphoric":
        return False
    n = spec.get("n") or 0
    return isinstance(n, (int, float)) and n * int(spec.get("sign") or 1) > 0


def _lands_after(value: str, anchor: date) -> bool:
    iv = timex.interval(value)
    return iv is not None and iv.start > anchor
