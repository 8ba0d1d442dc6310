import XCTest
import TemporalModel
import TemporalWire

/// Cross-checks against the official protobuf encoder.
///
/// The hex literals were produced once with Python 3, `temporalio` 1.35.0
/// (`temporalio.api.*_pb2` modules, protobuf 7.36.2), by building the
/// messages described in each test with the official classes and printing
/// `msg.SerializeToString().hex()`.
final class OfficialEncoderTests: XCTestCase {
    private func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = s.makeIterator()
        while let hi = it.next(), let lo = it.next() { out.append(UInt8(String([hi, lo]), radix: 16)!) }
        return out
    }

    private func json(_ text: String) -> Payload {
        Payload(metadata: ["encoding": Array("json/plain".utf8)], data: Array(text.utf8))
    }

    /// PollWorkflowTaskQueueResponse with a 3-event history plus one Nexus
    /// event (type 49, worker_may_ignore) that Moonflow does not model, and
    /// backlog_count_hint = 7 (not in the model).
    func testPollWorkflowTaskQueueResponseFromPython() throws {
        let bytes = hex("0a050102746f6b120d0a0477662d31120572756e2d311a070a05677265657428033001380742bc010a6308011208"
            + "0880e2cfaa061005180132530a070a0567726565742a060a027131100132230a210a160a08656e636f64696e67120a6a736f"
            + "6e2f706c61696e120722776f726c64224a02080a720572756e2d3182010572756e2d31900101e2010477662d310a1c080212"
            + "060881e2cfaa061805520e0a060a02713110011202080a18010a25080312060882e2cfaa0618065a170802120b776f726b65"
            + "7240686f73741a0372657128c1020a1008041831b2030608031a026f70e012015a060a0271311001")
        let task = try WorkflowTask(wireBytes: bytes)
        XCTAssertEqual(task.taskToken, [1, 2] + Array("tok".utf8))
        XCTAssertEqual(task.workflowExecution, WorkflowExecution(workflowId: "wf-1", runId: "run-1"))
        XCTAssertEqual(task.workflowType, "greet")
        XCTAssertEqual(task.previousStartedEventId, 0)
        XCTAssertEqual(task.startedEventId, 3)
        XCTAssertEqual(task.attempt, 1)
        XCTAssertEqual(task.workflowExecutionTaskQueue, TaskQueue(name: "q1", kind: .normal))
        XCTAssertNil(task.query)
        XCTAssertEqual(task.history.events.count, 4)

        let e = task.history.events
        XCTAssertEqual(e[0].eventId, 1)
        XCTAssertEqual(e[0].eventType, EventType.workflowExecutionStarted)
        XCTAssertEqual(e[0].eventTime, Timestamp(seconds: 1_700_000_000, nanos: 5))
        XCTAssertEqual(e[0].attributes, .workflowExecutionStarted(WorkflowExecutionStarted(
            workflowType: "greet", taskQueue: "q1", input: [json("\"world\"")], workflowTaskTimeout: .seconds(10),
            originalExecutionRunId: "run-1", firstExecutionRunId: "run-1", attempt: 1, workflowId: "wf-1")))
        XCTAssertEqual(e[1], HistoryEvent(
            eventId: 2, eventTime: Timestamp(seconds: 1_700_000_001), eventType: EventType.workflowTaskScheduled,
            attributes: .workflowTaskScheduled(taskQueue: TaskQueue(name: "q1", kind: .normal),
                                               startToCloseTimeout: .seconds(10), attempt: 1)))
        XCTAssertEqual(e[2], HistoryEvent(
            eventId: 3, eventTime: Timestamp(seconds: 1_700_000_002), eventType: EventType.workflowTaskStarted,
            attributes: .workflowTaskStarted(scheduledEventId: 2, identity: "worker@host", historySizeBytes: 321)))
        XCTAssertEqual(e[3], HistoryEvent(eventId: 4, eventTime: Timestamp(seconds: 0), eventType: 49,
                                          workerMayIgnore: true, attributes: .other))
    }

    /// Failure(application MyError, non_retryable, details [json "1"])
    ///   cause Failure(activity: scheduled 5, started 6, identity "id", type "act", id "7", retry_state 4)
    ///   cause Failure(timeout: START_TO_CLOSE).
    func testFailureCauseChainFromPython() throws {
        let bytes = hex("0a056f757465721209507974686f6e53444b1a027374222b0a066d6964646c65220b0a05696e6e6572320208015a"
            + "14080510061a02696422050a036163742a013730042a2a0a074d794572726f7210011a1d0a1b0a160a08656e636f64696e67"
            + "120a6a736f6e2f706c61696e120131")
        let failure = try Failure(wireBytes: bytes)
        let expected = Failure(
            message: "outer", source: "PythonSDK", stackTrace: "st",
            info: .application(type: "MyError", nonRetryable: true, details: [json("1")]),
            cause: Failure(message: "middle",
                           info: .activity(scheduledEventId: 5, startedEventId: 6, activityType: "act",
                                           activityId: "7", retryState: 4),
                           cause: Failure(message: "inner", info: .timeout(type: .startToClose, lastHeartbeatDetails: []))))
        XCTAssertEqual(failure, expected)
    }

    /// RespondWorkflowTaskCompletedRequest{task_token "tok", identity "me", namespace "default",
    /// commands [ScheduleActivityTask(id "1", type "charge", queue q1 NORMAL, input [json "42"],
    /// start_to_close 30s, retry(initial 1s, backoff 2.0, max attempts 3, non-retryable ["Bad"]))]}.
    func testRespondWorkflowTaskCompletedMatchesPythonBytes() throws {
        let python = hex("0a03746f6b12530801124f0a013112080a0663686172676522060a0271311001321e0a1c0a160a08656e636f6469"
            + "6e67120a6a736f6e2f706c61696e120234324a02081e5a140a02080111000000000000004020032a034261641a026d654a07"
            + "64656661756c74")
        let request = RespondWorkflowTaskCompletedRequest(
            taskToken: Array("tok".utf8),
            commands: [.scheduleActivityTask(ScheduleActivityTask(
                activityId: "1", activityType: "charge", taskQueue: "q1", input: [json("42")],
                startToCloseTimeout: .seconds(30),
                retryPolicy: RetryPolicy(initialInterval: .seconds(1), backoffCoefficient: 2.0, maximumAttempts: 3,
                                         nonRetryableErrorTypes: ["Bad"])))],
            identity: "me", namespace: "default")
        XCTAssertEqual(try RespondWorkflowTaskCompletedRequest(wireBytes: python), request)
        // Same field order and encoding as the official encoder, byte for byte.
        XCTAssertEqual(try request.wireBytes(), python)
    }
}
