"""HTML pages: main text with trafilatura, publication date with htmldate (metadata only, no guessing)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Page:
    text: str | None
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None


def read_page(html: str) -> Page:
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True,
                               deduplicate=False)
    meta = trafilatura.extract_metadata(html)
    published = None
    try:
        # page metadata only (no heuristics over the body text); original rather than last-modified date
        published = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on some malformed pages; a missing date is then the honest answer
        published = None
    title = getattr(meta, "title", None) if meta else None
    outlet = getattr(meta, "sitename", None) if meta else None
    url = getattr(meta, "url", None) if meta else None
    if text and title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Page(text, title, outlet, url, published)
