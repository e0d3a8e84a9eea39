"""Whatever the text, the tagger returns ordered, non-overlapping mentions whose offsets are true."""

from __future__ import annotations

import random
import string
from datetime import date

from pipeline.temporal import tag

ALPHABET = string.ascii_letters + string.digits + " .,;:-'\n" + "£€’“”—–İıß" + "🎉"
WORDS = ("on Friday", "last month", "March 3", "the following day", "2022", "may", "this week", "today",
         "at 13:00 GMT", "the weekend", "early March", "two days later", "since November", "£1 a week")


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
        for anchor in (date(2022, 3, 17), None):
            mentions = tag(text, anchor)
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
