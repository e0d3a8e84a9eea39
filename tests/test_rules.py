"""Every rule's own examples, run as one case each (ids read "rule-id[n]: text")."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.temporal import tag
from pipeline.temporal.ruleset import load, read_yaml, with_fragments

RULESET = load("en")


def _cases():
    for rule in RULESET.rules:
        for n, ex in enumerate(rule.examples):
            yield pytest.param(rule, ex, id=f"{rule.id}[{n}]: {ex['text'][:40]}")


def test_every_rule_has_an_example():
    missing = [r.id for r in RULESET.rules if not r.examples]
    assert not missing, f"rules without examples: {missing}"


@pytest.mark.parametrize(("rule", "ex"), list(_cases()))
def test_rule_example(rule, ex):
    anchor = ex["dct"] if isinstance(ex["dct"], date) else date.fromisoformat(str(ex["dct"]))
    mentions = tag(ex["text"], anchor)
    if rule.negative or ex.get("absent"):
        span = ex["span"]
        s = ex["text"].find(span)
        assert s >= 0, "example span not in its text"
        dated = [m for m in mentions if m.start < s + len(span) and s < m.end]
        assert not dated, f"look-alike was tagged: {[(m.text, m.value) for m in dated]}"
        return
    if ex.get("absent_rule"):  # the rule must not fire here; another reading is expected instead
        assert not [m for m in mentions if m.rule == rule.id], [(m.text, m.rule) for m in mentions]
        hit = next(m for m in mentions if m.text == ex["span"])
        assert hit.value == str(ex["value"])
        return
    by_rule = [m for m in mentions if m.rule == rule.id]
    assert by_rule, f"rule {rule.id} did not fire; got {[(m.text, m.rule) for m in mentions]}"
    index = ex.get("index", 0)
    assert index < len(by_rule), f"rule {rule.id} fired {len(by_rule)} times; the example expects index {index}"
    m = by_rule[index]
    if ex["value"] is None:  # recognised but deliberately left unresolved, with the reason
        assert m.value is None and ex["reason"] in (m.reason or ""), (m.value, m.reason)
    else:
        assert m.value == str(ex["value"]), f"{m.text!r}: {m.value} ({m.reason}); tense {m.tense}"
    if "span" in ex:
        assert m.text == ex["span"]
    if "type" in ex:
        assert m.type == ex["type"], (m.text, m.type)
    if "mod" in ex:
        assert m.mod == ex["mod"]
    if "tense" in ex:
        assert m.tense and m.tense.startswith(ex["tense"]), m.tense


def test_common_words_do_not_wake_the_recogniser():
    """Triggers decide where matching is tried at all; an everyday word there slows every article down."""
    assert not {"new", "good", "s", "the", "in", "of", "a", "and", "king", "mother"} & RULESET.triggers


def test_a_key_written_twice_in_a_rule_file_is_an_error():
    """YAML keeps the last of two equal keys: a rule pasted without its id line would silently take over
    the pattern and examples of the rule above it."""
    text = "rules:\n  - id: a\n    pattern: 'x'\n    pattern: 'y'\n"
    with pytest.raises(ValueError, match="pattern"):
        read_yaml(text)


def test_a_fragment_is_written_out_where_a_rule_names_it():
    fragments = {"lead": "(?:the )?(?:{mod}[- ])?"}
    assert with_fragments("{lead}{season} {month:m2}", fragments) == "(?:the )?(?:{mod}[- ])?{season} {month:m2}"
    with pytest.raises(ValueError, match="alias"):
        with_fragments("{lead:x} 1990", fragments)

