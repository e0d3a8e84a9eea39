"""Tense cues: does the sentence around a mention look forward or back?

No parser: the nearest cue word in the mention's own clause decides, left first ("Psaki said Biden will
hold a call on Friday" -> "will"), then right ("On Friday, Biden and Xi will discuss ..."), then the rest
of the sentence the same way. "since X" is past whatever the verb, and "until/by X" future unless a past
perfect stands next to it ("members had filed reports by Wednesday"). Past cues
are past-tense forms (irregular list, "-ed" words) and "ago"; future cues are modals, phrases of
intention ("will", "is due to", "plans to", "scheduled", "upcoming"), present-tense verbs of a schedule
("they meet Monday", weakly "flies to Tokyo on Thursday", as "votes" may be a noun) and the present
passive ("the case is heard in May"). "By Tuesday," opening a sentence takes the tense of the clause it
leads into, and "by" after a passive is an agent, not a deadline. WEAK_PAST lists the past
forms that do not put what they govern in the past (reporting verbs, "extended", "decided to"). A plan
participle after a noun ("a memorial planned for Saturday") is WEAK_FUTURE: it looks ahead only when no
other word of the sentence gives a tense ("... was canceled" looks back).
"""

from __future__ import annotations

import re

# not the "am" of "10am" (no verb "am to"); the letter comes before the look back at the digit, so that a
# search skips to letters at C speed
_WORD = re.compile(r"[a-z](?<!\d[a-z])[a-z]*(?:['’][a-z]+)?")

FUTURE_WORDS = frozenset("""will shall 'll won't wont would upcoming scheduled forthcoming tomorrow next
coming expected planned plans planning slated""".split())
# present-tense verbs of a schedule: "the leaders meet Monday", "she leaves for Nairobi on Friday"
SCHEDULE_PRESENT = frozenset("""meet meets leave leaves arrive arrives begin begins resume resumes travels
opens reopen reopens starts applies apply ends expires concludes runs lasts airs premieres debuts""".split())
# the same, in forms that are as often plural nouns ("the votes on Tuesday", "media reports on Friday said"):
# no verb after a determiner, a modifier or a modal, and a weak cue even then (classify)
SCHEDULE_PRESENT_OR_NOUN = frozenset("""flies returns visits heads hosts holds plays faces testifies tours
departs votes reports kicks takes goes go vote return fly play visit hold face host tour depart open
close closes changes change run falls launches streams transfers moves take head lifts start end continues
continue reconvenes reconvene convenes convene sits sit finishes finish gives give hears hear debates debate
appears appear speaks speak addresses delivers deliver unveils unveil publishes publish announces
rises rise""".split())
_NOUN_BEFORE = frozenset("""media press news local earlier recent initial unconfirmed official police tax state
some many several other such all no both first latest conflicting separate""".split())
_SCHEDULE_ANY = SCHEDULE_PRESENT | SCHEDULE_PRESENT_OR_NOUN
_NO_SCHEDULE_AFTER = frozenset("""to would could did didn't not will shall 'll won't can cannot may might must
should""".split())
_FORECAST = frozenset("forecast projected predicted tipped".split())
_COME = frozenset(("comes", "come"))  # "the law comes into force in April"
_WARN = frozenset("warned warns warn warning".split())
_RULE_OUT = frozenset("ruled rules rule ruling".split())
_TAKE = frozenset(("takes", "take"))  # "the law takes effect in April"
# a past form right before one of these is a participle of the subject: "cars sold will be electric"
_VERB_AFTER_PARTICIPLE = frozenset("will would may might must should shall can".split())
_MODALS = frozenset("may might should must".split())  # "could" is as often past ("could not be reached")
_COULD_LOOKS_BACK = frozenset("not have hardly barely never only".split())  # "could" before these is past
_NEGATION = frozenset("neither nor no nobody none nothing never".split())
_RANGE_WORDS = frozenset("and to through until or".split())  # a modal "may" is never followed by these
PLANNED = frozenset("planned scheduled expected set slated due supposed likely poised".split())
# words that mean future only when followed by "to": "is due to", "plans to", "is set to", "is to"
FUTURE_BEFORE_TO = frozenset("""due plans plan planning going expected expects set aims aim intends intend
hopes hope wants want poised slated preparing prepares is are am""".split())
_WANT = frozenset(("wants", "want"))  # their object may stand before "to": "wants the vote to be held"
# what is expected or predicted is to come, with or without "to": "analysts expect a rate cut in March",
# "were told to expect delays through the weekend"
_EXPECT_OBJECT = frozenset("""expect expects expecting predict predicts predicting anticipate anticipates
anticipating foresee foresees""".split())
PAST_WORDS = frozenset("""was were had did died ago recent previous former earlier since said told met spoke took gave made went came saw held left fled
fell rose won lost sent began brought bought sold struck wrote ran led paid found kept thought knew became got
heard meant stood understood sought fought caught taught built felt dealt shot broke chose drove grew threw
wore flew sat swore withdrew forgot hid ate drank rang sang swam overtook undertook spent lent bent sent
slid sank shrank sprang tore rode dug hung sped swung stung clung bled strode drew woke shook forgave overcame
slept swept wept stuck struck strove froze stole spun split spread lit quit cast cost hit hurt let set shut
upset burst bid""".split()) - {"set", "hit", "hurt", "let", "shut", "upset", "burst", "bid", "cast", "cost",
                                 "quit", "split", "spread"}
_NOT_PAST_ED = frozenset("""need speed indeed hundred united red bed seed feed breed greed shed wed
naked wicked sacred kindred biased concerned expected scheduled planned based used alleged supposed
advanced detailed limited armed related required interested involved so-called skilled talented
aged beloved blessed crooked dogged jagged learned ragged rugged undisclosed unspecified unidentified unnamed
unexpected unconfirmed unlimited unrelated unexplained unprecedented unchanged unsecured unsolicited preferred""".split())
# past forms that do not put what they govern in the past: reporting verbs speak of the telling, not of the
# event told ("a cut in its supply in September, it told companies"), and these look ahead ("extended its
# offer through January", "agreed to sell it in February")
WEAK_PAST = frozenset("""said told added announced noted reported predicted disclosed stated declared confirmed
revealed indicated explained warned claimed estimated forecast projected extended agreed postponed delayed
deferred moved rescheduled approved authorized decided voted promised pledged vowed offered threatened
signalled signaled hinted flagged""".split())


# events no one schedules: a day that dates one ("the March 3 robbery", "the attack of March 12") has come
UNPLANNED_EVENTS = frozenset("""robbery attack attacks shooting shootings killing killings murder murders bombing
bombings blast blasts explosion explosions crash crashes fire blaze earthquake quake flood floods flooding
collapse riot riots accident raid massacre stabbing ambush assassination disappearance derailment landslide
outbreak coup uprising theft heist hijacking kidnapping abduction spill outage arson rampage shootout clash
clashes death deaths""".split())
# past words that date something else than a verb: after a weak cue they say nothing of its event ("United
# face City on Sunday, their first meeting since June")
_DATES_ANOTHER = frozenset("since ago recent previous former earlier".split())
_EVENT_OF_BEFORE = re.compile(r"\b([a-z]+) of\s+$")


# progressives of an effort under way, not of a plan: "it is continuing to try to sell itself, under a
# June agreement" says nothing about when June is
_ONGOING = frozenset("""continuing trying seeking considering working looking struggling fighting waiting
hoping weighing studying reviewing investigating negotiating pushing pressing""".split())
# bare infinitives after these have no tense of their own: "let the offensive begin as planned Saturday"
_BARE_INFINITIVE_AFTER = frozenset("let lets letting make makes made help helps helped watch watched saw see".split())


# a participle of plans after a noun ("the service planned for Saturday") is a reduced relative clause:
# it looks ahead only if no verb of the sentence says otherwise
WEAK_FUTURE = "future?"
_AUXILIARY = frozenset("is are am was were be been being has have had not also now still".split())
# a bare verb after these takes an object, and an "-ed" word right after that verb describes the object
# (not "to": "the ambassador to Venezuela said")
_VERB_BEFORE_OBJECT = frozenset("will would shall can could may might must should".split())
_NOT_A_BARE_VERB = frozenset("have be the a an its their his her our this that these those".split())


_DETERMINERS = frozenset("the a an its their his her our your my this that these those".split())
_PLAN_NOUNS = frozenset(("plans", "plan"))
_AFTER_PLAN_NOUN = frozenset("for of were was are is had have".split())

_STATE_ON = frozenset("out back open available live".split())  # "is out on Friday", "is open from Monday"
_IN_FORCE = frozenset(("place", "force", "effect", "recess"))  # "a warning is in place from 6am"
_NO_TENSE_BEFORE_PARTICIPLE = _DETERMINERS | frozenset("be being is are am".split())
# after these a past form is a participle whatever it is: "will remain closed", "stays shut"
_PARTICIPLE_AFTER = frozenset("be being been remain remains stay stays become becomes get gets".split())
# what follows a verb, not an adjective: "that destroyed the mill", "that struck on Tuesday"
_OBJECT_OR_PLACE = _DETERMINERS | frozenset("on in at".split())


def is_past_form(w: str) -> bool:
    if w in PAST_WORDS:
        return True
    return len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED


def classify(words: list[str], i: int, own_phrase: bool = False, after_mention: bool = False) -> str | None:
    """The tense word ``i`` of ``words`` gives, if any (``own_phrase``: the words just before the mention,
    where a participle before a noun is about the mention: "the slated visit ... in September";
    ``after_mention``: word 0 comes right after the mention, which is its subject, not a sentence's start)."""
    w = words[i]
    if w not in _CUE_WORDS and (len(w) <= 4 or not w.endswith("ed")):
        return None  # most words: not a cue, whatever surrounds them
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if (w in PLANNED or w in FUTURE_BEFORE_TO) and i >= 1 and words[i - 1] in ("had", "been") \
            and (words[i - 1] == "had" or (i >= 2 and words[i - 2] == "had")):
        return "past"  # "had been scheduled to expire Friday": the plan was overtaken, the day has passed
    if w in PLANNED and i > 0 and (words[i - 1] == "as" or (i > 1 and words[i - 2] == "as" and words[i - 1] in
                                                             ("previously", "originally", "earlier", "long"))):
        return None  # "began as previously planned Saturday": the plan carried out, the main verb decides
    if w in _SCHEDULE_ANY and i > 0 and (words[i - 1] in _NO_SCHEDULE_AFTER
                                         or not _BARE_INFINITIVE_AFTER.isdisjoint(words[max(0, i - 4):i])):
        # "difficult to meet demand into the summer", "let it begin": no tense of its own; after a modal
        # the modal is the cue ("will hold a call on Friday" is future:will)
        return None
    if w in PLANNED and nxt in ("for", "on", "at", "in") and (i == 0 or words[i - 1] not in _AUXILIARY):
        # "a memorial planned for Saturday was canceled", "the vote, scheduled for May, was put off" (the
        # participle opens its clause): a reduced relative, the main verb decides
        return WEAK_FUTURE
    before = words[i - 1] if i > 0 else ""
    if w in _PLAN_NOUNS and nxt != "to" and (nxt in _AFTER_PLAN_NOUN or before in _DETERMINERS):
        return None  # "set aside vacation plans for the trip": a noun, no tense
    if w in PLANNED and (before in _DETERMINERS or (len(before) > 4 and before.endswith("ly"))) \
            and nxt not in ("for", "on", "at", "in", "to"):
        # "the hastily planned trip to Kenya" is about the trip; the clause's verb decides for the rest
        return "future" if own_phrase else WEAK_FUTURE
    if w in _COME and nxt == "into":
        return "future"
    if w in _WARN and nxt in ("of", "about"):
        return "future"  # "forecasters warned of snow on Saturday": what is warned of is still to come
    if w in _RULE_OUT and nxt == "out":
        # "has not ruled out strikes in January": a possibility ruled in or out is still to come, unless
        # another verb of the sentence dates it
        return WEAK_FUTURE
    if w in _EXPECT_OBJECT:
        return "future"
    if w in _TAKE and nxt == "effect":
        return "future"  # "it takes effect July 1": the present of a schedule
    if w == "earlier" and nxt == "than":
        return None  # "will try again no earlier than Friday": a bound, no past; the verb before decides
    if w in _FORECAST:
        # "the storm is forecast to make landfall Wednesday" looks ahead; "the ministry forecast on Wednesday
        # that ..." is the telling, past; "the forecast for Friday" is a noun
        if nxt == "to":
            return "future"
        if w == "forecast" and before in _DETERMINERS and nxt in ("for", "is"):
            return WEAK_FUTURE  # "the forecast is for rain on Saturday": of what is to come, if no verb says else
        if w == "forecast":
            return None if before in _DETERMINERS or before in _AUXILIARY or i == 0 else "past"
    if w in SCHEDULE_PRESENT_OR_NOUN:
        # "state votes" may be a noun; "state go" cannot
        # "Christmas falls on a Wednesday": right after the mention, word 0 has it as its subject
        if (i == 0 and not after_mention) or before in _DETERMINERS or (before in _NOUN_BEFORE and w.endswith("s")) \
                or before.isdigit() \
                or before.endswith(("'s", "’s")) or is_past_form(before) or nxt == "of":
            return None  # a noun: "the votes on Tuesday were counted", "Reports on Friday said", "head of"
        # still often a noun ("survived two no-confidence votes on Monday"): it looks ahead only if no other
        # verb of the sentence gives a tense, a reporting verb aside ("flies to Tokyo on Thursday, aides said")
        return WEAK_FUTURE
    if w in FUTURE_WORDS or w in SCHEDULE_PRESENT:
        if w == "next" and nxt in ("to",):
            return None
        return "future"
    if w == "could":
        # "could not be reached on Tuesday", "could have started on Tuesday" look back; "could reach 30C on
        # Tuesday" is a possibility to come, unless another verb of the sentence gives a tense
        # ("Neither he nor his parents could be located on Wednesday": a negation before it looks back too)
        if nxt in _COULD_LOOKS_BACK or not _NEGATION.isdisjoint(words[max(0, i - 6):i]):
            return "past"
        return WEAK_FUTURE
    if w in _MODALS:
        if w == "may" and nxt in _RANGE_WORDS:
            return None  # "May 6 and 7" (digits are no words here): the month, not the modal
        # "may last into Tuesday" looks ahead; "may have met on Tuesday" looks back
        return "past" if nxt == "have" else "future"
    if w in ("is", "are", "am", "was", "were") and (nxt in PLANNED or nxt in _FORECAST):
        return "future"  # "protests are planned for the weekend", "the accession was scheduled for March"
    if w in ("is", "are") and nxt in ("possible", "probable"):
        return "future"  # "showers are possible on Sunday": a forecast
    if own_phrase and w in ("is", "are") and len(words) - i <= 4 and (
            (nxt in ("on", "at") and len(words) - i <= 3)
            or (nxt == "in" and len(words) - i == 2)  # "the annual meeting is in May"
            or (nxt in _STATE_ON and i + 2 < len(words) and words[i + 2] in ("on", "from"))
            or (nxt == "in" and i + 3 < len(words) and words[i + 2] in _IN_FORCE and words[i + 3] in ("on", "from"))):
        # "Kick-off is at 3pm on Saturday", "the album is out on Friday": a present copula right before the
        # date, a schedule
        return "future"
    if w in FUTURE_BEFORE_TO:
        if nxt == "to":
            return "future"
        if w in _WANT and "to" in words[i + 2:i + 5]:
            return "future"  # "wants interest rates to fall": the object between the verb and "to"
        if w in ("is", "are", "am") and nxt.endswith("ing") and len(nxt) > 4 and nxt not in _ONGOING:
            return "future"  # "is meeting on Friday": the present progressive of plans
        return None
    if is_past_form(w):
        if before in ("is", "are", "am"):
            return "future"  # "when the case is heard in May": a present passive tells what is scheduled
        if before in _PARTICIPLE_AFTER or (before in _NO_TENSE_BEFORE_PARTICIPLE and w not in PAST_WORDS
                                           and not (before == "that" and nxt in _OBJECT_OR_PLACE)):
            # "will be held", "will remain closed", "the reduced dividend": a participle, not a past tense; but
            # "the fire that destroyed the mill" is a relative clause with its verb
            return None
        if nxt in _VERB_AFTER_PARTICIPLE:
            return None  # "half of all cars sold will be electric": a participle of the subject; the modal decides
        if i >= 2 and words[i - 2] in _VERB_BEFORE_OBJECT and before not in _AUXILIARY \
                and before not in _NOT_A_BARE_VERB and not is_past_form(before):
            return None  # "will publish revised figures", "could face renewed strikes": an adjective of the object
        return "past"
    return None


_CUE_WORDS = _EXPECT_OBJECT | _TAKE | FUTURE_WORDS | _SCHEDULE_ANY | _FORECAST | _COME | _WARN | _MODALS | PLANNED | FUTURE_BEFORE_TO | PAST_WORDS \
    | _RULE_OUT | frozenset("is are am was were could".split())
_CLAUSE_MARK = re.compile("[,;:—–()]")  # the same marks are searched backwards one by one in cue()
_SINCE_BEFORE = re.compile(r"(?:since|ago)\s+(?:the\s+|a\s+|an\s+|last\s+)?$")
# "the deadline for bids is Friday", "the deadline is noon on Friday": a deadline that is on a day is to come
_DEADLINE_IS_BEFORE = re.compile(r"\bdeadlines?\b[^.;:!?]{0,40}?\s(?:is|are|remains|looms)\s+(?:(?:on|at|by)\s+)?$")
# what is done "ahead of" a deadline on a day is done before it: the day is still to come ("talks resumed
# ahead of a deadline on Friday")
_AHEAD_OF_DEADLINE = re.compile(r"\bahead of (?:a|the|its|their|this|next|[a-z]+['’]s)?\s*(?:[a-z-]+\s+)?"
                                r"deadline\s+(?:on|of|at)\s+$")
# a date something was put off, brought forward or extended to (by some length or not) is one still to
# come: "was pushed back to Sunday", "the offer was extended by six months to September 30"
_PUT_OFF_TO = re.compile(r"\b(moved|postponed|delayed|deferred|rescheduled|pushed back|put back|put off|"
                         r"brought forward|shifted|adjourned|extended)\s+(?:by\s+(?:[a-z0-9'’-]+\s+){1,3})?"
                         r"(?:to|until|till|for|into)\s+"
                         r"(?:the\s+|a\s+(?:(?:later|new|future)\s+)?date\s+in\s+(?:the\s+)?)?$")
_DELAYS = frozenset(("postponed", "delayed", "deferred", "adjourned", "pushed back", "put back", "put off"))


def put_off_later(low: str, start: int) -> bool:
    """Whether the mention at ``start`` is what something was put off to ("adjourned until Thursday",
    "postponed to Friday"); not "brought forward to" or "moved to", which may be today."""
    m = _PUT_OFF_TO.search(low, max(0, start - 40), start)
    return m is not None and m[1] in _DELAYS


# a present perfect of announcing, then what it announced and "from": "has called a 48-hour strike from"
_PERFECT_FROM = re.compile(r"\b(?:has|have)\s+(?!been\b|had\b)[a-z]+ed\s+(?:[a-z0-9'’-]+\s+){0,5}from\s+$")
# and "for" after a present perfect of calling or booking: "has called further strikes for the week before
# Christmas", "has been declared for Friday" (not "has announced results for the quarter", a period reported)
_BOOKED = r"called|booked|arranged|organi[sz]ed|tabled|fixed|pencilled|penciled|reserved"
_PERFECT_FOR = re.compile(rf"\b(?:has|have)\s+(?:(?:{_BOOKED})\s+(?:[a-z0-9'’-]+\s+){{0,5}}"
                          rf"|been\s+(?:{_BOOKED}|declared|set|announced|scheduled|planned)\s+)for\s+$")
_RANGE_ON = re.compile(r"\s*(?:to|until|till|through|and|-|–)\b")  # "from Monday to Wednesday": a range
_PUT_OFF_LAST = ("to ", "until ", "till ", "for ", "into ", "the ", "in ")  # how such a phrase ends: a cheap test first
_PUT_OFF = frozenset("""adjourned suspended halted closed shut paused recessed froze frozen banned barred
blocked kept left""".split())
# before a participle, these make it no past tense: "was halted until", "will remain cancelled until"
_PASSIVE_AUXILIARY = frozenset("was were is are be been being remain remains stay stays become becomes".split())
_COURT_ORDER_BEFORE = re.compile(r"\b(?:bail|bailed|remanded|custody)\b[^,;.]{0,30}$")
_UNTIL_BEFORE = re.compile(r"(?:(?:(?:until|till)(?:\s+after|\s+at\s+least)?|as early as|as soon as|no later than|in time for|ahead of|"
                           r"(?:starting|beginning)(?:\s+(?:on|from))?)\s+(?:the\s+)?|by\s+)$")
# words read in the rest of the sentence: "On Friday, when Albright set aside vacation plans for the hastily
# planned trip to East Africa, the State Department lifted ..." reaches its verb 18 words on
_SENTENCE_LIMIT = 24
_DRAWS_NEAR = frozenset("approaching approaches nearing nears looming looms".split())
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# the possessive's own noun, then a present that looks ahead: "Friday's jobs report is expected to", "Sunday's
# vote will decide" (not "Wednesday's ruling was expected to", a known event)
_POSSESSIVE_AHEAD = re.compile(r"['’]s\s+(?:[a-z-]+\s+){1,3}?(?:(?:is|are)\s+(expected|due|set|scheduled|likely)\b"
                               r"|(will|'ll)\b)")
# what is waited for or got ready for is still to come: "waiting for Friday's jobs report" ("ahead of" is
# read before this, as a deadline: _UNTIL_BEFORE)
_AWAITED_BEFORE = re.compile(r"\b(?:awaiting|await|awaited|waiting for|wait for|run-up to|preparing for|"
                             r"prepare for|braced for|bracing for|looking ahead to|look ahead to)\s+$")


def _scan(low: str, a: int, b: int, backwards: bool, limit: int = 14, modals: bool = True,
          own_phrase: bool = False, weak: str | None = None,
          after_mention: bool = False) -> tuple[str | None, str | None, str | None]:
    """(tense, cue word, a WEAK_FUTURE word passed over) for the words of [a, b), nearest first. Once a
    WEAK_FUTURE word is passed (``weak``), a reporting verb ("said") is passed over too: it tells of the
    telling, and the weak word is all the sentence says of the event."""
    # words are read only as far as the limit can reach (no word is 16 characters on average)
    reach = 16 * limit
    words = _WORD.findall(low, max(a, b - reach), b) if backwards else _WORD.findall(low, a, min(b, a + reach))
    order = range(len(words) - 1, max(-1, len(words) - 1 - limit), -1) if backwards \
        else range(min(len(words), limit))
    for i in order:
        if not modals and words[i] in _MODALS:
            continue
        t = classify(words, i, own_phrase, after_mention and i == 0 and low[a:a + 1] == " ")
        if t == WEAK_FUTURE:
            weak = weak or words[i]
        elif t == "past" and weak and (words[i] in WEAK_PAST or words[i] in _DATES_ANOTHER):
            continue
        elif t:
            return t, words[i], weak
    return None, None, weak


def _past_perfect_before(low: str, s0: int, start: int) -> bool:
    """Whether the clause before the mention is in the past perfect ("members had filed reports by ..."),
    with no look ahead after its "had" ("had said they would leave by ...")."""
    words = _WORD.findall(low, max(s0, start - 120), start)
    if "had" not in words:
        return False
    last_had = len(words) - 1 - words[::-1].index("had")
    return not any(w in FUTURE_WORDS or w in _MODALS or w == "to" for w in words[last_had + 1:])


def _past_passive_before(low: str, s0: int, at: int) -> str | None:
    """The participle of a past passive in the clause before ``at`` ("was restored to most homes"), with no
    look ahead after it ("was expected to be restored"), or None."""
    c0 = max(s0, low.rfind(",", s0, at) + 1)
    words = _WORD.findall(low, max(c0, at - 80), at)
    for k in range(len(words) - 2, -1, -1):
        if words[k] in ("was", "were") and is_past_form(words[k + 1]) and words[k + 1] not in PLANNED \
                and not any(w in FUTURE_WORDS or w in _MODALS for w in words[k + 1:]) \
                and not _infinitive_after(words, k + 2):
            return words[k + 1]
    return None


_TO_A_PLACE = _DETERMINERS | frozenset("most all some many much half".split())  # "restored to most homes"


def _infinitive_after(words: list[str], i: int) -> bool:
    """Whether a "to" that looks like an infinitive's comes at or after ``i`` ("was designed to open by")."""
    return any(words[j] == "to" and (j + 1 == len(words) or words[j + 1] not in _TO_A_PLACE)
               for j in range(i, len(words)))


def _passive_before(low: str, s0: int, at: int) -> bool:
    words = _WORD.findall(low, max(s0, at - 40), at)[-3:]
    return any(w in ("was", "were", "been", "being") and any(is_past_form(v) for v in words[k + 1:])
               for k, w in enumerate(words))


def cue(low: str, sentence: tuple[int, int], start: int, end: int) -> tuple[str | None, str | None]:
    """(tense, cue word) for the mention at [start, end) of lower-cased text within ``sentence``.

    "since November" is past whatever the verb; otherwise the mention's own clause is searched first
    (left, then right), then the rest of the sentence (left, then right).
    """
    s0, s1 = sentence
    s0, s1 = min(s0, start), max(s1, end)
    before = low[max(s0, start - 16):start]
    if _SINCE_BEFORE.search(before):
        return "past", "since"
    put_off = _PUT_OFF_TO.search(low, max(s0, start - 40), start) if before.endswith(_PUT_OFF_LAST) else None
    if put_off:
        return "future", put_off[1]  # "has been moved to the new year", "was pushed back to Sunday"
    if before.endswith(("is ", "are ", "remains ", "looms ", "on ", "at ", "by ")) \
            and low.find("deadline", max(s0, start - 70), start) >= 0 \
            and _DEADLINE_IS_BEFORE.search(low, max(s0, start - 70), start):
        return "future", "deadline"
    if before.endswith(("on ", "of ", "at ")) and _AHEAD_OF_DEADLINE.search(low, max(s0, start - 60), start):
        return "future", "ahead"
    if before.endswith("from ") and not _RANGE_ON.match(low, end) \
            and _PERFECT_FROM.search(low, max(s0, start - 70), start):
        return "future", "from"  # "the union has called a strike from Monday": what was announced starts then
    if before.endswith("for ") and _PERFECT_FOR.search(low, max(s0, start - 70), start):
        return "future", "for"
    until = _UNTIL_BEFORE.search(before)
    if until and until.group().startswith("by") and _passive_before(low, s0, start - len(before) + until.start()):
        until = None  # "shares were depressed by overnight losses": the agent of a passive, not a deadline
    if until:
        word_start = start - len(before) + until.start()
        if until.group().startswith(("until", "till")) \
                and _COURT_ORDER_BEFORE.search(low, max(s0, word_start - 50), word_start):
            # "had been released on bail until April" is a reported "has been bailed until April": a court's
            # order runs to a day still to come, whatever tense reports it
            return "future", "until"
        # "until Thursday, they had not ...", "had filed reports by Wednesday": a past perfect next to it
        # looks back from that day
        if "had" in _WORD.findall(low, end, min(s1, end + 40)) or _past_perfect_before(low, s0, start):
            return "past", "had"
        if until.group().startswith("by"):
            done = _past_passive_before(low, s0, start - len(before) + until.start())
            if done:
                return "past", done  # "power was restored to most homes by Sunday evening": done by then
        nxt = _WORD.findall(low, end, min(s1, end + 24))[:1] if low[end:end + 1] == " " else []
        if nxt and low.startswith(nxt[0], end + 1) and until.group().startswith("by") and (nxt[0] in ("was", "were") or (
                is_past_form(nxt[0]) and nxt[0] not in WEAK_PAST)):
            return "past", nxt[0]  # "and by the month's end were up 9%": the verb right after it is past
        if not _WORD.search(low, s0, word_start):
            # opening the sentence, "By Tuesday afternoon," looks as far as the clause it leads into:
            # "..., aid convoys were moving again" is a Tuesday just past
            t, w, _ = _scan(low, end, s1, False, limit=_SENTENCE_LIMIT)
            if t == "past" and w:
                return t, w
        # "the ceasefire lasted until the weekend": what lasted is over; but a passive ("was halted until
        # Monday") or a verb of putting off ("adjourned until") sets a state that runs into what comes
        words = _WORD.findall(low, max(s0, word_start - 40), word_start)[-2:]
        verb = words[-1] if words else ""
        if is_past_form(verb) and verb not in WEAK_PAST and verb not in _AUXILIARY \
                and verb not in _PUT_OFF and not (len(words) == 2 and words[0] in _PASSIVE_AUXILIARY):
            return "past", verb
        return "future", before.split()[-1]
    if low[end:end + 1] == " ":
        noun = _WORD.match(low, end + 1)
        if noun and noun[0] in UNPLANNED_EVENTS:
            return "past", noun[0]
        if noun and noun[0] in _DRAWS_NEAR:
            return "future", noun[0]  # "With Diwali approaching, shops were busy": the day is still ahead
    of = _EVENT_OF_BEFORE.search(low, max(s0, start - 30), start) if before.endswith("of ") else None
    if of and of[1] in UNPLANNED_EVENTS:
        return "past", of[1]
    if _POSSESSIVE_AFTER.match(low, end):
        if _AWAITED_BEFORE.search(low, max(s0, start - 30), start):
            return "future", "awaited"  # "investors are waiting for Friday's jobs report"
        ahead = _POSSESSIVE_AHEAD.match(low, end)
        if ahead:
            return "future", ahead[1] or ahead[2]  # "Friday's jobs report is expected to show": its own verb looks ahead
        return None, None  # "Wednesday's ruling" names a known event: the verbs around are about others
    c0 = max(s0, low.rfind(",", s0, start) + 1, low.rfind(";", s0, start) + 1, low.rfind(":", s0, start) + 1,
             low.rfind("—", s0, start) + 1, low.rfind("–", s0, start) + 1, low.rfind("(", s0, start) + 1,
             low.rfind(")", s0, start) + 1)
    mark = _CLAUSE_MARK.search(low, end, s1)
    c1 = mark.start() if mark else s1
    # a modal speaks for its own clause only ("must be returned ... and set Friday as the deadline")
    weak = None
    for a, b, back, modals in ((c0, start, True, True), (end, c1, False, True), (s0, c0, True, False),
                               (c1, s1, False, False)):
        if a < b:
            t, w, passed = _scan(low, a, b, back, limit=14 if modals else _SENTENCE_LIMIT, modals=modals,
                                 own_phrase=a == c0 and b == start, weak=weak, after_mention=a == end)
            weak = weak or passed
            if t:
                return t, w
    if weak:
        return "future", weak
    if _headline_infinitive(low, start, end):
        return "future", "to"
    return None, None


# a headline's "X to do Y" tells what is to come: "Rail fares to rise 4.6% in March"
_HEADLINE_TO = re.compile(r"\b[a-z]+ to (?!(?:the|a|an|his|her|their|its|our|be)\b)[a-z]+\b")
_HEADLINE_MAX = 120  # characters: a longer line is running text


def _headline_infinitive(low: str, start: int, end: int) -> bool:
    """Whether the mention is in a headline (a line of its own, with no full stop) that says "X to do"."""
    a = low.rfind("\n", 0, start) + 1
    b = low.find("\n", end)
    b = len(low) if b < 0 else b
    line = low[a:b].rstrip()
    return len(line) < _HEADLINE_MAX and not line.endswith((".", "!", "?", '"', "”", "’", ":")) \
        and ". " not in line and _HEADLINE_TO.search(low, a, start) is not None


# a habit: "the flu season usually peaks in February" names the month of every year
_HABIT = re.compile(r"\b(usually|typically|normally|traditionally|generally|customarily|routinely|tends? to)\b")
_HABIT_REACH = 80  # characters before a mention searched for the habit word


def habit(low: str, s0: int, start: int) -> str | None:
    """The word telling a habit in the clause before the mention at ``start`` (``s0``: its sentence's start)."""
    a = max(s0, start - _HABIT_REACH)
    a = max(a, low.rfind(",", a, start) + 1, low.rfind(";", a, start) + 1, low.rfind(" but ", a, start) + 1)
    m = _HABIT.search(low, a, start)
    return m[1] if m else None

