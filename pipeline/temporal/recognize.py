"""Recognise: find temporal expressions in text and read off their underspecified values.

Scanning every position with every rule is slow in Python (one alternation of 60 rules over a 4,800-character
seed article took 3-7.5 ms when this was designed), so the scan is driven by trigger words (month and
weekday names, units, numbers, "today"...). Only the few words just before a trigger that some rule can
start with are tried as starting points, each with the alternation of just those rules. The longest
match wins.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.temporal.lookup import SHAPE_LENGTHS, narrowed, normalise_raw
from pipeline.temporal.ruleset import GroupRef, Rule, RuleSet, load

_TOKEN = re.compile(r"[a-z]+|['’]?\d+")  # the tokens _token_before reads, as a regex (for the tests)
_LOOKBACK = 5  # tokens before a trigger that may start an expression ("the end of the second quarter")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class Candidate:
    """One expression found: its span, its rule and the underspecified value (the rule's value fields with
    groups filled in). A plain class: mypyc compiles its __init__, a dataclass's runs in the interpreter."""

    __slots__ = ("start", "end", "rule", "spec")

    def __init__(self, start: int, end: int, rule: Rule, spec: dict[str, Any]) -> None:
        self.start = start
        self.end = end
        self.rule = rule
        self.spec = spec

    def __repr__(self) -> str:
        return f"Candidate({self.start}, {self.end}, {self.rule.id!r}, {self.spec!r})"


def lower_keep_offsets(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def _field(val: Any, m: re.Match[str]) -> Any:
    if isinstance(val, GroupRef):
        return normalise_raw(m.group(val.name), val.table)
    if isinstance(val, list):  # the first alternative that matched
        for x in val:
            v = _field(x, m)
            if v is not None:
                return v
        return None
    return val


def _spec(rs: RuleSet, rule: Rule, m: re.Match[str], second: bool = False) -> dict[str, Any]:
    """The rule's value fields filled from the match (``second``: the far end of a range)."""
    plan = rule.plans.get(second)
    if plan is None:
        plan = rule.plans[second] = rs.plan(rule, rule.range["value"] if second and rule.range else rule.value)
    group = m.group
    out: dict[str, Any] = {}
    for key, val in plan:
        cls = type(val)
        if cls is GroupRef:  # the usual field: one group's word through its table (inlined: per mention)
            raw = group(val.name)
            table = val.table
            out[key] = table[raw] if table is not None and raw in table else normalise_raw(raw, table)
        elif cls is list:
            out[key] = _field(val, m)
        else:
            out[key] = val
    if rule.part_from:
        raw = m.group(rule.groups[rule.part_from][0])
        part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}.get(raw or "")
        if part:
            out["part"] = part
    return out


def _case_ok(rule: Rule, m: re.Match[str], text: str) -> bool:
    for glob, capital in rule.case_groups:
        s, e = m.span(glob)
        if s < 0:
            continue
        if capital:
            if not text[s].isupper():
                return False
        elif any(c.isupper() for c in text[s + 1:e]):
            return False
    return True


# words a month may follow with a capital of their own, at a sentence's start or as a heading's word
_BEFORE_A_MONTH = frozenset("""in on by since until till from last next this early late mid of the and or between
before after during through to for around about every each that when since throughout""".split())
# before a named day ("Over Christmas,", "But Easter was quiet"), more capitalised words lead in: they are
# no one's first name, while "But May insisted" and "Following May's resignation" are about Theresa May
_BEFORE_A_NAMED_DAY = _BEFORE_A_MONTH | frozenset("""over following ahead approaching near at into towards toward
beyond with come but yet so then""".split())
_MONTH_NAMES = frozenset("""january february march april may june july august september sept october november
december jan feb mar apr jun jul aug sep oct nov dec""".split())
_SEASON_NAMES = frozenset(("spring", "summer", "autumn", "winter"))
_GIVEN_NAME_MONTHS = frozenset(("april", "may", "june"))  # also given names: "April Jones", "June Carter"
_SENTENCE_OPENERS = ".!?\n\"“‘'(—-:"


def _part_of_a_name(m: re.Match[str], text: str) -> bool:
    """Whether the month or named day matched is part of a name: after a capitalised word that is not one a
    date follows ("Theresa May", "Father Christmas"), or, opening a sentence, before a capitalised word
    ("April Jones")."""
    s, e = m.start(), m.end()
    j = s - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    k = j
    while k >= 0 and text[k].isalpha():
        k -= 1
    before = text[k + 1:j + 1]
    if before and j < s - 1 and before[0].isupper():
        first = text[s:e].split(maxsplit=1)[0].lower().rstrip(".")
        if first in _SEASON_NAMES and not (text[s].isupper() and not _capitalised_word_at(text, e)):
            return False  # "the German Spring Offensive", "the Manchurian winter" are seasons; "the Arab Spring" a name
        if before.lower() not in (_BEFORE_A_MONTH if first in _MONTH_NAMES else _BEFORE_A_NAMED_DAY):
            return True
    opens = not before and (j < 0 or text[j] in _SENTENCE_OPENERS)
    if opens and text[s:e].lower() in _GIVEN_NAME_MONTHS:
        rest = text[e:e + 30].split(maxsplit=1)
        return text[e:e + 1] == " " and bool(rest) and rest[0][:1].isupper() and rest[0].isalpha() \
            and rest[0] != "Day"
    return False


def _capitalised_word_at(text: str, e: int) -> bool:
    """Whether a capitalised word follows right after ``e``, one space on."""
    return text[e:e + 1] == " " and text[e + 1:e + 2].isupper()


_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # a-z kept, all else a space
_WINDOW = 48  # characters before a trigger searched for the words an expression may start with


_DIGITS_ONLY = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))  # every digit a "0", all else a space


def _number_leads_nowhere(low: str, i: int, e: int, words: frozenset[str]) -> bool:
    """Whether the number at [i, e) can be passed over: it has one to three digits (a year, "'09" and a
    compact date "20220318" stand alone), and a space and a word no rule contains follow it ("217 lives",
    "45 cents"), so no expression can run through it. Most numbers in news are such counts and amounts;
    each would otherwise cost a failed regex attempt."""
    if e < 0 or e - i > 3 or low[e:e + 1] != " " or (i > 0 and low[i - 1] in "'’"):
        return False
    j = e + 1
    k = j
    n = len(low)
    while k < n and "a" <= low[k] <= "z":
        k += 1
    return k > j and (k == n or low[k] in " ,;") and low[j:k] not in words


def _trigger_positions(low: str, raw: bytes, triggers: dict[bytes, str], shapes: bytes,
                       words: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(start offset, word) of trigger words, and (start offset, "") of numbers, in text order.

    ``raw`` is the text as ASCII bytes with one "?" per other character (_ascii), so byte offsets are text
    offsets, and a word is a run of a-z there. The words are split off at C speed; one is looked up in
    ``triggers`` (RuleSet.trigger_table) only if a trigger word has its first and last letters and its
    length (``shapes``, RuleSet.trigger_shapes): 15% of the words of the seeds and TBAQ (bench/attempts.py).
    """
    padded = b" " + raw.translate(_LETTERS_ONLY) + b" "  # a word between spaces is whole: not in "known"
    width = SHAPE_LENGTHS  # a local: a name imported from another module is looked up at each use
    found: list[tuple[int, str]] = []
    pos = 0
    for w in padded.split():
        size = len(w)
        if size >= width or not shapes[((w[0] - 97) * 26 + w[size - 1] - 97) * width + size]:
            continue
        hit = triggers.get(w)
        if hit is None:
            continue
        # the first " w " from pos on is this one: any earlier one was a trigger too, and is behind pos.
        # Its offset in padded is the word's offset in the text, as padded has a space in front
        i = padded.find(b" " + w + b" ", pos)
        pos = i + size + 1
        if i == 0 or not low[i - 1].isdigit():
            found.append((i, hit))
    digits = raw.translate(_DIGITS_ONLY)
    i = digits.find(b"0")
    while i >= 0:
        e = digits.find(b" ", i)
        before = low[i - 1] if i else " "
        # an amount, the decimals or thousands of a number, a percentage: no rule starts there
        amount = before in "$£€#" or (before in ".," and i > 1 and low[i - 2].isdigit()) or low[e:e + 1] == "%"
        if not amount and not (words and _number_leads_nowhere(low, i, e, words)):
            # "'80s", "since '82" start at their apostrophe; in "''60 Minutes''" it closes a quote
            clipped = before in "'’" and (i == 1 or low[i - 2].isspace())
            found.append((i - 1 if clipped else i, ""))
        if e < 0:
            break
        i = digits.find(b"0", e)
    found.sort()
    return found


def _is_digit(c: str) -> bool:
    return "0" <= c <= "9" or (c > "\x7f" and c.isdecimal())  # what "\d" reads


def _ascii(low: str) -> bytes:
    """The text as ASCII bytes, one "?" for each other character: offsets stay, and a byte is read as a
    number, cheaper than a one-character string."""
    return low.encode("ascii", "replace")


def _digit_at(low: str, raw: bytes, i: int) -> bool:
    b = raw[i]
    return 48 <= b <= 57 or (b == 63 and _is_digit(low[i]))  # "?" stands for any other character


def _token_before(low: str, raw: bytes, lo: int, j: int) -> tuple[int, int]:
    """(start, end) of the last token of ``low[lo:j]`` that _TOKEN would find reading from ``lo``, or
    (lo, lo) for none: read backwards, it costs a few characters where a regex would read the whole
    window (this runs for each trigger word). ``raw`` is _ascii(low)."""
    while j > lo:
        b = raw[j - 1]
        if 97 <= b <= 122 or _digit_at(low, raw, j - 1):
            break
        j -= 1
    if j == lo:
        return lo, lo
    end = j
    if 97 <= raw[j - 1] <= 122:
        while j > lo and 97 <= raw[j - 1] <= 122:
            j -= 1
    else:
        while j > lo and _digit_at(low, raw, j - 1):
            j -= 1
        if j > lo and low[j - 1] in "'’":
            j -= 1
    return j, end


def recognise(text: str, rs: RuleSet | None = None, low: str | None = None) -> list[Candidate]:
    """All expressions in text order, negative look-alikes already removed; offsets index ``text``."""
    rs = rs or load()
    low = low if low is not None else lower_keep_offsets(text)
    starters, words = rs.starters, rs.words
    out: list[Candidate] = []
    last_end = 0
    raw = _ascii(low)
    for tstart, tword in _trigger_positions(low, raw, rs.trigger_table, rs.trigger_shapes, words):
        if tstart < last_end:
            continue
        # the words just before the trigger that some rule can start with, then the trigger itself; an
        # expression cannot reach across a word no rule contains ("the company on Friday": only "on")
        starts = []
        lo = max(last_end, tstart - _WINDOW)
        j = tstart
        for _ in range(_LOOKBACK):
            s, j = _token_before(low, raw, lo, j)
            if s == j:
                break
            w = low[s:j]
            if w not in words and not w[-1].isdigit():
                break
            if w in starters:
                starts.append((s, narrowed(rs, w, low, s, raw)))
            j = s
        starts.reverse()
        # the rules that can start with this very word are fewer than those that can start with its letter
        starts.append((tstart, narrowed(rs, tword or low[tstart], low, tstart, raw)))
        best: re.Match[str] | None = None
        for s, matcher in starts:
            if matcher is None or (s > 0 and low[s - 1].isalnum()):
                continue
            m = matcher.match(low, s)
            if m is None or m.end() <= tstart:
                continue
            rule = rs.by_group[m.lastgroup]  # type: ignore[index]
            if rule.case_groups and not rule.negative and not _case_ok(rule, m, text):
                continue
            if rule.person_guard and _part_of_a_name(m, text):
                continue
            if rule.count_groups and m.group(rule.count_groups[0]) in ("a", "an") \
                    and (m.group(rule.count_groups[1]) or "").endswith("s"):
                continue  # "in a months-long siege": "a" goes with the noun after, not with "months"
            if best is None or m.end() - m.start() > best.end() - best.start():
                best = m
        if best is None:
            continue
        last_end = best.end()
        rule = rs.by_group[best.lastgroup]  # type: ignore[index]
        if rule.negative:
            continue
        if rule.range:  # "March 1-4", "from March 1 to 4": two expressions, each with its own span
            sep = rule.groups[rule.range["split"]][0]
            out.append(Candidate(best.start(), best.start(sep), rule, _spec(rs, rule, best)))
            out.append(Candidate(best.end(sep), best.end(), rule, _spec(rs, rule, best, second=True)))
            continue
        out.append(Candidate(best.start(), best.end(), rule, _spec(rs, rule, best)))
    return join_counts(out, low) if rs.counts_from_next else out


_COUNT_GAP = re.compile(r" (?:the )?")


def join_counts(cands: list[Candidate], low: str) -> list[Candidate]:
    """"ten days before" and the date told right after it ("Oct. 23", "the March 3 robbery") become one
    expression: that date, moved by the count (resolve._count_from_told). A count with no date after it
    after all is a length, its span cut back to the count."""
    out: list[Candidate] = []
    i, n = 0, len(cands)
    while i < n:
        c = cands[i]
        sign = c.spec.get("count_from_next")
        if sign is None:
            out.append(c)
            i += 1
            continue
        nxt = cands[i + 1] if i + 1 < n else None
        if nxt is not None and nxt.rule.type in ("DATE", "TIME") and nxt.spec["kind"] != "duration" \
                and _COUNT_GAP.fullmatch(low, c.end, nxt.start) and c.spec.get("n") is not None:
            spec = {**nxt.spec, "count_unit": c.spec["unit"], "count_n": int(sign) * int(c.spec["n"])}
            if c.spec.get("mod"):
                spec["mod"] = c.spec["mod"]
            out.append(Candidate(c.start, nxt.end, c.rule, spec))
            i += 2
            continue
        spec = {k: v for k, v in c.spec.items() if k != "count_from_next"}
        out.append(Candidate(c.start, low.rfind(" ", c.start, c.end), c.rule, spec))
        i += 1
    return out
