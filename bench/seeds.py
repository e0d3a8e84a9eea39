"""The seed articles as a user would run them, checked against what a careful reader says.

    python bench/seeds.py PATH_TO_SEEDS [--keep DIR]

Copies the folder (articles + manifest.csv) to a scratch directory, runs the ingest flow, and checks the
timeline: the Biden-Xi call on 2022-03-18 once with >= 3 sources, the Sullivan-Yang meeting in Rome on
2022-03-14 once with >= 3 sources, the Xi-Putin statement on 2022-02-04, the virtual meeting in 2021-11, no
entry from subscription boilerplate, and the non-dates of the tagger issue not dated. Then it removes the
Spectator's publication date from the manifest and checks that its "today" is still put on 2022-03-14,
marked as inferred. Prints one line per check and exits non-zero if any fails.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline import store  # noqa: E402

RESULTS: list[tuple[bool, str]] = []


def check(ok: bool, what: str) -> None:
    RESULTS.append((bool(ok), what))
    print(f"{'PASS' if ok else 'FAIL'}  {what}")


def entries(db: Path, sql: str) -> list[dict]:
    return store.run_query(db, sql).to_dicts()


def run(folder: Path, db: Path) -> None:
    from flows.ingest import run_ingest

    summary = run_ingest([str(folder)], db=str(db))
    print(f"      run: {summary}")


def timeline_checks(db: Path) -> None:
    tl = entries(db, "SELECT * FROM timeline")
    call = [e for e in tl if e["date"].startswith("2022-03-18") and "Xi" in (e["actors"] + e["what"])
            and "Biden" in (e["actors"] + e["what"] + e["sentence"])
            and any(w in (e["what"] + e["sentence"]).lower() for w in ("call", "talk", "speak", "phone", "discuss"))]
    check(len(call) == 1 and call[0]["n_sources"] >= 3,
          f"Biden-Xi call on 2022-03-18 once with >= 3 sources: {[(e['date'], e['n_sources'], e['what'][:50]) for e in call]}")
    rome = [e for e in tl if "Rome" in (e["what"] + e["sentence"]) and "Sullivan" in (e["actors"] + e["sentence"])
            and e["grain"] in ("day", "minute", "hour")]
    check(len(rome) == 1 and rome[0]["date"] == "2022-03-14" and rome[0]["n_sources"] >= 3,
          f"Sullivan-Yang meeting in Rome on 2022-03-14 once with >= 3 sources: "
          f"{[(e['date'], e['n_sources'], e['outlets']) for e in rome]}")
    statement = [e for e in tl if e["date"] == "2022-02-04"]
    check(any("statement" in (e["what"] + e["sentence"]).lower() for e in statement),
          f"Xi-Putin statement on 2022-02-04: {[e['what'][:60] for e in statement]}")
    virtual = [e for e in tl if e["date"] == "2021-11"]
    members = entries(db, "SELECT sentence FROM event_sources WHERE date = '2021-11'")
    check(virtual and any("virtual meeting" in m["sentence"] or "video conference" in m["sentence"] for m in members),
          f"November virtual meeting in 2021-11 (not 2022-11): {[e['what'][:50] for e in virtual]}")
    check(not [e for e in tl if e["date"].startswith("2022-11")], "nothing dated November 2022")
    boiler = [e for e in tl if any(w in e["sentence"].lower() for w in ("subscribe", "subscriber", "free trial",
                                                                          "£1 a week"))]
    check(not boiler, f"no entry from subscription boilerplate: {[e['sentence'][:60] for e in boiler]}")
    bad = entries(db, "SELECT text, value FROM mentions WHERE value IS NOT NULL AND type IN ('DATE','TIME') AND "
                      "lower(text) IN ('may', '23rd', 'and we', 'seven hours of', 'a week', 'winter')")
    check(not bad, f"none of the non-dates is dated: {bad}")
    friday = entries(db, "SELECT m.value FROM mentions m JOIN articles a USING (article_id) "
                         "WHERE a.outlet = 'Reuters' AND m.text = 'Friday'")
    check(friday and all(r["value"] == "2022-03-18" for r in friday),
          f"Reuters 'will hold a call on Friday' -> 2022-03-18: {friday}")
    weeks = entries(db, "SELECT DISTINCT value FROM mentions WHERE lower(text) IN ('this week', 'last month')")
    check(sorted(r["value"] for r in weeks) == ["2022-02", "2022-W11"],
          f"'this week' is an ISO week and 'last month' a month: {weeks}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seeds", type=Path)
    ap.add_argument("--keep", type=Path, help="keep the scratch folder and databases here")
    args = ap.parse_args(argv)
    scratch = Path(args.keep or tempfile.mkdtemp(prefix="timeline-seeds-"))
    scratch.mkdir(parents=True, exist_ok=True)
    for old in scratch.glob("*.duckdb*"):
        old.unlink()
    with_dates = scratch / "seeds"
    shutil.rmtree(with_dates, ignore_errors=True)
    shutil.copytree(args.seeds, with_dates)
    print(f"1. seeds with their manifest ({with_dates})")
    run(with_dates, scratch / "seeds.duckdb")
    timeline_checks(scratch / "seeds.duckdb")

    undated = scratch / "seeds-undated"
    shutil.rmtree(undated, ignore_errors=True)
    shutil.copytree(args.seeds, undated)
    rows = list(csv.DictReader((undated / "manifest.csv").open(encoding="utf-8")))
    for r in rows:
        if r.get("outlet") == "The Spectator":
            r["published"] = ""
    with (undated / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print("\n2. the same seeds with the Spectator's publication date removed")
    db2 = scratch / "seeds-undated.duckdb"
    run(undated, db2)
    spec = entries(db2, "SELECT published, anchor_source, anchor_evidence FROM articles WHERE outlet = 'The Spectator'")
    today = entries(db2, "SELECT m.value FROM mentions m JOIN articles a USING (article_id) "
                         "WHERE a.outlet = 'The Spectator' AND m.text = 'today'")
    check(spec and str(spec[0]["published"]) == "2022-03-14" and spec[0]["anchor_source"] == "inferred",
          f"Spectator anchored on 2022-03-14, marked inferred: {spec}")
    check(today and today[0]["value"] == "2022-03-14", f"its 'today' -> 2022-03-14: {today}")
    passed = sum(ok for ok, _ in RESULTS)
    print(f"\n{passed} passed, {len(RESULTS) - passed} failed")
    if not args.keep:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0 if passed == len(RESULTS) else 1


if __name__ == "__main__":
    raise SystemExit(main())
