"""Normalisation, sentence spans and page furniture."""

from __future__ import annotations

from pipeline.text import line_is_boilerplate, normalise, sentence_around, sentence_spans


def test_normalise():
    assert normalise("A\u00a0b\r\nc\rd\x07e\u200b\n\n\n\nf  \n") == "A b\nc\nde\n\nf"
    assert normalise("Cafe\u0301") == "Café"  # NFC


def test_sentences_respect_abbreviations_and_initials():
    text = ("U.S. President Joe Biden spoke to Mr. Xi on Friday. J. Smith said so.\n"
            "Headline without a stop\nThe stoppage cost £2m. Subscribe now.")
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == ["U.S. President Joe Biden spoke to Mr. Xi on Friday.", "J. Smith said so.",
                   "Headline without a stop", "The stoppage cost £2m.", "Subscribe now."]


def test_sentence_around_is_the_cheap_equivalent():
    text = "Talks ended. Biden will call Xi on Friday, aides said. Markets rose."
    s, e = sentence_around(text, text.index("Friday"), text.index("Friday") + 6)
    assert text[s:e] == "Biden will call Xi on Friday, aides said."


def test_sentence_around_does_not_end_at_initials():
    text = "Talks ended. The slated visit of U.S. Commerce Secretary W. Daley in September is on. Markets rose."
    s, e = sentence_around(text, text.index("September"), text.index("September") + 9)
    assert text[s:e] == "The slated visit of U.S. Commerce Secretary W. Daley in September is on."


def test_boilerplate_lines():
    text = ("Talks resumed on Friday.\nAlready a subscriber? Log in\nSubscribe for £1 a week. Cancel any time.\n"
            "After that it's just £1 a week.\nThe price of bread rose to £1 a week later.\nBack to top")
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    lines = [line for a, line in zip(starts, text.split("\n"), strict=True)
             if line_is_boilerplate(text, a, a + len(line))]
    assert lines == ["Already a subscriber? Log in", "Subscribe for £1 a week. Cancel any time.",
                     "After that it's just £1 a week.", "Back to top"]


def test_finding_a_sentence_end_by_its_marks_agrees_with_the_regex_search():
    """text._next_end looks for the marks a sentence end starts with and matches only there; it must find
    what _SENT_END.search finds, on any text and window."""
    import random

    from pipeline.text import _SENT_END, _next_end

    rng = random.Random(7)
    alphabet = "ab .!?…\n\"”’')]U "
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        pos = rng.randint(0, len(text))
        stop = rng.randint(pos, len(text) + 3)
        want = _SENT_END.search(text, pos, stop)
        got = _next_end(text, pos, stop)
        assert (got and got.span()) == (want and want.span()), (text, pos, stop)


def test_furniture_phrases_are_found_in_any_case():
    text = "Start your FREE TRIAL today\nTalks resumed on Friday."
    assert line_is_boilerplate(text, 0, 5)
    assert not line_is_boilerplate(text, text.index("Friday"), text.index("Friday") + 6)
