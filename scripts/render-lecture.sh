#!/usr/bin/env bash
# Runs the lecture and screenshots its report and every figure with headless Chromium; fails if
# Chromium reports a problem. Usage: scripts/render-lecture.sh [out-folder]
# Needs Debian's chromium (apt-get install -y chromium). Screenshots: <out>/report.png and
# figures/*.chromium.png, beside the lecture's own figures/*.png (Java2D) to compare them.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-nnlab-out}"
./nnlab lecture --quiet --out "$OUT"
scripts/render-svg.sh "$OUT/report.html" "$OUT/report.png" "${WINDOW:-1200,14000}"
for svg in "$OUT"/figures/*.svg; do
  scripts/render-svg.sh "$svg" "${svg%.svg}.chromium.png" 1300,900
done
