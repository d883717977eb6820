#!/usr/bin/env bash
# Screenshots an HTML or SVG file with headless Chromium and checks Chromium's log for errors.
# Usage: scripts/render-svg.sh <file.html|file.svg> <out.png> [width,height]
set -euo pipefail
IN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
PNG="$2"
SIZE="${3:-1200,3000}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$CHROMIUM" ]; then
  echo "chromium not found; install it with: apt-get install -y chromium" >&2
  exit 2
fi
PROFILE="$(mktemp -d)"
LOG="$(mktemp)"
trap 'rm -rf "$PROFILE" "$LOG"' EXIT
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$PROFILE" --enable-logging=stderr --v=0 \
  --screenshot="$PNG" --window-size="$SIZE" "file://$IN" >"$LOG" 2>&1 || {
    cat "$LOG" >&2; echo "chromium failed on $IN" >&2; exit 1; }
# Page problems (bad SVG, blocked resources, console errors) show up as CONSOLE or ERROR lines
# that mention the page; Chromium's own start-up noise (dbus, GPU, sandbox) is ignored.
if grep -E "CONSOLE|Uncaught|Failed to load|net::ERR|This page contains the following errors|file://" "$LOG" \
    | grep -v "Written to file" >&2; then
  echo "chromium reported problems rendering $IN (see above)" >&2
  exit 1
fi
# An XML error in a standalone SVG is not logged: Chromium shows a <parsererror> page instead.
if "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$PROFILE" --dump-dom "file://$IN" 2>/dev/null | grep -q "parsererror"; then
  echo "chromium could not parse $IN (XML error)" >&2
  exit 1
fi
if [ ! -s "$PNG" ]; then
  echo "no screenshot written to $PNG" >&2; exit 1
fi
echo "rendered $IN -> $PNG"
