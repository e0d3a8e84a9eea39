"""Load the rule files (rules/<lang>/*.yaml) and compile them into one matcher.

Each rule's pattern names vocabularies as ``{month}`` or ``{month:alias}``; they expand to named groups whose
text is later normalised through the vocabulary's map. All rules become one alternation, tried in file
order: at a given position the first rule that matches wins, so files and rules list longer forms first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

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
    groups: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # local -> (global, vocab)


@dataclass
class RuleSet:
    lang: str
    vocab: dict[str, Vocabulary]
    rules: list[Rule]
    master: re.Pattern[str]
    by_group: dict[str, Rule]
    triggers: frozenset[str]
    starters: frozenset[str]

    def normalise(self, rule: Rule, local: str, raw: str | None) -> Any:
        """The value of one matched group: through the rule's own map, its vocabulary, or as a number."""
        if raw is None:
            return None
        key = " ".join(raw.split()).replace("’", "'")
        if local in rule.maps:
            table = rule.maps[local]
        else:
            vocab = rule.groups[local][1]
            table = self.vocab[vocab].map if vocab else None
        if table is not None:
            for k in (key, key.replace("-", " "), key.rstrip(".")):
                if k in table:
                    return table[k]
            return None
        return int(key) if key.isdigit() else key


def _space_to_ws(pattern: str) -> str:
    """A literal space in a rule means any run of white space; spaces inside [...] stay as they are."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
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
        out.append(r"\s+" if ch == " " and not in_class else ch)
    return "".join(out)


def _alternation(words: list[str]) -> str:
    alts = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alts)


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
        re.compile(body)
    except re.error as e:
        raise ValueError(f"rule {rule.id} ({rule.source}): {e}") from e
    return f"(?P<{prefix}>{body})(?![a-z0-9])"


def _literal_words(pattern: str) -> set[str]:
    without = _PLACEHOLDER.sub(" ", _NAMED.sub("(", pattern))
    without = re.sub(r"\\[a-zA-Z]", " ", without)
    return set(_LITERAL_WORD.findall(without))


@lru_cache(maxsize=4)
def load(lang: str = "en") -> RuleSet:
    folder = RULES_DIR / lang
    raw_vocab = yaml.safe_load((folder / "patterns.yaml").read_text(encoding="utf-8"))
    trigger_words = set(raw_vocab.pop("trigger_words", []))
    vocab = {
        name: Vocabulary(name, {str(k): v for k, v in spec["map"].items()}, spec.get("triggers", False),
                         spec.get("capitalised", False))
        for name, spec in raw_vocab.items()
    }
    rules: list[Rule] = []
    for path in sorted(folder.glob("[0-9]*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for spec in doc["rules"]:
            rules.append(Rule(
                id=spec["id"], source=path.name, index=len(rules), pattern=spec["pattern"],
                type=spec.get("type", "DATE"), negative=spec.get("negative", False),
                value=spec.get("value", {}),
                maps={k: {str(a): b for a, b in v.items()} for k, v in spec.get("map", {}).items()},
                examples=spec.get("examples", []), part_from=spec.get("part_from"),
            ))
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate rule ids: " + ", ".join(sorted({i for i in ids if ids.count(i) > 1})))
    master = re.compile("|".join(_compile_rule(r, vocab) for r in rules))

    triggers = set(trigger_words)
    starters: set[str] = set(trigger_words)
    for v in vocab.values():
        for word in v.map:
            first = re.split(r"[\s-]", word)[0]
            starters.add(first)
            if v.triggers:
                triggers.update(_LITERAL_WORD.findall(word))
    for r in rules:
        starters |= _literal_words(r.pattern)
    return RuleSet(lang, vocab, rules, master, {f"r{r.index}": r for r in rules}, frozenset(triggers),
                   frozenset(starters))
