#!/usr/bin/env bash
# Gradescope image setup (runs once, as root, on Gradescope's Ubuntu 22.04 base image, which
# promises no JDK): a JDK 17 or newer.
# The autograder compiles each submission with the JDK's own compiler, so a JRE is not enough.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

has_jdk17() {
  command -v javac >/dev/null 2>&1 &&
    javac -version 2>&1 | grep -qE 'javac (1[7-9]|[2-9][0-9])'
}

if ! has_jdk17; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless
fi
java -version
javac -version
# run_autograder drops the submission's privileges with setpriv (util-linux) and bounds the whole
# grading with timeout (coreutils): both are on every Ubuntu image, checked here all the same.
command -v setpriv >/dev/null || echo "setup.sh: no setpriv: submissions will run as root" >&2
command -v timeout >/dev/null || { echo "setup.sh: no timeout (coreutils): run_autograder needs it" >&2; exit 1; }
