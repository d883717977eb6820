#!/usr/bin/env bash
# Builds nnlab.jar and packs Gradescope autograder zips with `nnlab autograder`, after each
# exercise's self-check:
#   curriculum/gradescope/make-autograder.sh -e fibonacci          → curriculum/target/autograder-fibonacci.zip
#   curriculum/gradescope/make-autograder.sh                       → one zip per bundled exercise
#   curriculum/gradescope/make-autograder.sh --exercises my-course → one zip per exercise of that folder
# Every argument goes to `nnlab autograder` (see its --help). The zips hold the solutions and
# hidden tests: upload them to Gradescope, never hand them to students.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mvn -q -B -Dstyle.color=never ${MAVEN_ARGS:-} -f "$root/pom.xml" -DskipTests -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -pl curriculum -am package
exec java -jar "$root/curriculum/target/nnlab.jar" autograder --out "$root/curriculum/target" "$@"
