"""Anchors for articles that came without a publication date: datelines, and other articles' dates."""

from __future__ import annotations

from datetime import date, datetime

from pipeline import store
from pipeline.anchor import dateline_date, infer_anchor
from pipeline.batch import process_batch
from pipeline.model import Article
from pipeline.sources import discover


def test_dateline():
    assert dateline_date("OSLO, March 15, 2024 (Nordwire) - Ministers met today.")[0] == date(2024, 3, 15)
    assert dateline_date("Nov. 2, 1989 — Shares fell.")[0] == date(1989, 11, 2)
    assert dateline_date("Ministers met on March 15, 2024 in Oslo.")[0] is None  # a date, but no dateline
    assert dateline_date("Sales down sharply\nFebruary 03, 2009\nSales fell 35%.")[0] == date(2009, 2, 3)
    assert dateline_date("Talks end\nFriday, 15 March 2024\nThe talks ended.")[0] == date(2024, 3, 15)
    assert dateline_date("Talks end\nThe talks ended on\n15 March 2024 at noon.")[0] is None
    art = infer_anchor(Article("BERGEN, June 3, 2023 - The ferry sank today.", "x.txt"))
    assert (art.published, art.anchor_source) == (date(2023, 6, 3), "dateline")


def _write(folder, name, text, published=None):
    (folder / name).write_text(text, encoding="utf-8")
    return f"{name},{published or ''}\n"


def test_undated_article_anchored_by_the_same_happening_elsewhere(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    manifest = "file,published\n"
    manifest += _write(folder, "a.txt", "Oslo summit ends\n\nAt a summit in Oslo on Monday, foreign minister Ines "
                                        "Dahl met her counterpart Tomas Berg to discuss fishing quotas.", "2024-05-08")
    manifest += _write(folder, "b.txt", "Quota talks\n\nIness Dahl and Tomas Berg held a summit in Oslo on Monday, "
                                        "officials said.", "2024-05-07")
    manifest += _write(folder, "c.txt", "Ministers meet\n\nForeign minister Ines Dahl meets Tomas Berg at a summit "
                                        "in Oslo today to discuss fishing quotas. The talks may last into Tuesday.")
    manifest += _write(folder, "d.txt", "Quotas\n\nThe ministry said yesterday that quotas would be cut.")
    (folder / "manifest.csv").write_text(manifest)
    db = tmp_path / "t.duckdb"
    rows = process_batch(discover([folder]), {}, {}, "r1", datetime(2024, 5, 9))
    with store.connect(db) as con:
        store.write_batch(con, rows)
        assert store.reanchor(con, "r1", datetime(2024, 5, 9)) == 1
    arts = {r["source"].rsplit("/", 1)[-1]: r for r in store.run_query(
        db, "SELECT source, published, anchor_source, anchor_evidence FROM articles").to_dicts()}
    assert arts["c.txt"]["published"] == date(2024, 5, 6) and arts["c.txt"]["anchor_source"] == "inferred"
    assert "Oslo" in arts["c.txt"]["anchor_evidence"]
    assert arts["d.txt"]["published"] is None  # nothing to go on: stays unanchored
    tuesday = store.run_query(db, "SELECT m.value FROM mentions m JOIN articles a USING (article_id) "
                                  "WHERE a.source LIKE '%c.txt' AND m.text = 'Tuesday'").item()
    assert tuesday == "2024-05-07"  # "may last into Tuesday" after an inferred Monday
