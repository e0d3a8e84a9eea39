"""DuckDB: runs the statements in sql/, loads batches in bulk through Polars, one writer at a time.

DuckDB lets one process hold a database file for writing; others (even read-only) get a lock error. So
connections are short-lived and every open retries for a while on that error, which is what a user who
queries during a scheduled run needs.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from pipeline.batch import BatchRows, Fingerprint
from pipeline.merge import EventView, entry_row, merge
from pipeline.model import Mention

SQL_DIR = Path(__file__).resolve().parents[1] / "sql"
LOCK_WAIT_SECONDS = 30.0

_SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "batch_articles": {
        "article_id": pl.Utf8, "source": pl.Utf8, "input_source": pl.Utf8, "title": pl.Utf8, "outlet": pl.Utf8,
        "url": pl.Utf8, "published": pl.Date, "anchor_source": pl.Utf8, "anchor_evidence": pl.Utf8,
        "warnings": pl.List(pl.Utf8), "text": pl.Utf8, "ingested_at": pl.Datetime("us"), "run_id": pl.Utf8},
    "batch_mentions": {
        "article_id": pl.Utf8, "mention_index": pl.Int32, "start_char": pl.Int32, "end_char": pl.Int32,
        "text": pl.Utf8, "type": pl.Utf8, "value": pl.Utf8, "mod": pl.Utf8, "start_date": pl.Date,
        "end_date": pl.Date, "grain": pl.Utf8, "rule": pl.Utf8, "underspecified": pl.Utf8, "anchor": pl.Utf8,
        "tense": pl.Utf8, "reason": pl.Utf8, "boilerplate": pl.Boolean},
    "batch_events": {
        "event_id": pl.Utf8, "article_id": pl.Utf8, "mention_index": pl.Int32, "value": pl.Utf8,
        "start_date": pl.Date, "end_date": pl.Date, "grain": pl.Utf8, "mod": pl.Utf8, "what": pl.Utf8,
        "trigger": pl.Utf8, "actors": pl.List(pl.Utf8), "status": pl.Utf8, "attribution": pl.Utf8,
        "sentence": pl.Utf8, "sentence_start": pl.Int32, "sentence_end": pl.Int32, "clause": pl.Utf8,
        "entry_id": pl.Utf8},
    "batch_inputs": {
        "source": pl.Utf8, "size_bytes": pl.Int64, "mtime_ns": pl.Int64, "content_hash": pl.Utf8,
        "status": pl.Utf8, "seen_at": pl.Datetime("us"), "run_id": pl.Utf8},
    "batch_rejects": {
        "source": pl.Utf8, "reason": pl.Utf8, "content_hash": pl.Utf8, "rejected_at": pl.Datetime("us"), "run_id": pl.Utf8},
    "batch_entries": {
        "entry_id": pl.Utf8, "value": pl.Utf8, "start_date": pl.Date, "end_date": pl.Date, "grain": pl.Utf8,
        "what": pl.Utf8, "sentence": pl.Utf8, "actors": pl.List(pl.Utf8), "conflicts": pl.List(pl.Utf8)},
    "batch_assign": {"event_id": pl.Utf8, "entry_id": pl.Utf8},
    "doomed": {"article_id": pl.Utf8},
}


@cache
def sql(name: str) -> str:
    """The statement in sql/<name>.sql (``store/insert_articles``, ``queries/timeline_between``...)."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def frame(table: str, rows: list[dict[str, Any]], key: str | None = None) -> pl.DataFrame:
    df = pl.DataFrame(rows, schema=_SCHEMAS[table], orient="row") if rows else pl.DataFrame(
        schema=_SCHEMAS[table])
    if key and df.height:
        # DuckDB keeps the first of two rows with one key in one upsert: keep the last, explicitly
        df = df.unique(subset=key, keep="last", maintain_order=True)
    return df


@contextmanager
def connect(path: str | Path, read_only: bool = False, wait: float = LOCK_WAIT_SECONDS
            ) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection; waits while another process holds the file's lock."""
    path = Path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no database at {path}: run `timeline run` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as e:
            if "lock" not in str(e).lower() or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    try:
        if not read_only:
            init(con)
        yield con
    finally:
        con.close()


def _statements(text: str) -> list[str]:
    no_comments = re.sub(r"--[^\n]*", "", text)
    return [s.strip() for s in no_comments.split(";") if s.strip()]


def init(con: duckdb.DuckDBPyConnection) -> None:
    for stmt in _statements(sql("schema")):
        con.execute(stmt)
    for view in sorted((SQL_DIR / "views").glob("*.sql")):
        con.execute(view.read_text(encoding="utf-8"))


def known_inputs(con: duckdb.DuckDBPyConnection) -> dict[str, Fingerprint]:
    rows = con.execute(sql("store/known_inputs")).fetchall()
    return {r[0]: Fingerprint(r[1], r[2], r[3], r[4]) for r in rows}


def stored_articles(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for source, aid in con.execute(sql("store/articles_of_inputs")).fetchall():
        out.setdefault(source, set()).add(aid)
    return out


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, started: datetime, sources: list[str]) -> None:
    con.execute(sql("store/start_run"), {"run_id": run_id, "started_at": started, "sources": sources})


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, **fields: Any) -> None:
    con.execute(sql("store/finish_run"), {"run_id": run_id, **fields})


def write_batch(con: duckdb.DuckDBPyConnection, rows: BatchRows) -> dict[str, int]:
    """Load one batch in one transaction: replace changed articles, insert rows, then merge events."""
    tables = {
        "batch_articles": frame("batch_articles", rows.articles, "article_id"),
        "batch_mentions": frame("batch_mentions", rows.mentions),
        "batch_events": frame("batch_events", rows.events, "event_id"),
        "batch_inputs": frame("batch_inputs", rows.inputs, "source"),
        "batch_rejects": frame("batch_rejects", rows.rejects, None).unique(
            subset=["source", "content_hash"], keep="first", maintain_order=True),
    }
    con.execute("BEGIN TRANSACTION")
    try:
        for name, df in tables.items():
            con.register(name, df)
        doomed_ids = [r[0] for r in con.execute(sql("store/replaced_articles")).fetchall()]
        doomed_ids += tables["batch_articles"]["article_id"].to_list()  # re-tagged: old rows go first
        con.register("doomed", frame("doomed", [{"article_id": a} for a in doomed_ids]))
        for stmt in ("unmerge_affected", "delete_mentions", "delete_events", "delete_articles",
                     "delete_empty_entries", "insert_articles", "insert_mentions", "insert_events",
                     "upsert_inputs", "insert_rejects"):
            con.execute(sql(f"store/{stmt}"))
        merged = merge_pending(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in (*tables, "doomed"):
            try:
                con.unregister(name)
            except Exception:  # a registration that never happened
                pass
    return {"articles": tables["batch_articles"].height, "mentions": tables["batch_mentions"].height,
            "events": tables["batch_events"].height, "merged": merged}


def mentions_by_article(df: pl.DataFrame) -> dict[str, list[Mention]]:
    """Stored mention rows (sql/schema.sql ``mentions``) back as Mention objects, by article, in text order."""
    out: dict[str, list[Mention]] = {}
    for r in df.sort(["article_id", "start_char"]).iter_rows(named=True):
        out.setdefault(r["article_id"], []).append(Mention(
            r["start_char"], r["end_char"], r["text"], r["type"], r["value"], r["mod"], r["start_date"],
            r["end_date"], r["grain"], r["rule"], r["underspecified"], r["anchor"], r["tense"], r["reason"],
            r["boilerplate"]))
    return out


def reanchor(con: duckdb.DuckDBPyConnection, run_id: str, now: datetime) -> int:
    """Give undated articles an anchor inferred from the timeline, when the evidence is strong; re-tag them.

    Works from the stored mentions: an undated article is only tagged again once it has an anchor."""
    from pipeline.batch import reanchored_rows

    unanchored = con.sql(sql("store/unanchored_articles")).pl()
    if unanchored.height == 0:
        return 0
    dated = _views(con.sql(sql("store/dated_events")).pl())
    stored = mentions_by_article(con.sql(sql("store/unanchored_mentions")).pl())
    rows = reanchored_rows(unanchored.to_dicts(), stored, dated, run_id, now)
    if rows.articles:
        write_batch(con, rows)
    return len(rows.articles)


def _views(df: pl.DataFrame) -> list[EventView]:
    return [EventView(r["event_id"], r["article_id"], r["value"], r["start_date"], r["end_date"], r["grain"],
                      r["what"], r["sentence"], tuple(r["actors"] or ()), r["outlet"], r["entry_id"],
                      r.get("clause") or r["what"])
            for r in df.iter_rows(named=True)]


def merge_pending(con: duckdb.DuckDBPyConnection) -> int:
    """Merge events not yet in a timeline entry with the entries near their dates."""
    pending = con.sql(sql("store/unmerged_events")).pl()
    if pending.height == 0:
        return 0
    lo: date = pending["start_date"].min()  # type: ignore[assignment]
    hi: date = pending["end_date"].max()  # type: ignore[assignment]
    near = con.sql(sql("store/entries_near"), params={"from": lo, "to": hi}).pl()
    clusters, assign = merge(_views(pending), _views(near))
    con.register("batch_entries", frame("batch_entries", [entry_row(c) for c in clusters], "entry_id"))
    con.register("batch_assign", frame("batch_assign", [{"event_id": k, "entry_id": v}
                                                        for k, v in assign.items()]))
    try:
        con.execute(sql("store/upsert_entries"))
        con.execute(sql("store/assign_entries"))
        con.execute(sql("store/delete_empty_entries"))
    finally:
        con.unregister("batch_entries")
        con.unregister("batch_assign")
    return len(assign)


# ---- reading -----------------------------------------------------------------------------------------

_PARAM_LINE = re.compile(r"^--\s*params:\s*(.*)$", re.M)
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def query_names() -> list[str]:
    return sorted(p.stem for p in (SQL_DIR / "queries").glob("*.sql"))


def query_doc(name: str) -> tuple[str, dict[str, str]]:
    """(first comment line: the grain, default parameters) of a named query."""
    text = sql(f"queries/{name}")
    first = text.splitlines()[0].lstrip("- ").strip() if text else ""
    params: dict[str, str] = {}
    m = _PARAM_LINE.search(text)
    if m:
        for part in m[1].split(","):
            if "=" in part:
                k, v = part.split("=", 1)
                params[k.strip()] = v.strip()
    return first, params


def resolve_query(name_or_sql: str, params: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A named query (with its defaults filled in) or the SQL as given."""
    if _NAME.match(name_or_sql):
        if name_or_sql not in query_names():
            raise KeyError(f"no named query {name_or_sql!r}; known: {', '.join(query_names())}")
        _, defaults = query_doc(name_or_sql)
        merged = {**defaults, **params}
        missing = [k for k, v in merged.items() if v == ""]
        if missing:
            raise ValueError(f"query {name_or_sql} needs --param {missing[0]}=VALUE")
        unknown = set(params) - set(defaults)
        if unknown:
            raise ValueError(f"query {name_or_sql} has no parameter {sorted(unknown)[0]!r}; "
                             f"it takes: {', '.join(defaults) or 'none'}")
        return sql(f"queries/{name_or_sql}"), merged
    return name_or_sql, params


def run_query(db: str | Path, name_or_sql: str, params: dict[str, str] | None = None) -> pl.DataFrame:
    text, values = resolve_query(name_or_sql, params or {})
    with connect(db, read_only=True) as con:
        return con.sql(text, params=values or None).pl()
