#!/usr/bin/env bash
# Builds nn-viz, writes the gallery report (every figure kind) and screenshots it with headless
# Chromium; fails if Chromium logs an error. Usage: scripts/render-report.sh [out-folder]
# Needs Debian's chromium (apt-get install -y chromium). Screenshots: <out>/gallery.png and
# figure-NN.chromium.png beside the Java2D back end's figure-NN.png, to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-nn-viz/target/gallery}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
mvn -q -pl nn-viz -am test-compile
CP="nn-viz/target/test-classes:nn-viz/target/classes:nn-core/target/classes"
java -cp "$CP" org.nnlab.viz.demo.Gallery "$OUT"
"$(dirname "$0")/render-svg.sh" "$OUT/gallery.html" "$OUT/gallery.png" "${WINDOW:-1200,9000}"
# Each standalone SVG too: they must parse and render on their own (no page around them).
for svg in "$OUT"/figure-*.svg; do
  "$(dirname "$0")/render-svg.sh" "$svg" "${svg%.svg}.chromium.png" 1000,800
done
