# Sourced by bench/run.sh and bench/rpc-floor.sh: a private `temporal server
# start-dev` for one benchmark run.
#
#   start_dev_server   # sets TEMPORAL_BIN, PORT, SERVER_LOG, server_pid
#   stop_dev_server    # TERM, then KILL after 10 s; safe to call twice

# The real `temporal` binary (pyenv puts a shell shim first on PATH), so the
# pid we measure and stop is the server itself.
TEMPORAL_BIN="$(command -v temporal)"
if command -v pyenv >/dev/null 2>&1 && pyenv which temporal >/dev/null 2>&1; then
  TEMPORAL_BIN="$(pyenv which temporal)"
fi
server_pid=""

start_dev_server() {
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  SERVER_LOG="$(mktemp -t moonflow-bench-server.XXXXXX.log)"
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
}

stop_dev_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
