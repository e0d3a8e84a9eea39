#!/usr/bin/env bash
# Instructions the tagger executes per pass over a corpus, counted by valgrind's callgrind: unlike seconds,
# the count does not move with the load of a shared machine. Slow (about 4 minutes a run here).
#   bash bench/instructions.sh ../shared/seeds ../shared/corpora/tempeval3-train/TBAQ-cleaned
# Runs bench/speed.py --passes 0 and --passes 2 and prints half the difference (start-up cancels out).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is needed (Debian: apt-get install valgrind)" >&2; exit 2; }
PY=${PYTHON:-.venv/bin/python}
# string hashing is randomised per process, which reorders sets and moves the count by several per cent
export PYTHONHASHSEED=0
out=$(mktemp -d)
count() {
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1" "$PY" bench/speed.py "${@:2}" --passes "$1" \
    2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
zero=$(count 0 "$@")
two=$(count 2 "$@")
rm -rf "$out"
echo "$(( (two - zero) / 2 / 1000000 )) million instructions per pass over: $*"
