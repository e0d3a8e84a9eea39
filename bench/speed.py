"""Tagging speed, side by side with dateparser.search_dates on the same texts, in one process (one core).

    python bench/speed.py PATH [PATH ...] [--seconds 5] [--profile N]

PATH: folders of .txt articles (a manifest.csv gives publication dates) and/or TimeML .tml files (their
DCT is used). Prints articles per second for both, the ratio, and the memory our tagger holds after
10x more articles (it should not grow).
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


def rate(fn, docs, min_seconds: float) -> tuple[float, int]:
    """Articles per second over whole passes of the corpus, at least ``min_seconds`` of work (median pass)."""
    passes: list[float] = []
    total = 0.0
    while total < min_seconds or len(passes) < 3:
        t0 = time.perf_counter()
        for text, dct in docs:
            fn(text, dct)
        dt = time.perf_counter() - t0
        passes.append(dt)
        total += dt
        if len(passes) >= 50:
            break
    return len(docs) / statistics.median(passes), len(passes)


def profile(docs: list[tuple[str, date]], top: int) -> int:
    """Where tagging time goes: cProfile over 100 passes, own time per function (profiling slows it down)."""
    import cProfile
    import pstats

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
    args = ap.parse_args(argv)
    if args.profile:
        return profile(load(args.paths), args.profile)
    from dateparser.search import search_dates

    for path in args.paths:
        docs = load([path])
        if not docs:
            continue
        chars = sum(len(t) for t, _ in docs) / len(docs)
        load_rules().warm()  # compile the rules outside the timing
        ours, n_ours = rate(lambda t, d: tag(t, d), docs, args.seconds)

        def dp(text: str, dct: date) -> None:
            search_dates(text, languages=["en"], settings={"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)})

        dp("warm-up on 4 March 2022", date(2022, 3, 4))
        theirs, n_theirs = rate(dp, docs, args.seconds)
        print(f"\n{path}: {len(docs)} articles, {chars:,.0f} characters on average\n")
        print("| system | articles/s (one core) | passes |")
        print("|---|---|---|")
        print(f"| timeline `tag` | {ours:,.0f} | {n_ours} |")
        print(f"| dateparser `search_dates` (languages=['en'], RELATIVE_BASE=DCT) | {theirs:,.1f} | {n_theirs} |")
        print(f"| **ratio** | **{ours / theirs:,.0f}×** | |")

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
