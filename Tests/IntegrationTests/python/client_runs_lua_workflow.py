"""A Python SDK client starts the Lua workflow `it:interop_workflow` with a
rich input and checks the exact result (types included).

usage: client_runs_lua_workflow.py ADDRESS LUA_QUEUE WORKFLOW_ID
"""
import asyncio
import sys
from datetime import timedelta

from temporalio.client import Client

from interop_common import check, finish

NAME = "héllo wörld ✓ 日本 🚀"

INPUT = {
    "id": 12345678901234,
    "ints": [1, -2, 3, 9007199254740993],  # 2^53 + 1: must not pass through a double
    "ratio": 0.75,
    "whole_float": 2.0,  # a float with no fraction stays a float
    "flag": True,
    "off": False,
    "nothing": None,
    "name": NAME,
    "tags": ["a", "b", "ç"],
    "nested": {"a": {"b": [{"c": "first"}, {"c": [1.5, "two", False, {"deep": -7}]}]}},
    "empty_obj": {},
    "empty_list": [],
}


def expected_result(queue):
    # Lua has no null inside tables: a null-valued key is absent in Lua,
    # so the echoed object has no "nothing" key.
    # An empty Lua table is sent as {} (SPEC §4), so [] comes back as {}.
    echo = {k: v for k, v in INPUT.items() if k != "nothing"}
    echo["empty_list"] = {}
    return {
        "transformed": {
            "echo": echo,
            "int_sum": 1 - 2 + 3 + 9007199254740993,
            "int_sum_type": "integer",
            "ratio_half": 0.375,
            "ratio_type": "float",
            "flag_negated": False,
            "off_is_false": True,
            "name_bytes": len(NAME.encode("utf-8")),
            "name_chars": len(NAME),
            "name_upper": NAME.encode("utf-8").upper().decode("utf-8"),  # byte-wise, like string.upper
            "nothing_is_nil": True,
            "tags_upper": ["A", "B", "ç"],
            "deep": -7,
            "id_plus_one": 12345678901235,
        },
        "extra_is_nil": True,
        "second_arg_type": "nil",
        "workflow_type": "it:interop_workflow",
        "task_queue": queue,
    }


async def main():
    address, queue, workflow_id = sys.argv[1:4]
    client = await Client.connect(address)
    handle = await client.start_workflow(
        "it:interop_workflow",
        args=[INPUT, None],
        id=workflow_id,
        task_queue=queue,
        execution_timeout=timedelta(seconds=60),
    )
    result = await asyncio.wait_for(handle.result(), timeout=60)
    failures = []
    check("workflow result", expected_result(queue), result, failures)
    finish(failures)


if __name__ == "__main__":
    asyncio.run(main())
