"""The anchor (publication date) of an article that came without one, from evidence in its own text.

Strong evidence only: a dateline at the top ("CALDER, March 15, 2024 —" or "March 15, 2024 —"), where the
date is written out with its year. Anything weaker leaves the article unanchored, so its relative
expressions stay unresolved with the reason "no anchor" instead of being guessed.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.model import Article
from pipeline.temporal.ruleset import load

_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .'’-]{1,40},\s+)?(?:\((?:[A-Z][\w ]{1,20})\)\s+)?(?P<date>(?P<m>[A-Z][a-z]{2,8})\.?\s+"
    r"(?P<d>[0-3]?\d),?\s+(?P<y>(?:19|20)\d\d))\b(?:\s*\([^)]{1,30}\))?\s*[-—–:]")


def dateline_date(text: str) -> tuple[date | None, str | None]:
    """The date of a dateline in the first lines of the text, with the line as evidence."""
    months = load().vocab["month"].map
    for line in text.split("\n")[:4]:
        m = _DATELINE.match(line.strip())
        if not m:
            continue
        month = months.get(m["m"].lower())
        if not month:
            continue
        try:
            return date(int(m["y"]), int(month), int(m["d"])), line.strip()[:120]
        except ValueError:
            continue
    return None, None


def infer_anchor(article: Article) -> Article:
    """The article with an anchor from its dateline, or unchanged when there is no strong evidence."""
    if article.published is not None:
        return article
    d, evidence = dateline_date(article.text)
    if d is not None:
        return article.with_anchor(d, "dateline", evidence)
    return article
