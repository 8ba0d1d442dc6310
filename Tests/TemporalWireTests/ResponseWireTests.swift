import XCTest
import TemporalModel
import TemporalWire

/// Every response type: encode (as a fake server would), decode, compare.
final class ResponseWireTests: XCTestCase {
    func testWorkflowTaskRoundTrips() throws {
        let task = Samples.workflowTask
        let decoded = try WorkflowTask(wireBytes: task.wireBytes())
        XCTAssertEqual(decoded.history.events.count, 48)
        XCTAssertEqual(decoded.queries["q1"], Samples.query)
        XCTAssertEqual(decoded.messages.first, Samples.protocolMessage)
        XCTAssertEqual(decoded, task)
    }

    func testEmptyPollResponses() throws {
        let task = try WorkflowTask(wireBytes: [])
        XCTAssertEqual(task.taskToken, [])
        XCTAssertNil(task.query)
        XCTAssertNil(task.workflowExecutionTaskQueue)
        XCTAssertEqual(task.history.events, [])
        let activity = try ActivityTask(wireBytes: [])
        XCTAssertEqual(activity.taskToken, [])
        XCTAssertNil(activity.scheduledTime)
    }

    func testRespondWorkflowTaskCompletedResponse() throws {
        let withTask = RespondWorkflowTaskCompletedResponse(workflowTask: Samples.workflowTask, resetHistoryEventId: 12)
        XCTAssertEqual(try RespondWorkflowTaskCompletedResponse(wireBytes: withTask.wireBytes()), withTask)
        // Eager activities come back in the answer.
        let first = ActivityTask(taskToken: [7, 8], workflowNamespace: "default", workflowType: "wf",
                                 workflowExecution: WorkflowExecution(workflowId: "w", runId: "r"),
                                 activityType: "shop:charge", activityId: "1",
                                 input: [Payload(metadata: ["encoding": Array("json/plain".utf8)], data: Array("1".utf8))],
                                 attempt: 1, startToCloseTimeout: .seconds(30))
        var second = first
        second.activityId = "2"
        let eager = RespondWorkflowTaskCompletedResponse(activityTasks: [first, second])
        let decoded = try RespondWorkflowTaskCompletedResponse(wireBytes: eager.wireBytes())
        XCTAssertEqual(decoded, eager)
        XCTAssertEqual(decoded.activityTasks.map { $0.activityId }, ["1", "2"])
        let empty = try RespondWorkflowTaskCompletedResponse(wireBytes: [])
        XCTAssertNil(empty.workflowTask)
        XCTAssertEqual(empty.resetHistoryEventId, 0)
    }

    func testGetWorkflowExecutionHistoryResponse() throws {
        let response = GetWorkflowExecutionHistoryResponse(history: Samples.history, nextPageToken: [4, 2])
        XCTAssertEqual(try GetWorkflowExecutionHistoryResponse(wireBytes: response.wireBytes()), response)
    }

    func testActivityTask() throws {
        let task = ActivityTask(
            taskToken: [1, 2], workflowNamespace: "default", workflowType: "Greet", workflowExecution: Samples.execution,
            activityType: "charge", activityId: "1", header: Samples.header, input: Samples.payloads,
            heartbeatDetails: [Samples.binary], scheduledTime: Timestamp(seconds: 1_700_000_000, nanos: 1),
            startedTime: Timestamp(seconds: 1_700_000_001, nanos: 2), attempt: 3,
            scheduleToCloseTimeout: .seconds(60), startToCloseTimeout: .seconds(30), heartbeatTimeout: .seconds(5))
        XCTAssertEqual(try ActivityTask(wireBytes: task.wireBytes()), task)
    }

    func testSmallResponses() throws {
        XCTAssertEqual(try RecordActivityTaskHeartbeatResponse(
            wireBytes: RecordActivityTaskHeartbeatResponse(cancelRequested: true).wireBytes()).cancelRequested, true)
        XCTAssertEqual(try RecordActivityTaskHeartbeatResponse(wireBytes: []).cancelRequested, false)
        let start = StartWorkflowExecutionResponse(runId: "run-9", started: true)
        XCTAssertEqual(try StartWorkflowExecutionResponse(wireBytes: start.wireBytes()), start)
        let ns = NamespaceDescription(name: "default", id: "01a2")
        XCTAssertEqual(try NamespaceDescription(wireBytes: ns.wireBytes()), ns)
    }

    func testNamespaceDescriptionSkipsUnknownFields() throws {
        // DescribeNamespaceResponse{namespace_info{name "default", state 1, id "x", 9: "extra"}, 4: 7, 6: {}}
        var info: [UInt8] = [0x0a, 7] + Array("default".utf8) + [0x10, 1, 0x32, 1, 0x78]
        info += [0x4a, 2, 0x61, 0x62]  // field 9 (unknown to our subset)
        let bytes: [UInt8] = [0x0a, UInt8(info.count)] + info + [0x20, 7, 0x32, 0]
        XCTAssertEqual(try NamespaceDescription(wireBytes: bytes), NamespaceDescription(name: "default", id: "x"))
    }
}
