"""How much regex work recognition does, in counts that do not move with the machine.

    python bench/attempts.py PATH [PATH ...]

PATH as for bench/speed.py (folders of .txt articles with a manifest, or TimeML .tml files). Prints, for
one pass over the texts: the words read and how many passed the trigger shape filter (and were looked up),
the rule alternations tried and the rules they hold (each a regex attempt at that spot), and the keys
(starting word, or word and what follows it) that cost the most rule attempts; then the seconds it took
to build the rule set.

The recogniser's own source is loaded as a plain module (compiled modules cannot be patched), with its
``narrowed`` wrapped to count what it hands back; what it recognises is unchanged.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.speed import load  # noqa: E402
from pipeline.temporal import lookup  # noqa: E402
from pipeline.temporal import ruleset as ruleset_module  # noqa: E402

_WORD = re.compile(rb"[a-z]+")


def _plain_recognizer() -> Any:
    path = Path(__file__).resolve().parents[1] / "pipeline" / "temporal" / "recognize.py"
    spec = importlib.util.spec_from_file_location("recognize_counted", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--top", type=int, default=12, help="keys to list")
    args = ap.parse_args(argv)
    docs = load(args.paths)

    t0 = time.perf_counter()
    rs = ruleset_module.load.__wrapped__()  # built afresh, not the cached one
    build = time.perf_counter() - t0

    rec = _plain_recognizer()
    calls: Counter[str] = Counter()
    attempts: Counter[str] = Counter()
    sizes: dict[int, int] = {}

    def counted(rs: Any, key: str, low: str, s: int, raw: bytes | None = None) -> Any:
        pat = lookup.narrowed(rs, key, low, s, raw)
        if pat is not None:
            name = key
            if key in rs.by_second:
                name = key + " → " + lookup.token_pair(low, s, raw)[1]
            if id(pat) not in sizes:
                sizes[id(pat)] = sum(1 for g in pat.groupindex if re.fullmatch(r"r\d+", g))
            calls[name] += 1
            attempts[name] += sizes[id(pat)]
        return pat

    rec.narrowed = counted
    words = passed = 0
    width = lookup.SHAPE_LENGTHS
    for text, _anchor in docs:
        low = rec.lower_keep_offsets(text)
        rec.recognise(text, rs, low)
        for m in _WORD.finditer(rec._ascii(low)):
            w = m.group()
            words += 1
            passed += len(w) < width and bool(rs.trigger_shapes[((w[0] - 97) * 26 + w[-1] - 97) * width + len(w)])

    print(f"{len(docs)} texts; one pass")
    print(f"words read: {words:,}; of a trigger's shape, so looked up: {passed:,} ({passed / max(words, 1):.1%})")
    print(f"alternations tried: {sum(calls.values()):,}; rule attempts: {sum(attempts.values()):,}")
    print("\n| key | alternations | rule attempts |\n|---|---|---|")
    for name, n in attempts.most_common(args.top):
        print(f"| {name} | {calls[name]:,} | {n:,} |")
    print(f"\nrule set built in {build:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
