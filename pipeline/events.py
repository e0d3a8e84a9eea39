"""Dated statements: for each mention that puts something on the calendar, what happened, who, and how sure.

No parser model: clauses come from punctuation, actors from runs of capitalised words checked against the
rest of the article, status from the same tense cues the resolver uses. Each heuristic is small, tested in
tests/test_events_merge.py, and listed with its limits in the README.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Sequence

from pipeline.model import Article, Event, Mention
from pipeline.temporal.recognize import lower_keep_offsets
from pipeline.temporal.tense import classify as classify_tense
from pipeline.temporal.tense import cue, is_past_form
from pipeline.text import SentenceIndex

_CLAUSE_SPLIT = re.compile(r"\s*(?:,(?!\d)|[;:()]|\s[—–-]\s|—|–)\s*")
_PREP_BEFORE = re.compile(r"(?:\b(?:on|in|at|by|since|until|till|from|during|over|for|before|after|of|as early as"
                          r"|as of|through|throughout|around|about|early|late|to|back to|into|as of)\s+)+$", re.I)
_ATTRIBUTION_AFTER = re.compile(r"^\s*,\s*(?:according to [^,.;]+|[^,.;]{1,60}?\s(?:said|says|told reporters|added"
                                r"|announced|confirmed))\s*(?=[,.;]|$)")
MAX_BEFORE_WORDS = 16
MAX_SENTENCE_WORDS = 24  # a sentence up to this long, with one date, is its own best headline
_ATTRIBUTION = re.compile(
    r"(?:according to (?P<acc>[^,.;]{2,80}))"
    r"|(?:\b(?P<who>(?:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the|and|for))*)|(?:the|a|an|one)(?:\s+[\w.'’-]+){1,6}?"
    r"|he|she|they|officials|analysts)\s+(?P<verb>said|says|told reporters|told|added|confirmed"
    r"|warned|stated|predicted|insisted|claimed|noted|explained)\b)",
)
_LEADING_JUNK = re.compile(r"^(?:and|but|or|as|while|when|which|who|where|that|so|then|also|amid|with)\s+", re.I)
_NAME_RUN = re.compile(r"[A-Z][\w.-]*(?:(?<=s)')?(?:\s+(?:(?:of|the|for|and|de|van|von|al|bin|del|da|la)\s+)*"
                       r"[A-Z][\w.-]*(?:(?<=s)')?)*")
_NOT_NAMES = frozenset("gmt utc bst est edt pst cet am pm u.s u.k us uk eu un".split())
_DEMONYM = re.compile(r"(?:ian|ese|ish|ern|ean|ic)$")
_TITLES = frozenset("""president secretary minister chancellor prime premier mr mrs ms dr general gen sen rep gov
governor senator king queen pope judge spokesman spokeswoman spokesperson chairman chairwoman chair ceo
director commissioner ambassador mayor adviser advisor leader counterpart envoy""".split())
_NOT_ACTORS = frozenset("""the a an on in at by for but and as after before since until while when if it he she
they we i this that these those its their his her our last next early late mid earlier later asked
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today yesterday tomorrow spring summer autumn winter there here
according what who where why how some many most more all both each every no not one two three
additional related""".split())
_REPORTING = frozenset("said says told announced added confirmed reported warned stated predicted insisted "
                       "claimed noted explained briefed".split())
_AUX = frozenset("will would shall 'll be been being is are am was were to due set going expected planned "
                 "scheduled have has had not also".split())
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
MAX_WHAT_WORDS = 14


def _event_id(article_id: str, index: int) -> str:
    return hashlib.blake2b(f"{article_id}:{index}".encode(), digest_size=8).hexdigest()


def clause_of(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): punctuation-delimited, widened while it has too few words."""
    s0, s1 = sentence
    cuts = [s0] + [m.end() for m in _CLAUSE_SPLIT.finditer(text, s0, s1) if m.end() <= start]
    c0 = max(cuts)
    after = [m.start() for m in _CLAUSE_SPLIT.finditer(text, end, s1)]
    c1 = min(after) if after else s1
    # a clause that is only the date ("On Friday,") borrows the next one; a short one the previous
    def words(a: int, b: int) -> int:
        return len(_WORD.findall(text[a:start] + " " + text[end:b])) if a <= start else len(_WORD.findall(text[a:b]))
    while words(c0, c1) < 4 and (c0 > s0 or c1 < s1):
        if c1 < s1:
            nxt = [m.start() for m in _CLAUSE_SPLIT.finditer(text, c1 + 1, s1)]
            c1 = min(nxt) if nxt else s1
        else:
            prev = [m.end() for m in _CLAUSE_SPLIT.finditer(text, s0, c0 - 1)]
            c0 = max([s0] + prev)
    return c0, c1


def attribution_of(sentence_text: str) -> str | None:
    for m in _ATTRIBUTION.finditer(sentence_text):
        if m["acc"]:
            return "according to " + m["acc"].strip()
        who = m["who"].strip()
        if who.lower() in ("the", "a", "an"):
            continue
        return f"{who} {m['verb']}"
    return None


def _strip_attribution(clause: str) -> str:
    clause = re.sub(r",?\s*according to [^,.;]+", "", clause)
    clause = re.sub(r"^(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*|the [\w\s.'’-]{2,40}?|he|she|they)\s+"
                    r"(?:(?:said|says|told reporters)\s+(?:that\s+)?|announced\s+that\s+)", "", clause)
    return clause


def _tidy(s: str) -> str:
    s = re.sub(r",\s*,", " ", s)  # "strike, [in January,] lasted": the aside went with its date
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s+([,.;:])", r"\1", s)
    s = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", s)
    s = re.sub(r"\(\s*\)", "", s)
    return s.strip(" ,;:.-—–\"“”'‘’")


def what_of(text: str, clause: tuple[int, int], mention: Mention) -> str:
    """A headline-like fragment: the clause without its date expression, attribution and connectives."""
    c0, c1 = clause
    before = _PREP_BEFORE.sub("", text[c0:mention.start]).split()
    after = _ATTRIBUTION_AFTER.sub("", text[mention.end:c1]).split()
    if len(before) > MAX_BEFORE_WORDS:  # keep the words next to the date, where its event is
        before = ["…"] + before[-(MAX_BEFORE_WORDS - 3):]
    room = max(4, MAX_WHAT_WORDS + 4 - len(before))
    if len(after) > room:
        after = after[:room] + ["…"]
    raw = _tidy(" ".join(before) + " " + " ".join(after))
    stripped = _tidy(_LEADING_JUNK.sub("", _tidy(_strip_attribution(raw))))
    raw = stripped if len(stripped.split()) >= 3 else raw
    raw = raw.replace(" …", "…")
    return raw[:1].upper() + raw[1:] if raw else mention.text


_NOT_VERBS = frozenset("recent previous former earlier since ago next coming upcoming tomorrow".split())
_HE_SHE = re.compile(r"\s*(?:He|She)\b")
_AUXILIARIES = frozenset("have has had is are was were will would can could may might shall should must "
                         "did does do".split())
_COORD = re.compile(r"\s(?:and|but|while|whereas)\s|;\s")


def _apart_from_other_dates(text: str, clause: tuple[int, int], m: Mention,
                            mentions: Sequence[Mention]) -> tuple[int, int]:
    """Narrow a clause holding another date to this date's side of the "and" between them: "conducted
    exercises at the end of last year and issued a statement on February 4" is two events."""
    c0, c1 = clause
    for o in mentions:
        if o is m or o.start_date is None or not (c0 <= o.start < c1):
            continue
        if o.start >= m.end:
            cuts = [x.start() for x in _COORD.finditer(text, m.end, o.start)]
            if cuts:
                c1 = min(c1, cuts[-1])
        elif o.end <= m.start:
            cuts = [x.end() for x in _COORD.finditer(text, o.end, m.start)]
            if cuts:
                c0 = max(c0, cuts[-1])
    return c0, c1


def _subject(text: str, sent: tuple[int, int]) -> str | None:
    """The words before the sentence's first verb cue, without an appositive ("Zhao Lijian, China's
    foreign ministry spokesperson, told ..." -> "Zhao Lijian"); None when that is not a short phrase."""
    low = text[sent[0]:sent[1]].lower()
    words = [(w.start(), w.group()) for w in re.finditer(r"[a-z]+(?:['’][a-z]+)?", low)][:14]
    plain = [w for _, w in words]
    for i, (pos, w) in enumerate(words):
        if i and w not in _NOT_VERBS and classify_tense(plain, i) is not None:
            subject = text[sent[0]:sent[0] + pos].split(",")[0].strip()
            return subject if 1 <= len(subject.split()) <= 10 else None
    return None


def _starts_with_verb(clause_text: str) -> bool:
    head = [w.lower() for w in _WORD.findall(clause_text)[:2]]
    return bool(head) and (head[0] in _AUXILIARIES or classify_tense(head, 0) is not None)


def _what(text: str, clause: tuple[int, int], sent: tuple[int, int], m: Mention) -> str:
    what = what_of(text, clause, m)
    if clause[0] > sent[0] and _starts_with_verb(text[clause[0]:clause[1]]):  # "..., told reporters"
        subject = _subject(text, sent)
        if subject and not what.lower().startswith(subject.lower()):
            what = f"{subject} {what[:1].lower()}{what[1:]}"
    if len(what.split()) <= 4 and clause != sent:
        # "..., the union announced on Monday": what was announced is the sentence's main clause
        main = text[sent[0]:clause[0]] if clause[0] > sent[0] else text[clause[1]:sent[1]]
        words = _tidy(main).split()
        if words:
            rest = " ".join(words[:MAX_WHAT_WORDS]) + ("…" if len(words) > MAX_WHAT_WORDS else "")
            what = f"{what}: {rest}"
    return what


def trigger_of(clause_text: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(clause_text)]
    for i, w in enumerate(words):
        if w in ("will", "would", "shall", "to") and i + 1 < len(words):
            j = i + 1
            while j < len(words) and words[j] in _AUX:
                j += 1
            if j < len(words) and words[j] not in _NOT_ACTORS and words[j] not in ("a", "an", "the"):
                return words[j]
    for w in words:
        if w in _REPORTING or (is_past_form(w) and w not in _NOT_VERBS):
            return w
    return None


def _known_names(text: str) -> set[str]:
    """Names written capitalised somewhere other than at a sentence start: evidence they are names."""
    names: set[str] = set()
    for m in _NAME_RUN.finditer(text):
        i = m.start()
        j = i - 1
        while j >= 0 and text[j] in " \t\"“‘'(":
            j -= 1
        if j >= 0 and text[j] not in ".!?\n":
            names.add(m.group().split()[0].strip("'’"))
    return names


def actors_of(span_text: str, known: set[str]) -> tuple[str, ...]:
    out: list[str] = []
    for m in _NAME_RUN.finditer(re.sub(r"['’]s\b", " ;", span_text)):
        parts = m.group().split()
        titled = [k for k, p in enumerate(parts) if p.lower().strip(".") in _TITLES]
        if titled:  # "U.S. President Joe Biden" -> "Joe Biden"
            parts = parts[titled[-1] + 1:]
        while parts and (parts[0].lower().strip(".") in _NOT_ACTORS or parts[0] in ("of", "the", "for", "and")
                         or (len(parts) > 2 and parts[0] not in known and parts[1] in ("of", "for", "the"))):
            parts = parts[1:]  # "Negotiators for the Calder Harbour Authority": a sentence's first word
        while parts and parts[-1].lower() in ("of", "the", "and", "for"):
            parts = parts[:-1]
        if not parts:
            continue
        name = " ".join(parts).strip(".,")
        first = parts[0]
        joined = " and " in m.group()
        if len(parts) == 1 and (first.lower() in _NOT_ACTORS or (first not in known and not joined) or len(first) < 2
                                or first.lower().strip(".") in _NOT_NAMES or _DEMONYM.search(first)):
            continue
        if all(p.lower() in _NOT_ACTORS for p in parts):
            continue
        # "Biden and Xi": two people; "Harbour and Maritime Workers' Union": one organisation
        if " and " in name and not re.search(r"(?:Union|Authority|Council|Ministry|Department|Company|Group"
                                             r"|Commission|Committee|Chamber|Lines|Party|Bank|Fund)$", name):
            out.extend(p.strip() for p in name.split(" and ") if p.strip())
        else:
            out.append(name)
    seen: list[str] = []
    for a in out:
        if a not in seen and a.lower() not in _NOT_ACTORS:
            seen.append(a)
    return tuple(seen)


def _without_expressions(text: str, mentions: Sequence[Mention]) -> str:
    """The text with its temporal expressions blanked (offsets kept), so that capitalised dates and
    feasts are never read as names."""
    if not mentions:
        return text
    chars = list(text)
    for m in mentions:
        chars[m.start:m.end] = " " * (m.end - m.start)
    return "".join(chars)


def extract_events(article: Article, mentions: Sequence[Mention]) -> list[Event]:
    """One event per resolved DATE/TIME mention that names a calendar interval (not durations, sets, refs)."""
    text = article.text
    sentences = SentenceIndex(text)
    low = lower_keep_offsets(text)
    names = _without_expressions(text, mentions)  # "Eid al-Fitr", "Christmas Day" are no one's names
    known = _known_names(names)
    dated_starts = [o.start for o in mentions if o.start_date is not None]
    out: list[Event] = []
    for i, m in enumerate(mentions):
        if m.type not in ("DATE", "TIME") or m.value is None or m.start_date is None or m.boilerplate:
            continue
        sent = sentences.find(m.start)
        sentence_text = text[sent[0]:sent[1]]
        clause = clause_of(text, sent, m.start, m.end)
        clause_text = text[clause[0]:clause[1]]
        dates_in_sentence = bisect_left(dated_starts, sent[1]) - bisect_left(dated_starts, sent[0])
        if dates_in_sentence == 1 and len(sentence_text.split()) <= MAX_SENTENCE_WORDS:
            clause = sent
            clause_text = sentence_text
        elif trigger_of(clause_text) is None and clause[1] < sent[1]:
            # "At a meeting in Rome on Monday, Sullivan told ...": the verb is in the next clauses
            clause = (clause[0], sent[1])
            clause_text = text[clause[0]:clause[1]]
        clause = _apart_from_other_dates(text, clause, m, mentions)
        clause_text = text[clause[0]:clause[1]]
        tense, word = cue(low, sent, m.start, m.end)
        attribution = attribution_of(sentence_text)
        trigger = trigger_of(clause_text)
        if tense == "future" or (m.tense or "").startswith("future"):
            status = "planned"
        elif trigger in _REPORTING:
            status = "reported"
        else:
            status = "happened"
        actors = actors_of(names[clause[0]:clause[1]], known) or actors_of(names[sent[0]:sent[1]], known)
        if clause[0] > sent[0] and _starts_with_verb(clause_text):  # the subject is before the clause
            before = actors_of(names[sent[0]:clause[0]], known)
            actors = tuple(dict.fromkeys(before + actors))
        if not actors and _HE_SHE.match(clause_text) and sent[0] > 0:
            # "He was appointed on Wednesday": the person the previous sentence named, first
            prev = sentences.find(sent[0] - 2)
            named = [a for a in actors_of(names[prev[0]:prev[1]], known) if " " in a]
            actors = tuple(named[:1])
        out.append(Event(
            id=_event_id(article.id, i), article_id=article.id, mention_index=i, value=m.value,
            start_date=m.start_date, end_date=m.end_date, grain=m.grain or "day", mod=m.mod,
            what=_what(text, clause, sent, m), trigger=trigger, actors=actors, status=status,
            attribution=attribution, sentence=sentence_text, sentence_start=sent[0], sentence_end=sent[1],
            clause=_tidy(text[clause[0]:m.start] + " " + text[m.end:clause[1]]),
        ))
    return out
