#!/usr/bin/env bash
# Render an exported timeline page in headless Chromium and save a PNG, to look at it as a reader would.
#   bash bench/screenshot.sh data/exports/timeline.html /tmp/timeline.png [WIDTHxHEIGHT]
set -euo pipefail
page=$(realpath "${1:-data/exports/timeline.html}")
out=${2:-/tmp/timeline.png}
size=${3:-1280,900}
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium (once)..." >&2
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --window-size="$size" --screenshot="$out" "file://$page" 2>/dev/null
rm -rf "$profile"
echo "$out"
