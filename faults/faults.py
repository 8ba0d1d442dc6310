#!/usr/bin/env python3
"""Fault scenarios for the Moonflow daemon (driven by faults/run.sh).

    faults.py SCENARIO --moonflow BIN --workdir DIR [--seed N] [--count N]

SCENARIO is kill9, outage or sigterm. The script starts its own
`temporal server start-dev` (persistent --db-filename in DIR, free port),
writes a registry (config/example + faults/registry, address and task queue
rewritten), runs the daemon, starts a seeded mix of OrderWorkflow and
FulfilWorkflow executions with the Temporal Python SDK, injects the fault,
and checks every result and every history (each activity scheduled once,
no attempt beyond its retry policy's maximum_attempts, no non-determinism).
It prints `SCENARIO: N passed, M failed` and exits 1 on any failure. Every
process it starts is stopped before it returns (also on failure).
"""
import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from temporalio.api.enums.v1 import EventType, PendingActivityState, WorkflowTaskFailedCause
from temporalio.client import Client, WorkflowFailureError
from temporalio.service import RPCError

ROOT = Path(__file__).resolve().parent.parent
T0 = time.monotonic()


def log(msg):
    print(f"[{time.monotonic() - T0:6.1f}s] {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def can_connect(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


class Proc:
    """A child process in its own session, logged to a file, always reaped."""

    registry = []  # every Proc ever started, stopped in main()'s finally

    def __init__(self, name, argv, logfile, pidfile):
        self.name, self.argv, self.logfile, self.pidfile = name, argv, logfile, pidfile
        self.p = None
        Proc.registry.append(self)

    def start(self):
        with open(self.logfile, "a") as f:
            f.write(f"\n===== {self.name} start at {time.strftime('%H:%M:%S')} =====\n")
            f.flush()
            self.p = subprocess.Popen(self.argv, stdout=f, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                      start_new_session=True)
        with open(self.pidfile, "a") as f:
            f.write(f"{self.p.pid}\n")
        return self

    def alive(self):
        return self.p is not None and self.p.poll() is None

    def send(self, sig):
        if self.alive():
            os.kill(self.p.pid, sig)

    def wait(self, timeout):
        try:
            return self.p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if not self.alive():
            return self.p.returncode if self.p else None
        self.send(sig)
        rc = self.wait(timeout)
        if rc is None:
            self.send(signal.SIGKILL)
            rc = self.wait(10)
        return rc


class Env:
    """Dev server + daemon + registry for one scenario."""

    def __init__(self, args, scenario):
        self.args = args
        self.work = Path(args.workdir) / scenario
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        self.pidfile = Path(args.workdir) / "pids"
        self.port = free_port()
        self.queue = f"faults-{scenario}-{args.seed}"
        self.db = self.work / "temporal.db"
        self.server_log = self.work / "server.log"
        self.daemon_log = self.work / "daemon.log"
        self.registry = self.work / "registry"
        self.registry.mkdir()
        for src in list((ROOT / "config/example").iterdir()) + list((ROOT / "faults/registry").iterdir()):
            shutil.copy(src, self.registry / src.name)
        shop = self.registry / "shop.yaml"
        text = shop.read_text()
        text = text.replace('address: "localhost:7233"', f'address: "127.0.0.1:{self.port}"')
        text = text.replace("task_queue: orders", f"task_queue: {self.queue}")
        assert f"127.0.0.1:{self.port}" in text and self.queue in text, "could not rewrite config/example/shop.yaml"
        shop.write_text(text)
        self.server = None
        self.daemon = None
        self.daemons = 0

    def start_server(self):
        argv = [shutil.which("temporal") or "temporal", "server", "start-dev", "--headless",
                "--ip", "127.0.0.1", "--port", str(self.port), "--db-filename", str(self.db),
                "--log-level", "error",
                "--dynamic-config-value", 'history.timerProcessorMaxTimeShift="10ms"']
        self.server = Proc("temporal", argv, self.server_log, self.pidfile).start()
        deadline = time.monotonic() + 60
        while not can_connect(self.port):
            if not self.server.alive():
                raise RuntimeError(f"dev server exited {self.server.p.returncode}; see {self.server_log}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"dev server not listening on {self.port} after 60 s; see {self.server_log}")
            time.sleep(0.2)
        log(f"dev server up on 127.0.0.1:{self.port} (pid {self.server.p.pid}, db {self.db})")

    def start_daemon(self, grace=None):
        self.daemons += 1
        argv = [self.args.moonflow, "run", "--registry", str(self.registry)]
        if grace is not None:
            argv += ["--grace-period", str(grace)]
        self.daemon = Proc(f"moonflow #{self.daemons}", argv, self.daemon_log, self.pidfile).start()
        log(f"daemon #{self.daemons} started (pid {self.daemon.p.pid})")
        return self.daemon

    def daemon_log_text(self, start=0):
        with open(self.daemon_log, errors="replace") as f:
            f.seek(start)
            return f.read()

    def daemon_log_size(self):
        return self.daemon_log.stat().st_size if self.daemon_log.exists() else 0

    def stop_all(self):
        for p in (self.daemon, self.server):
            if p is not None:
                p.stop(signal.SIGTERM, timeout=15)


# ---------------------------------------------------------------------------
# The workflow mix and its expected outcomes.

class Case:
    def __init__(self, wf_id, wf_type, arg, expect_result=None, expect_error=None, activities=None,
                 fail_first=0):
        self.id, self.type, self.arg = wf_id, wf_type, arg
        self.expect_result, self.expect_error = expect_result, expect_error
        self.activities = activities  # {activity type: times scheduled}
        self.fail_first = fail_first
        self.problems = []
        self.extra_attempts = 0  # attempts beyond the minimum (retries the faults caused)


def make_mix(rng, count, prefix, slow_ms=(0, 1500), timer_s=(1, 8)):
    cases = []
    for i in range(count):
        r = rng.random()
        oid = f"{prefix}-{i}"
        if r < 0.50:
            order = {"id": oid, "total": rng.randint(1, 500), "address": f"{i} Main St",
                     "ship_after": f"{rng.randint(*timer_s)}s"}
            cases.append(Case(oid, "OrderWorkflow", order,
                              expect_result={"order_id": oid, "payment_id": f"pay-{oid}",
                                             "tracking": f"TRK-{oid}", "status": "shipped"},
                              activities={"shop:charge": 1, "shop:ship": 1}))
        elif r < 0.60:
            order = {"id": oid, "total": rng.randint(1, 500), "ship_after": f"{rng.randint(*timer_s)}s"}
            cases.append(Case(oid, "OrderWorkflow", order,
                              expect_error=("INVALID", f"shipping failed, payment refunded: order {oid} has no shipping address"),
                              activities={"shop:charge": 1, "shop:ship": 1, "shop:refund": 1}))
        elif r < 0.65:
            order = {"id": oid, "total": 0, "address": "x"}
            cases.append(Case(oid, "OrderWorkflow", order,
                              expect_error=("INVALID", "order total must be a positive number"),
                              activities={"shop:charge": 1}))
        else:
            items = rng.randint(1, 4)
            fail_first = rng.randint(0, 2)
            job = {"id": oid, "items": items, "wait": f"{rng.randint(*timer_s)}s", "fail_first": fail_first,
                   "slow_ms": rng.randint(*slow_ms)}
            cases.append(Case(oid, "FulfilWorkflow", job,
                              expect_result={"id": oid, "weight": sum(k * 10 + len(oid) for k in range(1, items + 1)),
                                             "flaky": f"ok-{oid}", "slow": f"slept-{oid}"},
                              activities={"faults:pick": items, "faults:flaky": 1, "faults:slow": 1},
                              fail_first=fail_first))
    return cases


async def connect(env):
    deadline = time.monotonic() + 60
    while True:
        try:
            return await Client.connect(f"127.0.0.1:{env.port}", namespace="default")
        except Exception:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.5)


async def start_all(client, env, cases):
    sem = asyncio.Semaphore(20)

    async def one(c):
        async with sem:
            await client.start_workflow(c.type, c.arg, id=c.id, task_queue=env.queue,
                                        execution_timeout=timedelta(minutes=10))
    await asyncio.gather(*(one(c) for c in cases))
    log(f"started {len(cases)} workflows on {env.queue}")


async def wait_results(client, cases, deadline_s):
    """Waits for every case (retrying on RPC errors) and checks its outcome."""
    deadline = time.monotonic() + deadline_s
    sem = asyncio.Semaphore(50)

    async def one(c):
        async with sem:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    c.problems.append("did not close before the deadline")
                    return
                try:
                    result = await client.get_workflow_handle(c.id).result(rpc_timeout=timedelta(seconds=min(left, 30)))
                    if c.expect_error:
                        c.problems.append(f"completed with {result!r}, expected failure {c.expect_error}")
                    elif result != c.expect_result:
                        c.problems.append(f"result {result!r} != expected {c.expect_result!r}")
                    return
                except WorkflowFailureError as e:
                    cause = e.cause
                    got = (getattr(cause, "type", None), getattr(cause, "message", str(cause)))
                    if c.expect_error is None:
                        c.problems.append(f"failed with {got}, expected {c.expect_result!r}")
                    elif got != c.expect_error:
                        c.problems.append(f"failed with {got}, expected {c.expect_error}")
                    return
                except (RPCError, asyncio.TimeoutError, TimeoutError):
                    await asyncio.sleep(1)
    await asyncio.gather(*(one(c) for c in cases))


async def check_histories(client, cases):
    """Each activity scheduled the expected number of times, every attempt
    within its retry policy, no non-determinism task failure."""
    sem = asyncio.Semaphore(20)
    stats = {"wft_failed": 0, "extra_attempts": 0, "activities": 0}

    async def one(c):
        async with sem:
            try:
                history = await client.get_workflow_handle(c.id).fetch_history()
            except RPCError as e:
                c.problems.append(f"could not fetch history: {e}")
                return
        scheduled = {}  # event id -> (type, max attempts)
        counts = {}
        for ev in history.events:
            t = ev.event_type
            if t == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
                a = ev.activity_task_scheduled_event_attributes
                scheduled[ev.event_id] = (a.activity_type.name, a.retry_policy.maximum_attempts)
                counts[a.activity_type.name] = counts.get(a.activity_type.name, 0) + 1
            elif t == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED:
                a = ev.activity_task_started_event_attributes
                typ, maximum = scheduled.get(a.scheduled_event_id, ("?", 0))
                stats["activities"] += 1
                if maximum > 0 and a.attempt > maximum:
                    c.problems.append(f"activity {typ} ran attempt {a.attempt} > maximum_attempts {maximum}")
                minimum = c.fail_first + 1 if typ == "faults:flaky" else 1
                if a.attempt < minimum:
                    c.problems.append(f"activity {typ} completed on attempt {a.attempt}, expected >= {minimum}")
                c.extra_attempts += max(0, a.attempt - minimum)
            elif t == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED:
                stats["wft_failed"] += 1
                a = ev.workflow_task_failed_event_attributes
                if a.cause == WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR:
                    c.problems.append(f"non-determinism: {a.failure.message}")
        if c.activities is not None and counts != c.activities:
            c.problems.append(f"activities scheduled {counts}, expected {c.activities}")
        stats["extra_attempts"] += c.extra_attempts
    await asyncio.gather(*(one(c) for c in cases))
    return stats


def report(scenario, cases, notes, scenario_failures, elapsed):
    failed = [c for c in cases if c.problems]
    for c in failed[:20]:
        log(f"FAIL {c.id} ({c.type} {c.arg}): " + "; ".join(c.problems))
    if len(failed) > 20:
        log(f"... and {len(failed) - 20} more failed workflows")
    for f in scenario_failures:
        log(f"FAIL {scenario}: {f}")
    for n in notes:
        log(f"{scenario}: {n}")
    extra = f"; scenario checks failed: {len(scenario_failures)}" if scenario_failures else ""
    print(f"{scenario}: {len(cases) - len(failed)} passed, {len(failed)} failed{extra} ({elapsed:.0f} s)", flush=True)
    return not failed and not scenario_failures


# ---------------------------------------------------------------------------
# Scenarios.

async def scenario_kill9(env, rng, args):
    notes, failures = [], []
    env.start_server()
    env.start_daemon()
    client = await connect(env)
    cases = make_mix(rng, args.count, f"k9-{args.seed}", timer_s=(1, 12))
    await start_all(client, env, cases)
    kills = args.kills
    for k in range(kills):
        await asyncio.sleep(rng.uniform(2, 5))
        if not env.daemon.alive():
            failures.append(f"daemon #{env.daemons} died by itself (exit {env.daemon.p.returncode}) before kill {k + 1}")
        env.daemon.stop(signal.SIGKILL, timeout=10)
        log(f"kill -9 #{k + 1}/{kills} of daemon #{env.daemons}")
        await asyncio.sleep(rng.uniform(0, 1))
        env.start_daemon()
    await wait_results(client, cases, deadline_s=args.deadline)
    if not env.daemon.alive():
        failures.append(f"last daemon died by itself (exit {env.daemon.p.returncode})")
    stats = await check_histories(client, cases)
    notes.append(f"seed {args.seed}, {kills} kills, {stats['activities']} activities, "
                 f"{stats['extra_attempts']} attempts beyond the minimum (retries caused by the kills), "
                 f"{stats['wft_failed']} workflow task failures")
    return cases, notes, failures


async def scenario_outage(env, rng, args):
    notes, failures = [], []
    env.start_server()
    env.start_daemon()
    client = await connect(env)
    cases = make_mix(rng, args.count, f"out-{args.seed}", timer_s=(1, 12))
    await start_all(client, env, cases)
    await asyncio.sleep(rng.uniform(3, 6))
    log_start = env.daemon_log_size()
    log(f"stopping the dev server (SIGTERM) for {args.outage} s")
    stopped_at = time.monotonic()
    rc = env.server.stop(signal.SIGTERM, timeout=15)
    log(f"dev server exited {rc}")
    await asyncio.sleep(max(0, args.outage - (time.monotonic() - stopped_at)))
    outage_log = env.daemon_log_text(log_start)
    env.start_server()
    retries = [l for l in outage_log.splitlines() if "failed; retrying" in l]
    if not retries:
        failures.append("the daemon logged no 'failed; retrying' warning during the outage")
    else:
        notes.append(f"daemon logged {len(retries)} retry warnings during the outage, e.g.: {retries[0].strip()[:300]}")
    if not env.daemon.alive():
        failures.append(f"daemon died during the outage (exit {env.daemon.p.returncode})")
    client = await connect(env)
    await wait_results(client, cases, deadline_s=args.deadline)
    if not env.daemon.alive():
        failures.append(f"daemon died (exit {env.daemon.p.returncode})")
    stats = await check_histories(client, cases)
    notes.append(f"seed {args.seed}, {stats['activities']} activities, {stats['extra_attempts']} extra attempts, "
                 f"{stats['wft_failed']} workflow task failures")
    return cases, notes, failures


async def pending_started(client, cases):
    """Activities the server still sees as running: (workflow id, type,
    attempt, last started time as epoch seconds)."""
    sem = asyncio.Semaphore(20)
    running = []

    async def one(c):
        async with sem:
            d = await client.get_workflow_handle(c.id).describe()
            for pa in d.raw_description.pending_activities:
                if pa.state == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED:
                    running.append((c.id, pa.activity_type.name, pa.attempt,
                                    pa.last_started_time.ToDatetime().timestamp()))
    await asyncio.gather(*(one(c) for c in cases))
    return running


async def wait_running(client, cases, activity_type, want, timeout):
    """Waits (bounded) until `want` activities of `activity_type` run."""
    deadline = time.monotonic() + timeout
    running = []
    while time.monotonic() < deadline:
        running = [r for r in await pending_started(client, cases) if r[1] == activity_type]
        if len(running) >= want:
            break
        await asyncio.sleep(0.5)
    return running


async def completed_between(client, cases, t_from, t_to, activity_type=None):
    """ActivityTaskCompleted events with an event time in [t_from, t_to] (epoch s)."""
    n = 0
    for c in cases:
        h = await client.get_workflow_handle(c.id).fetch_history()
        names = {}
        for ev in h.events:
            if ev.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
                names[ev.event_id] = ev.activity_task_scheduled_event_attributes.activity_type.name
            if ev.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
                at = ev.event_time.ToDatetime().timestamp()
                name = names.get(ev.activity_task_completed_event_attributes.scheduled_event_id)
                if t_from <= at <= t_to and (activity_type is None or name == activity_type):
                    n += 1
    return n


async def scenario_sigterm(env, rng, args):
    notes, failures = [], []
    env.start_server()
    client = await connect(env)

    # Round 1: SIGTERM with the default grace period (30 s) while slow
    # activities (1-4 s) run: they finish and are reported, exit code 0.
    cases = make_mix(rng, args.count, f"st-{args.seed}", slow_ms=(1000, 4000), timer_s=(1, 4))
    await start_all(client, env, cases)
    d1 = env.start_daemon()
    running = await wait_running(client, cases, "faults:slow", 3, 90)
    sigterm_at = time.time()
    log(f"{len(running)} slow activities running; SIGTERM to daemon #{env.daemons} (grace 30 s)")
    d1.send(signal.SIGTERM)
    rc = d1.wait(45)
    took = time.time() - sigterm_at
    log(f"daemon #{env.daemons} exited {rc} after {took:.1f} s")
    if rc != 0:
        failures.append(f"round 1: exit code {rc} after SIGTERM, expected 0")
        d1.stop(signal.SIGKILL)
    if not running:
        failures.append("round 1: no slow activity was running at SIGTERM (the test raced)")
    left = await pending_started(client, cases)
    # Started well before SIGTERM and still running on the server: an
    # in-flight activity the daemon neither finished nor reported.
    unfinished = [r for r in left if r[3] < sigterm_at - 0.5]
    # Started around/after SIGTERM: handed to a poll the shutdown cancelled.
    raced = [r for r in left if r[3] >= sigterm_at - 0.5]
    if unfinished:
        failures.append(f"round 1: {len(unfinished)} in-flight activities neither finished nor reported: {unfinished[:5]}")
    if raced:
        failures.append(f"round 1: {len(raced)} activity tasks the server dispatched to the daemon as it shut down "
                        f"were never run nor reported (they wait for StartToClose): "
                        + ", ".join(f"{w} {t} attempt {a} started {st - sigterm_at:+.2f} s after SIGTERM"
                                    for w, t, a, st in raced[:5]))
    finished = await completed_between(client, cases, sigterm_at, sigterm_at + took + 1, "faults:slow")
    notes.append(f"round 1 (grace 30 s): exit {rc} after {took:.1f} s; {len(running)} slow activities running at "
                 f"SIGTERM, {finished} completed and reported after it")
    if running and finished == 0:
        failures.append("round 1: no slow activity completed after SIGTERM")

    # Round 2: grace period 1 s with activities of 8-10 s in flight: the
    # daemon cancels them at the end of the grace period, reports them
    # failed (retryable) and exits 0; a restarted daemon runs them again
    # at once (not after their 20 s StartToClose timeout).
    long_cases = []
    for i in range(args.long_count):
        oid = f"st-long-{args.seed}-{i}"
        job = {"id": oid, "items": 1, "wait": "1s", "fail_first": 0, "slow_ms": rng.randint(8000, 10000)}
        long_cases.append(Case(oid, "FulfilWorkflow", job,
                               expect_result={"id": oid, "weight": 10 + len(oid), "flaky": f"ok-{oid}",
                                              "slow": f"slept-{oid}"},
                               activities={"faults:pick": 1, "faults:flaky": 1, "faults:slow": 1}))
    await start_all(client, env, long_cases)
    d2 = env.start_daemon(grace=1)
    running = await wait_running(client, long_cases, "faults:slow", min(3, len(long_cases)), 60)
    log(f"{len(running)} long activities running; SIGTERM to daemon #{env.daemons} (grace 1 s)")
    t = time.monotonic()
    d2.send(signal.SIGTERM)
    rc2 = d2.wait(30)
    took2 = time.monotonic() - t
    log(f"daemon #{env.daemons} exited {rc2} after {took2:.1f} s")
    if rc2 != 0:
        failures.append(f"round 2: exit code {rc2} after SIGTERM, expected 0")
        d2.stop(signal.SIGKILL)
    if took2 > 7:
        failures.append(f"round 2: took {took2:.1f} s to exit with a 1 s grace period (activities not cancelled)")
    if not running:
        failures.append("round 2: no long activity was running at SIGTERM (the test raced)")
    cut = {r[0] for r in running}
    still = [r for r in await pending_started(client, long_cases) if r[0] in cut]
    if still:
        failures.append(f"round 2: {len(still)} of the {len(cut)} activities cancelled past the grace period were "
                        f"not reported failed; the server still sees them running (retry only after StartToClose): "
                        f"{[r[:3] for r in still[:5]]}")

    # Everything completes on a fresh daemon.
    env.start_daemon()
    everything = cases + long_cases
    await wait_results(client, everything, deadline_s=args.deadline)
    stats = await check_histories(client, everything)
    retried = sum(1 for c in long_cases if c.extra_attempts > 0)
    notes.append(f"round 2 (grace 1 s): exit {rc2} after {took2:.1f} s with {len(running)} long activities "
                 f"running; {retried}/{len(long_cases)} long workflows retried an activity after the restart; "
                 f"all closed {time.monotonic() - t:.0f} s after this SIGTERM")
    notes.append(f"seed {args.seed}, {stats['activities']} activities, {stats['extra_attempts']} extra attempts, "
                 f"{stats['wft_failed']} workflow task failures")
    rc3 = env.daemon.stop(signal.SIGTERM, timeout=40)
    if rc3 != 0:
        failures.append(f"final daemon: exit code {rc3} after SIGTERM, expected 0")
    return everything, notes, failures


SCENARIOS = {"kill9": scenario_kill9, "outage": scenario_outage, "sigterm": scenario_sigterm}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario", choices=sorted(SCENARIOS))
    ap.add_argument("--moonflow", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--kills", type=int, default=8)
    ap.add_argument("--outage", type=float, default=20)
    ap.add_argument("--long-count", type=int, default=10)
    ap.add_argument("--deadline", type=float, default=180, help="seconds to wait for all results")
    args = ap.parse_args()
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1, 1_000_000)
    print(f"{args.scenario}: seed {args.seed} (rerun with --seed {args.seed} / FAULTS_SEED={args.seed})", flush=True)
    rng = random.Random(args.seed)
    env = Env(args, args.scenario)
    started = time.monotonic()
    ok = False
    try:
        cases, notes, failures = asyncio.run(SCENARIOS[args.scenario](env, rng, args))
        ok = report(args.scenario, cases, notes, failures, time.monotonic() - started)
    except Exception as e:  # a broken harness is a failure too
        import traceback
        traceback.print_exc()
        print(f"{args.scenario}: 0 passed, {args.count} failed (error: {e})", flush=True)
    finally:
        env.stop_all()
        for p in Proc.registry:
            p.stop(signal.SIGKILL, timeout=5)
    if not ok:
        print(f"{args.scenario}: logs in {env.work} (daemon.log, server.log)", flush=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
