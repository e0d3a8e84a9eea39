"""Every date a reader would put on a timeline in the sample corpus, with the value a careful reader gives.

The corpus (data/sample) is ours; these expectations were written by reading each article against its
publication date, not by running the tagger.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.sources import discover, read_input
from pipeline.temporal import tag

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"

EXPECTED = {
    "01-walkout.txt": [("Saturday", "2024-03-09"), ("Thursday", "2024-03-14"), ("the weekend", "2024-W10-WE"),
                       ("Sunday", "2024-03-10"), ("Last month", "2024-02"), ("last autumn", "2023-FA"),
                       ("January", "2024-01"), ("48-hour", "PT48H")],
    "02-mediator.md": [("Wednesday", "2024-03-13"), ("13:00 GMT on Friday", "2024-03-15T13:00Z"),
                       ("February 4", "2024-02-04"), ("early March", "2024-03"), ("this week", "2024-W11"),
                       ("several weeks", "PXW")],
    "03-talks.html": [("13:00 GMT today", "2024-03-15T13:00Z"), ("last Saturday", "2024-03-09"),
                      ("Thursday", "2024-03-14"), ("Wednesday", "2024-03-13"), ("two weeks", "P2W"),
                      ("Monday", "2024-03-11"), ("January", "2024-01"), ("48 hours", "PT48H")],
    "04-vote-undated.txt": [("Wednesday", None), ("yesterday", None), ("two years", "P2Y")],
    "05-backlog.txt": [("Saturday", "2024-03-09"), ("Monday", "2024-03-11"), ("next week", "2024-W12"),
                       ("Wednesday", "2024-03-13"), ("seven hours", "PT7H"), ("this week", "2024-W11")],
    "06-talks-end.txt": [("Friday", "2024-03-15"), ("13:00 GMT on Friday", "2024-03-15T13:00Z"),
                         ("last month", "2024-02"), ("Saturday, March 9", "2024-03-09"), ("Monday", "2024-03-18")],
    "07-strike-called.txt": [("Saturday", "2024-03-09"), ("Monday", "2024-03-04"), ("late February", "2024-02"),
                             ("this week", "2024-W10"), ("last autumn", "2023-FA")],
    "08-reopens.txt": [("Tuesday", "2024-03-19"), ("March 9", "2024-03-09"), ("the coming weeks", "FUTURE_REF"),
                       ("the end of April", "2024-04"), ("Monday", "2024-03-18"), ("The previous day", "2024-03-17")],
    "feed.jsonl#L1": [("early on Sunday", "2024-03-17"), ("March 9", "2024-03-09"), ("Friday", "2024-03-15"),
                      ("Saturday", "2024-03-16"), ("The following day", "2024-03-17"), ("Monday", "2024-03-18"),
                      ("next week", "2024-W12")],
    "feed.jsonl#L2": [("Friday", "2024-03-15"), ("Tuesday", "2024-03-12"), ("Saturday", "2024-03-09"),
                      ("the weekend", "2024-W10-WE")],
}


def _articles():
    out = {}
    for inp in discover([SAMPLE]):
        for a in read_input(inp).articles:
            out[Path(a.source).name] = a
    return out


ARTICLES = _articles()


def test_sample_corpus_is_complete():
    assert set(ARTICLES) == set(EXPECTED)
    assert 10 <= len(ARTICLES) <= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_article_dates(name):
    art = ARTICLES[name]
    mentions = tag(art.text, art.published)
    remaining = list(mentions)
    for text, value in EXPECTED[name]:
        hit = next((m for m in remaining if m.text == text), None)
        assert hit is not None, f"{text!r} not found in {name}; got {[m.text for m in mentions]}"
        remaining.remove(hit)
        assert hit.value == value, f"{name}: {text!r} -> {hit.value} ({hit.reason}, {hit.tense})"
        if value is None:
            assert hit.reason and "no anchor" in hit.reason


def test_boilerplate_is_never_dated():
    art = ARTICLES["01-walkout.txt"]
    assert all(m.type in ("SET", "DURATION") or m.value is None
               for m in tag(art.text, art.published) if m.boilerplate)
    assert any(m.boilerplate for m in tag(art.text, art.published))
