"""What the recogniser looks up per article in a rule set: which rules can start at a spot, and what a
matched word stands for. Compiled with the tagger (setup.py); ruleset.py builds the tables read here."""

from __future__ import annotations

import re
from typing import Any

WILDCARD = "*"  # after a rule's first token: it can go on with anything, or with nothing
NON_WORD = "#"  # after the first token and a space comes something other than a word ("the 1990s")
# after the first token comes a mark, with no space ("10:30", "9-11"): kept apart from WILDCARD, so that
# the rules that need one are not tried at every "10 days". The mark follows it ("~:", "~-"): most marks
# after a word or a number end a clause ("1990,", "Friday."), and few rules go on with those
GLUED = "~"
# trigger words are shorter than this: a longer word is never looked up (ruleset.RuleSet.trigger_shapes)
SHAPE_LENGTHS = 16

_TOKEN_PAIR = re.compile(r"([a-z0-9]*)([ \t\n\r\f\v]*)([a-z]*)")
_DIGIT_RUN = re.compile(r"[0-9]+")


def token_pair(low: str, s: int, raw: bytes | None = None) -> tuple[str, str]:
    """The first token at ``s`` and what follows it, read as ruleset.first_pairs reads patterns: what
    _TOKEN_PAIR matches there, read character by character (this runs for most trigger words). ``raw`` is
    ``low`` as ASCII bytes with "?" for any other character: all _TOKEN_PAIR reads is ASCII, and a byte
    reads as a number, cheaper than a one-character string."""
    if raw is None:
        raw = low.encode("ascii", "replace")
    n = len(raw)
    i = s
    digits = False
    while i < n:
        b = raw[i]
        if 97 <= b <= 122:
            i += 1
        elif 48 <= b <= 57:
            digits = True
            i += 1
        else:
            break
    tok = low[s:i]
    if digits:
        tok = _DIGIT_RUN.sub("0", tok)
    j = i
    while j < n and (raw[j] == 32 or 9 <= raw[j] <= 13):  # " \t\n\v\f\r"
        j += 1
    if j == i:
        return tok, (GLUED + low[i] if i < n else WILDCARD)
    k = j
    while k < n and 97 <= raw[k] <= 122:
        k += 1
    return tok, low[j:k] or NON_WORD


def narrowed(rs: Any, key: str, low: str, s: int, raw: bytes | None = None) -> re.Pattern[str] | None:
    """The rules of the rule set ``rs`` that can start at ``s`` of ``low`` with ``key`` (its word, or for a
    number its first digit), narrowed by the token there and the word after it where ``key`` starts many
    rules: "the" alone starts 66, and each failed attempt costs time. None: no rule can start there."""
    sources: dict[str, str] | None = rs.by_second.get(key)
    if sources is None:
        if len(key) > 1 or key.isalpha():
            cache: dict[str, re.Pattern[str] | None] = rs._word_cache
            return cache[key] if key in cache else rs.word_matcher(key)
        return rs.matcher(key)
    table: dict[str, re.Pattern[str] | None] = rs._pair_matchers.get(key) or {}
    first, second = token_pair(low, s, raw)
    pair = first + " " + second
    if pair not in sources:
        pair = first + " " + WILDCARD  # "the company": only the rules that can go on with any word
        if pair not in sources:
            return None
    return table[pair] if pair in table else rs.pair_matcher(key, pair)


def normalise_raw(raw: str | None, table: dict[str, Any] | None) -> Any:
    """A matched word through its table (also tried without hyphens and a final dot), or as a number."""
    if raw is None:
        return None
    if table is not None and raw in table:  # the usual case: one plain word
        return table[raw]
    key = " ".join(raw.split()).replace("’", "'")
    if table is not None:
        for k in (key, key.replace("-", " "), key.rstrip(".")):
            if k in table:
                return table[k]
        return None
    if key.isdigit():
        return int(key)
    if "," in key and key.replace(",", "").isdigit():  # "2,000 years": a thousands separator
        return int(key.replace(",", ""))
    return key
