#!/usr/bin/env python3
"""Where a process's resident memory goes, from /proc/PID/smaps.

    bench/rss-breakdown.py PID                 # top mappings, categories, totals
    bench/rss-breakdown.py PID --top 40        # more mappings
    bench/rss-breakdown.py PID --json          # one JSON object (for scripts)

Needs to read /proc/PID/smaps (same user, or root). Every number is KiB of
the kernel's own per-mapping counters:

  Rss            resident pages of the mapping (what VmRSS adds up)
  Pss            Rss with shared pages divided by the number of sharers
  Shared_Clean   resident, unmodified, also mapped by another process (a
                 library's code that another running program uses too)
  Private_Clean  resident, unmodified, mapped only here (a library's code
                 that only this process uses: counted in full in its RSS)
  Private_Dirty  written by this process: heap, stacks, relocated data

Mappings with the same file are added up (a library's text, rodata, data and
relro are one row); anonymous mappings are sorted into categories:

  [heap]          the brk heap (glibc's main malloc arena)
  [stack]         the main thread's stack
  thread stack    an anonymous mapping that holds a thread's stack pointer
                  (read from /proc/PID/task/TID/syscall, so only for threads
                  blocked in a system call, which idle threads are)
  malloc arena    an anonymous mapping starting on a 64 MiB boundary (where
                  glibc puts its per-thread arenas), that is not a stack
  anon            any other anonymous mapping (mmap'd allocations: Lua, gRPC
                  and Swift large blocks, the Swift runtime's metadata)
"""
from __future__ import annotations

import argparse
import collections
import json
import bisect
import os
import re
import struct
import subprocess
import sys

ARENA_ALIGN = 64 << 20   # glibc HEAP_MAX_SIZE on 64-bit


def parse_smaps(pid: int) -> list[dict]:
    maps: list[dict] = []
    cur: dict | None = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = line.split(None, 5)
            if "-" in head[0] and len(head) >= 5 and ":" not in head[0]:
                lo, hi = (int(x, 16) for x in head[0].split("-"))
                cur = {"start": lo, "end": hi, "perms": head[1], "inode": int(head[4]),
                       "path": head[5].strip() if len(head) > 5 else ""}
                maps.append(cur)
            elif cur is not None and line.rstrip().endswith("kB"):
                key, val = line.split(":", 1)
                cur[key] = int(val.split()[0])
    return maps


def thread_stack_pointers(pid: int) -> dict[int, str]:
    """sp -> thread name, for every thread whose syscall file shows one."""
    out: dict[int, str] = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/syscall") as f:
                parts = f.read().split()
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
        except OSError:
            continue
        # "nr a1 a2 a3 a4 a5 a6 sp pc" while blocked in a syscall, "-1 sp pc"
        # while blocked otherwise, "running" while on a CPU
        if len(parts) >= 3 and parts[0] != "running":
            out[int(parts[-2], 16)] = name
    return out


def thread_names(pid: int) -> list[str]:
    names = []
    for tid in sorted(os.listdir(f"/proc/{pid}/task"), key=int):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                names.append(f.read().strip())
        except OSError:
            pass
    return names


def status(pid: int) -> dict[str, int]:
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if v.strip().endswith("kB"):
                out[k] = int(v.split()[0])
    return out


def classify(maps: list[dict], sps: dict[int, str]) -> None:
    for m in maps:
        p = m["path"]
        if p and not p.startswith("["):
            m["cat"] = p
            m["file"] = True
            continue
        m["file"] = False
        if p == "[heap]":
            m["cat"] = "[heap] (main malloc arena)"
        elif p == "[stack]":
            m["cat"] = "[stack] (main thread)"
        elif p.startswith("["):
            m["cat"] = p
        elif any(m["start"] <= sp < m["end"] for sp in sps):
            m["cat"] = "thread stacks"
            m["threads"] = sorted(n for sp, n in sps.items() if m["start"] <= sp < m["end"])
        elif m["start"] % ARENA_ALIGN == 0 and "rw" in m["perms"]:
            m["cat"] = "malloc arenas (per-thread, 64 MiB aligned)"
        else:
            m["cat"] = "anon (mmap: Lua/gRPC/Swift large blocks, runtime)"


FIELDS = ("Rss", "Pss", "Shared_Clean", "Private_Clean", "Private_Dirty", "Anonymous", "Size")


def summarize(pid: int) -> dict:
    maps = parse_smaps(pid)
    sps = thread_stack_pointers(pid)
    classify(maps, sps)
    by_cat: dict[str, dict] = collections.OrderedDict()
    for m in maps:
        row = by_cat.setdefault(m["cat"], {"name": m["cat"], "file": m["file"], "mappings": 0,
                                           **{k: 0 for k in FIELDS}})
        row["mappings"] += 1
        for k in FIELDS:
            row[k] += m.get(k, 0)
    rows = sorted(by_cat.values(), key=lambda r: -r["Rss"])
    tot = {"file": {k: 0 for k in FIELDS}, "anon": {k: 0 for k in FIELDS}}
    for r in rows:
        side = tot["file" if r["file"] else "anon"]
        for k in FIELDS:
            side[k] += r[k]
    # the groups asked about most
    groups = collections.OrderedDict((g, 0) for g in (
        "swift runtime + stdlib", "Foundation (+Essentials, Internationalization)", "ICU (_FoundationICU)",
        "gRPC + abseil + re2 + upb + cares", "OpenSSL", "C++ runtime", "glibc + ld.so", "Lua + protobuf-c",
        "the executable", "other files", "heap + malloc arenas", "thread stacks", "other anonymous"))
    try:
        exe = os.readlink(f"/proc/{pid}/exe")
    except OSError:
        exe = ""
    for r in rows:
        n = os.path.basename(r["name"]) if r["file"] else r["name"]
        if r["file"] and r["name"] == exe:
            groups["the executable"] += r["Rss"]
            continue
        if not r["file"]:
            if n.startswith("[heap]") or n.startswith("malloc"):
                g = "heap + malloc arenas"
            elif n.startswith("thread") or n.startswith("[stack]"):
                g = "thread stacks"
            else:
                g = "other anonymous"
        elif "FoundationICU" in n:
            g = "ICU (_FoundationICU)"
        elif n.startswith("libFoundation"):
            g = "Foundation (+Essentials, Internationalization)"
        elif n.startswith("libswift") or n in ("libdispatch.so", "libBlocksRuntime.so"):
            g = "swift runtime + stdlib"
        elif any(n.startswith(x) for x in ("libgrpc", "libgpr", "libabsl", "libre2", "libupb", "libcares",
                                            "libaddress_sorting", "libz.")):
            g = "gRPC + abseil + re2 + upb + cares"
        elif n.startswith("libssl") or n.startswith("libcrypto"):
            g = "OpenSSL"
        elif n.startswith("libstdc++") or n.startswith("libgcc_s"):
            g = "C++ runtime"
        elif n.startswith("libc.") or n.startswith("libm.") or n.startswith("ld-linux"):
            g = "glibc + ld.so"
        elif n.startswith("liblua") or n.startswith("libprotobuf-c"):
            g = "Lua + protobuf-c"
        else:
            g = "other files"
        groups[g] += r["Rss"]
    st = status(pid)
    names = thread_names(pid)
    return {"pid": pid, "VmRSS": st.get("VmRSS", 0), "VmHWM": st.get("VmHWM", 0),
            "RssAnon": st.get("RssAnon", 0), "RssFile": st.get("RssFile", 0),
            "threads": len(names), "thread_names": dict(collections.Counter(names)),
            "totals": tot, "groups": groups, "rows": rows}


def elf_section_headers(path: str) -> list[tuple[str, int, int, int, int, int]]:
    """(name, type, flags, address, file offset, size) of every section of a
    64-bit ELF file ([] for anything else)."""
    with open(path, "rb") as f:
        data = f.read(64)
        if data[:4] != b"\x7fELF" or data[4] != 2:
            return []
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
        f.seek(shoff)
        raw = f.read(shentsize * shnum)
        hdrs = [struct.unpack_from("<IIQQQQIIQQ", raw, i * shentsize) for i in range(shnum)]
        f.seek(hdrs[shstrndx][4])
        names = f.read(hdrs[shstrndx][5])
    return [(names[h[0]:names.index(b"\0", h[0])].decode(), h[1], h[2], h[3], h[4], h[5]) for h in hdrs]


def elf_sections(path: str) -> list[tuple[str, int, int]]:
    """(name, file offset, size) of every allocated section with file bytes."""
    return [(name, off, size) for name, typ, flags, _addr, off, size in elf_section_headers(path)
            if flags & 2 and typ != 8 and size]   # SHF_ALLOC, not NOBITS


def resident_by_section(pid: int, needle: str) -> list[tuple[str, str, int, int]]:
    """(file, section, resident KiB, section KiB) for mappings whose path
    contains needle, from /proc/PID/pagemap (bit 63: page present; needs root
    for nothing, the present bit is readable by the owner)."""
    maps = [m for m in parse_smaps(pid) if needle in m["path"] and not m["path"].startswith("[")]
    page = os.sysconf("SC_PAGE_SIZE")
    offsets = {}
    with open(f"/proc/{pid}/maps") as f:
        for line in f:
            parts = line.split()
            lo = int(parts[0].split("-")[0], 16)
            offsets[lo] = int(parts[2], 16)
    present: dict[str, set[int]] = collections.defaultdict(set)   # path -> resident file page numbers
    with open(f"/proc/{pid}/pagemap", "rb") as pm:
        for m in maps:
            n = (m["end"] - m["start"]) // page
            pm.seek(m["start"] // page * 8)
            raw = pm.read(n * 8)
            base = offsets[m["start"]] // page
            for i in range(n):
                if struct.unpack_from("<Q", raw, i * 8)[0] >> 63:
                    present[m["path"]].add(base + i)
    out = []
    for path, pages in present.items():
        for name, off, size in elf_sections(path):
            first, last = off // page, (off + size - 1) // page
            res = sum(1 for p in range(first, last + 1) if p in pages)
            out.append((path, name, res * page // 1024, size // 1024))
    return out


def symbol_group(name: str) -> str:
    """A symbol's library or Swift module, from its name."""
    if name.startswith(("$ss", "$sS")):
        return "Swift stdlib (incl. specializations)"
    m = re.match(r"\$s(\d+)(\w+)", name)
    if m:
        return "Swift module " + m.group(2)[:int(m.group(1))]
    if name.startswith(("_ZN5swift", "swift_", "_swift")):
        return "Swift runtime"
    for prefix, group in (("_ZN9grpc_core", "gRPC"), ("grpc_", "gRPC"), ("_ZN4absl", "abseil"),
                          ("_ZN3re2", "re2"), ("upb_", "upb"), ("ares_", "c-ares"), ("gpr_", "gRPC"),
                          ("SSL_", "OpenSSL"), ("ssl", "OpenSSL"), ("tls", "OpenSSL"), ("EVP_", "OpenSSL"),
                          ("ossl_", "OpenSSL"), ("OPENSSL_", "OpenSSL"), ("X509", "OpenSSL"),
                          ("lua", "Lua"), ("protobuf_c", "protobuf-c"), ("temporal__", "protobuf-c messages"),
                          ("google__", "protobuf-c messages"), ("yaml_", "libyaml"), ("mfg_", "C shims"),
                          ("mfl_", "C shims"), ("dispatch_", "libdispatch"), ("_dispatch", "libdispatch")):
        if name.startswith(prefix):
            return group
    return "C++ (other)" if name.startswith("_Z") else "other C"


def resident_by_symbol(pid: int, needle: str) -> list[tuple[str, str, int]]:
    """(section, symbol group, resident KiB) for the first mapped file whose
    path contains needle: each resident page goes to the group of the
    symbols covering most of it (from `nm -S`)."""
    maps = [m for m in parse_smaps(pid) if needle in m["path"] and not m["path"].startswith("[")]
    if not maps:
        return []
    path = maps[0]["path"]
    maps = [m for m in maps if m["path"] == path]
    out = subprocess.run(["nm", "-S", "--defined-only", path], capture_output=True, text=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4:
            syms.append((int(parts[0], 16), int(parts[1], 16), parts[3]))
    syms.sort()
    addrs = [a for a, _, _ in syms]
    with open(path, "rb") as f:
        f.seek(0)
        head = f.read(64)
    # the load bias: the mapping with file offset 0 is the ELF's address 0 (PIE)
    offsets = {}
    with open(f"/proc/{pid}/maps") as f:
        for line in f:
            p = line.split()
            offsets[int(p[0].split("-")[0], 16)] = int(p[2], 16)
    base = maps[0]["start"] - offsets[maps[0]["start"]] if head[16] == 3 else 0   # ET_DYN
    sections = [(n, off, size) for n, off, size in elf_section_addresses(path)]
    page = os.sysconf("SC_PAGE_SIZE")
    counts: dict[tuple[str, str], int] = collections.Counter()
    with open(f"/proc/{pid}/pagemap", "rb") as pm:
        for m in maps:
            n = (m["end"] - m["start"]) // page
            pm.seek(m["start"] // page * 8)
            raw = pm.read(n * 8)
            for i in range(n):
                if not struct.unpack_from("<Q", raw, i * 8)[0] >> 63:
                    continue
                addr = m["start"] - base + i * page
                section = next((name for name, lo, size in sections if lo <= addr < lo + size), "?")
                lo_i, hi_i = bisect.bisect_left(addrs, addr), bisect.bisect_left(addrs, addr + page)
                cover: dict[str, int] = collections.Counter()
                for a, size, name in syms[max(lo_i - 1, 0):hi_i]:
                    overlap = min(a + size, addr + page) - max(a, addr)
                    if overlap > 0:
                        cover[symbol_group(name)] += overlap
                group = cover.most_common(1)[0][0] if cover else "(no symbol)"
                counts[(section, group)] += page // 1024
    return [(sec, grp, kib) for (sec, grp), kib in counts.items()]


def elf_section_addresses(path: str) -> list[tuple[str, int, int]]:
    """(name, address, size) of every allocated section."""
    return [(name, addr, size) for name, _typ, flags, addr, _off, size in elf_section_headers(path)
            if flags & 2 and size]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pid", type=int)
    ap.add_argument("--top", type=int, default=25, help="mappings (grouped by file/category) to list")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ap.add_argument("--sections", metavar="NAME",
                    help="instead: resident KiB per ELF section of the mapped files whose path contains NAME")
    ap.add_argument("--symbols", metavar="NAME",
                    help="instead: resident KiB of the mapped file whose path contains NAME by section and by"
                         " the library or Swift module its symbols belong to (needs nm)")
    a = ap.parse_args()
    if a.symbols:
        rows = resident_by_symbol(a.pid, a.symbols)
        by_group: dict[str, int] = collections.Counter()
        by_section: dict[str, int] = collections.Counter()
        for sec, grp, kib in rows:
            by_group[grp] += kib
            by_section[sec] += kib
        print("resident KiB by symbol group:")
        for grp, kib in by_group.most_common():
            secs = ", ".join(f"{sec} {k}" for sec, g, k in sorted(rows, key=lambda r: -r[2]) if g == grp)
            print(f"{kib:8d}  {grp}  ({secs})")
        print("resident KiB by section: " + ", ".join(f"{sec} {kib}" for sec, kib in by_section.most_common()))
        return 0
    if a.sections:
        rows = resident_by_section(a.pid, a.sections)
        print(f"{'resident KiB':>12} {'of KiB':>8}  file: section")
        for path, name, res, size in sorted(rows, key=lambda r: -r[2]):
            if res:
                print(f"{res:12d} {size:8d}  {os.path.basename(path)}: {name}")
        print(f"{sum(r[2] for r in rows):12d} {'':8}  total (pages on a section boundary count for both)")
        return 0
    s = summarize(a.pid)
    if a.json:
        json.dump(s, sys.stdout, indent=1)
        print()
        return 0
    mib = lambda k: f"{k / 1024:7.1f}"
    print(f"pid {s['pid']}: VmRSS {mib(s['VmRSS'])} MiB (peak VmHWM {mib(s['VmHWM']).strip()}), "
          f"RssFile {mib(s['RssFile']).strip()}, RssAnon {mib(s['RssAnon']).strip()} MiB; "
          f"{s['threads']} threads")
    print("threads: " + ", ".join(f"{n} x{c}" if c > 1 else n for n, c in sorted(s["thread_names"].items())))
    print()
    print(f"{'Rss MiB':>8} {'Pss':>6} {'ShClean':>7} {'PrClean':>7} {'PrDirty':>7} {'maps':>4}  mapping")
    for r in s["rows"][:a.top]:
        name = r["name"]
        if r["file"]:
            name = os.path.basename(name)
        print(f"{r['Rss']/1024:8.2f} {r['Pss']/1024:6.2f} {r['Shared_Clean']/1024:7.2f} "
              f"{r['Private_Clean']/1024:7.2f} {r['Private_Dirty']/1024:7.2f} {r['mappings']:4d}  {name}")
    rest = s["rows"][a.top:]
    if rest:
        print(f"{sum(r['Rss'] for r in rest)/1024:8.2f} {'':6} {'':7} {'':7} {'':7} {len(rest):4d}  "
              f"({len(rest)} more)")
    print()
    print("groups (Rss MiB):")
    for g, v in s["groups"].items():
        if v:
            print(f"  {v/1024:7.2f}  {g}")
    print()
    for side in ("file", "anon"):
        t = s["totals"][side]
        print(f"{'file-backed' if side == 'file' else 'anonymous  '}: Rss {t['Rss']/1024:6.2f}  Pss {t['Pss']/1024:6.2f}  "
              f"Shared_Clean {t['Shared_Clean']/1024:6.2f}  Private_Clean {t['Private_Clean']/1024:6.2f}  "
              f"Private_Dirty {t['Private_Dirty']/1024:6.2f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
