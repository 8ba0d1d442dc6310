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

# The real `temporal` binary (pyenv puts a shell shim first on PATH), so the
# pid we measure and stop is the server itself.
TEMPORAL_BIN="$(command -v temporal)"
if command -v pyenv >/dev/null 2>&1 && pyenv which temporal >/dev/null 2>&1; then
  TEMPORAL_BIN="$(pyenv which temporal)"
fi

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
SERVER_LOG="$(mktemp -t moonflow-bench-server.XXXXXX.log)"
server_pid=""
driver_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
    kill -TERM "$driver_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$driver_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$driver_pid" 2>/dev/null || true
  fi
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "bench: load $(cat /proc/loadavg); starting dev server on 127.0.0.1:$PORT (log $SERVER_LOG)"
"$TEMPORAL_BIN" server start-dev --ip 127.0.0.1 --port "$PORT" --headless --log-level error \
  --dynamic-config-value history.timerProcessorMaxTimeShift='"10ms"' >"$SERVER_LOG" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "bench: dev server exited; see $SERVER_LOG" >&2; exit 1; }
  sleep 0.2
done
# the frontend accepts connections a little before the namespace is usable
for _ in $(seq 1 60); do
  "$TEMPORAL_BIN" operator namespace describe --address "127.0.0.1:$PORT" -n default >/dev/null 2>&1 && break
  sleep 0.5
done

python3 bench/driver.py --address "127.0.0.1:$PORT" --server-pid "$server_pid" \
  --moonflow .build/release/moonflow --registry bench/registry --temporal "$TEMPORAL_BIN" "$@" &
driver_pid=$!
set +e
wait "$driver_pid"
rc=$?
set -e
driver_pid=""
exit "$rc"
