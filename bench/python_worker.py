"""Python SDK side of the benchmark (bench/run.sh): the same four workloads
as bench/registry/workloads.lua, on plain `temporalio` defaults (sandboxed
workflow runner, default pollers and slots) except max_cached_workflows.

    python3 bench/python_worker.py --address 127.0.0.1:7233 --task-queue Q
    python3 bench/python_worker.py --replay HISTORY.json [--repeat 3]

The second form replays an exported history with temporalio.worker.Replayer
and prints one JSON line per repetition ({"seconds": ..., "events": ...}).
"""
import argparse
import asyncio
import json
import signal
import sys
import time
from datetime import timedelta

from temporalio import activity, workflow
from temporalio.client import Client
from temporalio.worker import Replayer, Worker


@activity.defn(name="bench:echo")
async def echo(v: int) -> int:
    return v


@workflow.defn(name="W1Noop")
class W1Noop:
    @workflow.run
    async def run(self) -> None:
        return None


@workflow.defn(name="W2Activities")
class W2Activities:
    @workflow.run
    async def run(self, input: dict) -> int:
        n, seed = input.get("n", 10), input.get("seed", 0)
        total = 0
        for i in range(1, n + 1):
            total += await workflow.execute_activity(
                "bench:echo", seed + i, start_to_close_timeout=timedelta(seconds=30))
        return total


@workflow.defn(name="W3Timers")
class W3Timers:
    @workflow.run
    async def run(self) -> None:
        for _ in range(10):
            await asyncio.sleep(0.001)
        return None


@workflow.defn(name="W4Signals")
class W4Signals:
    def __init__(self) -> None:
        self.values: list = []

    @workflow.signal(name="add")
    def add(self, v: int) -> None:
        self.values.append(v)

    @workflow.run
    async def run(self, n: int = 10) -> int:
        await workflow.wait_condition(lambda: len(self.values) >= n)
        return sum(self.values[:n])


WORKFLOWS = [W1Noop, W2Activities, W3Timers, W4Signals]


async def run_worker(address: str, task_queue: str, max_cached: int) -> None:
    client = await Client.connect(address)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    worker = Worker(client, task_queue=task_queue, workflows=WORKFLOWS,
                    activities=[echo], max_cached_workflows=max_cached)
    async with worker:
        print("python worker ready", flush=True)
        await stop.wait()


async def replay(path: str, repeat: int) -> None:
    from temporalio.client import WorkflowHistory
    with open(path) as f:
        text = f.read()
    replayer = Replayer(workflows=WORKFLOWS)
    for _ in range(repeat):
        t0 = time.perf_counter()
        history = WorkflowHistory.from_json("bench-replay", text)
        await replayer.replay_workflow(history)
        dt = time.perf_counter() - t0
        print(json.dumps({"seconds": dt, "events": len(history.events)}), flush=True)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--address", default="127.0.0.1:7233")
    p.add_argument("--task-queue", default="bench-python")
    p.add_argument("--max-cached-workflows", type=int, default=2000)
    p.add_argument("--replay")
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()
    if a.replay:
        asyncio.run(replay(a.replay, a.repeat))
    else:
        asyncio.run(run_worker(a.address, a.task_queue, a.max_cached_workflows))


if __name__ == "__main__":
    main()
