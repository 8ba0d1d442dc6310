#!/usr/bin/env bash
# Runs the whole test suite: installs missing dependencies, checks that the
# committed protobuf-c code matches Protos/, builds everything, and runs
# every test (unit tests, and integration tests that start their own
# `temporal server start-dev` and `moonflow` daemons), then a CI-sized run
# of the fault scripts (faults/run.sh: kill -9, server outage, SIGTERM under
# load; 60 workflows each, about 2 minutes; MOONFLOW_SKIP_FAULTS=1 skips
# them). Ends with the fault summary and one line `tests: N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

scripts/install-deps.sh
scripts/check-protos.sh
swift build --build-tests
mkdir -p .build
status=0
swift test --skip-build --disable-swift-testing 2>&1 | tee .build/test-output.txt || status=$?
fault_status=0
if [ "${MOONFLOW_SKIP_FAULTS:-0}" != "1" ]; then
  FAULTS_MOONFLOW="$(swift build --show-bin-path)/moonflow" \
    faults/run.sh all --count "${FAULTS_COUNT:-60}" --kills 4 --outage 15 || fault_status=$?
fi
summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" .build/test-output.txt | tail -1 || true)
if [ -n "$summary" ]; then
  total=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
  failed=$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
  echo "tests: $((total - failed)) passed, $failed failed"
fi
[ "$status" -eq 0 ] && status=$fault_status
exit "$status"
