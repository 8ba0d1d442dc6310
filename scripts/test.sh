#!/usr/bin/env bash
# Runs the whole test suite: installs missing dependencies, checks that the
# committed protobuf-c code is up to date, builds, and runs every test
# (unit tests, and integration tests that start their own
# `temporal server start-dev`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

scripts/install-deps.sh
scripts/check-protos.sh
swift build --build-tests 2>&1 | grep -v "^\[" || true
swift build --build-tests >/dev/null   # fail here if the build failed
swift test --skip-build --parallel --num-workers 2 2>&1 | tee .build/test-output.txt
