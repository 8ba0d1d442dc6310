#!/usr/bin/env python3
"""Idle and under-load RSS of the Moonflow daemon, with the breakdown of
bench/rss-breakdown.py at each step. Needs a running Temporal server:

    python3 bench/rss-load.py --address 127.0.0.1:PORT [--moonflow .build/release/moonflow]
        [--w1 500] [--w2 200] [--in-flight 50] [--json out.json]

Starts the daemon on bench/registry (its own task queue), waits until it
answers a workflow, waits --settle seconds and takes the idle breakdown;
then runs W1 (noop) workflows and W2 (ten activities) workflows with
--in-flight of them in flight, sampling VmRSS every 20 ms for the peak, and
takes a breakdown after each phase. Every result is checked; the daemon is
stopped (SIGTERM, by its pid) at the end, also on failure.
"""
from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import driver  # noqa: E402  (bench/driver.py: Runner, RSSSampler, start_moonflow, ...)

_spec = importlib.util.spec_from_file_location("rss_breakdown", os.path.join(HERE, "rss-breakdown.py"))
breakdown = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(breakdown)

from temporalio.client import Client  # noqa: E402


def brief(s: dict) -> dict:
    """The numbers worth keeping from one breakdown, in KiB."""
    return {"VmRSS": s["VmRSS"], "RssFile": s["RssFile"], "RssAnon": s["RssAnon"], "threads": s["threads"],
            "file_rss": s["totals"]["file"]["Rss"], "anon_rss": s["totals"]["anon"]["Rss"],
            "file_private_dirty": s["totals"]["file"]["Private_Dirty"],
            "groups": {k: v for k, v in s["groups"].items() if v}}


def show(label: str, s: dict) -> None:
    g = ", ".join(f"{k} {v / 1024:.1f}" for k, v in s["groups"].items() if v >= 256)
    print(f"[{label}] VmRSS {s['VmRSS'] / 1024:.1f} MiB (file {s['totals']['file']['Rss'] / 1024:.1f}, "
          f"anon {s['totals']['anon']['Rss'] / 1024:.1f}, file private dirty "
          f"{s['totals']['file']['Private_Dirty'] / 1024:.1f}), {s['threads']} threads; {g}", flush=True)


async def run(args) -> dict:
    tq = f"rss-{uuid.uuid4().hex[:6]}"
    logdir = tempfile.mkdtemp(prefix="moonflow-rss-")
    client = await Client.connect(args.address)
    w = driver.start_moonflow(args, tq, args.registry, os.path.join(logdir, "moonflow.log"), "warning")
    out: dict = {"binary": args.moonflow, "task_queue": tq, "log": os.path.join(logdir, "moonflow.log")}
    try:
        runner = driver.Runner(client, tq, tq, w)
        await driver.wait_ready(runner, w)
        await asyncio.sleep(args.settle)
        s = breakdown.summarize(w.pid)
        show("idle", s)
        out["idle"] = brief(s)
        for wl, n in (("W1", args.w1), ("W2", args.w2)):
            if n <= 0:
                continue
            t0 = time.perf_counter()
            with driver.RSSSampler(w.pid) as sampler:
                done = await runner.many(wl, "load", n, args.in_flight, seed_base=1)
            s = breakdown.summarize(w.pid)
            print(f"[{wl}] {len(done)}/{n} right in {time.perf_counter() - t0:.1f}s, peak VmRSS "
                  f"{sampler.peak / 1024:.1f} MiB", flush=True)
            show(f"after {wl}", s)
            out[wl] = {"n": n, "ok": len(done), "peak_rss_kib": sampler.peak, "after": brief(s)}
        out["errors"] = runner.errors[:10]
        out["VmHWM"] = breakdown.status(w.pid).get("VmHWM", 0)
        print(f"VmHWM {out['VmHWM'] / 1024:.1f} MiB; errors {len(runner.errors)}", flush=True)
        if args.hold > 0:
            print(f"holding the daemon (pid {w.pid}) for {args.hold:.0f}s for inspection", flush=True)
            await asyncio.sleep(args.hold)
    finally:
        w.stop()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--address", required=True)
    ap.add_argument("--moonflow", default=os.path.join(driver.ROOT, ".build/release/moonflow"))
    ap.add_argument("--registry", default=os.path.join(HERE, "registry"))
    ap.add_argument("--w1", type=int, default=500)
    ap.add_argument("--w2", type=int, default=200)
    ap.add_argument("--in-flight", type=int, default=50)
    ap.add_argument("--settle", type=float, default=3.0, help="seconds idle before the idle breakdown")
    ap.add_argument("--json", help="also write the numbers here")
    ap.add_argument("--hold", type=float, default=0, help="seconds to keep the daemon running at the end")
    args = ap.parse_args()
    try:
        res = asyncio.run(run(args))
    finally:
        driver.stop_all()
    if args.json:
        with open(args.json, "w") as f:
            json.dump(res, f, indent=1, sort_keys=True)
    return 0 if not res.get("errors") else 1


if __name__ == "__main__":
    sys.exit(main())
