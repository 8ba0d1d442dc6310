// Recorded with `temporal workflow show -w demo-1 --output json` (temporal CLI 1.9.1,
// server 1.32.0, temporalio 1.35.0). Recorded fixtures are never edited, only added.

extension HistoryFixtures {
    /// CLI-started workflow `Demo` (two inputs), signalled, then terminated; no worker.
    static let demo = ##"""
{
  "events": [
    {
      "eventId": "1",
      "eventTime": "2026-11-22T01:16:45.717473724Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED",
      "taskId": "1048688",
      "workflowExecutionStartedEventAttributes": {
        "workflowType": {
          "name": "Demo"
        },
        "taskQueue": {
          "name": "tq",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "input": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "eyJhIjoxfQ=="
            },
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "InR3byI="
            }
          ]
        },
        "workflowExecutionTimeout": "0s",
        "workflowRunTimeout": "0s",
        "workflowTaskTimeout": "10s",
        "originalExecutionRunId": "01a200d3-bb15-7734-a47e-8fdfc9f55439",
        "identity": "temporal-cli:root@vm",
        "firstExecutionRunId": "01a200d3-bb15-7734-a47e-8fdfc9f55439",
        "attempt": 1,
        "firstWorkflowTaskBackoff": "0s",
        "header": {},
        "workflowId": "demo-1"
      }
    },
    {
      "eventId": "2",
      "eventTime": "2026-11-22T01:16:45.717579362Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048689",
      "workflowTaskScheduledEventAttributes": {
        "taskQueue": {
          "name": "tq",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "startToCloseTimeout": "10s",
        "attempt": 1
      }
    },
    {
      "eventId": "3",
      "eventTime": "2026-11-22T01:16:45.828170252Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED",
      "taskId": "1048694",
      "workflowExecutionSignaledEventAttributes": {
        "signalName": "go",
        "input": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "eyJ4IjpbMSwyLjVdfQ=="
            }
          ]
        },
        "identity": "temporal-cli:root@vm"
      }
    },
    {
      "eventId": "4",
      "eventTime": "2026-11-22T01:16:45.948644624Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED",
      "taskId": "1048696",
      "workflowExecutionTerminatedEventAttributes": {
        "reason": "test done",
        "identity": "temporal-cli:root@vm"
      }
    }
  ]
}
"""##
}
