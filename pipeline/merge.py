"""Cross-article merging: events that describe the same happening on compatible dates become one entry.

Similarity is the overlap coefficient of two bags of content words (|A ∩ B| / min(|A|, |B|)), taken from
an event's headline fragment and its actors, after light stemming and folding of news verbs that name the
same kind of happening ("call", "talks", "speak", "phone" -> talk). Thresholds, chosen on the seed
articles and checked on tricky pairs in tests/test_merge.py:

- JOIN: dates compatible (the intervals overlap: "Friday" fits "this week") and, with some member of the
  entry, similarity >= 0.3, at least 2 shared words, at least 1 of them not a name. Names alone ("Biden",
  "Okonjo") are not enough: the same people do many things in a week; a name and a kind of happening is.
  0.3 is low enough for the seed articles' two accounts of Zhao Lijian's Thursday briefing (0.31) to
  join; the pairs that must stay apart are in tests/test_events_merge.py.
- CONFLICT: two articles, dates incompatible but within a week, similarity >= 0.6 with at least 3 shared
  words, 2 of them not names: almost certainly the same happening dated differently. It joins, and the
  other date is flagged. Two dates in one article are two happenings, never a conflict.

Similarity is computed member by member (the best pair), not against the union of an entry's words, which
would let a large entry swallow everything near it.

Merging is incremental: a new event is compared with the entries near its date, never with everything.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from pipeline.model import TimelineEntry
from pipeline.temporal import timex

JOIN_SIMILARITY = 0.3
JOIN_SHARED = 2
CONFLICT_SIMILARITY = 0.6
CONFLICT_SHARED = 3
CONFLICT_WINDOW_DAYS = 7
COMPARE_MEMBERS = 48  # a newcomer is compared with at most this many (the latest) members of an entry

_CONCEPTS = {
    "talk": "talk talks call calls called phone speak spoke spoken conversation discuss discussed discussion "
            "discussions negotiation negotiations negotiate negotiated negotiators",
    "meet": "meet meets meeting meetings met summit",
    "strike": "strike strikes striking walkout walk walked stoppage",
    "statement": "statement statements declare declared declaration issue issued",
    "vote": "vote votes voted voting ballot ballots",
    "brief": "briefing briefings briefed reporters journalists press conference",
    "deal": "deal deals agreement agreements accord accords agreed",
    "attack": "attack attacks attacked strike hit struck bombardment shelling shelled missile missiles rockets",
}
_CONCEPT_OF = {w: c for c, words in _CONCEPTS.items() for w in words.split()}
_STOP = frozenset("""the a an and or but of to in on at by for from with as that this these those it its is are was
were be been being has have had will would shall should could can may might must do does did not no than then
there their they them he she his her we our you your i me my who whom which what when where why how all any
both each few more most other some such only own same so too very just also into over after before about
against between through during above below up down out off again further once here said says told say
according while amid up new one two three four five six seven eight nine ten first second last next week
month year day today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december secretary president minister
spokesman spokeswoman spokesperson official officials adviser advisor leader counterpart chief head mr mrs ms
dr member members side sides people cent per percent its part time""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _stem(w: str) -> str:
    w = w.replace("’", "'").removesuffix("'s").strip("'-")
    if w in _CONCEPT_OF:
        return _CONCEPT_OF[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 5 and w.endswith("ed"):
        w = w[:-2]
    return _CONCEPT_OF.get(w, w)


def tokens(what: str, actors: Iterable[str] = ()) -> frozenset[str]:
    """Content words, lower-cased and stemmed; two-letter words only when capitalised (names: "Xi")."""
    words = _WORD.findall(what + " " + " ".join(actors))
    return frozenset(_stem(w.lower()) for w in words
                     if w.lower() not in _STOP and (len(w) > 2 or w[0].isupper()))


def similarity(a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
    shared = len(a & b)
    if not a or not b:
        return 0.0, 0
    return shared / min(len(a), len(b)), shared


@dataclass(frozen=True)
class EventView:
    """What merging needs to know about one event."""

    event_id: str
    article_id: str
    value: str
    start_date: date
    end_date: date
    grain: str
    what: str
    sentence: str
    actors: tuple[str, ...] = ()
    outlet: str | None = None
    entry_id: str | None = None
    basis: str = ""  # the full clause (the headline "what" may be cut short); "what" when not given

    @property
    def text(self) -> str:
        return self.basis or self.what

    @cached_property
    def words(self) -> frozenset[str]:
        return tokens(self.text, self.actors)

    @cached_property
    def content(self) -> frozenset[str]:
        """Words that are not names: what kind of happening this is."""
        return tokens(self.text) - tokens("", self.actors)


def pair_score(a: EventView, b: EventView) -> tuple[float, int, int]:
    sim, shared = similarity(a.words, b.words)
    return sim, shared, len(a.content & b.content)


@dataclass
class Cluster:
    entry_id: str
    members: list[EventView] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    _best: tuple[str, date, date, str] | None = None

    def add(self, ev: EventView) -> None:
        self.members.append(ev)
        self._best = None

    def recent(self) -> list[EventView]:
        """The members a newcomer is compared with: all of a small entry, the latest of a large one."""
        return self.members[-COMPARE_MEMBERS:]

    def best_value(self) -> tuple[str, date, date, str]:
        """The most specific value that every non-conflicting member's interval contains."""
        if self._best is None:
            self._best = self._compute_best()
        return self._best

    def _compute_best(self) -> tuple[str, date, date, str]:
        ranked = sorted(self.members, key=lambda m: ((m.end_date - m.start_date).days,
                                                     timex.GRAIN_RANK.get(m.grain, 99), m.value))
        for cand in ranked:
            if all(o.start_date <= cand.start_date and cand.end_date <= o.end_date
                   for o in self.members if _overlaps(o, cand.start_date, cand.end_date)):
                return cand.value, cand.start_date, cand.end_date, cand.grain
        c = ranked[0]
        return c.value, c.start_date, c.end_date, c.grain

    def interval(self) -> tuple[date, date]:
        _, s, e, _ = self.best_value()
        return s, e


def _overlaps(ev: EventView, start: date, end: date) -> bool:
    return ev.start_date <= end and start <= ev.end_date


def entry_id_for(event_id: str) -> str:
    return hashlib.blake2b(f"entry:{event_id}".encode(), digest_size=8).hexdigest()


_FINE = ("day", "part-of-day", "hour", "minute")


def _joins(ev: EventView, m: EventView) -> bool:
    sim, shared, content = pair_score(ev, m)
    return sim >= JOIN_SIMILARITY and shared >= JOIN_SHARED and content >= 1


def _choose(ev: EventView, clusters: Sequence[Cluster]) -> tuple[Cluster | None, bool]:
    best: tuple[float, int, Cluster] | None = None
    conflict: tuple[float, int, Cluster] | None = None
    for c in clusters:
        s, e = c.interval()
        compatible = _overlaps(ev, s, e)
        near = min(abs((ev.start_date - e).days), abs((s - ev.end_date).days)) <= CONFLICT_WINDOW_DAYS
        if not compatible and not (near and ev.grain in _FINE):
            continue
        for m in c.recent():
            sim, shared, content = pair_score(ev, m)
            if compatible:
                if sim >= JOIN_SIMILARITY and shared >= JOIN_SHARED and content >= 1 and (
                        best is None or (sim, shared) > best[:2]):
                    best = (sim, shared, c)
            elif (m.article_id != ev.article_id and m.grain in _FINE and sim >= CONFLICT_SIMILARITY
                  and shared >= CONFLICT_SHARED and content >= 2
                  and not any(o.article_id == ev.article_id for o in c.members)
                  and (conflict is None or (sim, shared) > conflict[:2])):
                conflict = (sim, shared, c)
    if best:
        return best[2], False
    if conflict:
        return conflict[2], True
    return None, False


def merge(new: Sequence[EventView], existing: Sequence[EventView] = ()) -> tuple[list[Cluster], dict[str, str]]:
    """Place new events into existing entries (given as their member events) or new ones.

    Returns the clusters that changed (to be written) and event_id -> entry_id for every event whose entry
    is new or changed (existing events move when two entries turn out to be one).
    """
    by_entry: dict[str, Cluster] = {}
    for ev in existing:
        assert ev.entry_id is not None
        by_entry.setdefault(ev.entry_id, Cluster(ev.entry_id)).add(ev)
    clusters = list(by_entry.values())
    touched: dict[str, Cluster] = {}
    assign: dict[str, str] = {}
    for ev in sorted(new, key=lambda e: (e.start_date, e.end_date, e.event_id)):
        target, is_conflict = _choose(ev, clusters)
        if target is None:
            target = Cluster(entry_id_for(ev.event_id))
            clusters.append(target)
        target.add(ev)
        if is_conflict:
            target.conflicts.append(f"{ev.value} ({ev.outlet or 'unknown outlet'})")
        touched[target.entry_id] = target
        assign[ev.event_id] = target.entry_id
        if is_conflict:
            continue
        # the new event may also join other entries it links to: they were one happening all along
        for other in [c for c in clusters if c is not target]:
            s, e = other.interval()
            if _overlaps(ev, s, e) and any(_joins(ev, m) for m in other.recent()):
                for m in other.members:
                    target.add(m)
                    assign[m.event_id] = target.entry_id
                target.conflicts.extend(other.conflicts)
                clusters.remove(other)
                touched.pop(other.entry_id, None)
    return list(touched.values()), assign


_WEAK_OPENINGS = frozenset("in on at for since ending after before as with by from during while when which "
                           "who that and but or to".split())


def representative(c: Cluster) -> EventView:
    """The member whose words are most shared with the others, preferring the most specific date."""
    words = Counter(w for m in c.members for w in m.words)
    value = c.best_value()[0]

    def score(m: EventView) -> tuple[int, int, int, int, str]:
        first = m.what.split(" ", 1)[0].lower()
        clean = not m.what.startswith("…") and first not in _WEAK_OPENINGS  # reads like a headline
        return (int(m.value == value), int(clean), sum(words[w] for w in m.words), len(m.what.split()),
                m.event_id)

    return max(c.members, key=score)


def entry_of(c: Cluster) -> TimelineEntry:
    value, start, end, grain = c.best_value()
    rep = representative(c)
    actor_counts = Counter(a for m in c.members for a in m.actors)
    actors = [a for a, _ in sorted(actor_counts.items(), key=lambda kv: (-kv[1], kv[0]))][:8]
    conflicts = sorted(set(c.conflicts))
    for m in c.members:  # members whose dates do not fit the agreed one are flagged, never hidden
        if not _overlaps(m, start, end):
            conflicts.append(f"{m.value} ({m.outlet or 'unknown outlet'})")
    return TimelineEntry(
        id=c.entry_id, value=value, start_date=start, end_date=end, grain=grain, what=rep.what,
        sentence=rep.sentence, actors=actors, event_ids=[m.event_id for m in c.members],
        article_ids=sorted({m.article_id for m in c.members}),
        outlets=sorted({m.outlet for m in c.members if m.outlet}), conflicts=sorted(set(conflicts)))


def entry_row(c: Cluster) -> dict[str, object]:
    """The stored columns of an entry (its sources are read back through the events that point to it)."""
    e = entry_of(c)
    return {"entry_id": e.id, "value": e.value, "start_date": e.start_date, "end_date": e.end_date,
            "grain": e.grain, "what": e.what, "sentence": e.sentence, "actors": e.actors,
            "conflicts": e.conflicts}
