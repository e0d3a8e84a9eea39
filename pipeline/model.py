"""The data that flows through the pipeline: article -> mentions -> events -> timeline entries."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

ANCHOR_SOURCES = ("manifest", "front-matter", "html-meta", "jsonl", "dateline", "inferred", "none")


@dataclass(frozen=True, slots=True)
class Article:
    """One article, its text normalised; ``published`` is the anchor (document creation time)."""

    text: str
    source: str  # where it came from: a path, or path#line for JSON lines
    published: date | None = None
    anchor_source: str = "none"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()
    anchor_evidence: str | None = None

    @property
    def id(self) -> str:
        """Content hash: the same text from the same source is the same article, whatever else changed."""
        return article_id(self.text, self.source)

    def with_anchor(self, published: date | None, source: str, evidence: str | None = None) -> Article:
        return Article(self.text, self.source, published, source, self.title, self.outlet, self.url,
                       self.warnings, evidence)


def article_id(text: str, source: str) -> str:
    h = hashlib.blake2b(digest_size=10)
    h.update(source.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


_MENTION_FIELDS = ("start", "end", "text", "type", "value", "mod", "start_date", "end_date", "grain", "rule",
                   "underspecified", "anchor", "tense", "reason", "boilerplate")


class Mention:
    """One temporal expression and what it resolved to (value None = unresolved, with ``reason``).

    A plain class rather than a dataclass: mypyc compiles this __init__, while a dataclass's generated one
    runs in the interpreter, once per mention of every article."""

    __slots__ = _MENTION_FIELDS

    def __init__(self, start: int, end: int, text: str, type: str, value: str | None, mod: str | None,
                 start_date: date | None, end_date: date | None, grain: str | None, rule: str,
                 underspecified: str, anchor: str, tense: str | None, reason: str | None = None,
                 boilerplate: bool = False) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.type = type  # DATE, TIME, DURATION, SET
        self.value = value
        self.mod = mod
        self.start_date = start_date
        self.end_date = end_date
        self.grain = grain
        self.rule = rule
        self.underspecified = underspecified
        self.anchor = anchor  # dct, previous-mention, absolute, none
        self.tense = tense  # the cue that decided direction, e.g. "future:will", or "default"
        self.reason = reason
        self.boilerplate = boilerplate

    def fields(self) -> dict[str, Any]:
        """The fields by name, as they are (dates as dates)."""
        return {k: getattr(self, k) for k in _MENTION_FIELDS}

    def as_dict(self) -> dict[str, Any]:
        d = self.fields()
        for k in ("start_date", "end_date"):
            d[k] = d[k].isoformat() if d[k] else None
        return d

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mention) and self.fields() == other.fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        return "Mention(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in _MENTION_FIELDS) + ")"


@dataclass(frozen=True, slots=True)
class Event:
    """A dated statement: what happened (or will), who, when, from which article and characters."""

    id: str
    article_id: str
    mention_index: int
    value: str
    start_date: date
    end_date: date
    grain: str
    mod: str | None
    what: str
    trigger: str | None
    actors: tuple[str, ...]
    status: str  # happened, planned, reported
    attribution: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    clause: str = ""  # the clause the date belongs to, in full: what merging compares


@dataclass
class TimelineEntry:
    """Events from one or more articles that describe the same happening on compatible dates."""

    id: str
    value: str
    start_date: date
    end_date: date
    grain: str
    what: str
    sentence: str
    actors: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def n_sources(self) -> int:
        return len(set(self.article_ids))
