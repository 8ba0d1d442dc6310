"""Helpers shared by the interop scripts: strict comparison and exiting
with a readable message. Each script exits 0 and prints OK on success, or
exits 1 with the mismatch on stderr."""
import json
import os
import sys


def strict_diff(expected, actual, path="$"):
    """The first difference between two JSON-like values, comparing types
    too (an int is not a float, a bool is not an int), or None."""
    if type(expected) is not type(actual):
        return f"{path}: expected {type(expected).__name__} {expected!r}, got {type(actual).__name__} {actual!r}"
    if isinstance(expected, dict):
        if set(expected) != set(actual):
            return f"{path}: expected keys {sorted(expected)}, got {sorted(actual)}"
        for k in sorted(expected):
            d = strict_diff(expected[k], actual[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(expected, list):
        if len(expected) != len(actual):
            return f"{path}: expected {len(expected)} items {expected!r}, got {len(actual)} {actual!r}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            d = strict_diff(e, a, f"{path}[{i}]")
            if d:
                return d
        return None
    if expected != actual:
        return f"{path}: expected {expected!r}, got {actual!r}"
    return None


def check(label, expected, actual, failures):
    d = strict_diff(expected, actual)
    if d:
        failures.append(f"{label}: {d}\n  full value: {json.dumps(actual, ensure_ascii=False, sort_keys=True)}")


def finish(failures):
    """Reports and exits. Uses os._exit: the SDK's native runtime threads
    can abort the interpreter during finalization ("PyGILState_Release"),
    which would turn a pass into a crash."""
    if failures:
        print("MISMATCH", file=sys.stderr)
        for f in failures:
            print(" - " + f, file=sys.stderr)
        code = 1
    else:
        print("OK")
        code = 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
