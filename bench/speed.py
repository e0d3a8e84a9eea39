"""Tagging speed, side by side with dateparser.search_dates on the same texts, in one process (one core).

    python bench/speed.py PATH [PATH ...] [--seconds 5] [--profile N] [--passes N]

PATH: folders of .txt articles (a manifest.csv gives publication dates) and/or TimeML .tml files (their
DCT is used). Prints articles per second for both, the ratio, and the memory our tagger holds after
10x more articles (it should not grow). The two systems are timed chunk by chunk, back to back, so that
the load of a shared machine falls on both alike.
"""

from __future__ import annotations

import argparse
import csv
import gc
import statistics
import sys
import time
import tracemalloc
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.tempeval import read_tml  # noqa: E402
from pipeline.temporal import tag  # noqa: E402
from pipeline.temporal.ruleset import load as load_rules  # noqa: E402


def load(paths: list[Path]) -> list[tuple[str, date]]:
    docs: list[tuple[str, date]] = []
    for p in paths:
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        manifests = {}
        for m in (f for f in files if f.name == "manifest.csv"):
            for row in csv.DictReader(m.open(encoding="utf-8")):
                if row.get("published"):
                    manifests[(m.parent / row["file"]).resolve()] = date.fromisoformat(row["published"][:10])
        for f in files:
            if f.suffix == ".txt":
                docs.append((f.read_text(encoding="utf-8"), manifests.get(f.resolve(), date(2022, 3, 18))))
            elif f.suffix == ".tml":
                d = read_tml(f)
                if d:
                    docs.append((d.text, d.dct))
    return docs


def interleaved(ours, theirs, docs, min_seconds: float, chunk: int = 20) -> tuple[float, float, float, int]:
    """(our articles/s, theirs, the ratio, cycles). Each cycle is one pass over the corpus in chunks of
    ``chunk`` articles, each chunk timed for both systems back to back, so a change in the machine's load
    (this one is shared) falls on both alike. Our time per chunk is the mean of repeats up to 50 ms.
    Rates are from the median cycle; the ratio is the median of the cycles' ratios."""
    chunks = [docs[i:i + chunk] for i in range(0, len(docs), chunk)]
    cycles: list[tuple[float, float]] = []
    spent = 0.0
    while (len(cycles) < 3 or spent < min_seconds) and len(cycles) < 50:
        t_ours = t_theirs = 0.0
        for part in chunks:
            reps, t = 0, 0.0
            while t < 0.05:
                t0 = time.perf_counter()
                for text, dct in part:
                    ours(text, dct)
                t += time.perf_counter() - t0
                reps += 1
            t_ours += t / reps
            t0 = time.perf_counter()
            for text, dct in part:
                theirs(text, dct)
            t_theirs += time.perf_counter() - t0
        cycles.append((t_ours, t_theirs))
        spent += t_theirs
    n = len(docs)
    return (n / statistics.median(c[0] for c in cycles), n / statistics.median(c[1] for c in cycles),
            statistics.median(c[1] / c[0] for c in cycles), len(cycles))


def profile(docs: list[tuple[str, date]], top: int) -> int:
    """Where tagging time goes: cProfile over 100 passes, own time per function (profiling slows it down)."""
    import cProfile
    import pstats

    import pipeline.temporal.recognize as recognize_module

    if not recognize_module.__file__ or not recognize_module.__file__.endswith(".py"):
        print("note: the tagger modules are compiled (setup.py), and cProfile sees only their calls into "
              "Python; install with TIMELINE_PURE_PYTHON=1 to see inside them", file=sys.stderr)
    load_rules().warm()
    for text, dct in docs:
        tag(text, dct)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(100):
        for text, dct in docs:
            tag(text, dct)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--seconds", type=float, default=3.0, help="minimum timed work per system")
    ap.add_argument("--profile", type=int, metavar="N", default=0,
                    help="instead of timing, profile our tagger over 100 passes and print the N costliest functions")
    ap.add_argument("--passes", type=int, metavar="N", default=None,
                    help="instead of timing, tag the corpus once to warm up and then N more times, untimed "
                         "(for an instruction counter: bench/instructions.sh)")
    args = ap.parse_args(argv)
    if args.profile:
        return profile(load(args.paths), args.profile)
    if args.passes is not None:
        docs = load(args.paths)
        load_rules().warm()
        for _ in range(args.passes + 1):
            for text, dct in docs:
                tag(text, dct)
        return 0
    from dateparser.search import search_dates

    for path in args.paths:
        docs = load([path])
        if not docs:
            continue
        chars = sum(len(t) for t, _ in docs) / len(docs)
        load_rules().warm()  # compile the rules outside the timing

        def dp(text: str, dct: date) -> None:
            search_dates(text, languages=["en"], settings={"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)})

        dp("warm-up on 4 March 2022", date(2022, 3, 4))
        ours, theirs, ratio, cycles = interleaved(tag, dp, docs, args.seconds)
        print(f"\n{path}: {len(docs)} articles, {chars:,.0f} characters on average; {cycles} interleaved passes\n")
        print("| system | articles/s (one core) |")
        print("|---|---|")
        print(f"| timeline `tag` | {ours:,.0f} |")
        print(f"| dateparser `search_dates` (languages=['en'], RELATIVE_BASE=DCT) | {theirs:,.1f} |")
        print(f"| **ratio** (median of the passes' ratios) | **{ratio:,.0f}×** |")

    docs = load(args.paths)
    gc.collect()
    tracemalloc.start()
    for text, dct in docs:
        tag(text, dct)
    _, peak_small = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    for _ in range(10):
        for text, dct in docs:
            tag(text, dct)
    current, peak_big = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nmemory: peak {peak_small / 1e6:.2f} MB tagging {len(docs)} articles, {peak_big / 1e6:.2f} MB for "
          f"{10 * len(docs)}; {current / 1e6:.2f} MB held afterwards")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
