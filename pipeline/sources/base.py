"""Shared types for the source readers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pipeline.model import Article

MAX_BYTES = 20 * 1024 * 1024  # larger inputs are rejected: no single news article is this long


@dataclass(frozen=True)
class Input:
    """One thing a run must account for: a file, or a manifest row that names a file."""

    path: str  # absolute path of the file (or of the file a manifest row names)
    kind: str  # txt, md, html, jsonl, or "missing"/"unsupported" for inputs that cannot be read
    meta: dict[str, str] = field(default_factory=dict)  # manifest columns for this file, if any
    problem: str | None = None  # known before reading (missing file, unsupported type)


@dataclass(frozen=True)
class Reject:
    source: str
    reason: str


@dataclass
class SourceResult:
    articles: list[Article] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


def parse_published(raw: str | None) -> tuple[date | None, str | None]:
    """(date, problem). Accepts YYYY-MM-DD and ISO date-times (the date as written is kept)."""
    if raw is None or not str(raw).strip():
        return None, None
    m = _ISO_DAY.match(str(raw))
    if not m:
        return None, f"publication date {raw!r} is not in YYYY-MM-DD form"
    try:
        return date(int(m[1]), int(m[2]), int(m[3])), None
    except ValueError:
        return None, f"publication date {raw!r} is not a real calendar date"


def decode_text(data: bytes) -> tuple[str | None, str | None]:
    """(text, problem): UTF-8 (with or without BOM) only; binary and undecodable bytes are problems."""
    if not data.strip():
        return None, "empty file"
    if b"\x00" in data[:8192]:
        return None, "binary file (contains NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        return None, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})"
