// Recorded with `temporal workflow show -w rich-1 --output json` (temporal CLI 1.9.1,
// server 1.32.0, temporalio 1.35.0). Recorded fixtures are never edited, only added.

extension HistoryFixtures {
    /// Python SDK worker: activity `greet`, 1.5 s timer, failing activity `explode`, signal `poke`, completion.
    static let rich = ##"""
{
  "events": [
    {
      "eventId": "1",
      "eventTime": "2026-11-22T01:16:40.442317401Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED",
      "taskId": "1048587",
      "workflowExecutionStartedEventAttributes": {
        "workflowType": {
          "name": "Rich"
        },
        "taskQueue": {
          "name": "fx",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "input": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "eyJhIjoxLCJiIjpbMSwyLjUsIngiXX0="
            }
          ]
        },
        "workflowTaskTimeout": "10s",
        "originalExecutionRunId": "01a200d3-a67a-74d1-8dd4-077f0b8e8fd0",
        "identity": "7756@vm",
        "firstExecutionRunId": "01a200d3-a67a-74d1-8dd4-077f0b8e8fd0",
        "attempt": 1,
        "firstWorkflowTaskBackoff": "0s",
        "workflowId": "rich-1",
        "priority": {}
      }
    },
    {
      "eventId": "2",
      "eventTime": "2026-11-22T01:16:40.442483612Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048588",
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
      "eventTime": "2026-11-22T01:16:40.465942368Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048593",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "2",
        "identity": "7756@vm",
        "requestId": "e8cd143d-fa8e-4096-9cfd-12709d72b02a",
        "historySizeBytes": "245",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        }
      }
    },
    {
      "eventId": "4",
      "eventTime": "2026-11-22T01:16:40.480122548Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048598",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "2",
        "startedEventId": "3",
        "identity": "7756@vm",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        },
        "sdkMetadata": {
          "coreUsedFlags": [
            2,
            1,
            3,
            4
          ],
          "sdkName": "temporal-python",
          "sdkVersion": "1.35.0"
        },
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "5",
      "eventTime": "2026-11-22T01:16:40.480369667Z",
      "eventType": "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED",
      "taskId": "1048599",
      "activityTaskScheduledEventAttributes": {
        "activityId": "1",
        "activityType": {
          "name": "greet"
        },
        "taskQueue": {
          "name": "fx",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "header": {},
        "input": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "IndvcmxkIg=="
            },
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "Nw=="
            }
          ]
        },
        "scheduleToCloseTimeout": "0s",
        "scheduleToStartTimeout": "0s",
        "startToCloseTimeout": "10s",
        "heartbeatTimeout": "0s",
        "workflowTaskCompletedEventId": "4",
        "retryPolicy": {
          "initialInterval": "1s",
          "backoffCoefficient": 2,
          "maximumInterval": "100s"
        },
        "useWorkflowBuildId": true,
        "priority": {}
      }
    },
    {
      "eventId": "6",
      "eventTime": "2026-11-22T01:16:40.480882638Z",
      "eventType": "EVENT_TYPE_ACTIVITY_TASK_STARTED",
      "taskId": "1048603",
      "activityTaskStartedEventAttributes": {
        "scheduledEventId": "5",
        "identity": "7756@vm",
        "requestId": "552122e4-ba26-4c0b-94c8-b8989921a4b2",
        "attempt": 1,
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        }
      }
    },
    {
      "eventId": "7",
      "eventTime": "2026-11-22T01:16:40.485249859Z",
      "eventType": "EVENT_TYPE_ACTIVITY_TASK_COMPLETED",
      "taskId": "1048604",
      "activityTaskCompletedEventAttributes": {
        "result": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "eyJncmVldGluZyI6ImhlbGxvIHdvcmxkIiwibGlzdCI6WzEsMi4wLG51bGwsdHJ1ZV0sIm4iOjcsInBpIjoyLjUsIlx1MDBmY25cdTAwZWYiOiJcdTI3MTMifQ=="
            }
          ]
        },
        "scheduledEventId": "5",
        "startedEventId": "6",
        "identity": "7756@vm"
      }
    },
    {
      "eventId": "8",
      "eventTime": "2026-11-22T01:16:40.485352138Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048605",
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
      "eventId": "9",
      "eventTime": "2026-11-22T01:16:40.487947191Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048609",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "8",
        "identity": "7756@vm",
        "requestId": "03c7a342-7f65-4a3e-b163-2a4a191ad16f",
        "historySizeBytes": "978",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        }
      }
    },
    {
      "eventId": "10",
      "eventTime": "2026-11-22T01:16:40.494033826Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048613",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "8",
        "startedEventId": "9",
        "identity": "7756@vm",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        },
        "sdkMetadata": {},
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "11",
      "eventTime": "2026-11-22T01:16:40.494097873Z",
      "eventType": "EVENT_TYPE_TIMER_STARTED",
      "taskId": "1048614",
      "timerStartedEventAttributes": {
        "timerId": "1",
        "startToFireTimeout": "1.500s",
        "workflowTaskCompletedEventId": "10"
      }
    },
    {
      "eventId": "12",
      "eventTime": "2026-11-22T01:16:41.996381948Z",
      "eventType": "EVENT_TYPE_TIMER_FIRED",
      "taskId": "1048617",
      "timerFiredEventAttributes": {
        "timerId": "1",
        "startedEventId": "11"
      }
    },
    {
      "eventId": "13",
      "eventTime": "2026-11-22T01:16:41.996500618Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048618",
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
      "eventId": "14",
      "eventTime": "2026-11-22T01:16:41.998929527Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048622",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "13",
        "identity": "7756@vm",
        "requestId": "6c530b2d-b301-400d-8afa-1de60476e602",
        "historySizeBytes": "1327",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        }
      }
    },
    {
      "eventId": "15",
      "eventTime": "2026-11-22T01:16:42.005726334Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048627",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "13",
        "startedEventId": "14",
        "identity": "7756@vm",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        },
        "sdkMetadata": {},
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "16",
      "eventTime": "2026-11-22T01:16:42.005801598Z",
      "eventType": "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED",
      "taskId": "1048628",
      "activityTaskScheduledEventAttributes": {
        "activityId": "2",
        "activityType": {
          "name": "explode"
        },
        "taskQueue": {
          "name": "fx",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "header": {},
        "input": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "eyJiYWQiOnRydWV9"
            }
          ]
        },
        "scheduleToCloseTimeout": "0s",
        "scheduleToStartTimeout": "0s",
        "startToCloseTimeout": "10s",
        "heartbeatTimeout": "0s",
        "workflowTaskCompletedEventId": "15",
        "retryPolicy": {
          "initialInterval": "0.100s",
          "backoffCoefficient": 2,
          "maximumInterval": "10s",
          "maximumAttempts": 2
        },
        "useWorkflowBuildId": true,
        "priority": {}
      }
    },
    {
      "eventId": "17",
      "eventTime": "2026-11-22T01:16:42.005843859Z",
      "eventType": "EVENT_TYPE_ACTIVITY_TASK_STARTED",
      "taskId": "1048631",
      "activityTaskStartedEventAttributes": {
        "scheduledEventId": "16",
        "identity": "7756@vm",
        "requestId": "39f6a26b-f3f5-422e-ba7e-d9b1129d2df1",
        "attempt": 1,
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        }
      }
    },
    {
      "eventId": "18",
      "eventTime": "2026-11-22T01:16:42.012504399Z",
      "eventType": "EVENT_TYPE_ACTIVITY_TASK_FAILED",
      "taskId": "1048632",
      "activityTaskFailedEventAttributes": {
        "failure": {
          "message": "boom: bad input",
          "stackTrace": "  File \"/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/temporalio/worker/_activity.py\", line 379, in _handle_start_activity_task\n    result = await self._execute_activity(\n             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n\n  File \"/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/temporalio/worker/_activity.py\", line 712, in _execute_activity\n    return await impl.execute_activity(input)\n           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n\n  File \"/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/temporalio/worker/_activity.py\", line 921, in execute_activity\n    return await input.fn(*input.args)\n           ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n\n  File \"/tmp/jsonfx/worker.py\", line 15, in explode\n    raise ApplicationError(\"boom: bad input\", {\"k\": 1}, type=\"BadInput\", non_retryable=True)\n",
          "applicationFailureInfo": {
            "type": "BadInput",
            "nonRetryable": true,
            "details": {
              "payloads": [
                {
                  "metadata": {
                    "encoding": "anNvbi9wbGFpbg=="
                  },
                  "data": "eyJrIjoxfQ=="
                }
              ]
            }
          }
        },
        "scheduledEventId": "16",
        "startedEventId": "17",
        "identity": "7756@vm",
        "retryState": "RETRY_STATE_NON_RETRYABLE_FAILURE"
      }
    },
    {
      "eventId": "19",
      "eventTime": "2026-11-22T01:16:42.012566620Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048633",
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
      "eventId": "20",
      "eventTime": "2026-11-22T01:16:42.014761694Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048637",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "19",
        "identity": "7756@vm",
        "requestId": "e784a02c-a279-4946-8201-44f70f149b3a",
        "historySizeBytes": "2765",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        }
      }
    },
    {
      "eventId": "21",
      "eventTime": "2026-11-22T01:16:42.020813662Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048641",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "19",
        "startedEventId": "20",
        "identity": "7756@vm",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        },
        "sdkMetadata": {},
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "22",
      "eventTime": "2026-11-22T01:16:43.459543299Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED",
      "taskId": "1048643",
      "workflowExecutionSignaledEventAttributes": {
        "signalName": "poke",
        "input": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "eyJoaSI6InRoZXJlIn0="
            }
          ]
        },
        "identity": "7756@vm",
        "requestId": "86a098eb-88b2-4fef-b9c6-3c269a89f379"
      }
    },
    {
      "eventId": "23",
      "eventTime": "2026-11-22T01:16:43.459623089Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048644",
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
      "eventId": "24",
      "eventTime": "2026-11-22T01:16:43.462323761Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048648",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "23",
        "identity": "7756@vm",
        "requestId": "8a1bcd1a-fb7a-4387-b374-1dc50384e03f",
        "historySizeBytes": "3162",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        }
      }
    },
    {
      "eventId": "25",
      "eventTime": "2026-11-22T01:16:43.468491400Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048652",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "23",
        "startedEventId": "24",
        "identity": "7756@vm",
        "workerVersion": {
          "buildId": "6fd5354610f2b5ad230f4f2b7f2b9be9"
        },
        "sdkMetadata": {},
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "26",
      "eventTime": "2026-11-22T01:16:43.468600133Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED",
      "taskId": "1048653",
      "workflowExecutionCompletedEventAttributes": {
        "result": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "eyJhcmciOnsiYSI6MSwiYiI6WzEsMi41LCJ4Il19LCJlcnIiOiJBY3Rpdml0eSB0YXNrIGZhaWxlZCAvIEJhZElucHV0OiBib29tOiBiYWQgaW5wdXQiLCJyIjp7ImdyZWV0aW5nIjoiaGVsbG8gd29ybGQiLCJsaXN0IjpbMSwyLjAsbnVsbCx0cnVlXSwibiI6NywicGkiOjIuNSwiXHUwMGZjblx1MDBlZiI6Ilx1MjcxMyJ9LCJzaWciOlt7ImhpIjoidGhlcmUifV19"
            }
          ]
        },
        "workflowTaskCompletedEventId": "25"
      }
    }
  ]
}
"""##
}
