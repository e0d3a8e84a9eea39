"""Load the rule files (rules/<lang>/*.yaml) and compile them into one matcher.

Each rule's pattern names vocabularies as ``{month}`` or ``{month:alias}``; they expand to named groups whose
text is later normalised through the vocabulary's map. All rules become one alternation, tried in file
order: at a given position the first rule that matches wins, so files and rules list longer forms first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.temporal.lookup import GLUED, NON_WORD, SHAPE_LENGTHS, WILDCARD

RULES_DIR = Path(__file__).parent / "rules"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([a-z_0-9]+))?\}")
_NAMED = re.compile(r"\(\?P<([a-z_0-9]+)>")
_LITERAL_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Vocabulary:
    name: str
    map: dict[str, Any]
    triggers: bool = False
    capitalised: bool = False
    small: bool = False  # no capital after the word's first letter ("tmr", not the company "TMR")


@dataclass
class Rule:
    id: str
    source: str
    index: int
    pattern: str
    type: str
    negative: bool
    value: dict[str, Any]
    maps: dict[str, dict[str, Any]]
    examples: list[dict[str, Any]]
    part_from: str | None = None
    range: dict[str, Any] | None = None  # {split: group, value: {...}}: the match is two expressions
    person_guard: bool = False  # a month next to a capitalised name is part of it ("Theresa May")
    groups: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # local -> (global, vocab)
    # groups whose word's case is prescribed: (group, True) with a capital ("March"), (group, False) with
    # no capital after its first letter ("tmr")
    case_groups: tuple[tuple[str, bool], ...] = ()
    # (count group, unit group): "a" or "an" before a plural unit is no count ("a months-long fight")
    count_groups: tuple[str, str] | None = None
    plans: dict[bool, list[tuple[str, Any]]] = field(default_factory=dict)  # see RuleSet.plan


@dataclass
class RuleSet:
    lang: str
    vocab: dict[str, Vocabulary]
    rules: list[Rule]
    compiled: list[str]  # each rule's pattern as it stands in the alternations, in file order
    by_group: dict[str, Rule]
    triggers: frozenset[str]
    starters: frozenset[str]
    by_first: dict[str, str] = field(default_factory=dict)  # char -> alternation of rules that can start with it
    by_word: dict[str, str] = field(default_factory=dict)  # word -> alternation of rules that can start with it
    # every word any rule or vocabulary can contain: an expression cannot run across any other word
    words: frozenset[str] = frozenset()
    # for words and digits that start many rules ("the", "1"): "first second" token pairs -> the
    # alternation of the rules that can start so (see first_pairs)
    by_second: dict[str, dict[str, str]] = field(default_factory=dict)
    # compiled on first use: all the alternations would cost several seconds up front, and an article
    # needs a few dozen of them
    _first_cache: dict[str, re.Pattern[str]] = field(default_factory=dict)
    _word_cache: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    # per word or digit of by_second: "first second" -> its compiled alternation, filled pair by pair
    _pair_matchers: dict[str, dict[str, re.Pattern[str] | None]] = field(default_factory=dict)
    _by_source: dict[str, re.Pattern[str] | None] = field(default_factory=dict)  # pairs share alternations

    @cached_property
    def master(self) -> re.Pattern[str]:
        """All rules in one alternation: for a first character no rule lists (none in the rules as written)."""
        return re.compile("|".join(self.compiled))

    @cached_property
    def trigger_table(self) -> dict[bytes, str]:
        """Each trigger word as ASCII bytes -> the word: the recogniser reads an article's words as bytes
        and looks them up here, which costs less than a regex trying the words at every space
        (recognize._trigger_positions). A trigger with a mark in it ("mid-week") is left out: the
        recogniser reads letters only, so it could never be found; its last word triggers the rule."""
        return {w.encode(): w for w in self.triggers if w.isascii() and w.isalpha()}

    @cached_property
    def trigger_shapes(self) -> bytes:
        """1 at (first letter, last letter, length) of each trigger word, indexed as
        ((first - "a") * 26 + last - "a") * SHAPE_LENGTHS + length: a word of another shape is no trigger,
        and is not looked up."""
        table = bytearray(26 * 26 * SHAPE_LENGTHS)
        for w in self.trigger_table:
            if len(w) >= SHAPE_LENGTHS:
                raise ValueError(f"trigger word {w.decode()!r} is longer than lookup.SHAPE_LENGTHS allows")
            table[((w[0] - 97) * 26 + w[-1] - 97) * SHAPE_LENGTHS + len(w)] = 1
        return bytes(table)

    @cached_property
    def counts_from_next(self) -> bool:
        """Whether some rule is a count that joins the date after it ("ten days before Oct. 23")."""
        return any(isinstance(r.value, dict) and "count_from_next" in r.value for r in self.rules)

    def warm(self) -> None:
        """Compile every alternation now (benchmarks time the tagging, not this one-time setup)."""
        for ch in self.by_first:
            self.matcher(ch)
        for w in self.by_word:
            self.word_matcher(w)
        for key, sources in self.by_second.items():
            for pair in sources:
                self.pair_matcher(key, pair)

    def matcher(self, first_char: str) -> re.Pattern[str]:
        pat = self._first_cache.get(first_char)
        if pat is None:
            source = self.by_first.get(first_char)
            pat = self._first_cache[first_char] = re.compile(source) if source is not None else self.master
        return pat

    def word_matcher(self, word: str) -> re.Pattern[str] | None:
        """The rules that can start with ``word`` (None: no rule can, so there is nothing to try)."""
        try:
            return self._word_cache[word]
        except KeyError:
            source = self.by_word.get(word)
            pat = self._word_cache[word] = re.compile(source) if source is not None else None
            return pat

    def pair_matcher(self, key: str, pair: str) -> re.Pattern[str] | None:
        """The compiled alternation of by_second[key][pair] (None: no rule can start so), kept in
        _pair_matchers, where lookup.narrowed reads it."""
        source = self.by_second[key][pair]
        if source in self._by_source:
            pat = self._by_source[source]
        else:
            pat = self._by_source[source] = re.compile(source) if source != _NEVER else None
        self._pair_matchers.setdefault(key, {})[pair] = pat
        return pat

    def table(self, rule: Rule, local: str) -> dict[str, Any] | None:
        """The map a rule's group is normalised through: the rule's own, its vocabulary's, or None."""
        if local in rule.maps:
            return rule.maps[local]
        vocab = rule.groups[local][1]
        return self.vocab[vocab].map if vocab else None

    def plan(self, rule: Rule, fields: dict[str, Any]) -> list[tuple[str, Any]]:
        """The value fields with each "$group" replaced by (regex group, normalising table), worked out once."""
        def one(val: Any) -> Any:
            if isinstance(val, list):
                return [one(x) for x in val]
            if isinstance(val, str) and val.startswith("$"):
                return GroupRef(rule.groups[val[1:]][0], self.table(rule, val[1:]))
            return val
        return [(key, one(val)) for key, val in fields.items()]


@dataclass(frozen=True, slots=True)
class GroupRef:
    """A "$group" of a rule's value, resolved: where to read the word and how to normalise it."""

    name: str  # the group's name in the compiled alternation
    table: dict[str, Any] | None


def _space_to_ws(pattern: str) -> str:
    """A literal space in a rule means any run of white space, and an optional space (" ?") none or any;
    spaces inside [...] stay as they are."""
    out, in_class, escaped = [], False, False
    for i, ch in enumerate(pattern):
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        if ch == " " and not in_class:
            # "\s+?" would be a lazy one-or-more, not optional: "6pm" has no space at all
            out.append(r"\s*" if pattern[i + 1:i + 2] == "?" else r"\s+")
        elif ch == "?" and i and pattern[i - 1] == " " and not in_class and not (i > 1 and pattern[i - 2] == "\\"):
            continue  # the "?" of " ?", already read as "\s*"
        else:
            out.append(ch)
    return "".join(out)


def _alternation(words: list[str]) -> str:
    """The words longest first, grouped by their first letter ("s(?:eventy-three|even|ix)|t(?:...)"): the
    engine passes over a group whose letter does not match instead of trying each of its words."""
    def esc(w: str) -> str:
        return re.escape(w).replace(r"\ ", r"\s+")

    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[:1], []).append(w)
    alts = []
    for first, ws in groups.items():
        if len(ws) == 1:
            alts.append(esc(ws[0]))
        else:
            alts.append(esc(first) + "(?:" + "|".join(esc(w[1:]) for w in ws) + ")")
    return "|".join(alts)


def with_fragments(pattern: str, fragments: dict[str, str]) -> str:
    """``pattern`` with each named fragment of patterns.yaml written out ("{mod_prefix}" is the optional
    "the end of" before a quarter, a half or a decade). A fragment may name vocabularies, not fragments:
    one level keeps a pattern readable from the two places it is written."""
    def put(m: re.Match[str]) -> str:
        if m[1] not in fragments:
            return m[0]
        if m[2]:
            raise ValueError(f"fragment {{{m[1]}}} takes no alias")
        return fragments[m[1]]

    return _PLACEHOLDER.sub(put, pattern)


def _compile_rule(rule: Rule, vocab: dict[str, Vocabulary]) -> str:
    prefix = f"r{rule.index}"

    def expand(m: re.Match[str]) -> str:
        name, alias = m[1], m[2] or m[1]
        if name not in vocab:
            raise ValueError(f"rule {rule.id}: unknown vocabulary {{{name}}}")
        rule.groups[alias] = (f"{prefix}_{alias}", name)
        return f"(?P<{prefix}_{alias}>{_alternation(list(vocab[name].map))})"

    body = _PLACEHOLDER.sub(expand, rule.pattern)

    def rename(m: re.Match[str]) -> str:
        local = m[1]
        if local.startswith(prefix + "_"):
            return m[0]
        rule.groups.setdefault(local, (f"{prefix}_{local}", local if local in vocab else None))
        return f"(?P<{prefix}_{local}>"

    body = _NAMED.sub(rename, body)
    body = _space_to_ws(body)
    try:
        re.compile(body)  # each rule alone first, so a broken pattern is named
    except re.error as e:
        raise ValueError(f"rule {rule.id} ({rule.source}): {e}") from e
    # the rule's group is an empty one at the end (Match.lastgroup names it), not one around the body: the
    # regex engine skips a branch of the alternation at its first letter only when a group does not open it
    return f"(?:{body})(?P<{prefix}>)(?![a-z0-9])"


def _first_seq(seq: Any) -> tuple[set[str] | None, bool]:
    """(characters a parsed pattern can start with, or None for any; whether it can match empty)."""
    out: set[str] = set()
    for op, av in seq:
        first, nullable = _first_item(str(op), av)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _class_chars(av: Any) -> set[str] | None:
    """The characters a parsed [...] class reads, or None when it cannot be listed (a negated class)."""
    chars: set[str] = set()
    for o, a in av:
        o = str(o)
        if o == "LITERAL":
            chars.add(chr(a))
        elif o == "RANGE":
            chars |= {chr(c) for c in range(a[0], a[1] + 1)}
        elif o == "CATEGORY" and "DIGIT" in str(a) and "NOT" not in str(a):
            chars |= set("0123456789")
        elif o == "CATEGORY" and "SPACE" in str(a) and "NOT" not in str(a):
            chars |= set(" \t\n\r\f\v")
        else:
            return None
    return chars


def _first_item(op: str, av: Any) -> tuple[set[str] | None, bool]:
    if op == "LITERAL":
        return {chr(av)}, False
    if op == "IN":
        return _class_chars(av), False
    if op == "SUBPATTERN":
        return _first_seq(av[-1])
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        lo, _hi, inner = av
        first, nullable = _first_seq(inner)
        return first, nullable or lo == 0
    if op == "BRANCH":
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            first, n = _first_seq(branch)
            if first is None:
                return None, False
            out |= first
            nullable |= n
        return out, nullable
    if op in ("ASSERT", "ASSERT_NOT", "AT"):
        return set(), True  # zero width: look at what follows
    return None, False


def _parse(regex: str) -> Any:
    from re import _parser  # the standard library's own regex parser

    return _parser.parse(regex)


def first_chars(regex: str, parsed: Any = None) -> set[str] | None:
    """The characters ``regex`` can start with, or None for any (``parsed``: its tree, if read already)."""
    first, _ = _first_seq(parsed if parsed is not None else _parse(regex))
    return first


def _check_value_fields(rule: Rule, fields: dict[str, Any]) -> None:
    for key, val in fields.items():
        for v in val if isinstance(val, list) else [val]:
            if isinstance(v, str) and v.startswith("$") and v[1:] not in rule.groups:
                raise ValueError(f"rule {rule.id}: value field {key} names unknown group {v[1:]}")


class _TooMany(Exception):
    pass


def _expand(seq: Any, open_: set[str]) -> tuple[set[str], set[str]]:
    """Walk a parsed pattern from its start: (first words completed, word prefixes still open)."""
    done: set[str] = set()
    for op, av in seq:
        if not open_:
            break
        op = str(op)
        if op == "LITERAL":
            c = chr(av)
            if c.isalpha():
                open_ = {p + c for p in open_}
            else:
                done |= {p for p in open_ if p}
                open_ = set()
        elif op == "IN":
            if any(str(o) == "RANGE" and chr(a[0]).isalpha() for o, a in av) or \
                    any(str(o) == "LITERAL" and chr(a).isalpha() for o, a in av):
                raise _TooMany  # a letter class: cannot list its words
            done |= {p for p in open_ if p}
            open_ = set()
        elif op == "SUBPATTERN":
            d, open_ = _expand(av[-1], open_)
            done |= d
        elif op == "BRANCH":
            nxt: set[str] = set()
            for branch in av[1]:
                d, o = _expand(branch, open_)
                done |= d
                nxt |= o
            open_ = nxt
        elif op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, _hi, inner = av
            d, o = _expand(inner, open_)
            done |= d
            open_ = (open_ | o) if lo == 0 else o
        elif op in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        else:
            raise _TooMany
        if len(open_) > 20000:
            raise _TooMany
    return done, open_


def first_words(regex: str, parsed: Any = None) -> set[str] | None:
    """The words a pattern can start with ("the", "early", "january"...), or None if it cannot be listed."""
    try:
        done, open_ = _expand(parsed if parsed is not None else _parse(regex), {""})
    except _TooMany:
        return None
    return {w for w in done | open_ if w}


def _char_kinds(op: str, av: Any) -> set[str]:
    """What one pattern element can read, as steps of _expand2: a letter "a", a digit "0", white space
    " ", or "#" and the mark for any other character ("[- ]" reads " " or "#-")."""
    chars = {chr(av)} if op == "LITERAL" else _class_chars(av)
    if chars is None:
        raise _TooMany
    kinds = {"a" if c.isalpha() else "0" if c.isdigit() else " " if c in _SPACE_CLASS else "#" + c for c in chars}
    if "a" in kinds and (op != "LITERAL"):
        raise _TooMany  # a class of letters: its words cannot be listed
    return kinds


def _step(prefixes: set[str], kind: str, letter: str, done: set[str]) -> set[str]:
    """Read one element after each open prefix ("the", "the ", "the fo"; digits read as one "0"); the
    completed "first second" pairs go to ``done``."""
    out: set[str] = set()
    for p in prefixes:
        spaced = " " in p
        if kind == "a":
            out.add(p + letter)
        elif kind == "0" and not spaced:
            out.add(p if p.endswith("0") else p + "0")
        elif kind == " ":
            if not p:
                raise _TooMany
            if not spaced:
                out.add(p + " ")
            elif p.endswith(" "):
                out.add(p)
            else:
                done.add(p)
        elif not spaced:
            # "year-end", "10:30": the first token goes on with a mark, no space; which mark narrows the
            # rules to try at "1990," or "Friday." to those that can go on with it
            done.add(p + " " + GLUED + kind[1:])
        else:
            done.add(p + NON_WORD if p.endswith(" ") else p)
    return out


def _expand2(seq: Any, open_: set[str], done: set[str]) -> set[str]:
    """Walk a parsed pattern from its start as far as its second word: completed "first second" pairs go
    to ``done``; returns the prefixes still open. Raises _TooMany where the words cannot be listed."""
    for op, av in seq:
        if not open_:
            break
        op = str(op)
        if op == "LITERAL" or op == "IN":
            letter = chr(av) if op == "LITERAL" else ""
            open_ = set().union(*(_step(open_, kind, letter, done) for kind in _char_kinds(op, av)))
        elif op == "SUBPATTERN":
            open_ = _expand2(av[-1], open_, done)
        elif op == "BRANCH":
            nxt: set[str] = set()
            for branch in av[1]:
                nxt |= _expand2(branch, set(open_), done)
            open_ = nxt
        elif op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, hi, inner = av
            # once through is enough when a second time reads nothing new (more digits, more space)
            once = _expand2(inner, set(open_), done)
            if hi > 1 and _expand2(inner, set(once), done) - once:
                raise _TooMany
            open_ = (open_ | once) if lo == 0 else once
        elif op in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width: never lets more through
        else:
            raise _TooMany
        if len(open_) > 20000:
            raise _TooMany
    return open_


_SPACE_CLASS = frozenset(" \t\n\r\f\v")
_NEVER = "(?!)"  # no rule can start so


def first_pairs(regex: str, parsed: Any = None) -> set[str] | None:
    """The "first second" token pairs a pattern can start with: "the following", "0 days" (digits read
    as one "0"), "the #" (the second is not a word), "year *" (anything may follow the first), or None if
    they cannot be listed."""
    done: set[str] = set()
    try:
        left = _expand2(parsed if parsed is not None else _parse(regex), {""}, done)
    except _TooMany:
        return None
    for p in left:  # the pattern ends here
        done.add(p + " " + WILDCARD if " " not in p else (p + WILDCARD if p.endswith(" ") else p))
    return done


_SECOND_LEVEL_MIN = 12  # rules a word must start before the word after it is used to narrow them


def _literal_words(pattern: str) -> set[str]:
    without = _PLACEHOLDER.sub(" ", _NAMED.sub("(", pattern))
    without = re.sub(r"\\[a-zA-Z]", " ", without)
    return set(_LITERAL_WORD.findall(without))


# libyaml's parser where PyYAML was built with it (the wheels are): the rule files load in a third of the time
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that refuses a mapping key written twice (plain YAML keeps the last one, silently)."""


def _mapping_without_repeats(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise ValueError(f"key {key!r} written twice (line {key_node.start_mark.line + 1})")
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_repeats)


def read_yaml(text: str, name: str = "<text>") -> Any:
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except ValueError as e:
        raise ValueError(f"{name}: {e}") from None


@lru_cache(maxsize=4)
def load(lang: str = "en") -> RuleSet:
    folder = RULES_DIR / lang
    raw_vocab = read_yaml((folder / "patterns.yaml").read_text(encoding="utf-8"), "patterns.yaml")
    trigger_words = set(raw_vocab.pop("trigger_words", []))
    fragments = {str(k): str(v) for k, v in raw_vocab.pop("fragments", {}).items()}
    vocab = {
        name: Vocabulary(name, {str(k): v for k, v in spec["map"].items()}, spec.get("triggers", False),
                         spec.get("capitalised", False), spec.get("small", False))
        for name, spec in raw_vocab.items()
    }
    clash = sorted(set(fragments) & set(vocab))
    if clash:
        raise ValueError("patterns.yaml: fragments and vocabularies share names: " + ", ".join(clash))
    rules: list[Rule] = []
    for path in sorted(folder.glob("[0-9]*.yaml")):
        doc = read_yaml(path.read_text(encoding="utf-8"), path.name)
        for spec in doc["rules"]:
            rules.append(Rule(
                id=spec["id"], source=path.name, index=len(rules),
                pattern=with_fragments(spec["pattern"], fragments),
                type=spec.get("type", "DATE"), negative=spec.get("negative", False),
                value=spec.get("value", {}),
                maps={k: {str(a): b for a, b in v.items()} for k, v in spec.get("map", {}).items()},
                examples=spec.get("examples", []), part_from=spec.get("part_from"), range=spec.get("range"),
                person_guard=spec.get("person_guard", False),
            ))
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate rule ids: " + ", ".join(sorted({i for i in ids if ids.count(i) > 1})))
    compiled = [_compile_rule(r, vocab) for r in rules]
    for r in rules:
        r.case_groups = tuple((g, vocab[v].capitalised) for g, v in r.groups.values()
                              if v and (vocab[v].capitalised or vocab[v].small))
        num, unit = r.groups.get("num"), r.groups.get("u") or r.groups.get("dur_unit")
        if num and unit:
            r.count_groups = (num[0], unit[0])
        _check_value_fields(r, r.value)
        if r.range:
            _check_value_fields(r, r.range["value"])
    # one alternation per first character, holding only the rules that can start with it (in file order):
    # a match attempt then tries a dozen rules instead of all of them
    parsed = [_parse(c) for c in compiled]  # each rule's tree, read once for the three walks below
    firsts = [first_chars(c, t) for c, t in zip(compiled, parsed, strict=True)]
    # each rule's starting pairs, read once: the tables of many words and digits share the same rules
    pairs = {c: _by_first_token(first_pairs(c, t)) for c, t in zip(compiled, parsed, strict=True)}
    by_first: dict[str, str] = {}
    by_second: dict[str, dict[str, str]] = {}
    for ch in "abcdefghijklmnopqrstuvwxyz0123456789'’$£€#":
        subset = [c for c, f in zip(compiled, firsts, strict=True) if f is None or ch in f]
        if subset:
            by_first[ch] = "|".join(subset)
        table = _pair_table(subset, pairs, "0") if ch.isdigit() and len(subset) >= _SECOND_LEVEL_MIN else None
        if table:
            by_second[ch] = table  # numbers: "10 days", "1990s", "217 lives" lead to different rules

    triggers = set(trigger_words)
    starters: set[str] = set(trigger_words)
    for v in vocab.values():
        for word in v.map:
            first = re.split(r"[\s-]", word)[0]
            starters.add(first)
            if v.triggers:
                # the last word of "independence day" or "good friday" triggers; its first is a starter.
                # Making every word a trigger would wake the recogniser at each "new", "good" and "'s"
                triggers.add(_LITERAL_WORD.findall(word)[-1])
    firsts_words = [first_words(c, t) for c, t in zip(compiled, parsed, strict=True)]
    for r, words in zip(rules, firsts_words, strict=True):
        starters |= words if words is not None else _literal_words(r.pattern)
    # per starting word, the rules that can start with it, still in file order
    by_word: dict[str, str] = {}
    for w in starters | triggers:
        subset = [c for c, ws, f in zip(compiled, firsts_words, firsts, strict=True)
                  if (ws is None and (f is None or w[0] in f)) or (ws is not None and w in ws)]
        if subset:
            by_word[w] = "|".join(subset)
        table = _pair_table(subset, pairs, w) if len(subset) >= _SECOND_LEVEL_MIN else None
        if table:
            by_second[w] = table
    words = set(starters) | triggers
    for r in rules:
        words |= _literal_words(r.pattern)
    for v in vocab.values():
        for key in v.map:
            words.update(_LITERAL_WORD.findall(key))
    return RuleSet(lang, vocab, rules, compiled, {f"r{r.index}": r for r in rules}, frozenset(triggers),
                   frozenset(starters), by_first, by_word, frozenset(words), by_second)


def _by_first_token(pairs: set[str] | None) -> dict[str, list[str]] | None:
    """A rule's first_pairs grouped by their first token ("the": ["the following", "the next"])."""
    if pairs is None:
        return None
    out: dict[str, list[str]] = {}
    for p in sorted(pairs):
        out.setdefault(p.split(" ")[0], []).append(p)
    return out


def _pair_table(subset: list[str], pairs: dict[str, dict[str, list[str]] | None], lead: str
                ) -> dict[str, str] | None:
    """For rules (compiled, in file order) that share a starting word or character: "first second" ->
    the alternation of those that can start so, "first *" -> those that can go on with anything.
    ``pairs`` holds each rule's first_pairs by first token; None when any of them cannot be listed. Only
    pairs whose first token starts with ``lead`` are kept: the recogniser looks a word's table up with that
    word's own token (lookup.token_pair; a number's reads as "0"), so the pairs of the other words those
    rules start with are never asked for."""
    mine = [pairs[c] for c in subset]
    if any(p is None for p in mine):
        return None
    starting: dict[str, list[int]] = {}  # pair -> the rules (positions in subset) that can start so
    for i, by_token in enumerate(mine):
        for token, ps in (by_token or {}).items():
            if token.startswith(lead):
                for p in ps:
                    starting.setdefault(p, []).append(i)
    for key in list(starting):
        starting.setdefault(key.split(" ")[0] + " " + WILDCARD, [])
    joined: dict[tuple[int, ...], str] = {}  # many pairs lead to the same rules: each alternation built once
    table: dict[str, str] = {}
    for key, own in starting.items():
        first = key.split(" ")[0]
        wild = starting.get(f"{first} {WILDCARD}", [])
        chosen = tuple(sorted(set(own) | set(wild))) if own is not wild else tuple(own)
        if chosen not in joined:
            joined[chosen] = "|".join(subset[i] for i in chosen) if chosen else _NEVER
        table[key] = joined[chosen]
    return table
