"""Whatever the text, the tagger returns ordered, non-overlapping mentions whose offsets are true."""

from __future__ import annotations

import random
import string
from datetime import date

from pipeline.temporal import tag

ALPHABET = string.ascii_letters + string.digits + " .,;:-'\n" + "£€’“”—–İıß" + "🎉"
WORDS = ("on Friday", "last month", "March 3", "the following day", "2022", "may", "this week", "today",
         "at 13:00 GMT", "the weekend", "early March", "two days later", "since November", "£1 a week",
         # after "ended", a value that is no day ("ending soon") once crashed the check for a period's end
         "ending soon", "ended now", "the quarter ended", "Sept. 30", "a year earlier", "at 10 p.m.", "shot")


def _texts(n: int):
    rng = random.Random(20240315)
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 12)):
            if rng.random() < 0.4:
                parts.append(rng.choice(WORDS))
            else:
                parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 25))))
        yield " ".join(parts)


def test_offsets_order_and_values_hold_on_random_text():
    checked = 0
    for text in _texts(1500):
        for anchor, domain in ((date(2022, 3, 17), "news"), (None, "news"), (date(2022, 3, 17), "narrative")):
            mentions = tag(text, anchor, domain=domain)
            end = -1
            for m in mentions:
                assert text[m.start:m.end] == m.text and m.start >= end, (text, m)
                end = m.end
                if m.value is None:
                    assert m.reason, m
                elif m.type in ("DATE", "TIME") and m.start_date is not None:
                    assert m.start_date <= m.end_date
            checked += len(mentions)
    assert checked > 500  # the generator does produce expressions


def _example_texts() -> list[str]:
    from pipeline.temporal.ruleset import load

    texts = [ex["text"] for rule in load().rules for ex in rule.examples]
    return texts + list(_texts(300))


def test_narrowing_by_the_next_word_finds_what_the_full_alternation_finds():
    """The recogniser tries, after "the" or a number, only the rules that can go on with the next word
    (ruleset.first_pairs). Trying all of them must find exactly the same expressions."""
    from dataclasses import replace

    from pipeline.temporal.recognize import recognise
    from pipeline.temporal.ruleset import load

    narrow = load()
    assert "the" in narrow.by_second and "1" in narrow.by_second  # the tables exist, or this tests nothing
    full = replace(narrow, by_second={}, _first_cache={}, _word_cache={}, _pair_matchers={},
                   _by_source={})
    for text in _example_texts():
        got = [(c.start, c.end, c.rule.id, c.spec) for c in recognise(text, narrow)]
        want = [(c.start, c.end, c.rule.id, c.spec) for c in recognise(text, full)]
        assert got == want, text


def test_first_pairs_reads_the_start_of_a_pattern():
    from pipeline.temporal.lookup import GLUED, NON_WORD, WILDCARD, token_pair
    from pipeline.temporal.ruleset import first_pairs

    assert first_pairs(r"the (?:following|next) day") == {"the following", "the next"}
    assert first_pairs(r"(?:the )?year[- ]end") == {"the year", f"year {GLUED}-", "year end"}
    assert first_pairs(r"\d+[.:]\d\d") == {f"0 {GLUED}.", f"0 {GLUED}:"}  # the mark after it is kept
    assert first_pairs(r"\d+(?: days)?") == {f"0 {WILDCARD}", "0 days"}  # may end after the number
    assert first_pairs(r"\d+ days?") == {"0 days", "0 day"}
    assert first_pairs(r"the \d{4}s") == {f"the {NON_WORD}"}
    assert first_pairs(r"[a-z]+ day") is None  # a class of letters: cannot be listed, so never narrowed
    assert token_pair("in the 1990s", 3) == ("the", NON_WORD)
    assert token_pair("217 lives", 0) == ("0", "lives")
    assert token_pair("1990s-era", 0) == ("0s", GLUED + "-")  # a mark right after the token
    assert token_pair("10:30", 0) == ("0", GLUED + ":")
    assert token_pair("since 1990", 6) == ("0", WILDCARD)  # the text ends: only rules that may end there


def test_days_in_month_agrees_with_the_calendar_module():
    import calendar

    from pipeline.temporal.timex import days_in_month
    for year in (1900, 1999, 2000, 2023, 2024, 2100):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1], (year, month)


def test_reading_tokens_by_hand_agrees_with_the_regexes_they_replace():
    """recognize._token_before and lookup.token_pair read characters one by one for speed; they must
    find what the regexes _TOKEN (read forwards over a window) and _TOKEN_PAIR find, on any text."""
    from pipeline.temporal.lookup import _DIGIT_RUN, _TOKEN_PAIR, GLUED, NON_WORD, WILDCARD, token_pair
    from pipeline.temporal.recognize import _TOKEN, _ascii, _token_before, lower_keep_offsets

    def pair_by_regex(low: str, s: int) -> tuple[str, str]:
        m = _TOKEN_PAIR.match(low, s)
        tok, space, second = m.group(1), m.group(2), m.group(3)
        tok = tok if tok.isalpha() else _DIGIT_RUN.sub("0", tok)
        if not space:
            return tok, (GLUED + low[m.end()] if m.end() < len(low) else WILDCARD)
        return tok, second or NON_WORD

    texts = [lower_keep_offsets(t) for t in _example_texts()]
    texts += ["in the '90s and ’80s, 1'90 rock'90 ''60 x٣٤ ab12cd ²3 …  \t9"]
    checked = 0
    for low in texts:
        raw = _ascii(low)
        for hi in range(0, len(low) + 1, 3):
            lo = max(0, hi - 48)
            want = [(m.start(), m.end()) for m in _TOKEN.finditer(low, lo, hi)][::-1]
            got, j = [], hi
            while True:
                s, e = _token_before(low, raw, lo, j)
                if s == e:
                    break
                got.append((s, e))
                j = s
            assert got == want, (low, lo, hi)
            checked += len(got)
        for s in range(len(low)):
            assert token_pair(low, s) == pair_by_regex(low, s), (low, s)
    assert checked > 10000


def test_every_trigger_word_is_found_where_it_stands():
    """_trigger_positions looks a word up only when a trigger word has its shape (first letter, last
    letter, length); every trigger must pass that filter, and no other word is returned."""
    import re

    from pipeline.temporal.recognize import _ascii, _trigger_positions
    from pipeline.temporal.ruleset import load

    rs = load()
    words = sorted(rs.trigger_table.values())
    assert len(words) > 100
    low = "x " + " ".join(f"{w}, zzzq {w}" for w in words)
    found = [(i, w) for i, w in _trigger_positions(low, _ascii(low), rs.trigger_table, rs.trigger_shapes) if w]
    want = []
    for m in re.finditer(r"[a-z]+", low):
        if m.group() in rs.trigger_table.values():
            want.append((m.start(), m.group()))
    assert found == want and len(found) == 2 * len(words)
