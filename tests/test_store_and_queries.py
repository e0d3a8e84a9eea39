"""DuckDB store and the named queries: rows in, rows out, each query doing what its name says."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from pipeline import store
from pipeline.batch import BatchRows, process_batch
from pipeline.sources import discover

NOW = datetime(2024, 3, 21, 12, 0)
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


def _ingest(db, sources, run_id="r1"):
    inputs = discover(sources)
    with store.connect(db) as con:
        known, stored = store.known_inputs(con), store.stored_articles(con)
    rows = process_batch(inputs, known, stored, run_id, NOW)
    with store.connect(db) as con:
        store.write_batch(con, rows)
    return rows


def test_ingest_is_idempotent_and_changed_articles_replace_old_rows(tmp_path, sample_copy):
    db = tmp_path / "t.duckdb"
    first = _ingest(db, [sample_copy])
    assert (first.discovered, first.ingested, first.rejected) == (9, 9, 0)
    counts = store.run_query(db, "SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM mentions) m, "
                                 "(SELECT count(*) FROM events) e, (SELECT count(*) FROM entries) t").row(0)
    second = _ingest(db, [sample_copy], "r2")
    assert (second.unchanged, second.ingested, second.retagged) == (9, 0, 0)
    assert store.run_query(db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), "
                               "(SELECT count(*) FROM events), (SELECT count(*) FROM entries)").row(0) == counts
    # a changed file: its old article, mentions and events go, the new ones come
    f = sample_copy / "05-backlog.txt"
    f.write_text(f.read_text().replace("on Wednesday", "on Thursday"))
    third = _ingest(db, [sample_copy], "r3")
    assert (third.ingested, third.unchanged) == (1, 8)
    vals = store.run_query(db, "SELECT m.text, m.value FROM mentions m JOIN articles a USING (article_id) "
                               "WHERE a.source LIKE '%05-backlog.txt' AND m.text IN ('Wednesday', 'Thursday')")
    assert vals.rows() == [("Thursday", "2024-03-14")]
    assert store.run_query(db, "SELECT count(*) FROM articles WHERE source LIKE '%05-backlog.txt'").item() == 1
    orphans = store.run_query(db, "SELECT count(*) FROM events WHERE entry_id IS NULL OR entry_id NOT IN "
                                  "(SELECT entry_id FROM entries)").item()
    assert orphans == 0


def test_a_new_file_is_the_only_thing_processed(tmp_path, sample_copy):
    db = tmp_path / "t.duckdb"
    _ingest(db, [sample_copy])
    (sample_copy / "09-new.txt").write_text("Port review published\n\nThe authority published its review on "
                                            "Monday, it said.")
    rows = _ingest(db, [sample_copy], "r2")
    assert (rows.discovered, rows.ingested, rows.unchanged, rows.retagged) == (10, 1, 9, 1)


def test_rejects_are_recorded_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    db = tmp_path / "t.duckdb"
    _ingest(db, [folder])
    _ingest(db, [folder], "r2")
    assert store.run_query(db, "rejects").select("reason").rows() == [("empty file",)]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "sample.duckdb"
    _ingest(db, [SAMPLE])
    return db


def test_timeline_between(sample_db):
    df = store.run_query(sample_db, "timeline_between", {"from": "2024-03-15", "to": "2024-03-15"})
    assert df.height > 0
    assert all(s <= date(2024, 3, 15) <= e for s, e in zip(df["start_date"], df["end_date"], strict=True))
    assert df["start_date"].to_list() == sorted(df["start_date"].to_list())
    talks = df.filter(df["date"] == "2024-03-15T13:00Z")
    assert talks.height == 1 and talks["n_sources"].item() >= 3


def test_timeline_for_actor_and_matching(sample_db):
    reyes = store.run_query(sample_db, "timeline_for_actor", {"actor": "reyes"})
    assert reyes.height >= 1 and all("Reyes" in a for a in reyes["actors"])
    ferries = store.run_query(sample_db, "timeline_matching", {"words": "ferr"})
    assert ferries.height >= 1 and all("ferr" in (w + s).lower() for w, s in
                                       zip(ferries["what"], ferries["sentence"], strict=True))


def test_events_matching_and_article_mentions(sample_db):
    ev = store.run_query(sample_db, "events_matching", {"word": "guildhall"})
    assert ev.height >= 2 and all("guildhall" in s.lower() for s in ev["sentence"])
    m = store.run_query(sample_db, "article_mentions", {"article": "undated"})
    assert set(m["title"]) == {"Dockers to vote on Calder offer"}
    assert m.filter(m["text"] == "yesterday")["reason"].item().startswith("no anchor")


def test_busiest_days_and_date_coverage(sample_db):
    busy = store.run_query(sample_db, "busiest_days", {"limit": "3"})
    assert busy.height == 3 and busy["entries"].to_list() == sorted(busy["entries"].to_list(), reverse=True)
    cov = store.run_query(sample_db, "date_coverage")
    strike = cov.filter(cov["day"] == date(2024, 3, 9)).row(0, named=True)
    # anticipated in the Mar 4 article, reported after it by many
    assert strike["articles_before"] >= 1 and strike["articles_after"] >= 4
    assert strike["articles_total"] == strike["articles_before"] + strike["articles_on"] + strike["articles_after"]


def test_unanchored_articles(sample_db):
    df = store.run_query(sample_db, "unanchored_articles")
    assert df.height == 1 and df["unresolved"].item() >= 2


def test_query_parameters_are_checked(sample_db):
    with pytest.raises(ValueError, match="needs --param actor"):
        store.run_query(sample_db, "timeline_for_actor")
    with pytest.raises(ValueError, match="no parameter 'bogus'"):
        store.run_query(sample_db, "timeline_between", {"bogus": "1"})
    with pytest.raises(KeyError):
        store.run_query(sample_db, "no_such_query")
    assert store.run_query(sample_db, "SELECT 41 + 1 AS x").item() == 42


def test_every_sql_file_states_its_grain():
    for path in sorted((store.SQL_DIR).rglob("*.sql")):
        first = path.read_text().splitlines()[0]
        assert first.startswith("-- "), f"{path} must start with a comment saying what one row is"


def test_empty_batch_writes_nothing(tmp_path):
    with store.connect(tmp_path / "t.duckdb") as con:
        assert store.write_batch(con, BatchRows()) == {"articles": 0, "mentions": 0, "events": 0, "merged": 0}


def test_a_new_article_joins_existing_entries(tmp_path, sample_copy):
    db = tmp_path / "t.duckdb"
    later = sample_copy / "06-talks-end.txt"
    held_back = later.read_text()
    later.unlink()
    _ingest(db, [sample_copy])
    before = store.run_query(db, "SELECT date, n_sources FROM timeline WHERE date = '2024-03-15T13:00Z'").rows()
    later.write_text(held_back)
    _ingest(db, [sample_copy], "r2")
    after = store.run_query(db, "SELECT date, n_sources, outlets FROM timeline "
                                "WHERE date = '2024-03-15T13:00Z'").rows()
    assert len(before) == 1 and len(after) == 1  # joined, not duplicated
    assert after[0][1] > before[0][1] and "Harbour Gazette" in after[0][2]
    # incremental merging ends where merging everything at once ends
    full = tmp_path / "full.duckdb"
    _ingest(full, [sample_copy])
    q = "SELECT date, n_sources, outlets FROM timeline ORDER BY start_date, date, n_sources, outlets"
    assert store.run_query(db, q).rows() == store.run_query(full, q).rows()
