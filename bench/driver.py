"""Benchmark driver (issue 5): runs the Moonflow daemon and the Python SDK
worker one after the other against one dev server, drives both with the same
client code, and prints one side-by-side table. Normally started by
bench/run.sh, which builds the daemon and starts/stops the dev server:

    python3 bench/driver.py --address 127.0.0.1:PORT --server-pid PID \
        --moonflow .build/release/moonflow --registry bench/registry
    python3 bench/driver.py ... --correctness      # 2,000 W2, cache bound 50

Everything is bounded: every workflow result has a timeout, every phase a
fixed number of workflows, and every process started here is stopped (by its
pid) in a `finally`, also on SIGTERM/SIGINT.
"""
from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field

from temporalio.client import Client, WorkflowHandle
import temporalio

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TICK = os.sysconf("SC_CLK_TCK")
RESULT_TIMEOUT = 120.0          # per workflow, seconds
WORKLOADS = ["W1", "W2", "W3", "W4"]
WTYPE = {"W1": "W1Noop", "W2": "W2Activities", "W3": "W3Timers", "W4": "W4Signals"}


# ---------------------------------------------------------------- /proc ----

def descendants(pid: int) -> list[int]:
    """pid and every live descendant (workers might fork helpers)."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                s = f.read()
            ppid = int(s[s.rindex(")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(name))
        except (OSError, ValueError):
            pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_ms_one(pid: int) -> float:
    """utime+stime of a process (all its threads), in ms."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return 0.0
    fields = s[s.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / TICK


def cpu_ms(pid: int) -> float:
    return sum(cpu_ms_one(p) for p in descendants(pid))


def status_kib(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_kib(pid: int) -> int:
    return sum(status_kib(p, "VmRSS") for p in descendants(pid))


def box_cpu() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine (every process, ours or not)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + (v[4] if len(v) > 4 else 0)
    return sum(v[:8]) - idle, sum(v[:8])


def loadavg() -> str:
    with open("/proc/loadavg") as f:
        return f.read().strip()


class RSSSampler:
    """Samples the worker's VmRSS every 20 ms in a thread; keeps the max."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_kib(self.pid))
            self._stop.wait(0.02)

    def __enter__(self) -> "RSSSampler":
        self._t.start()
        return self

    def __exit__(self, *a) -> None:
        self._stop.set()
        self._t.join(2)
        self.peak = max(self.peak, rss_kib(self.pid))


# ---------------------------------------------------------------- workers --

@dataclass
class WorkerProc:
    name: str
    proc: subprocess.Popen
    log_path: str

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self, grace: float = 15.0) -> None:
        if self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(grace)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


STARTED: list[WorkerProc] = []


class WorkerDied(RuntimeError):
    pass


async def watched(w: WorkerProc, coro):
    """Runs coro, but fails at once (instead of waiting out result timeouts)
    if the worker process exits while it runs."""
    task = asyncio.ensure_future(coro)
    while not task.done():
        done, _ = await asyncio.wait({task}, timeout=0.5)
        if not done and w.proc.poll() is not None:
            task.cancel()
            rc = w.proc.returncode
            how = f"killed by signal {-rc}" if rc < 0 else f"exit code {rc}"
            raise WorkerDied(f"{w.name} worker (pid {w.pid}) exited during the run: {how}; log {w.log_path}")
    return task.result()


def start_moonflow(args, task_queue: str, registry: str, log_path: str, log_level: str) -> WorkerProc:
    env = dict(os.environ, BENCH_TEMPORAL_ADDRESS=args.address, BENCH_TASK_QUEUE=task_queue)
    log = open(log_path, "w")
    p = subprocess.Popen([args.moonflow, "run", "--registry", registry, "--log-level", log_level,
                          "--grace-period", "5"], env=env, stdout=log, stderr=subprocess.STDOUT,
                         cwd=ROOT)
    w = WorkerProc("moonflow", p, log_path)
    STARTED.append(w)
    return w


def start_python(args, task_queue: str, log_path: str) -> WorkerProc:
    log = open(log_path, "w")
    p = subprocess.Popen([sys.executable, os.path.join(HERE, "python_worker.py"), "--address", args.address,
                          "--task-queue", task_queue, "--max-cached-workflows", str(args.max_cached)],
                         stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    w = WorkerProc("python", p, log_path)
    STARTED.append(w)
    return w


def stop_all() -> None:
    for w in STARTED:
        try:
            w.stop()
        except Exception as e:  # noqa: BLE001
            print(f"driver: could not stop {w.name} ({w.pid}): {e}", file=sys.stderr)


# ---------------------------------------------------------------- runs -----

class Runner:
    """Starts workflows of one workload and waits for (and checks) results."""

    def __init__(self, client: Client, task_queue: str, tag: str, worker: WorkerProc):
        self.client, self.tq, self.tag, self.worker = client, task_queue, tag, worker
        self.errors: list[str] = []

    def wid(self, wl: str, phase: str, i: int) -> str:
        return f"bench-{self.tag}-{wl}-{phase}-{i}"

    async def one(self, wl: str, phase: str, i: int, seed: int = 0) -> dict:
        """Runs one workflow; returns {"latency": s, "after_signals": s}."""
        wid = self.wid(wl, phase, i)
        t0 = time.perf_counter()
        if wl == "W2":
            h = await self.client.start_workflow(WTYPE[wl], {"n": 10, "seed": seed}, id=wid, task_queue=self.tq)
            expect = 10 * seed + 55
        elif wl == "W4":
            h = await self.client.start_workflow(WTYPE[wl], 10, id=wid, task_queue=self.tq)
            expect = 55
        else:
            h = await self.client.start_workflow(WTYPE[wl], id=wid, task_queue=self.tq)
            expect = None
        t_sig = t0
        if wl == "W4":
            for v in range(1, 11):
                await h.signal("add", v)
            t_sig = time.perf_counter()
        r = await watched(self.worker, asyncio.wait_for(h.result(), RESULT_TIMEOUT))
        t1 = time.perf_counter()
        if r != expect:
            raise RuntimeError(f"{wid}: result {r!r}, expected {expect!r}")
        return {"latency": t1 - t0, "after_signals": t1 - t_sig}

    async def many(self, wl: str, phase: str, n: int, in_flight: int, seed_base: int = 0) -> list[dict]:
        out: list[dict] = []
        nxt = 0

        async def lane() -> None:
            nonlocal nxt
            while nxt < n:
                i = nxt
                nxt += 1
                try:
                    out.append(await self.one(wl, phase, i, seed=seed_base + i))
                except WorkerDied:
                    raise
                except Exception as e:  # noqa: BLE001
                    self.errors.append(f"{wl}/{phase}/{i}: {type(e).__name__}: {e}")
        await asyncio.gather(*(lane() for _ in range(min(in_flight, n))))
        return out


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


async def wait_ready(runner: Runner, proc: WorkerProc, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.proc.poll() is not None:
            raise WorkerDied(f"{proc.name} worker exited with {proc.proc.returncode} before it was ready; see {proc.log_path}")
        try:
            await asyncio.wait_for(runner.one("W1", "ready", int(time.monotonic() * 1000)), 10)
            return
        except Exception:  # noqa: BLE001
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.5)


async def wait_parked(client: Client, ids: list[str], timeout: float) -> int:
    """Waits until every workflow answered its first task (WorkflowTaskCompleted)."""
    pending = list(ids)
    deadline = time.monotonic() + timeout
    sem = asyncio.Semaphore(20)

    async def done(wid: str) -> bool:
        async with sem:
            async for ev in client.get_workflow_handle(wid).fetch_history_events():
                if ev.HasField("workflow_task_completed_event_attributes"):
                    return True
            return False
    while pending and time.monotonic() < deadline:
        flags = await asyncio.gather(*(done(w) for w in pending), return_exceptions=True)
        pending = [w for w, f in zip(pending, flags) if f is not True]
        if pending:
            await asyncio.sleep(0.5)
    return len(ids) - len(pending)


async def rss_median(pid: int, samples: int = 5, every: float = 0.2) -> float:
    values = []
    for _ in range(samples):
        values.append(rss_kib(pid))
        await asyncio.sleep(every)
    return statistics.median(values)


async def gather_limited(coros, limit: int = 50):
    sem = asyncio.Semaphore(limit)

    async def run(c):
        async with sem:
            return await c
    return await asyncio.gather(*(run(c) for c in coros), return_exceptions=True)


def history_gaps(path: str) -> dict:
    """Median ms from *_TASK_SCHEDULED to *_TASK_STARTED in an exported history
    (shows the server's dispatch delay, and eager activity execution as ~0)."""
    def ts(e):
        base, _, frac = e["eventTime"].rstrip("Z").partition(".")
        return dt.datetime.fromisoformat(base + "." + (frac + "000000")[:6])
    with open(path) as f:
        events = json.load(f)["events"]
    sched: dict[str, list[float]] = {"WORKFLOW": [], "ACTIVITY": []}
    last: dict[str, dt.datetime] = {}
    for e in events:
        t = e["eventType"]
        for kind in sched:
            if t == f"EVENT_TYPE_{kind}_TASK_SCHEDULED":
                last[kind] = ts(e)
            elif t == f"EVENT_TYPE_{kind}_TASK_STARTED" and kind in last:
                sched[kind].append((ts(e) - last.pop(kind)).total_seconds() * 1000)
    total = (ts(events[-1]) - ts(events[0])).total_seconds()
    return {"workflow_task_schedule_to_start_ms_p50": pct(sched["WORKFLOW"], 0.5),
            "activity_task_schedule_to_start_ms_p50": pct(sched["ACTIVITY"], 0.5),
            "history_seconds": total}


async def export_history(args, wid: str, path: str) -> int:
    """`temporal workflow show --output json` into path; returns the event count."""
    with open(path, "w") as f:
        subprocess.run([args.temporal, "workflow", "show", "--address", args.address, "-w", wid,
                        "--output", "json"], stdout=f, check=True, timeout=120)
    with open(path) as f:
        return len(json.load(f)["events"])


class Side:
    """One worker under test: its process, its own task queue, its results."""

    def __init__(self, name: str, runner: Runner, w: WorkerProc, client: Client, res: dict):
        self.name, self.runner, self.w, self.client, self.res = name, runner, w, client, res


async def start_side(args, name: str, outdir: str) -> Side:
    """Starts one worker, waits until it answers, warms it up."""
    tag = f"{name}-{uuid.uuid4().hex[:6]}"
    tq = f"bench-{tag}"
    log_path = os.path.join(outdir, f"{name}-worker.log")
    client = await Client.connect(args.address)
    if name == "moonflow":
        w = start_moonflow(args, tq, args.registry, log_path, args.moonflow_log_level)
    else:
        w = start_python(args, tq, log_path)
    side = Side(name, Runner(client, tq, tag, w), w, client,
                {"task_queue": tq, "loadavg_start": loadavg(), "workloads": {}})
    try:
        t_start = time.perf_counter()
        await wait_ready(side.runner, w)
        side.res["ready_seconds"] = time.perf_counter() - t_start
        side.res["idle_rss_kib"] = rss_kib(w.pid)
        # warm-up: a few of each, sequential and concurrent
        for wl in WORKLOADS:
            await side.runner.many(wl, "warm", args.warmup, 5)
        print(f"[{name}] ready in {side.res['ready_seconds']:.1f}s, idle RSS {side.res['idle_rss_kib']/1024:.1f} MiB, "
              f"warm-up done (load {loadavg()})", flush=True)
    except WorkerDied as e:
        side.res["died"] = str(e)
        print(f"[{name}] {e}", flush=True)
    return side


async def measure_workload(args, side: Side, wl: str) -> None:
    """Latency, throughput, CPU and peak RSS of one workload on one worker
    (the other worker, if any, is idle meanwhile)."""
    if side.res.get("died"):
        return
    runner, w, name = side.runner, side.w, side.name
    r: dict = {}
    try:
        with RSSSampler(w.pid) as sampler:
            lat = await runner.many(wl, "lat", args.latency_runs, 1)
            n = args.n_w1 if wl == "W1" else args.n
            c0, s0, d0 = cpu_ms(w.pid), cpu_ms(args.server_pid), cpu_ms_one(os.getpid())
            b0 = box_cpu()
            t0 = time.perf_counter()
            thr = await runner.many(wl, "thr", n, args.in_flight, seed_base=1000)
            elapsed = time.perf_counter() - t0
            c1, s1, d1 = cpu_ms(w.pid), cpu_ms(args.server_pid), cpu_ms_one(os.getpid())
            b1 = box_cpu()
    except WorkerDied as e:
        side.res["died"] = str(e)
        print(f"[{name}] {e}", flush=True)
        return
    key = "after_signals" if wl == "W4" else "latency"
    r["latency_runs"] = len(lat)
    r["p50_ms"] = pct([x[key] for x in lat], 0.5) * 1000
    r["p95_ms"] = pct([x[key] for x in lat], 0.95) * 1000
    if wl == "W4":
        r["start_to_result_p50_ms"] = pct([x["latency"] for x in lat], 0.5) * 1000
        r["start_to_result_p95_ms"] = pct([x["latency"] for x in lat], 0.95) * 1000
    r["throughput_n"] = len(thr)
    r["throughput_seconds"] = elapsed
    r["wf_per_s"] = len(thr) / elapsed if elapsed > 0 else 0.0
    r["throughput_p50_ms"] = pct([x["latency"] for x in thr], 0.5) * 1000
    done = max(len(thr), 1)
    r["worker_cpu_ms_per_wf"] = (c1 - c0) / done
    r["server_cpu_ms_per_wf"] = (s1 - s0) / done
    r["driver_cpu_ms_per_wf"] = (d1 - d0) / done
    # what the box could do if the worker cost nothing: all cores for server + driver
    r["est_ceiling_wf_per_s"] = os.cpu_count() * 1000.0 / max(r["server_cpu_ms_per_wf"] + r["driver_cpu_ms_per_wf"], 1e-9)
    r["box_cpu_busy"] = (b1[0] - b0[0]) / max(b1[1] - b0[1], 1)
    r["peak_rss_kib"] = sampler.peak
    r["errors"] = len([e for e in runner.errors if e.startswith(wl + "/")])
    r["loadavg_end"] = loadavg()
    side.res["workloads"][wl] = r
    print(f"[{name}] {wl}: {r['wf_per_s']:.1f} wf/s, p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, "
          f"cpu {r['worker_cpu_ms_per_wf']:.2f} ms/wf (server {r['server_cpu_ms_per_wf']:.1f}), "
          f"peak RSS {r['peak_rss_kib']/1024:.1f} MiB, box CPU {r['box_cpu_busy']*100:.0f}%, errors {r['errors']} (load {loadavg()})", flush=True)


async def finish_side(args, side: Side, outdir: str) -> dict:
    """Records the replay history (one W2 with 2,000 sequential activities,
    exported), then stops the worker."""
    res, w, name = side.res, side.w, side.name
    try:
        if not res.get("died"):
            wid = side.runner.wid("W2", "replayhist", 0)
            t0 = time.perf_counter()
            h = await side.client.start_workflow(WTYPE["W2"], {"n": args.replay_activities, "seed": 0}, id=wid,
                                                 task_queue=res["task_queue"])
            r = await asyncio.wait_for(watched(w, h.result()), 900)
            n = args.replay_activities
            if r != n * (n + 1) // 2:
                raise RuntimeError(f"replay history workflow returned {r!r}")
            hist = os.path.join(outdir, f"{name}-history.json")
            events = await export_history(args, wid, hist)
            res["replay_history"] = {"path": hist, "events": events, "workflow_seconds": time.perf_counter() - t0}
            try:
                res["replay_history"].update(history_gaps(hist))
            except Exception as e:  # noqa: BLE001
                res["replay_history"]["gaps_error"] = str(e)
            print(f"[{name}] recorded a {events}-event history in {res['replay_history']['workflow_seconds']:.1f}s", flush=True)
            res["peak_rss_hwm_kib"] = status_kib(w.pid, "VmHWM")
    except WorkerDied as e:
        res["died"] = str(e)
        print(f"[{name}] {e}", flush=True)
    finally:
        res["errors"] = side.runner.errors[:20]
        res["error_count"] = len(side.runner.errors)
        res["loadavg_end"] = loadavg()
        alive = w.proc.poll() is None
        w.stop()
        res["exit_code"] = w.proc.returncode
        res["was_alive_at_end"] = alive
    return res


async def measure_parked(args, name: str, outdir: str) -> dict:
    """RSS growth per parked workflow, on a fresh worker process (so heap
    left free by the throughput runs does not hide the growth): warm up,
    measure RSS, start N W4 workflows that wait for signals, wait until each
    answered its first task (cached and waiting), measure again, terminate."""
    tag = f"{name}-park-{uuid.uuid4().hex[:6]}"
    tq = f"bench-{tag}"
    log_path = os.path.join(outdir, f"{name}-parked-worker.log")
    client = await Client.connect(args.address)
    if name == "moonflow":
        w = start_moonflow(args, tq, args.registry, log_path, args.moonflow_log_level)
    else:
        w = start_python(args, tq, log_path)
    runner = Runner(client, tq, tag, w)
    try:
        await wait_ready(runner, w)
        await runner.many("W1", "warm", args.warmup, 5)
        await runner.many("W4", "warm", args.warmup, 5)
        await asyncio.sleep(1)
        before = await rss_median(w.pid)
        ids = [runner.wid("W4", "park", i) for i in range(args.parked)]
        t0 = time.perf_counter()
        starts = await gather_limited([client.start_workflow(WTYPE["W4"], 10, id=i, task_queue=tq) for i in ids])
        start_errors = [s for s in starts if isinstance(s, Exception)]
        parked = await wait_parked(client, ids, 180)
        await asyncio.sleep(2)
        after = await rss_median(w.pid)
        res = {"n": args.parked, "parked": parked, "start_errors": len(start_errors),
               "seconds_to_park": time.perf_counter() - t0,
               "rss_before_kib": before, "rss_after_kib": after,
               "kib_per_parked": (after - before) / max(parked, 1)}
        # are they still live? one signal batch to a few parked workflows completes them
        probe = ids[:5]
        for wid in probe:
            h = client.get_workflow_handle(wid)
            for v in range(1, 11):
                await h.signal("add", v)
        probe_ok = 0
        for wid in probe:
            if await asyncio.wait_for(client.get_workflow_handle(wid).result(), RESULT_TIMEOUT) == 55:
                probe_ok += 1
        res["probe_completed"] = f"{probe_ok}/{len(probe)}"
        print(f"[{name}] parked {parked}/{args.parked} on a fresh worker: RSS {before/1024:.1f} -> "
              f"{after/1024:.1f} MiB, {res['kib_per_parked']:.1f} KiB each", flush=True)
        term = await gather_limited([client.get_workflow_handle(i).terminate("bench done") for i in ids[len(probe):]])
        res["terminate_errors"] = len([t for t in term if isinstance(t, Exception)])
        res["peak_rss_hwm_kib"] = status_kib(w.pid, "VmHWM")
    except WorkerDied as e:
        res = {"died": str(e)}
        print(f"[{name}] {e}", flush=True)
    finally:
        w.stop()
    return res


def replay_moonflow(args, history: str) -> dict:
    runs = []
    out = ""
    for _ in range(args.replay_repeat):
        t0 = time.perf_counter()
        p = subprocess.run([args.moonflow, "replay", "--registry", args.registry, history],
                           capture_output=True, text=True, timeout=300, cwd=ROOT,
                           env=dict(os.environ, BENCH_TEMPORAL_ADDRESS=args.address, BENCH_TASK_QUEUE="replay"))
        runs.append(time.perf_counter() - t0)
        out = (p.stdout + p.stderr).strip()
        if p.returncode != 0:
            return {"ok": False, "output": out[-2000:], "seconds": runs}
    return {"ok": True, "output": out[-500:], "seconds": runs}


def replay_python(args, history: str) -> dict:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, os.path.join(HERE, "python_worker.py"), "--replay", history,
                        "--repeat", str(args.replay_repeat)], capture_output=True, text=True, timeout=600)
    total = time.perf_counter() - t0
    if p.returncode != 0:
        return {"ok": False, "output": (p.stdout + p.stderr)[-2000:], "seconds": []}
    lines = [json.loads(x) for x in p.stdout.splitlines() if x.startswith("{")]
    return {"ok": True, "seconds": [x["seconds"] for x in lines], "process_seconds": total}


# ---------------------------------------------------------------- table ----

def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def build_rows(res: dict) -> list[tuple]:
    """(metric, moonflow, python, ratio, target, met) rows."""
    nan = float("nan")

    def tolerant(d: dict) -> dict:
        """Missing numbers (a worker died) become NaN instead of KeyErrors."""
        out = collections.defaultdict(lambda: nan, d)
        out["workloads"] = {wl: collections.defaultdict(lambda: nan, d.get("workloads", {}).get(wl, {}))
                            for wl in WORKLOADS}
        out["parked"] = collections.defaultdict(lambda: nan, d.get("parked", {}))
        return out
    m, p = tolerant(res["moonflow"]), tolerant(res["python"])
    rows: list[tuple] = []

    def row(metric, mv, pv, fmt, target=None, check=None, rat=None):
        r = ratio(mv, pv) if rat is None else rat
        met = "" if check is None else ("MET" if check(mv, pv, r) else "NOT MET")
        if check is not None and (mv != mv or pv != pv):
            met = "NO DATA"
        rows.append((metric, fmt.format(mv), fmt.format(pv), f"{r:.3g}x" if r == r else "-", target or "", met))

    for wl in WORKLOADS:
        mw, pw = m["workloads"][wl], p["workloads"][wl]
        lat_name = "latency after signals" if wl == "W4" else "latency"
        row(f"{wl} throughput wf/s @{res['config']['in_flight']}", mw["wf_per_s"], pw["wf_per_s"], "{:.1f}",
            ">= 1x", lambda a, b, r: r >= 1.0)
        row(f"{wl} {lat_name} p50 ms @1", mw["p50_ms"], pw["p50_ms"], "{:.1f}", "<= 1x", lambda a, b, r: r <= 1.0)
        row(f"{wl} {lat_name} p95 ms @1", mw["p95_ms"], pw["p95_ms"], "{:.1f}", "<= 1x", lambda a, b, r: r <= 1.0)
        if wl in ("W1", "W2", "W4"):
            row(f"{wl} worker CPU ms/wf", mw["worker_cpu_ms_per_wf"], pw["worker_cpu_ms_per_wf"], "{:.2f}",
                "<= 0.10x", lambda a, b, r: r <= 0.10)
        else:
            row(f"{wl} worker CPU ms/wf", mw["worker_cpu_ms_per_wf"], pw["worker_cpu_ms_per_wf"], "{:.2f}")
        row(f"{wl} worker peak RSS MiB", mw["peak_rss_kib"] / 1024, pw["peak_rss_kib"] / 1024, "{:.1f}",
            "<= 0.25x", lambda a, b, r: r <= 0.25)
        row(f"{wl} server CPU ms/wf (info)", mw["server_cpu_ms_per_wf"], pw["server_cpu_ms_per_wf"], "{:.1f}")
        row(f"{wl} est. server+driver ceiling wf/s", mw["est_ceiling_wf_per_s"], pw["est_ceiling_wf_per_s"], "{:.1f}")
        row(f"{wl} throughput / ceiling", mw["wf_per_s"] / mw["est_ceiling_wf_per_s"],
            pw["wf_per_s"] / pw["est_ceiling_wf_per_s"], "{:.2f}", ">= 0.90 (m)",
            lambda a, b, r: a >= 0.90, rat=float("nan"))
    mp, pp = m["parked"], p["parked"]
    row(f"parked: KiB per workflow ({mp['parked']}/{pp['parked']} parked)", mp["kib_per_parked"], pp["kib_per_parked"],
        "{:.1f}", "<= 16 KiB", lambda a, b, r: a <= 16.0)
    row("peak RSS MiB (all workloads)", max(m["workloads"][w]["peak_rss_kib"] for w in WORKLOADS) / 1024,
        max(p["workloads"][w]["peak_rss_kib"] for w in WORKLOADS) / 1024, "{:.1f}", "<= 0.25x",
        lambda a, b, r: r <= 0.25)
    row("idle RSS MiB (info)", m["idle_rss_kib"] / 1024, p["idle_rss_kib"] / 1024, "{:.1f}")
    rp = res["replay"]
    if rp["moonflow"].get("events_per_s") and rp["python"].get("events_per_s"):
        row(f"replay events/s ({rp['moonflow']['events']}/{rp['python']['events']} events)",
            rp["moonflow"]["events_per_s"], rp["python"]["events_per_s"], "{:.0f}", ">= 30x",
            lambda a, b, r: r >= 30.0)
    else:
        rows.append(("replay events/s", str(rp["moonflow"].get("events_per_s", "FAILED")),
                     str(rp["python"].get("events_per_s", "FAILED")), "-", ">= 30x", "NOT MET"))
    return rows


def format_table(rows: list[tuple]) -> str:
    head = ("metric", "moonflow", "python", "m/p", "target", "met")
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(6)]
    line = lambda r: "  ".join(str(c).ljust(widths[i]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(r))
    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(head), sep] + [line(r) for r in rows])


# ---------------------------------------------------------------- main -----

def machine_info() -> dict:
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            mem = f.readline().split()[1]
    except OSError:
        mem = "?"
    return {"cpus": os.cpu_count(), "cpu_model": model, "mem_kib": mem, "kernel": platform.release(),
            "python": platform.python_version(), "temporalio": temporalio.__version__}


def git_rev() -> str:
    try:
        return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
    except Exception:  # noqa: BLE001
        return "?"


async def bench(args) -> int:
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    outdir = tempfile.mkdtemp(prefix="moonflow-bench-")
    res: dict = {"date": dt.datetime.now().isoformat(timespec="seconds"), "git": git_rev(),
                 "machine": machine_info(), "loadavg_start": loadavg(),
                 "config": {"in_flight": args.in_flight, "n_w1": args.n_w1, "n": args.n,
                            "latency_runs": args.latency_runs, "warmup": args.warmup, "parked": args.parked,
                            "replay_activities": args.replay_activities, "replay_repeat": args.replay_repeat,
                            "max_cached_workflows": args.max_cached,
                            "server": "temporal server start-dev, timerProcessorMaxTimeShift=10ms"},
                 "workdir": outdir}
    print(f"driver: load at start {res['loadavg_start']}; logs and histories in {outdir}", flush=True)
    t_all = time.perf_counter()
    # Both workers run side by side, each on its own task queue, and each
    # workload is measured on one and then the other while the other idles:
    # the two measurements of a workload are a minute apart, not the length
    # of a whole worker's run, so drift in the (shared) box's speed hits
    # both alike.
    sides = [await start_side(args, name, outdir) for name in args.workers]
    try:
        for i, wl in enumerate(WORKLOADS):
            # alternate who goes first, so a steady drift cancels out
            for side in (sides if i % 2 == 0 else sides[::-1]):
                await measure_workload(args, side, wl)
    finally:
        for side in sides:
            res[side.name] = await finish_side(args, side, outdir)
    for name in args.workers:
        res[name]["parked"] = await measure_parked(args, name, outdir)

    res["replay"] = {}
    for name, fn in (("moonflow", replay_moonflow), ("python", replay_python)):
        hist = res.get(name, {}).get("replay_history", {})
        if not hist:
            res["replay"][name] = {"ok": False}
            continue
        r = fn(args, hist["path"])
        r["events"] = hist["events"]
        if r["ok"] and r["seconds"]:
            r["median_seconds"] = statistics.median(r["seconds"])
            r["events_per_s"] = hist["events"] / r["median_seconds"]
        res["replay"][name] = r
        print(f"[replay] {name}: {r}", flush=True)
    res["loadavg_end"] = loadavg()
    res["total_seconds"] = time.perf_counter() - t_all

    if "moonflow" in res and "python" in res:
        rows = build_rows(res)
        res["table"] = [dict(zip(("metric", "moonflow", "python", "ratio", "target", "met"), r)) for r in rows]
        print()
        print(f"Moonflow vs Python SDK {temporalio.__version__} -- {res['date']}, git {res['git']}, "
              f"{res['machine']['cpus']} x {res['machine']['cpu_model']}")
        print(f"load at start {res['loadavg_start']}, at end {res['loadavg_end']}; "
              f"{args.in_flight} in flight; n={args.n_w1} (W1) / {args.n} (W2-W4); {args.latency_runs} latency runs")
        print(format_table(rows))
        for name in ("moonflow", "python"):
            for what in (res[name], res[name].get("parked", {})):
                if what.get("died"):
                    print(f"!! {what['died']}")
        print("ceiling = cores x 1000 / (server + driver CPU ms per workflow): the rate a zero-cost worker "
              "would reach; on 2 cores the dev server, not the worker, caps W1.")
        print("W4 latency = last signal acknowledged -> result; W4 throughput includes the 10 signals.")
        for name in ("moonflow", "python"):
            g = res[name].get("replay_history", {})
            if "activity_task_schedule_to_start_ms_p50" in g:
                print(f"{name}: in its {g['events']}-event W2 history, workflow task scheduled->started p50 "
                      f"{g['workflow_task_schedule_to_start_ms_p50']:.1f} ms, activity task scheduled->started p50 "
                      f"{g['activity_task_schedule_to_start_ms_p50']:.1f} ms (~0 = eager activity execution)")
    os.makedirs(args.results_dir, exist_ok=True)
    path = os.path.join(args.results_dir, f"{stamp}.json")
    with open(path, "w") as f:
        json.dump(res, f, indent=2, sort_keys=True)
    print(f"\nresults: {path} (total {res['total_seconds']:.0f}s)")
    return 0


async def correctness(args) -> int:
    """2,000 W2 on Moonflow with max_cached_workflows 50: every result checked,
    every history scanned for failed/timed-out workflow tasks, cache misses
    counted from the daemon's debug log."""
    outdir = tempfile.mkdtemp(prefix="moonflow-correctness-")
    reg = os.path.join(outdir, "registry")
    shutil.copytree(args.registry, reg)
    yaml_path = os.path.join(reg, "bench.yaml")
    with open(yaml_path) as f:
        text = f.read()
    assert "max_cached_workflows: 2000" in text
    with open(yaml_path, "w") as f:
        f.write(text.replace("max_cached_workflows: 2000", f"max_cached_workflows: {args.correctness_cache}"))
    tag = f"correct-{uuid.uuid4().hex[:6]}"
    tq = f"bench-{tag}"
    log_path = os.path.join(outdir, "moonflow-worker.log")
    client = await Client.connect(args.address)
    w = start_moonflow(args, tq, reg, log_path, "debug")
    runner = Runner(client, tq, tag, w)
    print(f"correctness: {args.correctness_n} W2 workflows, max_cached_workflows {args.correctness_cache}, "
          f"{args.correctness_in_flight} in flight (load {loadavg()}); log {log_path}", flush=True)
    try:
        await wait_ready(runner, w)
        t0 = time.perf_counter()
        done = await runner.many("W2", "c", args.correctness_n, args.correctness_in_flight, seed_base=7)
        elapsed = time.perf_counter() - t0
        ids = [runner.wid("W2", "c", i) for i in range(args.correctness_n)]

        async def scan(wid: str) -> tuple[int, int]:
            failed = timed_out = 0
            async for ev in client.get_workflow_handle(wid).fetch_history_events():
                if ev.HasField("workflow_task_failed_event_attributes"):
                    failed += 1
                elif ev.HasField("workflow_task_timed_out_event_attributes"):
                    timed_out += 1
            return failed, timed_out
        scans = await gather_limited([scan(i) for i in ids], 20)
        wft_failed = sum(s[0] for s in scans if not isinstance(s, Exception))
        wft_timed_out = sum(s[1] for s in scans if not isinstance(s, Exception))
    finally:
        w.stop()
    with open(log_path, errors="replace") as f:
        log = f.read()
    misses = log.count("sticky cache miss")
    warnings = [l for l in log.splitlines() if "warning" in l.lower() or "error" in l.lower()]
    ok = len(done) == args.correctness_n and not runner.errors and wft_failed == 0
    summary = {"date": dt.datetime.now().isoformat(timespec="seconds"), "git": git_rev(),
               "n": args.correctness_n, "completed_with_right_result": len(done), "errors": runner.errors[:20],
               "error_count": len(runner.errors), "seconds": elapsed, "wf_per_s": len(done) / elapsed,
               "workflow_task_failed_events": wft_failed, "workflow_task_timed_out_events": wft_timed_out,
               "sticky_cache_misses_logged": misses, "warning_or_error_log_lines": len(warnings),
               "first_warnings": warnings[:10], "max_cached_workflows": args.correctness_cache,
               "in_flight": args.correctness_in_flight, "loadavg_end": loadavg(), "ok": ok}
    print(json.dumps(summary, indent=2))
    os.makedirs(args.results_dir, exist_ok=True)
    path = os.path.join(args.results_dir, f"correctness-{dt.datetime.now().strftime('%Y-%m-%d-%H%M%S')}.json")
    with open(path, "w") as f:
        json.dump(summary, f, indent=2, sort_keys=True)
    print(f"correctness: {'OK' if ok else 'FAILED'}; results: {path}")
    return 0 if ok else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--address", required=True)
    ap.add_argument("--server-pid", type=int, required=True)
    ap.add_argument("--moonflow", default=os.path.join(ROOT, ".build/release/moonflow"))
    ap.add_argument("--registry", default=os.path.join(HERE, "registry"))
    ap.add_argument("--moonflow-log-level", default="warning", help="the daemon's --log-level")
    ap.add_argument("--temporal", default="temporal")
    ap.add_argument("--results-dir", default=os.path.join(HERE, "results"))
    ap.add_argument("--workers", default="moonflow,python", type=lambda s: s.split(","))
    ap.add_argument("--in-flight", type=int, default=50)
    ap.add_argument("--n-w1", type=int, default=400, help="W1 workflows per throughput run")
    ap.add_argument("--n", type=int, default=300, help="W2-W4 workflows per throughput run")
    ap.add_argument("--latency-runs", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--parked", type=int, default=1000)
    ap.add_argument("--max-cached", type=int, default=2000, help="Python worker's max_cached_workflows")
    ap.add_argument("--replay-activities", type=int, default=2000)
    ap.add_argument("--replay-repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="small sizes, to try the bench out")
    ap.add_argument("--correctness", action="store_true")
    ap.add_argument("--correctness-n", type=int, default=2000)
    ap.add_argument("--correctness-cache", type=int, default=50)
    ap.add_argument("--correctness-in-flight", type=int, default=100)
    args = ap.parse_args()
    if args.quick:
        args.n_w1, args.n, args.latency_runs, args.warmup = 60, 40, 10, 3
        args.parked, args.replay_activities, args.replay_repeat = 100, 100, 1
        args.correctness_n = min(args.correctness_n, 200)

    def on_signal(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")
    signal.signal(signal.SIGTERM, on_signal)
    try:
        return asyncio.run(correctness(args) if args.correctness else bench(args))
    except KeyboardInterrupt:
        print("driver: interrupted", file=sys.stderr)
        return 130
    finally:
        stop_all()


if __name__ == "__main__":
    sys.exit(main())
