"""Text normalisation, sentence spans and page boilerplate.

Offsets everywhere index the *normalised* text, which is what gets stored, so they stay true for users.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a\u3000]")
_TRAILING = re.compile(r"[ \t]+\n")
_MANY_BLANK = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFC, CRLF/CR -> LF, no-break and thin spaces -> space, control characters removed."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = _TRAILING.sub("\n", text)
    text = _MANY_BLANK.sub("\n\n", text)
    return text.strip()


_ABBREV = frozenset("""mr mrs ms dr st gen gov sen rep prof lt col maj sgt capt cmdr adm jr sr no vs etc inc corp co
ltd jan feb mar apr jun jul aug sep sept oct nov dec mt ft u.s u.k u.n e.u a.m p.m e.g i.e approx dept est
""".split())
_BOUNDARY = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[.!?…][\"”’')\]]*\s*$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; newlines always end one (headlines, datelines, list items)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group()[0] == "." and "\n" not in m.group():
            w = _WORD_BEFORE.search(text, max(start, m.start() - 12), m.end())
            if w and (w.group(1).lower().rstrip(".") in _ABBREV
                      or (len(w.group(1)) == 1 and not text[w.start(1) - 1:w.start(1)].isalnum())):
                continue
        end = m.start() + (0 if m.group()[0] == "\n" else 1)
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_SENT_END = re.compile(r"[.!?…][\"”’')\]]*\s|\n")
_SENT_LOOK = 600  # characters searched on each side; news sentences are shorter


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end), found by looking outward for sentence ends (cheap, no index).

    Coarser than ``sentence_spans`` (an abbreviation such as "Corp." can end it early), which is fine for
    tense cues; initials ("U.S.", "J. Smith") do not end it.
    """
    lo = s0 = max(0, start - _SENT_LOOK)
    pos = start
    while pos > lo:  # backwards from the mention: the nearest candidate mark that really ends a sentence
        i = max(text.rfind(".", lo, pos), text.rfind("\n", lo, pos), text.rfind("?", lo, pos),
                text.rfind("!", lo, pos), text.rfind("…", lo, pos))
        if i < 0:
            break
        m = _SENT_END.match(text, i, start)
        if m and not _initial(text, i):
            s0 = m.end()
            break
        pos = i
    stop = end + _SENT_LOOK
    m = _next_end(text, end, stop)
    while m and _initial(text, m.start()):
        m = _next_end(text, m.end(), stop)
    return s0, (m.start() + 1 if m else min(len(text), end + _SENT_LOOK))


_END_MARKS = (".", "\n", "?", "!", "…")  # what a match of _SENT_END starts with


def _next_end(text: str, pos: int, stop: int) -> re.Match[str] | None:
    """_SENT_END.search(text, pos, stop), found by matching only where one of its marks is: the regex
    engine would try its pattern at every character."""
    while True:
        i = -1
        for mark in _END_MARKS:
            j = text.find(mark, pos, stop)
            if j >= 0 and (i < 0 or j < i):
                i = j
        if i < 0:
            return None
        m = _SENT_END.match(text, i, stop)
        if m:
            return m
        pos = i + 1


def _initial(text: str, dot: int) -> bool:
    """Whether the mark at ``dot`` is the full stop of a single capital letter ("U.S.", "J. Smith")."""
    return text[dot] == "." and dot >= 1 and text[dot - 1].isupper() and (dot == 1 or not text[dot - 2].isalpha())


class SentenceIndex:
    """Which sentence a character offset falls in, by binary search over sentence starts."""

    def __init__(self, text: str) -> None:
        self.spans = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]

    def find(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return (0, self.spans[0][1]) if self.spans else (0, 0)
        return self.spans[i]


# Lines a web page wraps around an article: paywalls, sharing, comments, navigation. A paragraph that
# matches is boilerplate: kept in the text, never dated.
_BOILERPLATE = re.compile(
    r"^(?:already a subscriber\??(?: ?(?:log|sign) ?in)?|log ?in|sign ?in|sign up|subscribe\b.*|register|or|unlock more articles"
    r"|keep reading.*|there[’']s no commitment.*"
    r"|(?:after that,? )?it[’']s (?:just|only) [£$€]\d+(?:\.\d+)? (?:a|per) (?:week|month)\.?|related (?:articles|content|stories)|back to top(?: button)?"
    r"|leave a (?:reply|comment)|your email address will not be published.*|comments?|share this.*"
    r"|topics in this article|don[’']t miss out|join the conversation.*|written by|advertisement"
    r"|click here to .*|read more:?.*|follow us on .*|all rights reserved.*|© .*|copyright .*"
    r"|additional reporting by .*|reporting by .*|editing by .*|newsletter.*|most popular|recommended)$"
)
# phrases that make a line furniture wherever they stand (looked for as substrings, not matched from the
# start: a leading ".*" in the pattern above would scan every line once per phrase)
_BOILERPLATE_ANYWHERE = ("free trial", "cancel anytime", "cancel any time")


_FURNITURE_MAX = 200  # characters: a longer line is a paragraph of the article


def _is_furniture(line: str) -> bool:
    s = line.strip()
    if not s or len(s) >= _FURNITURE_MAX:
        return False
    # lowered once: a case-blind regex reads every character twice, and cannot skip ahead to a phrase
    s = s.lower()
    return _BOILERPLATE.match(s) is not None or any(phrase in s for phrase in _BOILERPLATE_ANYWHERE)


def line_is_boilerplate(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies on one line of page furniture (only that line is read)."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    if b - a >= _FURNITURE_MAX and not text[a].isspace() and not text[b - 1].isspace():
        return False  # a paragraph, not furniture: decided without copying the line (this runs per mention)
    return text.find("\n", start, end) < 0 and _is_furniture(text[a:b])
