"""A Python SDK workflow, on a Python worker with its own task queue, calls
Lua activities of the Moonflow daemon by name on the daemon's queue.

Checks: values round-trip exactly (ints stay ints, arrays stay lists);
several arguments arrive as several Lua arguments; a Lua
`nil, errors.new{kind="NOT_FOUND", retryable=false}` is an ApplicationError
of type NOT_FOUND, non-retryable, with the Lua message; an activity type the
daemon does not register fails non-retryably with type NOT_FOUND.

usage: python_workflow_calls_lua.py ADDRESS LUA_QUEUE PY_QUEUE WORKFLOW_ID
"""
import asyncio
import sys
from datetime import timedelta

from temporalio import workflow
from temporalio.client import Client
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError, ApplicationError
from temporalio.worker import UnsandboxedWorkflowRunner, Worker

from interop_common import check, finish

PAYLOAD = {
    "int": 7,
    "big": 2**62,
    "neg": -1,
    "float": 1.25,
    "bool": False,
    "str": "ünïcödé ✓",
    "list": [1, 2, [3, 4], {"k": "v"}],
    "obj": {"nested": {"list": ["x", 0]}},
}


def describe_error(e):
    cause = e.cause if isinstance(e, ActivityError) else None
    return {
        "error_class": type(e).__name__,
        "cause_class": type(cause).__name__ if cause is not None else None,
        "type": getattr(cause, "type", None),
        "non_retryable": getattr(cause, "non_retryable", None),
        "message": getattr(cause, "message", None),
        "retry_state": e.retry_state.name if isinstance(e, ActivityError) and e.retry_state is not None else None,
    }


@workflow.defn(name="PyCallsLua")
class PyCallsLua:
    @workflow.run
    async def run(self, lua_queue: str) -> dict:
        opts = dict(
            task_queue=lua_queue,
            start_to_close_timeout=timedelta(seconds=20),
            # A retryable failure would be retried; non-retryable ones must not be.
            retry_policy=RetryPolicy(initial_interval=timedelta(seconds=1), maximum_attempts=3),
        )
        out = {}
        out["echo"] = await workflow.execute_activity("it:echo", PAYLOAD, **opts)
        out["echo_list"] = await workflow.execute_activity("it:echo", [1, "two", [3], 4.5], **opts)
        out["echo_args"] = await workflow.execute_activity("it:echo_args", args=[1, "two", [3]], **opts)
        try:
            r = await workflow.execute_activity("it:find", "missing-key", **opts)
            out["find"] = {"unexpected_result": r}
        except ActivityError as e:
            out["find"] = describe_error(e)
        try:
            r = await workflow.execute_activity("it:no_such_activity", "x", **opts)
            out["unregistered"] = {"unexpected_result": r}
        except ActivityError as e:
            out["unregistered"] = describe_error(e)
        return out


async def main():
    address, lua_queue, py_queue, workflow_id = sys.argv[1:5]
    client = await Client.connect(address)
    async with Worker(client, task_queue=py_queue, workflows=[PyCallsLua],
                      workflow_runner=UnsandboxedWorkflowRunner()):
        result = await asyncio.wait_for(
            client.execute_workflow(PyCallsLua.run, lua_queue, id=workflow_id, task_queue=py_queue,
                                    execution_timeout=timedelta(seconds=60)),
            timeout=60)
    failures = []
    check("echo", PAYLOAD, result.get("echo"), failures)
    check("echo of a list", [1, "two", [3], 4.5], result.get("echo_list"), failures)
    check("echo_args", [1, "two", [3]], result.get("echo_args"), failures)
    check("NOT_FOUND from Lua", {
        "error_class": "ActivityError",
        "cause_class": "ApplicationError",
        "type": "NOT_FOUND",
        "non_retryable": True,
        "message": "no record missing-key",
        "retry_state": "NON_RETRYABLE_FAILURE",
    }, result.get("find"), failures)
    unregistered = dict(result.get("unregistered") or {})
    message = unregistered.pop("message", None) or ""
    check("unregistered activity type", {
        "error_class": "ActivityError",
        "cause_class": "ApplicationError",
        "type": "NOT_FOUND",
        "non_retryable": True,
        "retry_state": "NON_RETRYABLE_FAILURE",
    }, unregistered, failures)
    if "it:no_such_activity" not in message:
        failures.append(f"unregistered: the message should name the activity type: {message!r}")
    finish(failures)


if __name__ == "__main__":
    asyncio.run(main())
