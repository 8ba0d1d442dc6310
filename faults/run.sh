#!/usr/bin/env bash
# Fault tests for the Moonflow daemon (issue 6).
#
#   faults/run.sh [all|kill9|outage|sigterm] [faults.py options...]
#
#   kill9    200 workflows of the mix; kill -9 the daemon 8 times at random
#            moments (every 2-5 s), restarting it each time; every workflow
#            completes with the right result and no activity ran more attempts
#            than its retry policy allows.
#   outage   200 workflows; the dev server is stopped for 20 s mid-run and
#            started again on the same port and --db-filename; the daemon logs
#            the retries, reconnects, and every workflow completes.
#   sigterm  SIGTERM under load: in-flight activities finish within the grace
#            period (exit 0); with a 1 s grace period long activities are
#            cancelled (exit 0) and run again after a restart; nothing lost.
#   all      the three, one after the other (default).
#
# Builds the release daemon (swift build -c release --static-swift-stdlib
# --product moonflow, in
# $FAULTS_SCRATCH, default .build-faults; FAULTS_MOONFLOW=/path/to/moonflow
# uses a prebuilt one instead), starts its own dev server per
# scenario on a free 127.0.0.1 port and stops everything it started at the
# end, also on failure or Ctrl-C. The mix is seeded: set FAULTS_SEED (or pass
# --seed N) to replay a run; the seed is printed first. Each scenario prints
# `SCENARIO: N passed, M failed (T s)`; the script exits 1 if any failed.
# Logs go to $FAULTS_WORKDIR (default a fresh /tmp/moonflow-faults.XXXX),
# kept and printed on failure. Needs `temporal` on PATH and python3 with
# temporalio (scripts/install-deps.sh installs both).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

what="${1:-all}"
[ $# -gt 0 ] && shift
case "$what" in
  all) scenarios=(kill9 outage sigterm) ;;
  kill9|outage|sigterm) scenarios=("$what") ;;
  -h|--help) awk 'NR>1 && /^#/ {sub(/^# ?/, ""); print; next} NR>1 {exit}' "$0"; exit 0 ;;
  *) echo "usage: faults/run.sh [all|kill9|outage|sigterm] [--seed N] [--count N]" >&2; exit 2 ;;
esac

if [ -n "${FAULTS_MOONFLOW:-}" ]; then
  bin="$FAULTS_MOONFLOW"          # a prebuilt daemon: skip the build
  [ -x "$bin" ] || { echo "faults: FAULTS_MOONFLOW=$bin is not executable" >&2; exit 2; }
else
  scratch="${FAULTS_SCRATCH:-.build-faults}"
  echo "faults: building the release daemon ($scratch)"
  if ! swift build -c release --static-swift-stdlib --product moonflow --scratch-path "$scratch" >"/tmp/moonflow-faults-build.$$.log" 2>&1; then
    tail -40 "/tmp/moonflow-faults-build.$$.log"; echo "faults: build failed" >&2; exit 1
  fi
  rm -f "/tmp/moonflow-faults-build.$$.log"
  bin="$(swift build -c release --static-swift-stdlib --product moonflow --scratch-path "$scratch" --show-bin-path)/moonflow"
fi
echo "faults: daemon $bin"

workdir="${FAULTS_WORKDIR:-$(mktemp -d /tmp/moonflow-faults.XXXXXX)}"
mkdir -p "$workdir"
: >"$workdir/pids"
cleanup() {
  # Anything faults.py started and did not stop (it normally stops all).
  while read -r pid; do
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  done < <(cat "$workdir/pids" 2>/dev/null)
}
trap cleanup EXIT
trap 'exit 130' INT TERM

seed_args=()
[ -n "${FAULTS_SEED:-}" ] && seed_args=(--seed "$FAULTS_SEED")
status=0
summary=()
for s in "${scenarios[@]}"; do
  start=$(date +%s)
  python3 faults/faults.py "$s" --moonflow "$bin" --workdir "$workdir" "${seed_args[@]}" "$@" \
    2>&1 | tee "$workdir/$s.out"
  rc=${PIPESTATUS[0]}
  line="$(grep -E "^$s: [0-9]+ passed" "$workdir/$s.out" | tail -1)"
  summary+=("${line:-$s: no summary (harness error)} [exit $rc, $(( $(date +%s) - start )) s]")
  [ "$rc" -ne 0 ] && status=1
done

echo
echo "faults: summary"
printf '  %s\n' "${summary[@]}"
if [ "$status" -eq 0 ]; then
  [ -z "${FAULTS_WORKDIR:-}" ] && rm -rf "$workdir"
else
  echo "faults: logs kept in $workdir"
fi
exit "$status"
