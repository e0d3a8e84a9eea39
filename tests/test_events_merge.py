"""Events from mentions, and merging across articles: tricky pairs for the similarity thresholds."""

from __future__ import annotations

from datetime import date

from pipeline.events import actors_of, attribution_of, extract_events
from pipeline.merge import EventView, entry_row, merge
from pipeline.model import Article
from pipeline.temporal import tag


def _events(text: str, published: date, source: str = "a.txt"):
    art = Article(text, source, published, "manifest", outlet=source)
    return art, extract_events(art, tag(text, published))


def test_one_sentence_two_dates_two_events_each_with_its_clause():
    _, evs = _events("The union will strike on Saturday, the union announced on Monday.", date(2024, 3, 4))
    assert [(e.value, e.status) for e in evs] == [("2024-03-09", "planned"), ("2024-03-04", "reported")]
    assert "strike" in evs[0].what.lower() and "announced" in evs[1].what.lower()
    assert "Saturday" not in evs[0].what


def test_event_fields_from_a_news_sentence():
    _, evs = _events("Biden and Xi will speak on the phone at 13:00 GMT on Friday, the White House said, amid "
                     "warnings from Washington. It is the first call between Biden and Xi since November.",
                     date(2022, 3, 17))
    ev = evs[0]
    assert ev.value == "2022-03-18T13:00Z" and ev.status == "planned" and ev.trigger == "speak"
    assert ev.what.startswith("Biden and Xi will speak on the phone")
    assert "13:00" not in ev.what
    assert ev.attribution == "the White House said"
    assert ev.actors[:2] == ("Biden", "Xi")


def test_he_or_she_takes_the_person_named_just_before():
    _, evs = _events("The mediator, Anton Reyes, said on Thursday that both sides would attend. He was "
                     "appointed on Wednesday by the authority.", date(2024, 3, 15))
    assert [(e.value, e.actors) for e in evs] == [("2024-03-14", ("Anton Reyes",)),
                                                 ("2024-03-13", ("Anton Reyes",))]


def test_durations_sets_refs_and_unresolved_are_not_events():
    _, evs = _events("Talks lasted seven hours. Tickets cost £1 a week. Prices are rising now. "
                     "He left yesterday.", date(2024, 3, 4))
    assert [e.value for e in evs] == ["2024-03-03"]
    art = Article("He left yesterday.", "b.txt", None, "none")
    assert extract_events(art, tag(art.text, None)) == []


def test_actors_heuristic():
    known = {"Harbour", "Calder", "Anton"}
    assert actors_of("Negotiators for the Calder Harbour Authority met", known) == ("Calder Harbour Authority",)
    assert actors_of("The Harbour and Maritime Workers' Union said", known) == (
        "Harbour and Maritime Workers' Union",)
    assert actors_of("U.S. President Joe Biden spoke to Xi Jinping", {"Joe", "Xi"}) == ("Joe Biden", "Xi Jinping")
    assert "GMT" not in actors_of("at 13:00 GMT on Friday", {"GMT"})


def test_dates_and_feasts_are_no_ones_names():
    _, evs = _events("Markets in Cairo will close early on Eid al-Fitr, the Chamber of Commerce said. "
                     "Father Christmas will visit the Calder ward on Christmas Day.", date(2024, 4, 2))
    assert [e.value for e in evs] == ["2024-04-10", "2024-12-25"]
    assert evs[0].actors == ("Cairo", "Chamber of Commerce")
    assert not any(a in ("Eid", "Fitr", "Christmas Day", "Christmas") for e in evs for a in e.actors)


def test_attribution():
    assert attribution_of("Rockets hit Lviv on Friday, according to local authorities.") == \
        "according to local authorities"
    assert attribution_of("The talks will resume on Monday, Reyes said.") == "Reyes said"
    assert attribution_of("The talks resumed on Monday.") is None


def _view(eid, article, value, start, end, grain, what, actors=(), outlet=None):
    return EventView(eid, article, value, start, end, grain, what, what, tuple(actors), outlet or article)


D = date


def test_same_event_different_granularity_merges_to_the_most_specific_date():
    a = _view("a", "ft", "2022-W11", D(2022, 3, 14), D(2022, 3, 20), "week", "Biden and Xi will talk by phone",
              ["Biden", "Xi"])
    b = _view("b", "aj", "2022-03-18T13:00Z", D(2022, 3, 18), D(2022, 3, 18), "minute",
              "Biden and Xi will speak on the phone", ["Biden", "Xi"])
    c = _view("c", "reuters", "2022-03-18", D(2022, 3, 18), D(2022, 3, 18), "day",
              "Joe Biden will hold a call with Xi Jinping", ["Joe Biden", "Xi Jinping"])
    clusters, assign = merge([a, b, c])
    assert len(clusters) == 1 and len(set(assign.values())) == 1
    row = entry_row(clusters[0])
    assert row["value"] == "2022-03-18T13:00Z" and row["conflicts"] == []


def test_same_day_different_events_stay_apart():
    call = _view("a", "ft", "2022-03-18", D(2022, 3, 18), D(2022, 3, 18), "day",
                 "Biden and Xi will hold a call", ["Biden", "Xi"])
    rockets = _view("b", "ft2", "2022-03-18", D(2022, 3, 18), D(2022, 3, 18), "day",
                    "Russian rockets hit the outskirts of Lviv", ["Lviv"])
    clusters, _ = merge([call, rockets])
    assert len(clusters) == 2


def test_same_people_same_week_different_happenings_stay_apart():
    a = _view("a", "x", "2024-03-14", D(2024, 3, 14), D(2024, 3, 14), "day",
              "Union secretary Maeve Okonjo told reporters the two sides will resume talks", ["Maeve Okonjo"])
    b = _view("b", "y", "2024-W11", D(2024, 3, 11), D(2024, 3, 17), "week",
              "Maeve Okonjo said members will not accept another pay cut", ["Maeve Okonjo"])
    assert len(merge([a, b])[0]) == 2


def test_conflicting_dates_are_flagged_not_hidden():
    a = _view("a", "x", "2024-03-14", D(2024, 3, 14), D(2024, 3, 14), "day",
              "Mediator Anton Reyes appointed to end the Calder port strike", ["Anton Reyes"], "Ledger")
    b = _view("b", "y", "2024-03-13", D(2024, 3, 13), D(2024, 3, 13), "day",
              "Anton Reyes appointed mediator in Calder port strike", ["Anton Reyes"], "Wire")
    clusters, _ = merge([a, b])
    assert len(clusters) == 1
    assert entry_row(clusters[0])["conflicts"]


def test_two_dates_in_one_article_are_never_a_conflict():
    a = _view("a", "x", "2024-03-09", D(2024, 3, 9), D(2024, 3, 9), "day",
              "The union will walk out at the Port of Calder", ["Port of Calder"])
    b = _view("b", "x", "2024-03-04", D(2024, 3, 4), D(2024, 3, 4), "day",
              "The union will walk out at the Port of Calder, the union announced", ["Port of Calder"])
    assert len(merge([a, b])[0]) == 2


def test_merging_is_incremental():
    a = _view("a", "x", "2024-03-15", D(2024, 3, 15), D(2024, 3, 15), "day", "Calder strike talks resume",
              ["Calder"])
    clusters, assign = merge([a])
    existing = [EventView(**{**a.__dict__, "entry_id": assign["a"]})]
    b = _view("b", "y", "2024-03-15", D(2024, 3, 15), D(2024, 3, 15), "day", "Calder strike talks end without deal",
              ["Calder"])
    clusters2, assign2 = merge([b], existing)
    assert assign2["b"] == assign["a"] and len(clusters2) == 1 and len(clusters2[0].members) == 2
