#!/usr/bin/env bash
# Verifies the unit under a real systemd on a machine (or container) whose
# PID 1 is not systemd: boots systemd as PID 1 of a new PID + mount
# namespace (root needed; the host's processes, mounts and /tmp are untouched,
# but the README's install steps do write /usr/local/bin/moonflow,
# /etc/moonflow, /etc/default/moonflow and /etc/systemd/system), installs
# the unit the README's way, starts it, runs one order against the
# Temporal server at localhost:7233 (start `temporal server start-dev`
# first), stops it (a drain) and checks it exited 0, then shuts that
# systemd down.
#
#   deploy/verify-in-namespace.sh      # after: swift build -c release --product moonflow
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "verify: run as root" >&2; exit 2; }
[ -x .build/release/moonflow ] || { echo "verify: build first: swift build -c release --product moonflow" >&2; exit 2; }

# Private /tmp, /var/tmp and /run first: booting, systemd-tmpfiles empties
# /tmp, which must not be the host's.
unshare --pid --fork --mount --mount-proc --propagation private sh -c '
  for d in /tmp /var/tmp /run; do mount -t tmpfs tmpfs "$d"; done
  exec env container=moonflow-verify /lib/systemd/systemd --system' >/dev/null 2>&1 &
launcher=$!
pid1=""
for _ in $(seq 1 50); do
  pid1=$(pgrep -P "$launcher" -x systemd || true)   # the shell execs systemd
  [ -n "$pid1" ] && break
  sleep 0.2
done
[ -n "$pid1" ] || { echo "verify: systemd did not start" >&2; exit 1; }
inside() { nsenter -t "$pid1" -m -p "$@"; }
trap 'inside systemctl poweroff --no-block >/dev/null 2>&1 || kill "$launcher" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  state=$(inside systemctl is-system-running 2>/dev/null || true)
  case "$state" in running|degraded) break ;; esac
  sleep 0.2
done
echo "verify: systemd is $state in the namespace (pid $pid1 outside)"

inside bash -ec '
  cd '"$PWD"'
  install -m 0755 .build/release/moonflow /usr/local/bin/moonflow
  install -d /etc/moonflow && cp -r config/example/* /etc/moonflow/
  install -m 0644 deploy/moonflow.service /etc/systemd/system/
  install -m 0640 deploy/moonflow.env /etc/default/moonflow
  systemctl daemon-reload && systemctl enable --now moonflow'
inside systemctl show moonflow -p ActiveState -p StatusText
id="verify-$RANDOM"
temporal workflow execute --type OrderWorkflow --task-queue orders --workflow-id "$id" \
  --input '{"id":"V1","total":42,"address":"1 Main St"}' --address localhost:7233 | grep -E "Status|Result "
inside systemctl stop moonflow
result=$(inside systemctl show moonflow -p Result --value)
status=$(inside systemctl show moonflow -p ExecMainStatus --value)
inside journalctl -u moonflow --no-pager | tail -3
echo "verify: stopped: Result=$result ExecMainStatus=$status"
[ "$result" = success ] && [ "$status" = 0 ]
