"""The negative corpus: look-alikes that must never become dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from pipeline.temporal import tag

CORPUS = Path(__file__).resolve().parents[1] / "pipeline/temporal/rules/en/corpus/negative.yaml"
CASES = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['span']}: {c['text'][:40]}" for c in CASES])
def test_not_a_date(case):
    text, span = case["text"], case["span"]
    s = text.find(span)
    assert s >= 0, "span not in text"
    dct = case["dct"] if isinstance(case["dct"], date) else date.fromisoformat(str(case["dct"]))
    allowed = set(case.get("allow", []))
    hits = [m for m in tag(text, dct) if m.start < s + len(span) and s < m.end and m.type not in allowed]
    assert not hits, [(m.text, m.type, m.value, m.rule) for m in hits]
