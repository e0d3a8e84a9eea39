"""Readers: every input is either ingested or rejected with a specific reason, never dropped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.sources import discover, read_input
from pipeline.sources.base import MAX_BYTES, decode_text, parse_published


def _read_all(folder: Path):
    inputs = discover([folder])
    results = {Path(i.path).name: read_input(i) for i in inputs}
    return inputs, results


def test_manifest_front_matter_html_and_jsonl_metadata(sample_copy):
    _, res = _read_all(sample_copy)
    walkout = res["01-walkout.txt"].articles[0]
    assert (walkout.published, walkout.anchor_source, walkout.outlet) == (date(2024, 3, 11), "manifest",
                                                                           "Harbour Gazette")
    md = res["02-mediator.md"].articles[0]
    assert (md.published, md.anchor_source, md.outlet) == (date(2024, 3, 14), "front-matter", "Northern Ledger")
    assert not md.text.startswith("---")
    page = res["03-talks.html"].articles[0]
    assert (page.published, page.anchor_source) == (date(2024, 3, 15), "html-meta")
    assert "Home | Business" not in page.text and "13:00 GMT today" in page.text
    feed = res["feed.jsonl"].articles
    assert [a.published for a in feed] == [date(2024, 3, 17), date(2024, 3, 12)]
    assert feed[0].source.endswith("feed.jsonl#L1")
    undated = res["04-vote-undated.txt"].articles[0]
    assert undated.published is None and undated.anchor_source == "none"


def test_text_is_normalised_with_true_offsets(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("Talks\r\nresumed\u00a0on Friday.\x07\r\n".encode())
    art = read_input(discover([f])[0]).articles[0]
    assert art.text == "Talks\nresumed on Friday."
    assert art.text[art.text.index("Friday"):][:6] == "Friday"


def test_bad_inputs_each_get_a_specific_reason(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners met on Friday".encode("latin-1"))
    with open(tmp_path / "huge.txt", "wb") as fh:  # sparse: cheap to make
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "broken.html").write_text("<html><head><title>x</title></head><body><div><p></div>")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok article on Monday", "published": "2024-03-11"}\n'
                                        '{not json}\n[1, 2]\n{"title": "no text"}\n')
    (tmp_path / "ok.txt").write_text("A fine article written on Monday.")
    (tmp_path / "manifest.csv").write_text("file,published\nok.txt,2022-02-30\nghost.txt,2024-01-01\n")
    inputs, res = _read_all(tmp_path)
    reasons = {name: [r.reason for r in r_.rejects] for name, r_ in res.items()}
    assert reasons["empty.txt"] == ["empty file"]
    assert "binary" in reasons["binary.txt"][0]
    assert "not valid UTF-8" in reasons["latin1.txt"][0] and "0xe9" in reasons["latin1.txt"][0]
    assert "too large: 52.4 MB" in reasons["huge.txt"][0] and MAX_BYTES < 50 * 1024 * 1024
    assert "no article text found" in reasons["broken.html"][0]
    assert "unsupported file type .png" in reasons["photo.png"][0]
    assert "names 'ghost.txt', which does not exist" in reasons["ghost.txt"][0]
    jsonl = res["bad.jsonl"]
    assert len(jsonl.articles) == 1
    assert [r.reason.split(":")[0] for r in jsonl.rejects] == ["line 2 is not valid JSON", "line 3 is a JSON list, not an object",
                                                                "line 4 has no article text (looked for text, body, content, article)"]
    ok = res["ok.txt"].articles[0]  # an impossible manifest date: ingested without an anchor, with a warning
    assert ok.published is None and "not a real calendar date" in ok.warnings[0]
    # every input is accounted for
    assert len(inputs) == 9
    assert all(r.articles or r.rejects for r in res.values())


def test_published_dates():
    assert parse_published("2024-03-15T09:30:00+00:00") == (date(2024, 3, 15), None)
    assert parse_published("15/03/2024")[1] and parse_published("2024-02-30")[1]
    assert parse_published("") == (None, None)


def test_decode_text_accepts_bom():
    assert decode_text("\ufeffhello".encode()) == ("hello", None)
