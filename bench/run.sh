#!/usr/bin/env bash
# The Moonflow vs Python SDK benchmark (issue 5), from a fresh clone:
#
#   bench/run.sh                  # full bench, ~12-15 min on 2 cores
#   bench/run.sh --quick          # small sizes, ~3 min, to try it out
#   bench/run.sh --correctness    # 2,000 W2 on Moonflow, max_cached_workflows 50
#
# It installs what scripts/install-deps.sh installs, builds the daemon in
# release, starts its own `temporal server start-dev` on a free 127.0.0.1 port
# (headless, timerProcessorMaxTimeShift=10ms), runs bench/driver.py (which
# starts the Moonflow daemon, then the Python SDK worker, never both at once)
# and stops the server on exit, failure or Ctrl-C. Extra arguments go to
# bench/driver.py (see `python3 bench/driver.py --help`). Results:
# bench/results/<date>.json; the table is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

scripts/install-deps.sh
swift build -c release --static-swift-stdlib --product moonflow

. bench/dev-server.sh
driver_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
    kill -TERM "$driver_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$driver_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$driver_pid" 2>/dev/null || true
  fi
  stop_dev_server
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_dev_server

python3 bench/driver.py --address "127.0.0.1:$PORT" --server-pid "$server_pid" \
  --moonflow .build/release/moonflow --registry bench/registry --temporal "$TEMPORAL_BIN" "$@" &
driver_pid=$!
set +e
wait "$driver_pid"
rc=$?
set -e
driver_pid=""
exit "$rc"
