#!/usr/bin/env bash
# Runs the whole test suite: installs missing dependencies, checks that the
# committed protobuf-c code matches Protos/, builds everything, and runs
# every test (unit tests, and integration tests that start their own
# `temporal server start-dev` and `moonflow` daemons).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

scripts/install-deps.sh
scripts/check-protos.sh
swift build --build-tests
swift test --skip-build
