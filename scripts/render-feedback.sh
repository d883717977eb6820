#!/usr/bin/env bash
# Grades a Fibonacci submission with two planted mistakes and screenshots its feedback.html with
# headless Chromium; fails if Chromium logs an error. Usage: scripts/render-feedback.sh [out-folder]
# Needs Debian's chromium (apt-get install -y chromium). Screenshot: <out>/feedback.png.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-curriculum/target/feedback-check}"
rm -rf "$OUT" && mkdir -p "$OUT/submission"
OUT="$(cd "$OUT" && pwd)"
mvn -q -B -Dstyle.color=never ${MAVEN_ARGS:-} -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl curriculum -am package
# The reference with the memo never read (slow, too many calls) and bottomUp's loop one step short.
sed -e '/if (memo\[n\] != 0) {/,+2d' -e 's/for (int k = 3; k <= n; k++)/for (int k = 3; k < n; k++)/' \
  -e 's/requirePositive(n);/requirePositive(n); System.out.println("computing F(" + n + ") <with> \& care");/' \
  curriculum/exercises/fibonacci/src/org/nnlab/exercises/fibonacci/Fibonacci.java > "$OUT/submission/Fibonacci.java"
java -jar curriculum/target/nnlab.jar grade -e fibonacci -s "$OUT/submission" --results "$OUT/results.json" \
  --html "$OUT/feedback.html" --quiet
"$(dirname "$0")/render-svg.sh" "$OUT/feedback.html" "$OUT/feedback.png" "${WINDOW:-1100,2600}"
echo "Wrote $OUT/feedback.png"
