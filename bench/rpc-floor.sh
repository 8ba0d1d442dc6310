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
# median is about what gRPC alone costs a W2 workflow in the daemon (which
# links the same gRPC release statically, this program the shared
# libraries, and sends bigger messages: a floor, not the daemon's figure).
# Rounds and median go to bench/results/rpc-floor-<date>.json. The default
# rate is W2's own: ~25 workflows/s at 50 in flight, 32 calls each. Keep it
# under ~1,000/s: the dev server's frontend starts refusing calls ("service
# rate limit exceeded"), and a refused call is cheaper than a real one (a
# round with more than 1% refused fails).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-800}"; SECONDS_PER_ROUND="${2:-5}"; ROUNDS="${3:-3}"

scripts/install-deps.sh >/dev/null
WORK="$(mktemp -d -t moonflow-rpc-floor.XXXXXX)"
BIN="$WORK/rpc-floor"
cc -O2 -o "$BIN" bench/rpc-floor.c Sources/CGrpcShim/*.c -ISources/CGrpcShim/include -ISources/CGrpcShim \
  -lgrpc -lgpr -lpthread

. bench/dev-server.sh
trap 'stop_dev_server; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
start_dev_server

for _ in $(seq 1 "$ROUNDS"); do
  line="$("$BIN" "127.0.0.1:$PORT" "$RATE" "$SECONDS_PER_ROUND")" || { echo "$line"; echo "rpc-floor: round failed" >&2; exit 1; }
  echo "$line" | tee -a "$WORK/rounds.jsonl"
done
mkdir -p bench/results
OUT="bench/results/rpc-floor-$(date +%Y-%m-%d-%H%M%S).json"
python3 - "$WORK/rounds.jsonl" "$OUT" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" <<'PY'
import json, statistics, sys, time
rounds = [json.loads(l) for l in open(sys.argv[1])]
us = statistics.median(r["cpu_us_per_call"] for r in rounds)
json.dump({"date": time.strftime("%Y-%m-%dT%H:%M:%S"), "git": sys.argv[3], "rounds": rounds,
           "median_cpu_us_per_call": us, "w2_calls": 32, "w2_grpc_ms": 32 * us / 1000},
          open(sys.argv[2], "w"), indent=2)
print(f"median {us:.1f} us CPU per call; x 32 calls = {32 * us / 1000:.2f} ms per W2 workflow in gRPC alone")
print(f"results: {sys.argv[2]}")
PY
