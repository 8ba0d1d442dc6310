// Recorded with `temporal workflow show -w parent-1 --output json` (temporal CLI 1.9.1,
// server 1.32.0, temporalio 1.35.0). Recorded fixtures are never edited, only added.

extension HistoryFixtures {
    /// Python SDK worker: patch marker, memo upsert, child `Kid` ok and failing, cancelled timer, signal, completion.
    static let parent = ##"""
{
  "events": [
    {
      "eventId": "1",
      "eventTime": "2026-11-22T01:16:59.188951047Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED",
      "taskId": "1048701",
      "workflowExecutionStartedEventAttributes": {
        "workflowType": {
          "name": "Parent"
        },
        "taskQueue": {
          "name": "fx2",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "workflowTaskTimeout": "10s",
        "originalExecutionRunId": "01a200d3-efb4-7e7d-b82f-993e46076ed1",
        "identity": "8388@vm",
        "firstExecutionRunId": "01a200d3-efb4-7e7d-b82f-993e46076ed1",
        "attempt": 1,
        "firstWorkflowTaskBackoff": "0s",
        "workflowId": "parent-1",
        "priority": {}
      }
    },
    {
      "eventId": "2",
      "eventTime": "2026-11-22T01:16:59.189070048Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048702",
      "workflowTaskScheduledEventAttributes": {
        "taskQueue": {
          "name": "fx2",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "startToCloseTimeout": "10s",
        "attempt": 1
      }
    },
    {
      "eventId": "3",
      "eventTime": "2026-11-22T01:16:59.203188793Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048707",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "2",
        "identity": "8388@vm",
        "requestId": "56d2e267-400e-431e-bbc6-1647bd6144e3",
        "historySizeBytes": "196",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        }
      }
    },
    {
      "eventId": "4",
      "eventTime": "2026-11-22T01:16:59.215634788Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048711",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "2",
        "startedEventId": "3",
        "identity": "8388@vm",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        },
        "sdkMetadata": {
          "coreUsedFlags": [
            4,
            3,
            1,
            2
          ],
          "sdkName": "temporal-python",
          "sdkVersion": "1.35.0"
        },
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "5",
      "eventTime": "2026-11-22T01:16:59.215764657Z",
      "eventType": "EVENT_TYPE_MARKER_RECORDED",
      "taskId": "1048712",
      "markerRecordedEventAttributes": {
        "markerName": "core_patch",
        "details": {
          "patch-data": {
            "payloads": [
              {
                "metadata": {
                  "encoding": "anNvbi9wbGFpbg=="
                },
                "data": "eyJpZCI6Im15LXBhdGNoIiwiZGVwcmVjYXRlZCI6ZmFsc2V9"
              }
            ]
          }
        },
        "workflowTaskCompletedEventId": "4"
      }
    },
    {
      "eventId": "6",
      "eventTime": "2026-11-22T01:16:59.216298317Z",
      "eventType": "EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES",
      "taskId": "1048713",
      "upsertWorkflowSearchAttributesEventAttributes": {
        "workflowTaskCompletedEventId": "4",
        "searchAttributes": {
          "indexedFields": {
            "TemporalChangeVersion": {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg==",
                "type": "S2V5d29yZExpc3Q="
              },
              "data": "WyJteS1wYXRjaCJd"
            }
          }
        }
      }
    },
    {
      "eventId": "7",
      "eventTime": "2026-11-22T01:16:59.216394249Z",
      "eventType": "EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED",
      "taskId": "1048714",
      "workflowPropertiesModifiedEventAttributes": {
        "workflowTaskCompletedEventId": "4",
        "upsertedMemo": {
          "fields": {
            "note": {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "ImhpIg=="
            }
          }
        }
      }
    },
    {
      "eventId": "8",
      "eventTime": "2026-11-22T01:16:59.216620681Z",
      "eventType": "EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED",
      "taskId": "1048715",
      "startChildWorkflowExecutionInitiatedEventAttributes": {
        "namespace": "default",
        "namespaceId": "01a200d3-6d4e-7ded-8212-745707496980",
        "workflowId": "kid-ok",
        "workflowType": {
          "name": "Kid"
        },
        "taskQueue": {
          "name": "fx2",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "input": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "MjE="
            }
          ]
        },
        "workflowRunTimeout": "0s",
        "workflowTaskTimeout": "10s",
        "parentClosePolicy": "PARENT_CLOSE_POLICY_TERMINATE",
        "workflowTaskCompletedEventId": "4",
        "workflowIdReusePolicy": "WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE",
        "header": {},
        "inheritBuildId": true,
        "priority": {}
      }
    },
    {
      "eventId": "9",
      "eventTime": "2026-11-22T01:16:59.220957993Z",
      "eventType": "EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED",
      "taskId": "1048723",
      "childWorkflowExecutionStartedEventAttributes": {
        "namespace": "default",
        "namespaceId": "01a200d3-6d4e-7ded-8212-745707496980",
        "initiatedEventId": "8",
        "workflowExecution": {
          "workflowId": "kid-ok",
          "runId": "01a200d3-efd3-7977-bda0-eb7e9b65d657"
        },
        "workflowType": {
          "name": "Kid"
        },
        "header": {}
      }
    },
    {
      "eventId": "10",
      "eventTime": "2026-11-22T01:16:59.221018903Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048724",
      "workflowTaskScheduledEventAttributes": {
        "taskQueue": {
          "name": "8388@vm-8bdbe21ea3c84e519b0d883233e2640b",
          "kind": "TASK_QUEUE_KIND_STICKY",
          "normalName": "fx2"
        },
        "startToCloseTimeout": "10s",
        "attempt": 1
      }
    },
    {
      "eventId": "11",
      "eventTime": "2026-11-22T01:16:59.224311380Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048732",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "10",
        "identity": "8388@vm",
        "requestId": "7844f1c4-9373-4108-96cc-ed42ee2a14a0",
        "historySizeBytes": "1090",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        }
      }
    },
    {
      "eventId": "12",
      "eventTime": "2026-11-22T01:16:59.232551566Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048740",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "10",
        "startedEventId": "11",
        "identity": "8388@vm",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        },
        "sdkMetadata": {},
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "13",
      "eventTime": "2026-11-22T01:16:59.240035263Z",
      "eventType": "EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED",
      "taskId": "1048748",
      "childWorkflowExecutionCompletedEventAttributes": {
        "result": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "NDI="
            }
          ]
        },
        "namespace": "default",
        "namespaceId": "01a200d3-6d4e-7ded-8212-745707496980",
        "workflowExecution": {
          "workflowId": "kid-ok",
          "runId": "01a200d3-efd3-7977-bda0-eb7e9b65d657"
        },
        "workflowType": {
          "name": "Kid"
        },
        "initiatedEventId": "8",
        "startedEventId": "9"
      }
    },
    {
      "eventId": "14",
      "eventTime": "2026-11-22T01:16:59.240077173Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048749",
      "workflowTaskScheduledEventAttributes": {
        "taskQueue": {
          "name": "8388@vm-8bdbe21ea3c84e519b0d883233e2640b",
          "kind": "TASK_QUEUE_KIND_STICKY",
          "normalName": "fx2"
        },
        "startToCloseTimeout": "10s",
        "attempt": 1
      }
    },
    {
      "eventId": "15",
      "eventTime": "2026-11-22T01:16:59.241477185Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048753",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "14",
        "identity": "8388@vm",
        "requestId": "d22c14ee-5772-48b9-9721-99a29b533353",
        "historySizeBytes": "1529",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        }
      }
    },
    {
      "eventId": "16",
      "eventTime": "2026-11-22T01:16:59.246813312Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048757",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "14",
        "startedEventId": "15",
        "identity": "8388@vm",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        },
        "sdkMetadata": {},
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "17",
      "eventTime": "2026-11-22T01:16:59.247222853Z",
      "eventType": "EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED",
      "taskId": "1048758",
      "startChildWorkflowExecutionInitiatedEventAttributes": {
        "namespace": "default",
        "namespaceId": "01a200d3-6d4e-7ded-8212-745707496980",
        "workflowId": "kid-bad",
        "workflowType": {
          "name": "Kid"
        },
        "taskQueue": {
          "name": "fx2",
          "kind": "TASK_QUEUE_KIND_NORMAL"
        },
        "input": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "LTE="
            }
          ]
        },
        "workflowRunTimeout": "0s",
        "workflowTaskTimeout": "10s",
        "parentClosePolicy": "PARENT_CLOSE_POLICY_TERMINATE",
        "workflowTaskCompletedEventId": "16",
        "workflowIdReusePolicy": "WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE",
        "header": {},
        "inheritBuildId": true,
        "priority": {}
      }
    },
    {
      "eventId": "18",
      "eventTime": "2026-11-22T01:16:59.250593687Z",
      "eventType": "EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED",
      "taskId": "1048765",
      "childWorkflowExecutionStartedEventAttributes": {
        "namespace": "default",
        "namespaceId": "01a200d3-6d4e-7ded-8212-745707496980",
        "initiatedEventId": "17",
        "workflowExecution": {
          "workflowId": "kid-bad",
          "runId": "01a200d3-eff0-797a-9c3b-20dfb5e425c4"
        },
        "workflowType": {
          "name": "Kid"
        },
        "header": {}
      }
    },
    {
      "eventId": "19",
      "eventTime": "2026-11-22T01:16:59.250606750Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048766",
      "workflowTaskScheduledEventAttributes": {
        "taskQueue": {
          "name": "8388@vm-8bdbe21ea3c84e519b0d883233e2640b",
          "kind": "TASK_QUEUE_KIND_STICKY",
          "normalName": "fx2"
        },
        "startToCloseTimeout": "10s",
        "attempt": 1
      }
    },
    {
      "eventId": "20",
      "eventTime": "2026-11-22T01:16:59.253725362Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048774",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "19",
        "identity": "8388@vm",
        "requestId": "fbbff1b2-7f8a-4355-bcce-992a82a7074a",
        "historySizeBytes": "2088",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        }
      }
    },
    {
      "eventId": "21",
      "eventTime": "2026-11-22T01:16:59.263876943Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048782",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "19",
        "startedEventId": "20",
        "identity": "8388@vm",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        },
        "sdkMetadata": {},
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "22",
      "eventTime": "2026-11-22T01:16:59.269872914Z",
      "eventType": "EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED",
      "taskId": "1048790",
      "childWorkflowExecutionFailedEventAttributes": {
        "failure": {
          "message": "negative kid",
          "stackTrace": "  File \"/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/temporalio/worker/_workflow_instance.py\", line 2846, in _run_top_level_workflow_function\n    await coro\n\n  File \"/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/temporalio/worker/_workflow_instance.py\", line 1175, in run_workflow\n    result = await self._inbound.execute_workflow(input)\n             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n\n  File \"/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/temporalio/worker/_workflow_instance.py\", line 3255, in execute_workflow\n    return await input.run_fn(*args)\n           ^^^^^^^^^^^^^^^^^^^^^^^^^\n\n  File \"/tmp/jsonfx/worker2.py\", line 13, in run\n    raise ApplicationError(\"negative kid\", type=\"KidErr\", non_retryable=True)\n",
          "applicationFailureInfo": {
            "type": "KidErr",
            "nonRetryable": true
          }
        },
        "namespace": "default",
        "namespaceId": "01a200d3-6d4e-7ded-8212-745707496980",
        "workflowExecution": {
          "workflowId": "kid-bad",
          "runId": "01a200d3-eff0-797a-9c3b-20dfb5e425c4"
        },
        "workflowType": {
          "name": "Kid"
        },
        "initiatedEventId": "17",
        "startedEventId": "18",
        "retryState": "RETRY_STATE_RETRY_POLICY_NOT_SET"
      }
    },
    {
      "eventId": "23",
      "eventTime": "2026-11-22T01:16:59.269951338Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048791",
      "workflowTaskScheduledEventAttributes": {
        "taskQueue": {
          "name": "8388@vm-8bdbe21ea3c84e519b0d883233e2640b",
          "kind": "TASK_QUEUE_KIND_STICKY",
          "normalName": "fx2"
        },
        "startToCloseTimeout": "10s",
        "attempt": 1
      }
    },
    {
      "eventId": "24",
      "eventTime": "2026-11-22T01:16:59.272550689Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048795",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "23",
        "identity": "8388@vm",
        "requestId": "732b783d-f2c1-4964-986f-1d0c39bedf49",
        "historySizeBytes": "3294",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        }
      }
    },
    {
      "eventId": "25",
      "eventTime": "2026-11-22T01:16:59.276961351Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048799",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "23",
        "startedEventId": "24",
        "identity": "8388@vm",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        },
        "sdkMetadata": {},
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "26",
      "eventTime": "2026-11-22T01:16:59.276990363Z",
      "eventType": "EVENT_TYPE_TIMER_STARTED",
      "taskId": "1048800",
      "timerStartedEventAttributes": {
        "timerId": "1",
        "startToFireTimeout": "30s",
        "workflowTaskCompletedEventId": "25"
      }
    },
    {
      "eventId": "27",
      "eventTime": "2026-11-22T01:17:01.199337494Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED",
      "taskId": "1048803",
      "workflowExecutionSignaledEventAttributes": {
        "signalName": "finish",
        "identity": "8388@vm",
        "requestId": "71661793-1f83-4998-b62a-8e7a8605420c"
      }
    },
    {
      "eventId": "28",
      "eventTime": "2026-11-22T01:17:01.199352815Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
      "taskId": "1048804",
      "workflowTaskScheduledEventAttributes": {
        "taskQueue": {
          "name": "8388@vm-8bdbe21ea3c84e519b0d883233e2640b",
          "kind": "TASK_QUEUE_KIND_STICKY",
          "normalName": "fx2"
        },
        "startToCloseTimeout": "10s",
        "attempt": 1
      }
    },
    {
      "eventId": "29",
      "eventTime": "2026-11-22T01:17:01.201450890Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_STARTED",
      "taskId": "1048808",
      "workflowTaskStartedEventAttributes": {
        "scheduledEventId": "28",
        "identity": "8388@vm",
        "requestId": "980a2209-1743-4843-9ec1-e3215fe56842",
        "historySizeBytes": "3686",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        }
      }
    },
    {
      "eventId": "30",
      "eventTime": "2026-11-22T01:17:01.206657308Z",
      "eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
      "taskId": "1048812",
      "workflowTaskCompletedEventAttributes": {
        "scheduledEventId": "28",
        "startedEventId": "29",
        "identity": "8388@vm",
        "workerVersion": {
          "buildId": "292e02b8e453931ed9d14952f25dd716"
        },
        "sdkMetadata": {},
        "meteringMetadata": {}
      }
    },
    {
      "eventId": "31",
      "eventTime": "2026-11-22T01:17:01.206747287Z",
      "eventType": "EVENT_TYPE_TIMER_CANCELED",
      "taskId": "1048813",
      "timerCanceledEventAttributes": {
        "timerId": "1",
        "startedEventId": "26",
        "workflowTaskCompletedEventId": "30",
        "identity": "8388@vm"
      }
    },
    {
      "eventId": "32",
      "eventTime": "2026-11-22T01:17:01.206812989Z",
      "eventType": "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED",
      "taskId": "1048814",
      "workflowExecutionCompletedEventAttributes": {
        "result": {
          "payloads": [
            {
              "metadata": {
                "encoding": "anNvbi9wbGFpbg=="
              },
              "data": "WyJwYXRjaGVkIiw0MiwiS2lkRXJyOiBuZWdhdGl2ZSBraWQiXQ=="
            }
          ]
        },
        "workflowTaskCompletedEventId": "30"
      }
    }
  ]
}
"""##
}
