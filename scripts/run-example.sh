#!/usr/bin/env bash
# Runs the daemon on the example registry (config/example) against an
# embedded Temporal dev server, installing what is missing first.
# The dev server listens on localhost:7233 (Web UI on http://localhost:8233);
# if something already listens on 7233 it is used instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

scripts/install-deps.sh
swift build -c release --static-swift-stdlib --product moonflow

server_pid=""
if ! (exec 3<>/dev/tcp/127.0.0.1/7233) 2>/dev/null; then
  echo "run-example: starting temporal server start-dev on localhost:7233 (UI http://localhost:8233)"
  temporal server start-dev --ip 127.0.0.1 --port 7233 --ui-port 8233 --log-level error \
    --dynamic-config-value history.timerProcessorMaxTimeShift='"10ms"' >/tmp/moonflow-devserver.log 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    (exec 3<>/dev/tcp/127.0.0.1/7233) 2>/dev/null && break
    sleep 0.2
  done
fi
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

echo "run-example: try it with"
echo "  temporal workflow execute --type OrderWorkflow --task-queue orders --input '{\"id\":\"A1\",\"total\":42,\"address\":\"1 Main St\"}'"
.build/release/moonflow run --registry config/example
