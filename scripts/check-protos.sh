#!/usr/bin/env bash
# CI check: regenerates the protobuf-c code into a temp dir and fails if it
# differs from the committed Sources/CTemporalProto or
# Sources/TemporalWire/Generated/PbMessages.swift (stale or hand-edited).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$root/scripts/gen-protos.sh" "$tmp/CTemporalProto" "$tmp/PbMessages.swift" >/dev/null
swift_file="$root/Sources/TemporalWire/Generated/PbMessages.swift"
if ! diff "$tmp/PbMessages.swift" "$swift_file" > "$tmp/swift-diff.txt"; then
    echo "check-protos: $swift_file is stale; run scripts/gen-protos.sh. Differences:" >&2
    head -n 40 "$tmp/swift-diff.txt" >&2
    exit 1
fi
if ! diff -r "$tmp/CTemporalProto" "$root/Sources/CTemporalProto" > "$tmp/diff.txt"; then
    echo "check-protos: Sources/CTemporalProto is stale relative to Protos/." >&2
    echo "check-protos: run scripts/gen-protos.sh and commit the result. Differences:" >&2
    head -n 60 "$tmp/diff.txt" >&2
    exit 1
fi
echo "check-protos: Sources/CTemporalProto is up to date."
