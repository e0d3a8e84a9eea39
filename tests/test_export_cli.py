"""Exports and the command line, driven as a user would (Click's runner, no Prefect)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import store
from pipeline.batch import process_batch
from pipeline.cli import main
from pipeline.export import CSV_COLUMNS, timelinejs_rows, to_csv, to_html, to_timeml
from pipeline.sources import discover
from pipeline.temporal import tag

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
ROWS = [
    {"date": "2024-03", "start_date": date(2024, 3, 1), "end_date": date(2024, 3, 31), "grain": "month",
     "what": 'Talks "resume"', "actors": "A; B", "n_sources": 2, "outlets": "X; Y", "articles": "t1; t2",
     "sentence": "Talks resume, in March.", "conflicts": ""},
    {"date": "2024-03-15T13:00Z", "start_date": date(2024, 3, 15), "end_date": date(2024, 3, 15),
     "grain": "minute", "what": "Call", "actors": "", "n_sources": 3, "outlets": "X", "articles": "t",
     "sentence": "Call at 13:00 GMT.", "conflicts": "2024-03-14 (Z)"},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "t.duckdb"
    rows = process_batch(discover([SAMPLE]), {}, {}, "r1", datetime(2024, 3, 21))
    with store.connect(path) as con:
        store.write_batch(con, rows)
    return path


def test_csv_has_the_documented_columns_and_opens_cleanly():
    text = to_csv(ROWS)
    assert text.startswith('"date","start_date","end_date","grain","what","actors","n_sources","outlets",'
                           '"articles","sentence","conflicts"\r\n')
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert tuple(parsed[0]) == CSV_COLUMNS
    assert parsed[0]["what"] == 'Talks "resume"' and parsed[1]["n_sources"] == "3"


def test_timelinejs_keeps_partial_dates_partial():
    month, minute = timelinejs_rows(ROWS)
    assert (month["Year"], month["Month"], month["Day"]) == ("2024", "3", "")
    assert (minute["Year"], minute["Month"], minute["Day"], minute["Time"]) == ("2024", "3", "15", "13:00")
    assert minute["Display Date"] == "15 March 2024 13:00Z"
    assert month["Display Date"] == "March 2024" and minute["Headline"] == "Call"


def test_a_feast_of_many_days_keeps_its_end_in_timelinejs():
    row = {**ROWS[0], "date": "2024-03-11/2024-04-09", "start_date": date(2024, 3, 11),
           "end_date": date(2024, 4, 9), "grain": "span"}
    (t,) = timelinejs_rows([row])
    assert (t["Year"], t["Month"], t["Day"], t["End Year"], t["End Month"], t["End Day"]) == (
        "2024", "3", "11", "2024", "4", "9")
    assert t["Display Date"] == "11 March – 9 April 2024"
    (same_month,) = timelinejs_rows([{**row, "date": "2025-03-01/2025-03-29", "start_date": date(2025, 3, 1),
                                      "end_date": date(2025, 3, 29)}])
    assert same_month["Display Date"] == "1–29 March 2025"


def test_timeml_round_trips_offsets():
    text = "Biden will call Xi on Friday & talk < 2 hours."
    doc = to_timeml("d1", text, date(2022, 3, 17), tag(text, date(2022, 3, 17)))
    assert '<TIMEX3 tid="t0" type="DATE" value="2022-03-17"' in doc
    assert '<TIMEX3 tid="t1" type="DATE" value="2022-03-18">Friday</TIMEX3>' in doc
    body = re.search(r"<TEXT>\n(.*)\n</TEXT>", doc, re.S)[1]
    plain = re.sub(r"<[^>]+>", "", body).replace("&amp;", "&").replace("&lt;", "<")
    assert plain == text


def test_html_page_is_self_contained():
    page = to_html(ROWS, "Test <timeline>")
    assert "Test &lt;timeline&gt;" in page and "http" not in page.replace("http://www.w3.org", "")
    data = json.loads(re.search(r"const ENTRIES = (.*);\n", page)[1])
    assert [d["date"] for d in data] == ["2024-03", "2024-03-15T13:00Z"]


def test_cli_tag_formats(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Biden will hold a call on Friday. Prices rose last month.")
    r = CliRunner().invoke(main, ["tag", str(f), "--dct", "2022-03-17", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    objs = [json.loads(line) for line in r.output.splitlines()]
    assert [(o["text"], o["value"], o["grain"]) for o in objs] == [("Friday", "2022-03-18", "day"),
                                                                   ("last month", "2022-02", "month")]
    assert {"start", "end", "type", "mod", "start_date", "end_date", "rule", "anchor"} <= set(objs[0])
    r = CliRunner().invoke(main, ["tag", str(f), "--format", "table", "--explain"])
    assert "no anchor" in r.output and "calendar(weekday=5)" in r.output
    r = CliRunner().invoke(main, ["tag", str(f), "--dct", "17/03/2022"])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


def test_cli_query_and_export(db, tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["query", "--list"])
    assert "timeline_between" in r.output and "--param from=" in r.output
    r = runner.invoke(main, ["query", "timeline_for_actor", "--db", str(db), "--param", "actor=Reyes",
                             "--format", "csv"])
    assert r.exit_code == 0 and "Anton Reyes" in r.output
    r = runner.invoke(main, ["query", "timeline_for_actor", "--db", str(db)])
    assert r.exit_code == 1 and "needs --param actor" in r.output
    r = runner.invoke(main, ["query", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "json"])
    assert json.loads(r.output) == [{"n": 10}]
    out = tmp_path / "t.csv"
    r = runner.invoke(main, ["export", "--format", "csv", "--db", str(db), "-o", str(out), "--from", "2024-03-15",
                             "--to", "2024-03-15"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert rows and all(row["start_date"] <= "2024-03-15" <= row["end_date"] for row in rows)
    assert [row["start_date"] for row in rows] == sorted(row["start_date"] for row in rows)
    folder = tmp_path / "tml"
    r = runner.invoke(main, ["export", "--format", "timeml", "--db", str(db), "-o", str(folder)])
    assert r.exit_code == 0 and len(list(folder.glob("*.tml"))) == 10
    for fmt in ("json", "timelinejs", "timelinejs-json", "html"):
        r = runner.invoke(main, ["export", "--format", fmt, "--db", str(db), "-o", str(tmp_path / f"t.{fmt}")])
        assert r.exit_code == 0, (fmt, r.output)


def test_cli_on_a_missing_database_says_so(tmp_path):
    r = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 1 and "timeline run" in r.output


def test_timeml_reads_back_as_the_benchmark_reads_tempeval_files(tmp_path):
    from bench.tempeval import read_tml

    text = "On Friday, Biden will call Xi. Prices rose last month & fell 3% in early March."
    mentions = tag(text, date(2022, 3, 17))
    path = tmp_path / "doc.tml"
    path.write_text(to_timeml("doc", text, date(2022, 3, 17), mentions), encoding="utf-8")
    doc = read_tml(path)
    assert doc is not None and doc.dct == date(2022, 3, 17) and doc.text.strip() == text
    assert [(g.text, g.type, g.value) for g in doc.gold] == [(m.text, m.type, m.value) for m in mentions]
