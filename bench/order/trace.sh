#!/usr/bin/env bash
# Regenerates bench/order/moonflow.order, the link order file of release
# builds (see README, "Memory"): builds the release daemon, runs the quick
# benchmark (W1-W4, parked workflows, replay) on it with pagetrace.so
# preloaded, and lists every function on a code page that ran.
#
#   bench/order/trace.sh HOST:PORT SERVER_PID   # a running dev server (as bench/run.sh starts)
#
# Run it again after larger code changes: functions it does not list still
# work, they are only placed with the code that never runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PATH:/opt/swift/usr/bin"
address="$1"; server_pid="$2"
work="$(mktemp -d /tmp/moonflow-order.XXXXXX)"
trap 'rm -rf "$work"' EXIT
swift build -c release --static-swift-stdlib --product moonflow
bin="$(swift build -c release --static-swift-stdlib --product moonflow --show-bin-path)/moonflow"
cp "$bin" "$work/moonflow"
gcc -O2 -Wall -shared -fPIC bench/order/pagetrace.c -o "$work/pagetrace.so"
cat >"$work/traced.sh" <<WRAP
#!/bin/sh
LD_PRELOAD=$work/pagetrace.so PAGETRACE_OUT=$work/pages SWIFT_BACKTRACE=enable=no exec $work/moonflow "\$@"
WRAP
chmod +x "$work/traced.sh"
temporal_bin="$(command -v temporal)"
if command -v pyenv >/dev/null 2>&1 && pyenv which temporal >/dev/null 2>&1; then temporal_bin="$(pyenv which temporal)"; fi
python3 bench/driver.py --address "$address" --server-pid "$server_pid" --moonflow "$work/traced.sh" \
  --registry bench/registry --temporal "$temporal_bin" --workers moonflow --quick --results-dir "$work/results"
python3 bench/order/make-order.py "$work/moonflow" "$work"/pages.* > bench/order/moonflow.order
echo "trace: wrote bench/order/moonflow.order ($(wc -l < bench/order/moonflow.order) functions)"
# SwiftPM does not know the order file is an input of the link: drop the
# binary so the next release build links it again with the new order.
rm -f "$bin"
