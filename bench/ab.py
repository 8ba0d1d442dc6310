#!/usr/bin/env python3
"""A/B of two Moonflow binaries on one workload, for steering CPU work:

    python3 bench/ab.py --address 127.0.0.1:PORT --server-pid PID \\
        --a OLD_BINARY --b NEW_BINARY [--workload W2] [--n 300] [--rounds 3]

Starts both daemons on bench/registry (each on its own task queue), warms
them up, then runs the workload's throughput run (--in-flight in flight)
on A, B, B, A, A, B, ... so a drift in the box's speed hits both alike,
and prints for each run the worker CPU ms per workflow and its context
switches per workflow, then the medians and B/A. One run of a workload is
not enough on this VM: the same binary moves by 10-20% between runs.

With --together each round runs the workload on A and on B at the same
time (each with --in-flight in flight), so both see the same box, and B/A
is taken per round; the median of those is the result. This is much
steadier here: an A/A check gave 1.000-1.007 per round, where alternating
runs of one binary differ by 10-20%.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import driver  # noqa: E402  (bench/driver.py: Runner, start_moonflow, cpu_ms, ...)

from temporalio.client import Client  # noqa: E402


def context_switches(pid: int) -> int:
    """Voluntary and involuntary context switches of every thread of pid."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                total += sum(int(line.split()[1]) for line in f if "ctxt_switches" in line)
        except OSError:
            pass
    return total


async def run(args) -> int:
    client = await Client.connect(args.address)
    outdir = os.path.join("/tmp", f"moonflow-ab-{uuid.uuid4().hex[:6]}")
    os.makedirs(outdir)
    sides = {}
    for label, binary in (("A", args.a), ("B", args.b)):
        tq = f"ab-{label}-{uuid.uuid4().hex[:6]}"
        args.moonflow = binary
        w = driver.start_moonflow(args, tq, args.registry, os.path.join(outdir, f"{label}.log"), "warning")
        runner = driver.Runner(client, tq, f"ab{label}{uuid.uuid4().hex[:4]}", w)
        await driver.wait_ready(runner, w)
        await runner.many(args.workload, "warm", 20, 10)
        sides[label] = (runner, w)
    if args.together:
        return await together(args, sides)
    results: dict[str, list[tuple[float, float]]] = {"A": [], "B": []}
    order = []
    for r in range(args.rounds):
        order += ["A", "B"] if r % 2 == 0 else ["B", "A"]
    for i, label in enumerate(order):
        c, x, _ = await measured(label, *sides[label], args, f"run{i}", 1000 * (i + 1))
        results[label].append((c, x))
    med = {k: (statistics.median(c for c, _ in v), statistics.median(x for _, x in v)) for k, v in results.items()}
    return finish(sides, f"median cpu ms/wf: A {med['A'][0]:.2f}, B {med['B'][0]:.2f}, "
                  f"B/A {med['B'][0] / med['A'][0]:.3f}; "
                  f"context switches/wf: A {med['A'][1]:.0f}, B {med['B'][1]:.0f}")


def finish(sides, summary: str) -> int:
    """Stops both workers, prints the summary and the first errors; the exit code."""
    errors = sides["A"][0].errors + sides["B"][0].errors
    for _, w in sides.values():
        w.stop()
    print(f"{summary}; errors {len(errors)}")
    for e in errors[:5]:
        print(f"  {e}")
    return 1 if errors else 0


async def measured(label: str, runner, w, args, tag: str, seed_base: int) -> tuple[float, float, int]:
    """One throughput run on one side: (cpu ms/wf, context switches/wf, done)."""
    c0, x0 = driver.cpu_ms(w.pid), context_switches(w.pid)
    t0 = time.perf_counter()
    done = await runner.many(args.workload, tag, args.n, args.in_flight, seed_base=seed_base)
    elapsed = time.perf_counter() - t0
    c1, x1 = driver.cpu_ms(w.pid), context_switches(w.pid)
    n = max(len(done), 1)
    print(f"{label}: {args.workload} {len(done)} in {elapsed:.1f}s, cpu {(c1 - c0) / n:.2f} ms/wf, "
          f"{(x1 - x0) / n:.0f} context switches/wf (load {driver.loadavg()})", flush=True)
    return (c1 - c0) / n, (x1 - x0) / n, len(done)


async def together(args, sides) -> int:
    """Each round: A and B under the same load at the same time; B/A per round."""
    ratios, cpu = [], {"A": [], "B": []}
    for r in range(args.rounds):
        (ca, xa, _), (cb, xb, _) = await asyncio.gather(
            measured("A", *sides["A"], args, f"tA{r}", 1000 * (r + 1)),
            measured("B", *sides["B"], args, f"tB{r}", 1000 * (r + 1)))
        cpu["A"].append(ca)
        cpu["B"].append(cb)
        ratios.append(cb / ca if ca > 0 else float("nan"))
        print(f"round {r + 1}: B/A {ratios[-1]:.3f} (load {driver.loadavg()})", flush=True)
    return finish(sides, f"together: median cpu ms/wf A {statistics.median(cpu['A']):.2f}, "
                  f"B {statistics.median(cpu['B']):.2f}; per-round B/A {' '.join(f'{x:.3f}' for x in ratios)}; "
                  f"median B/A {statistics.median(ratios):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--address", required=True)
    ap.add_argument("--server-pid", type=int, required=True)
    ap.add_argument("--a", required=True, help="the baseline moonflow binary")
    ap.add_argument("--b", required=True, help="the changed moonflow binary")
    ap.add_argument("--registry", default=os.path.join(HERE, "registry"))
    ap.add_argument("--workload", default="W2", choices=driver.WORKLOADS)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--in-flight", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--together", action="store_true",
                    help="run A and B at the same time each round (steadier; B/A per round)")
    args = ap.parse_args()
    try:
        return asyncio.run(run(args))
    finally:
        driver.stop_all()


if __name__ == "__main__":
    sys.exit(main())
