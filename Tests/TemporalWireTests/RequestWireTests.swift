import XCTest
import TemporalModel
import TemporalWire

/// Every request type: encode, decode, compare (all fields non-default).
final class RequestWireTests: XCTestCase {
    private let token: [UInt8] = [0, 1, 2, 250]

    func testWorkerWorkflowRequests() throws {
        let poll = PollWorkflowTaskQueueRequest(namespace: "default", taskQueue: Samples.queue, identity: "me",
                                                workerInstanceKey: "wik")
        XCTAssertEqual(try PollWorkflowTaskQueueRequest(wireBytes: poll.wireBytes()), poll)

        let failed = RespondWorkflowTaskFailedRequest(taskToken: token, cause: WorkflowTaskFailedCause.nonDeterministicError,
                                                      failure: Samples.failure, identity: "me", namespace: "default")
        XCTAssertEqual(try RespondWorkflowTaskFailedRequest(wireBytes: failed.wireBytes()), failed)

        let history = GetWorkflowExecutionHistoryRequest(namespace: "default", execution: Samples.execution,
                                                         maximumPageSize: 100, nextPageToken: [5, 6], waitNewEvent: true,
                                                         eventFilter: .closeEvent, skipArchival: true)
        XCTAssertEqual(try GetWorkflowExecutionHistoryRequest(wireBytes: history.wireBytes()), history)

        let query = RespondQueryTaskCompletedRequest(
            taskToken: token, result: WorkflowQueryResult(resultType: .failed, answer: [Samples.json],
                                                          errorMessage: "no", failure: Samples.failure),
            namespace: "default")
        XCTAssertEqual(try RespondQueryTaskCompletedRequest(wireBytes: query.wireBytes()), query)
    }

    func testActivityRequests() throws {
        let poll = PollActivityTaskQueueRequest(namespace: "default", taskQueue: TaskQueue(name: "q1"), identity: "me",
                                                workerInstanceKey: "wik")
        XCTAssertEqual(try PollActivityTaskQueueRequest(wireBytes: poll.wireBytes()), poll)

        let completed = RespondActivityTaskCompletedRequest(taskToken: token, result: Samples.payloads, identity: "me",
                                                            namespace: "default")
        XCTAssertEqual(try RespondActivityTaskCompletedRequest(wireBytes: completed.wireBytes()), completed)

        let failed = RespondActivityTaskFailedRequest(taskToken: token, failure: Samples.failure, identity: "me",
                                                      namespace: "default", lastHeartbeatDetails: [Samples.binary])
        XCTAssertEqual(try RespondActivityTaskFailedRequest(wireBytes: failed.wireBytes()), failed)

        let canceled = RespondActivityTaskCanceledRequest(taskToken: token, details: [Samples.json], identity: "me",
                                                          namespace: "default")
        XCTAssertEqual(try RespondActivityTaskCanceledRequest(wireBytes: canceled.wireBytes()), canceled)

        let heartbeat = RecordActivityTaskHeartbeatRequest(taskToken: token, details: [Samples.json], identity: "me",
                                                           namespace: "default")
        XCTAssertEqual(try RecordActivityTaskHeartbeatRequest(wireBytes: heartbeat.wireBytes()), heartbeat)

        let shutdown = ShutdownWorkerRequest(namespace: "default", stickyTaskQueue: "sticky-1", identity: "me",
                                             reason: "bye", workerInstanceKey: "wik", taskQueue: "q1")
        XCTAssertEqual(try ShutdownWorkerRequest(wireBytes: shutdown.wireBytes()), shutdown)
    }

    func testClientRequests() throws {
        let start = StartWorkflowExecutionRequest(
            namespace: "default", workflowId: "wf-1", workflowType: "Greet", taskQueue: "q1", input: Samples.payloads,
            workflowExecutionTimeout: .seconds(3600), workflowRunTimeout: .seconds(600), workflowTaskTimeout: .seconds(10),
            identity: "cli", requestId: "req-1", workflowIdReusePolicy: 3, workflowIdConflictPolicy: 2,
            retryPolicy: Samples.retry, cronSchedule: "@hourly", memo: Samples.memo, searchAttributes: Samples.search,
            header: Samples.header, requestEagerExecution: true, workflowStartDelay: .milliseconds(250))
        XCTAssertEqual(try StartWorkflowExecutionRequest(wireBytes: start.wireBytes()), start)

        let signal = SignalWorkflowExecutionRequest(namespace: "default", execution: Samples.execution, signalName: "sig",
                                                    input: [Samples.json], identity: "cli", requestId: "r2",
                                                    header: Samples.header)
        XCTAssertEqual(try SignalWorkflowExecutionRequest(wireBytes: signal.wireBytes()), signal)

        let cancel = RequestCancelWorkflowExecutionRequest(namespace: "default", execution: Samples.execution,
                                                           identity: "cli", requestId: "r3", reason: "stop")
        XCTAssertEqual(try RequestCancelWorkflowExecutionRequest(wireBytes: cancel.wireBytes()), cancel)

        let terminate = TerminateWorkflowExecutionRequest(namespace: "default", execution: Samples.execution,
                                                          reason: "kill", identity: "cli")
        XCTAssertEqual(try TerminateWorkflowExecutionRequest(wireBytes: terminate.wireBytes()), terminate)
    }

    func testDescribeNamespaceRequest() throws {
        let bytes = DescribeNamespaceWire.request(namespace: "default")
        // field 1 (namespace), length 7, "default"
        XCTAssertEqual(bytes, [0x0a, 7] + Array("default".utf8))
        XCTAssertEqual(try DescribeNamespaceWire.namespace(fromRequest: bytes), "default")
    }

    func testPollRequestBytesAreExact() throws {
        let poll = PollWorkflowTaskQueueRequest(namespace: "ns", taskQueue: TaskQueue(name: "q"), identity: "i")
        // 1: "ns"; 2: TaskQueue{1: "q", 2: NORMAL}; 3: "i"
        XCTAssertEqual(try poll.wireBytes(),
                       [0x0a, 2, 0x6e, 0x73, 0x12, 5, 0x0a, 1, 0x71, 0x10, 1, 0x1a, 1, 0x69])
    }
}
