#!/usr/bin/env python3
"""Writes the link order file (the functions the daemon runs, first) from
page traces of bench/order/pagetrace.c:

    bench/order/make-order.py BINARY PAGES... > bench/order/moonflow.order

BINARY is the traced daemon (with its symbol table); each PAGES file lists
the file offsets of the code pages that ran. Every function (nm types t, T,
W) that overlaps a page that ran is listed, in address order, so lld's
--symbol-ordering-file puts them together at the start of .text: the
kernel maps code 64 KiB at a time around each page fault, so code that
runs, scattered over the whole 18 MiB .text, kept most of it resident.
"""
from __future__ import annotations

import bisect
import struct
import subprocess
import sys


def code_segment(path: str) -> tuple[int, int]:
    """(p_offset, p_vaddr) of the executable PT_LOAD segment."""
    with open(path, "rb") as f:
        head = f.read(64)
        phoff, = struct.unpack_from("<Q", head, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", head, 0x36)
        f.seek(phoff)
        raw = f.read(phentsize * phnum)
    for i in range(phnum):
        p_type, p_flags, p_offset, p_vaddr = struct.unpack_from("<IIQQ", raw, i * phentsize)
        if p_type == 1 and p_flags & 1:   # PT_LOAD, PF_X
            return p_offset, p_vaddr
    raise SystemExit(f"{path}: no executable segment")


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, traces = sys.argv[1], sys.argv[2:]
    offset, vaddr = code_segment(binary)
    pages: set[int] = set()
    for trace in traces:
        with open(trace) as f:
            pages.update(int(line, 16) - offset + vaddr for line in f if line.strip())
    starts = sorted(pages)
    out = subprocess.run(["nm", "-S", "--defined-only", binary], capture_output=True, text=True,
                         check=True).stdout
    names: list[tuple[int, str]] = []
    seen: set[str] = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) != 4 or parts[2] not in ("t", "T", "W", "w"):
            continue
        address, size, name = int(parts[0], 16), max(int(parts[1], 16), 1), parts[3]
        i = bisect.bisect_right(starts, address) - 1   # the last traced page at or before the start
        ran = (i >= 0 and starts[i] + 4096 > address) or \
              (i + 1 < len(starts) and starts[i + 1] < address + size)
        if ran and name not in seen:
            seen.add(name)
            names.append((address, name))
    for _, name in sorted(names):
        print(name)
    print(f"make-order: {len(pages)} pages ran, {len(names)} functions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
