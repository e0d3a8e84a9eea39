"""The benchmark's scorer: the README's accuracy figures are only as right as this arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from bench.tempeval import Doc, Score, Span, notation_only, score

TEXT = "On Friday the board met; last week it voted."


def _doc(*gold: Span) -> Doc:
    return Doc("d", TEXT, date(2022, 3, 18), list(gold))


def test_strict_relaxed_and_value_counts():
    friday = Span(3, 9, "DATE", "2022-03-18", "Friday")
    last_week = Span(25, 34, "DATE", "2022-W10", "last week")
    doc = _doc(friday, last_week)
    system_spans = [
        Span(0, 9, "DATE", "2022-03-18", "On Friday"),  # overlaps Friday: relaxed, not strict; value right
        Span(25, 34, "DATE", "2022-W11", "last week"),  # exact span, wrong value
        Span(10, 19, "DATE", "2022", "the board"),  # spurious
    ]
    sc, _ = score([doc], lambda d: system_spans)
    assert (sc.n_gold, sc.n_sys) == (2, 3)
    assert (sc.strict_sys, sc.strict_gold) == (1, 1)
    assert (sc.relaxed_sys, sc.relaxed_gold) == (2, 2)
    assert sc.value_ok == 1 and sc.type_ok == 2
    p, r, f = Score.prf(sc.value_ok, sc.n_sys, sc.value_ok, sc.n_gold)
    assert (round(p, 2), round(r, 2), round(f, 2)) == (33.33, 50.0, 40.0)


def test_one_system_span_matches_one_gold_span_only():
    doc = _doc(Span(3, 9, "DATE", "2022-03-18", "Friday"), Span(10, 15, "DATE", "X", "the b"))
    sc, _ = score([doc], lambda d: [Span(0, 20, "DATE", "2022-03-18", "On Friday the board ")])
    assert sc.relaxed_gold == 1 and sc.relaxed_sys == 1


@pytest.mark.parametrize(("gold", "ours", "why"), [
    ("1998-WXX", "1998-W33", "ours specifies what gold leaves open"),
    ("1949-XX", "1949", "ours specifies what gold leaves open"),
    ("1999-02-04", "1999-02-04TNI", "ours keeps the part of day"),
    ("1989-11-06T17", "1989-11-06T17:00-05", "ours keeps the time zone"),
    ("2000-W7", "2000-W07", "gold week without leading zero"),
])
def test_notation_only_differences(gold, ours, why):
    assert notation_only(gold, ours) == why


@pytest.mark.parametrize(("gold", "ours"), [
    ("1998-WXX", "1997-W33"),  # another year: a different time
    ("1999-02-04", "1999-02-05TNI"),  # another day
    ("P1W", "1998-W33"),  # a duration against a date
    ("1998-08-07", "1998-08-14"),
    ("PXY", "PAST_REF"),
])
def test_different_times_are_not_notation(gold, ours):
    assert notation_only(gold, ours) is None


def test_wikiwars_reader_keeps_offsets_types_and_nesting(tmp_path):
    from bench.tempeval import read_wikiwars

    folder = tmp_path / "keyinline"
    folder.mkdir()
    f = folder / "01_Test.key.xml"
    f.write_text('<DOC>\n<DATETIME> <TIMEX2 val="2009-12-19T17:00:00">2009-12-19T17:00:00</TIMEX2> </DATETIME>\n'
                 '<TEXT>\nOn <TIMEX2 val="1939-09-01">September 1, 1939</TIMEX2>, war came; '
                 '<TIMEX2 val="P2M">two months</TIMEX2> later, <TIMEX2 val="1939-11">the month of '
                 '<TIMEX2 val="1939-11">November</TIMEX2></TIMEX2></TEXT>\n</DOC>\n', encoding="utf-8")
    doc = read_wikiwars(f)
    assert doc is not None and doc.dct == date(2009, 12, 19) and doc.domain == "narrative"
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("September 1, 1939", "DATE", "1939-09-01"), ("two months", "DURATION", "P2M"),
        ("the month of November", "DATE", "1939-11"), ("November", "DATE", "1939-11")]
    assert all(doc.text[g.start:g.end] == g.text for g in doc.gold)


def test_attempt_counter_counts_without_changing_what_is_recognised(tmp_path, capsys):
    from bench.attempts import _plain_recognizer, main
    from pipeline.temporal.recognize import recognise

    text = "Talks resumed on Friday, March 4, 1990, at 10:30 a.m. The 1990s were calm. In 217 cases, nothing."
    plain = _plain_recognizer()
    assert [(c.start, c.end, c.rule.id) for c in plain.recognise(text)] == \
        [(c.start, c.end, c.rule.id) for c in recognise(text)]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,published\na.txt,2022-03-18\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "1 texts; one pass" in out
    # 15 words; "friday" and "march" are trigger words, "talks" and "the" only have the shapes of some
    assert "words read: 15; of a trigger's shape, so looked up: 4 " in out
    attempts = int(out.split("rule attempts: ")[1].split("\n")[0].replace(",", ""))
    assert attempts > 0
