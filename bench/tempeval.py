"""Accuracy on TimeML-annotated corpora, scored the way the TempEval-3 scorer scores TIMEX3.

    python bench/tempeval.py PATH [PATH ...] [--system ours|dateparser|both] [--errors FILE]

PATH is a folder (searched recursively) of TempEval-3 ``.tml`` files, MEANTIME ``.xml`` files or WikiWars
``keyinline/*.key.xml`` files (TIMEX2, read in the narrative domain; see read_wikiwars). Each
document's text is tagged with its gold DCT; spans are compared by exact match (strict) and by overlap
(relaxed); a type or value counts when the spans overlap and the attribute is equal (TempEval-3's
attribute F1). ``--errors`` writes every disagreement to a TSV for study (bench/NOTES.md).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.temporal import tag  # noqa: E402
from pipeline.temporal.ruleset import load  # noqa: E402


@dataclass
class Span:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Doc:
    name: str
    text: str
    dct: date
    gold: list[Span]
    domain: str = "news"


MEANTIME_ANNOTATED_SENTENCES = 5
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "%", "n't", "''"}
_NO_SPACE_AFTER = {"(", "$", "``", "US$", "#"}
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> Doc | None:
    raw = path.read_text(encoding="utf-8")
    m = re.search(r"<DCT>.*?value=\"([^\"]+)\".*?</DCT>", raw, re.S)
    t = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not m or not t:
        return None
    dct = date.fromisoformat(m[1][:10])
    body = t[1]
    out: list[str] = []
    pos = 0
    length = 0
    gold: list[Span] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for tm in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tm.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tm.end()
        if tm[2] != "TIMEX3":
            continue
        if tm[1] == "":
            open_timex = (length, dict(_ATTR.findall(tm[3])))
        elif open_timex:
            s, attrs = open_timex
            gold.append(Span(s, length, attrs.get("type", ""), attrs.get("value", ""), ""))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
    return Doc(path.name, text, dct, gold)


def read_meantime(path: Path) -> Doc | None:
    raw = path.read_text(encoding="utf-8")
    tokens = re.findall(r'<token number="\d+" sentence="(\d+)" t_id="(\d+)">(.*?)</token>', raw)
    if not tokens:
        return None
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    prev_sent = None
    prev_tok = ""
    for sent, tid, tok in tokens:
        if int(sent) > MEANTIME_ANNOTATED_SENTENCES:
            break  # MEANTIME annotates the title, the date line and the first four sentences only
        tok = html.unescape(tok)
        # detokenise as a newspaper prints it ("March 01, 2008", not "March 01 , 2008")
        glued = tok in _NO_SPACE_BEFORE or (tok.startswith("'") and tok[1:2].isalpha()) or prev_tok in _NO_SPACE_AFTER
        sep = "" if prev_sent is None else ("\n" if sent != prev_sent else ("" if glued else " "))
        prev_tok = tok
        parts.append(sep)
        length += len(sep)
        offsets[tid] = (length, length + len(tok))
        parts.append(tok)
        length += len(tok)
        prev_sent = sent
    text = "".join(parts)
    dct = None
    gold: list[Span] = []
    for attrs, inner in re.findall(r"<TIMEX3 ([^>]*?)>(.*?)</TIMEX3>", raw, re.S):
        a = dict(_ATTR.findall(attrs))
        ids = [i for i in re.findall(r'<token_anchor t_id="(\d+)"/>', inner) if i in offsets]
        if a.get("functionInDocument") == "CREATION_TIME" and a.get("value"):
            v = a["value"]
            m = re.match(r"^(\d\d)-(\d\d)-(\d{4})$", v)  # a few documents write DD-MM-YYYY
            dct = date(int(m[3]), int(m[2]), int(m[1])) if m else date.fromisoformat(v[:10])
        if not ids:
            continue
        s = min(offsets[i][0] for i in ids)
        e = max(offsets[i][1] for i in ids)
        gold.append(Span(s, e, a.get("type", ""), a.get("value", ""), text[s:e]))
    if dct is None:
        return None
    gold.sort(key=lambda g: g.start)
    return Doc(path.name, text, dct, gold)


_TIMEX2 = re.compile(r"<(/?)TIMEX2([^>]*)>")


def _timex2_type(attrs: dict[str, str]) -> str:
    value = attrs.get("val", "")
    if attrs.get("set") == "YES":
        return "SET"
    if value.startswith("P"):
        return "DURATION"
    return "TIME" if re.match(r"[\dX]{4}-[\dX-]*T", value) else "DATE"


def read_wikiwars(path: Path) -> Doc | None:
    """A WikiWars ``keyinline/*.key.xml`` document: Wikipedia history, TIMEX2 values inline. It has no
    publication date, only the retrieval time in <DATETIME>, which both systems are given as the anchor;
    ours reads it in the narrative domain (relative expressions count from the last date in the text)."""
    raw = path.read_text(encoding="utf-8")
    when = re.search(r"<DATETIME>\s*<TIMEX2 val=\"(\d{4}-\d\d-\d\d)", raw)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not when or not body:
        return None
    out: list[str] = []
    gold: list[Span] = []
    stack: list[tuple[int, dict[str, str]]] = []
    pos = length = 0
    for tm in _TIMEX2.finditer(body[1]):
        chunk = html.unescape(body[1][pos:tm.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tm.end()
        if not tm[1]:
            stack.append((length, dict(_ATTR.findall(tm[2]))))
        elif stack:
            start, attrs = stack.pop()
            gold.append(Span(start, length, _timex2_type(attrs), attrs.get("val", ""), ""))
    out.append(html.unescape(body[1][pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
    gold.sort(key=lambda g: (g.start, -g.end))
    return Doc(path.name, text, date.fromisoformat(when[1]), gold, "narrative")


def read_corpus(paths: list[Path]) -> list[Doc]:
    docs: list[Doc] = []
    for p in paths:
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            doc = None
            if f.suffix == ".tml":
                doc = read_tml(f)
            elif f.name.endswith(".key.xml") and f.parent.name == "keyinline":
                doc = read_wikiwars(f)
            elif f.suffix == ".xml" and "token" in f.read_text(encoding="utf-8", errors="replace")[:2000]:
                doc = read_meantime(f)
            if doc:
                docs.append(doc)
    return docs


def ours(doc: Doc) -> list[Span]:
    return [Span(m.start, m.end, m.type, m.value or "", m.text) for m in tag(doc.text, doc.dct, domain=doc.domain)]


def dateparser_system():
    from dateparser.search import search_dates

    def run(doc: Doc) -> list[Span]:
        base = datetime(doc.dct.year, doc.dct.month, doc.dct.day)
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        spans, pos = [], 0
        for s, d in found:  # search_dates gives no offsets: find each string after the previous one
            i = doc.text.find(s, pos)
            if i < 0:
                i = doc.text.find(s)
            if i < 0:
                continue
            spans.append(Span(i, i + len(s), "DATE", d.date().isoformat(), s))
            pos = i + len(s)
        return spans

    return run


@dataclass
class Score:
    n_gold: int = 0
    n_sys: int = 0
    strict_sys: int = 0
    strict_gold: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    type_ok: int = 0
    value_ok: int = 0

    @staticmethod
    def prf(tp_sys: int, n_sys: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
        p = tp_sys / n_sys if n_sys else 0.0
        r = tp_gold / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


# Notation differences between a gold value and ours where both name the same time (bench/NOTES.md):
# TimeBank often leaves a known part unspecified ("1998-WXX" for the week we compute as "1998-W33"),
# writes the day of "Friday morning" without its part, drops the zone of "5 p.m. EST" and writes weeks
# without ISO's leading zero ("2000-W7").
_PART = re.compile(r"T(?:MO|AF|EV|NI)$")
_ZONE = re.compile(r"(?:Z|[-+]\d\d(?::?\d\d)?)$")


def notation_only(gold: str, ours: str) -> str | None:
    """Why ``ours`` differs from ``gold`` in notation only, or None when the two name different times."""
    if not gold or not ours:
        return None
    known = gold.split("X")[0].rstrip("-W")  # "1998-WXX" -> "1998", "1998-10-XX" -> "1998-10"
    if "X" in gold and known and not gold.startswith("P") and "X" not in ours and ours.startswith(known):
        return "ours specifies what gold leaves open"
    if _PART.search(ours) and _PART.sub("", ours) == gold:
        return "ours keeps the part of day"
    if _ZONE.search(ours) and _ZONE.sub("", ours).startswith(gold) and len(gold) >= 13:
        return "ours keeps the time zone"
    m = re.fullmatch(r"(\d{4})-W(\d)", gold)
    if m and ours == f"{m[1]}-W0{m[2]}":
        return "gold week without leading zero"
    return None


def score(docs: list[Doc], system, errors: list[str] | None = None,
          notation: Counter[str] | None = None) -> tuple[Score, float]:
    sc = Score()
    t0 = time.perf_counter()
    outputs = [system(d) for d in docs]
    elapsed = time.perf_counter() - t0
    for doc, sys_spans in zip(docs, outputs, strict=True):
        gold = doc.gold
        sc.n_gold += len(gold)
        sc.n_sys += len(sys_spans)
        exact = {(g.start, g.end) for g in gold}
        sc.strict_sys += sum((s.start, s.end) in exact for s in sys_spans)
        sc.strict_gold += sum((g.start, g.end) in {(s.start, s.end) for s in sys_spans} for g in gold)
        used: set[int] = set()
        for g in gold:
            match = next((i for i, s in enumerate(sys_spans)
                          if i not in used and s.start < g.end and g.start < s.end), None)
            if match is None:
                if errors is not None:
                    errors.append(f"{doc.name}\t{doc.dct}\tMISSED\t{g.text}\t{g.type}\t{g.value}\t\t\t"
                                  f"{_context(doc.text, g.start, g.end)}")
                continue
            used.add(match)
            s = sys_spans[match]
            sc.relaxed_gold += 1
            sc.type_ok += s.type == g.type
            sc.value_ok += s.value == g.value
            if notation is not None and s.value != g.value:
                why = notation_only(g.value, s.value)
                if why:
                    notation[why] += 1
            if errors is not None and s.value != g.value:
                errors.append(f"{doc.name}\t{doc.dct}\tVALUE\t{g.text}\t{g.type}\t{g.value}\t{s.text}\t{s.value}\t"
                              f"{_context(doc.text, g.start, g.end)}")
        sc.relaxed_sys += len(used)
        if errors is not None:
            for i, s in enumerate(sys_spans):
                if i not in used and not any(s.start < g.end and g.start < s.end for g in gold):
                    errors.append(f"{doc.name}\t{doc.dct}\tSPURIOUS\t\t\t\t{s.text}\t{s.value}\t"
                                  f"{_context(doc.text, s.start, s.end)}")
    return sc, elapsed


def _context(text: str, s: int, e: int) -> str:
    return (text[max(0, s - 60):s] + "[" + text[s:e] + "]" + text[e:e + 40]).replace("\n", " ").replace("\t", " ")


def report(name: str, sc: Score, elapsed: float, n_docs: int) -> str:
    sp, sr, sf = Score.prf(sc.strict_sys, sc.n_sys, sc.strict_gold, sc.n_gold)
    rp, rr, rf = Score.prf(sc.relaxed_sys, sc.n_sys, sc.relaxed_gold, sc.n_gold)
    _, _, tf = Score.prf(sc.type_ok, sc.n_sys, sc.type_ok, sc.n_gold)
    vp, vr, vf = Score.prf(sc.value_ok, sc.n_sys, sc.value_ok, sc.n_gold)
    return (f"| {name} | {sp:.2f} / {sr:.2f} / **{sf:.2f}** | {rp:.2f} / {rr:.2f} / **{rf:.2f}** | {tf:.2f} "
            f"| {vp:.2f} / {vr:.2f} / **{vf:.2f}** | {elapsed:.2f} s ({1000 * elapsed / max(n_docs, 1):.1f} ms/doc) |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--system", choices=["ours", "dateparser", "both"], default="ours")
    ap.add_argument("--errors", type=Path, help="write our disagreements with gold to this TSV")
    ap.add_argument("--notation", action="store_true",
                    help="also count value disagreements that are notation only, and the value F1 without them")
    args = ap.parse_args(argv)
    docs = read_corpus(args.paths)
    if not docs:
        print("no TimeML, MEANTIME or WikiWars documents found", file=sys.stderr)
        return 2
    n_gold = sum(len(d.gold) for d in docs)
    print(f"{len(docs)} documents, {n_gold} gold TIMEX3 in {', '.join(str(p) for p in args.paths)}\n")
    print("| system | strict P / R / F1 | relaxed P / R / F1 | type F1 | value P / R / F1 | time |")
    print("|---|---|---|---|---|---|")
    errors: list[str] | None = [] if args.errors else None
    if args.system in ("ours", "both"):
        load().warm()  # load and compile the rules outside the timing
        notation: Counter[str] = Counter()
        sc, el = score(docs, ours, errors, notation)
        print(report("timeline", sc, el, len(docs)))
        if args.notation:
            same = sum(notation.values())
            vp, vr, vf = Score.prf(sc.value_ok + same, sc.n_sys, sc.value_ok + same, sc.n_gold)
            print(f"\nValue disagreements that are notation only ({same}): "
                  + ", ".join(f"{k} {v}" for k, v in notation.most_common()))
            print(f"Value P / R / F1 counting them as equal: {vp:.2f} / {vr:.2f} / {vf:.2f}")
    if args.system in ("dateparser", "both"):
        sc, el = score(docs, dateparser_system())
        print(report("dateparser.search_dates", sc, el, len(docs)))
    if args.errors and errors is not None:
        args.errors.parent.mkdir(parents=True, exist_ok=True)
        args.errors.write_text("doc\tdct\tkind\tgold_text\tgold_type\tgold_value\tsys_text\tsys_value\tcontext\n"
                               + "\n".join(errors) + "\n", encoding="utf-8")
        print(f"\n{len(errors)} disagreements written to {args.errors}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
