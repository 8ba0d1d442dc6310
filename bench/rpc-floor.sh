#!/usr/bin/env bash
# The CPU floor of one unary gRPC call in Moonflow's stack (shim + gRPC C
# core, nothing else), against a private dev server:
#
#   bench/rpc-floor.sh [RATE] [SECONDS] [ROUNDS]    # default 800 calls/s, 5 s, 3 rounds
#
# Builds bench/rpc-floor.c with the shim's C sources (Sources/CGrpcShim) and
# the system libgrpc, then runs it ROUNDS times and prints each round's JSON
# line and the median CPU per call. A W2 workflow makes 32 calls (11 polls,
# 11 workflow task completions, 10 activity completions), so 32 × that
# median is what gRPC alone costs a W2 workflow in this daemon. The default
# rate is W2's own: ~25 workflows/s at 50 in flight, 32 calls each. Keep it
# under ~1,000/s: the dev server's frontend starts refusing calls ("service
# rate limit exceeded"), and a refused call is cheaper than a real one (a
# round with more than 1% refused fails).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-800}"; SECONDS_PER_ROUND="${2:-5}"; ROUNDS="${3:-3}"

scripts/install-deps.sh >/dev/null
BIN="$(mktemp -d -t moonflow-rpc-floor.XXXXXX)/rpc-floor"
cc -O2 -o "$BIN" bench/rpc-floor.c Sources/CGrpcShim/*.c -ISources/CGrpcShim/include -ISources/CGrpcShim \
  -lgrpc -lgpr -lpthread

. bench/dev-server.sh
trap stop_dev_server EXIT
trap 'exit 130' INT TERM
start_dev_server

results=()
for _ in $(seq 1 "$ROUNDS"); do
  line="$("$BIN" "127.0.0.1:$PORT" "$RATE" "$SECONDS_PER_ROUND")"
  echo "$line"
  results+=("$line")
done
printf '%s\n' "${results[@]}" | python3 -c '
import json, statistics, sys
us = statistics.median(json.loads(l)["cpu_us_per_call"] for l in sys.stdin)
print(f"median {us:.1f} us CPU per call; x 32 calls = {32 * us / 1000:.2f} ms per W2 workflow in gRPC alone")'
