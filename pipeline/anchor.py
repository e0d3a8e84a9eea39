"""The anchor (publication date) of an article that came without one, from evidence in its own text.

Strong evidence only: a dateline at the top ("CALDER, March 15, 2024 —" or "March 15, 2024 —"), or a
line near the top that holds nothing but a full date (the date line of wire copy and wikis: "Friday,
March 15, 2024"). A full date inside a sentence is not evidence: an article dated the 20th can say "on
March 15, 2024". Anything weaker leaves the article unanchored, so its relative expressions stay
unresolved with the reason "no anchor" instead of being guessed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.merge import EventView
from pipeline.model import Article, Mention
from pipeline.temporal.ruleset import load

_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .'’-]{1,40},\s+)?(?:\((?:[A-Z][\w ]{1,20})\)\s+)?(?P<date>(?P<m>[A-Z][a-z]{2,8})\.?\s+"
    r"(?P<d>[0-3]?\d),?\s+(?P<y>(?:19|20)\d\d))\b(?:\s*\([^)]{1,30}\))?\s*[-—–:]")
_DATE_LINE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:(?P<m>[A-Z][a-z]{2,8})\.?\s+(?P<d>[0-3]?\d)"
    r"(?:st|nd|rd|th)?|(?P<d2>[0-3]?\d)\s+(?P<m2>[A-Z][a-z]{2,8})),?\s+(?P<y>(?:19|20)\d\d)\.?$")


def dateline_date(text: str) -> tuple[date | None, str | None]:
    """The date of a dateline in the first lines of the text, with the line as evidence."""
    months = load().vocab["month"].map
    for line in text.split("\n")[:6]:
        line = line.strip()
        m = _DATELINE.match(line) or _DATE_LINE.match(line)
        if not m:
            continue
        month = months.get((m["m"] or m.groupdict().get("m2") or "").lower())
        day = m["d"] or m.groupdict().get("d2")
        if not month or not day:
            continue
        try:
            return date(int(m["y"]), int(month), int(day)), line[:120]
        except ValueError:
            continue
    return None, None


def infer_anchor(article: Article) -> Article:
    """The article with an anchor from its dateline, or unchanged when there is no strong evidence."""
    if article.published is not None:
        return article
    d, evidence = dateline_date(article.text)
    if d is not None:
        return article.with_anchor(d, "dateline", evidence)
    return article


# ---- from the same happening dated in other articles -------------------------------------------------

INFER_SIMILARITY = 0.3
INFER_SHARED_MIN = 4  # more shared words than merging needs: a wrong anchor would shift every relative date



def infer_from_timeline(article: Article, dated: list[EventView], mentions: list[Mention] | None = None
                        ) -> tuple[date, str] | None:
    """An anchor for an undated article whose "today"/"yesterday"/"tomorrow" describes a happening other
    articles date to a day ("a key meeting in Rome today" where others put that Rome meeting on Monday).

    Only statements of what happens (not "X said yesterday", which dates the saying) count as evidence, and
    every strong match must agree on the anchor; otherwise there is no inference.
    """
    from pipeline.events import _REPORTING, _what, clause_of, trigger_of
    from pipeline.merge import pair_score
    from pipeline.temporal import tag
    from pipeline.text import SentenceIndex

    if article.published is not None or not dated:
        return None
    if mentions is None:
        mentions = tag(article.text, None)
    sentences = SentenceIndex(article.text)
    votes: dict[date, list[str]] = {}
    for m in mentions:
        if not (m.rule in ("dayrel", "tonight") or m.underspecified.startswith("offset(unit=D,")):
            continue
        try:
            days = int(m.underspecified.split("n=")[1].split(",")[0].rstrip(")"))
        except (IndexError, ValueError):
            continue
        sent = sentences.find(m.start)
        clause = clause_of(article.text, sent, m.start, m.end)
        if trigger_of(article.text[clause[0]:clause[1]]) in _REPORTING:
            continue
        what = _what(article.text, clause, sent, m)
        basis = article.text[clause[0]:m.start] + " " + article.text[m.end:clause[1]]
        probe = EventView("probe", article.id, "", date.min, date.min, "day", what, what, basis=basis)
        for ev in dated:
            if ev.grain not in ("day", "part-of-day", "hour", "minute"):
                continue
            sim, shared, content = pair_score(probe, ev)
            if sim >= INFER_SIMILARITY and shared >= INFER_SHARED_MIN and content >= 1:
                anchor = ev.start_date - timedelta(days=days)
                votes.setdefault(anchor, []).append(
                    f"{m.text!r} in {what!r} matches {ev.what!r} dated {ev.value} by {ev.outlet or 'another article'}")
    if len(votes) != 1:
        return None
    (anchor, evidence), = votes.items()
    return anchor, "; ".join(sorted(set(evidence)))[:500]
