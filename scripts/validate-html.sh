#!/usr/bin/env bash
# Checks HTML reports and SVG figures with the Nu HTML Checker (the W3C validator, from Maven
# Central); exits non-zero if it reports an error. Usage: scripts/validate-html.sh FILE.html|FILE.svg…
# With no files it runs the lecture into nnlab-out/ and checks report.html and every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
VNU_VERSION=20.7.2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>org.nnlab.tools</groupId><artifactId>vnu</artifactId><version>1</version>
  <dependencies><dependency><groupId>nu.validator</groupId><artifactId>validator</artifactId>
    <version>$VNU_VERSION</version></dependency></dependencies></project>
POM
mvn -q -B -f "$work/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" > "$work/mvn.log" 2>&1 \
  || { cat "$work/mvn.log" >&2; echo "could not fetch the Nu HTML Checker from Maven Central" >&2; exit 2; }
if [ "$#" -eq 0 ]; then
  ./nnlab lecture --quiet --out nnlab-out > /dev/null
  set -- nnlab-out/report.html nnlab-out/figures/*.svg
fi
out="$(java -cp "$(cat "$work/cp.txt")" nu.validator.client.SimpleCommandLineValidator --also-check-svg "$@" 2>&1 \
  | grep -v '^[0-9-]* [0-9:.]*:INFO' || true)"
if [ -n "$out" ]; then
  echo "$out"
  if echo "$out" | grep -q 'error:'; then
    echo "the Nu HTML Checker reported errors" >&2
    exit 1
  fi
fi
echo "checked $# file(s): no errors"
