#!/usr/bin/env bash
# Builds the Gradescope autograder zip of one exercise:
#   curriculum/gradescope/make-autograder.sh fibonacci      → curriculum/target/autograder-fibonacci.zip
# The zip holds setup.sh, run_autograder, exercise.txt and nnlab.jar (with the instructor's
# solutions and hidden tests inside: upload it to Gradescope, never hand it to students).
set -euo pipefail
exercise="${1:?usage: make-autograder.sh <exercise id or number>}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mvn -q -B -Dstyle.color=never -f "$root/pom.xml" -DskipTests -pl curriculum -am package
jar="$root/curriculum/target/nnlab.jar"
java -jar "$jar" release --out "$root/curriculum/target/release-check" --exercise "$exercise" --check
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$here/setup.sh" "$here/run_autograder" "$jar" "$stage/"
chmod +x "$stage/setup.sh" "$stage/run_autograder"
echo "$exercise" > "$stage/exercise.txt"
out="$root/curriculum/target/autograder-$exercise.zip"
rm -f "$out"
(cd "$stage" && jar --create --file "$out" --no-manifest setup.sh run_autograder exercise.txt nnlab.jar)
echo "Wrote $out: upload it as the assignment's autograder (Gradescope: Configure Autograder → Zip file upload)."
