"""One batch of inputs -> rows for every table: read, skip what is unchanged, tag, extract events.

Pure apart from reading the input files; the flow runs one of these per task and hands the rows to the
single DuckDB writer.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.anchor import infer_anchor
from pipeline.events import extract_events
from pipeline.model import Article, Mention
from pipeline.sources import Input, Reject, read_input
from pipeline.sources.base import MAX_BYTES
from pipeline.temporal import tag


@dataclass(frozen=True)
class Fingerprint:
    size: int | None
    mtime_ns: int | None
    content_hash: str  # "<hash of bytes>-<hash of manifest metadata>"
    status: str


@dataclass
class BatchRows:
    articles: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    inputs: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    discovered: int = 0
    ingested: int = 0
    unchanged: int = 0
    rejected: int = 0
    unanchored: int = 0
    retagged: int = 0  # articles tagged in this batch (unchanged articles inside a changed file are not)


def _meta_hash(meta: dict[str, str]) -> str:
    return hashlib.blake2b(json.dumps(meta, sort_keys=True).encode(), digest_size=6).hexdigest()


def _bytes_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def process_batch(inputs: Sequence[Input], known: dict[str, Fingerprint], stored_articles: dict[str, set[str]],
                  run_id: str, now: datetime, on_input: Callable[[], None] | None = None) -> BatchRows:
    """Rows for one batch. ``known`` fingerprints and ``stored_articles`` (ids by input file) come from the
    store, so unchanged files are recognised before parsing and unchanged articles are never re-tagged."""
    out = BatchRows()
    for inp in inputs:
        out.discovered += 1
        try:
            _one(inp, known, stored_articles, run_id, now, out)
        except Exception as e:  # one broken input must never stop the batch
            _reject(out, Reject(inp.path, f"internal error while reading: {e.__class__.__name__}: {e}"),
                    "error", run_id, now)
            out.rejected += 1
        if on_input:
            on_input()
    return out


def _reject(out: BatchRows, r: Reject, content_hash: str, run_id: str, now: datetime) -> None:
    out.rejects.append({"source": r.source, "reason": r.reason, "content_hash": content_hash, "rejected_at": now,
                        "run_id": run_id})


def _one(inp: Input, known: dict[str, Fingerprint], stored: dict[str, set[str]], run_id: str, now: datetime,
         out: BatchRows) -> None:
    meta_hash = _meta_hash(inp.meta)
    if inp.problem:
        _reject(out, Reject(inp.path, inp.problem), "none-" + meta_hash, run_id, now)
        out.rejected += 1
        return
    path = Path(inp.path)
    st = os.stat(path)
    prev = known.get(inp.path)
    if prev and prev.size == st.st_size and prev.mtime_ns == st.st_mtime_ns and \
            prev.content_hash.endswith("-" + meta_hash):
        out.unchanged += 1
        return
    data = None if st.st_size > MAX_BYTES else path.read_bytes()
    fingerprint = (_bytes_hash(data) if data is not None else f"size{st.st_size}") + "-" + meta_hash
    record = {"source": inp.path, "size_bytes": st.st_size, "mtime_ns": st.st_mtime_ns,
              "content_hash": fingerprint, "seen_at": now, "run_id": run_id}
    if prev and prev.content_hash == fingerprint:  # touched but not changed
        out.inputs.append(record | {"status": prev.status})
        out.unchanged += 1
        return
    result = read_input(inp, data)
    for r in result.rejects:
        _reject(out, r, fingerprint, run_id, now)
    if not result.articles:
        out.inputs.append(record | {"status": "rejected"})
        out.rejected += 1
        return
    out.inputs.append(record | {"status": "ingested"})
    out.ingested += 1
    already = stored.get(inp.path, set())
    for art in result.articles:
        if art.published is None:
            art = infer_anchor(art)
        if art.published is None:
            out.unanchored += 1
        if art.id in already:
            continue  # same text as stored: keep its mentions and events
        _article_rows(art, inp.path, run_id, now, out)


def _article_rows(art: Article, input_source: str, run_id: str, now: datetime, out: BatchRows) -> None:
    aid = art.id
    out.retagged += 1
    out.articles.append({
        "article_id": aid, "source": art.source, "input_source": input_source, "title": art.title,
        "outlet": art.outlet, "url": art.url, "published": art.published, "anchor_source": art.anchor_source,
        "anchor_evidence": art.anchor_evidence, "warnings": list(art.warnings), "text": art.text,
        "ingested_at": now, "run_id": run_id,
    })
    mentions = tag(art.text, art.published)
    for i, m in enumerate(mentions):
        d = m.fields()
        d["start_char"], d["end_char"] = d.pop("start"), d.pop("end")
        out.mentions.append({"article_id": aid, "mention_index": i, **d})
    for ev in extract_events(art, mentions):
        out.events.append({
            "event_id": ev.id, "article_id": aid, "mention_index": ev.mention_index, "value": ev.value,
            "start_date": ev.start_date, "end_date": ev.end_date, "grain": ev.grain, "mod": ev.mod,
            "what": ev.what, "trigger": ev.trigger, "actors": list(ev.actors), "status": ev.status,
            "attribution": ev.attribution, "sentence": ev.sentence, "sentence_start": ev.sentence_start,
            "sentence_end": ev.sentence_end, "clause": ev.clause, "entry_id": None,
        })


def reanchored_rows(unanchored: Sequence[dict[str, Any]], stored: dict[str, list[Mention]],
                    dated: Sequence[Any], run_id: str, now: datetime) -> BatchRows:
    """Rows for undated articles whose anchor can now be inferred from happenings other articles date."""
    from pipeline.anchor import infer_from_timeline

    out = BatchRows()
    for row in unanchored:
        art = Article(row["text"], row["source"], None, "none", row["title"], row["outlet"], row["url"],
                      tuple(row["warnings"] or ()))
        found = infer_from_timeline(art, [ev for ev in dated if ev.article_id != art.id],
                                    stored.get(row["article_id"]))
        if found is None:
            continue
        anchor, evidence = found
        _article_rows(art.with_anchor(anchor, "inferred", evidence), row["input_source"], run_id, now, out)
    return out
