#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image: install a JDK 17.
# (A JDK, not a JRE: the grader compiles submissions with javac. JDK 17 to 23 keep the
# SecurityManager that sandboxes student code; see curriculum/GRADING.md.)
set -euo pipefail
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless
java -version
# Zip files carry no file modes: make the grading script executable wherever Gradescope put it.
chmod +x /autograder/run_autograder /autograder/source/run_autograder 2>/dev/null || true
