// Recorded with `temporal workflow show -w failing-1 --output json` (temporal CLI 1.9.1,
// server 1.32.0, temporalio 1.35.0). Recorded fixtures are never edited, only added.

extension HistoryFixtures {
    /// Python SDK worker: 10 ms timer, then the workflow fails with ApplicationError `GiveUp`.
    static let failing = ##"""
{
  "events": [
    {
      "eventId": "1",
      "eventTime": "2026-11-22T01:16:43.475286819Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED",
      "taskId": "1048658",
      "workflowExecutionStartedEventAttributes": {
        "workflowType": {
          "name": "Failing"
        },
        "taskQueue": {
          "name": "fx",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "workflowTaskTimeout": "10s",
        "originalExecutionRunId": "01a200d3-b253-745c-a482-189f1a18bf5d",
        "identity": "7756@vm",
        "firstExecutionRunId": "01a200d3-b253-745c-a482-189f1a18bf5d",
        "attempt": 1,
        "firstWorkflowTaskBackoff": "0s",
        "workflowId": "failing-1",
        "priority": {}
      }
    },
    {
      "eventId": "2",
      "eventTime": "2026-11-22T01:16:43.475362238Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048659",
      "workflowTaskScheduledEventAttributes": {
        "taskQueue": {
          "name": "fx",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "startToCloseTimeout": "10s",
        "attempt": 1
      }
    },
    {
      "eventId": "3",
      "eventTime": "2026-11-22T01:16:43.478499295Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048664",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "2",
        "identity": "7756@vm",
        "requestId": "9219bad3-c6c5-4fc1-8752-47d09b5ef050",
        "historySizeBytes": "198",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        }
      }
    },
    {
      "eventId": "4",
      "eventTime": "2026-11-22T01:16:43.486427879Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048668",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "2",
        "startedEventId": "3",
        "identity": "7756@vm",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        },
        "sdkMetadata": {
          "coreUsedFlags": [
            1,
            2,
            4,
            3
          ],
          "sdkName": "temporal-python",
          "sdkVersion": "1.35.0"
        },
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "5",
      "eventTime": "2026-11-22T01:16:43.486482142Z",
      "eventType": "EVENT_TYPE_TIMER_STARTED",
      "taskId": "1048669",
      "timerStartedEventAttributes": {
        "timerId": "1",
        "startToFireTimeout": "0.010s",
        "workflowTaskCompletedEventId": "4"
      }
    },
    {
      "eventId": "6",
      "eventTime": "2026-11-22T01:16:44.478679681Z",
      "eventType": "EVENT_TYPE_TIMER_FIRED",
      "taskId": "1048673",
      "timerFiredEventAttributes": {
        "timerId": "1",
        "startedEventId": "5"
      }
    },
    {
      "eventId": "7",
      "eventTime": "2026-11-22T01:16:44.478705851Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048674",
      "workflowTaskScheduledEventAttributes": {
        "taskQueue": {
          "name": "7756@vm-ad4e17a3ae2a489b89fb1c0f462a80f8",
          "kind": "TASK_QUEUE_KIND_STICKY",
          "normalName": "fx"
        },
        "startToCloseTimeout": "10s",
        "attempt": 1
      }
    },
    {
      "eventId": "8",
      "eventTime": "2026-11-22T01:16:44.480947221Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048678",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "7",
        "identity": "7756@vm",
        "requestId": "d0864c94-1cc0-486b-92a1-6522715e081c",
        "historySizeBytes": "575",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        }
      }
    },
    {
      "eventId": "9",
      "eventTime": "2026-11-22T01:16:44.487151784Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048682",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "7",
        "startedEventId": "8",
        "identity": "7756@vm",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        },
        "sdkMetadata": {},
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "10",
      "eventTime": "2026-11-22T01:16:44.487261957Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_FAILED",
      "taskId": "1048683",
      "workflowExecutionFailedEventAttributes": {
        "failure": {
          "message": "workflow gave up",
          "stackTrace": "  File \"/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/temporalio/worker/_workflow_instance.py\", line 2846, in _run_top_level_workflow_function\n    await coro\n\n  File \"/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/temporalio/worker/_workflow_instance.py\", line 1175, in run_workflow\n    result = await self._inbound.execute_workflow(input)\n             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n\n  File \"/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/temporalio/worker/_workflow_instance.py\", line 3255, in execute_workflow\n    return await input.run_fn(*args)\n           ^^^^^^^^^^^^^^^^^^^^^^^^^\n\n  File \"/tmp/jsonfx/worker.py\", line 42, in run\n    raise ApplicationError(\"workflow gave up\", type=\"GiveUp\", non_retryable=True)\n",
          "applicationFailureInfo": {
            "type": "GiveUp",
            "nonRetryable": true
          }
        },
        "retryState": "RETRY_STATE_RETRY_POLICY_NOT_SET",
        "workflowTaskCompletedEventId": "9"
      }
    }
  ]
}
"""##
}
