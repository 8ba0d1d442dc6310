import Client
import TemporalModel
import TemporalRPC
import XCTest

/// What `WorkflowClient` sends, against a recording fake service.
final class WorkflowClientTests: XCTestCase {
    func testGeneratedIdFailsOnConflictAndExplicitIdReuses() async throws {
        let fake = FakeWorkflowService()
        let client = WorkflowClient(service: fake, namespace: "ns", identity: "me")
        let a = try await client.start(StartRequest(workflowType: "T", taskQueue: "q", input: [.int(1)]))
        let b = try await client.start(StartRequest(workflowType: "T", taskQueue: "q", options: StartOptions(id: "fixed")))
        XCTAssertEqual(b.workflowId, "fixed")
        XCTAssertFalse(a.workflowId.isEmpty)
        guard case .start(let r1) = fake.recorded[0], case .start(let r2) = fake.recorded[1] else {
            return XCTFail("\(fake.recorded)")
        }
        XCTAssertEqual(r1.workflowIdConflictPolicy, 1, "FAIL for a generated id")
        XCTAssertEqual(r2.workflowIdConflictPolicy, 2, "USE_EXISTING for an explicit id")
        XCTAssertEqual(r1.namespace, "ns")
        XCTAssertEqual(r1.identity, "me")
        XCTAssertEqual(r1.input, [try PayloadCodec.encode(.int(1))])
        XCTAssertFalse(r1.requestId.isEmpty)
    }

    func testMessagesUseSignalWithStartThenSignalsWithContextAndSender() async throws {
        let fake = FakeWorkflowService(started: false)
        let client = WorkflowClient(service: fake, namespace: "ns", identity: "me")
        let started = try await client.start(StartRequest(
            workflowType: "T", taskQueue: "q", options: StartOptions(id: "w", memo: ["m": .int(1)],
                                                                      searchAttributes: ["Tag": .string("x")]),
            context: ["tenant": .string("acme")],
            messages: [StartMessage(topic: "a", data: .int(1)), StartMessage(topic: "b", data: .int(2))], from: "parent"))
        XCTAssertEqual(started, StartedWorkflow(workflowId: "w", runId: "run-1", started: false, namespace: "ns"))
        let calls = fake.recorded
        XCTAssertEqual(calls.count, 2, "\(calls)")
        guard case .signalWithStart(let sws) = calls[0], case .signal(let signal) = calls[1] else {
            return XCTFail("\(calls)")
        }
        XCTAssertEqual(sws.signalName, "a")
        XCTAssertEqual(sws.signalInput, [try PayloadCodec.encode(.int(1))])
        XCTAssertEqual(sws.start.workflowIdConflictPolicy, 2)
        XCTAssertEqual(try PayloadCodec.decode(sws.start.header[Headers.context]!), .object(["tenant": .string("acme")]))
        XCTAssertEqual(try PayloadCodec.decode(sws.start.header[Headers.from]!), .string("parent"))
        XCTAssertEqual(try PayloadCodec.decode(sws.start.memo["m"]!), .int(1))
        XCTAssertEqual(sws.start.searchAttributes["Tag"]?.metadata["type"], Array("Keyword".utf8))
        XCTAssertEqual(signal.signalName, "b")
        XCTAssertEqual(signal.execution, WorkflowExecution(workflowId: "w", runId: "run-1"))
        XCTAssertEqual(try PayloadCodec.decode(signal.header[Headers.from]!), .string("parent"))
    }

    func testFailPolicyStartsThenSignalsAndAlreadyExistsIsAnError() async throws {
        let fake = FakeWorkflowService()
        let client = WorkflowClient(service: fake, namespace: "ns", identity: "me")
        _ = try await client.start(StartRequest(workflowType: "T", taskQueue: "q",
                                                options: StartOptions(id: "w", idConflictPolicy: .fail),
                                                messages: [StartMessage(topic: "a", data: .null)]))
        guard case .start = fake.recorded.first, case .signal = fake.recorded.last else { return XCTFail("\(fake.recorded)") }

        let reused = WorkflowClient(service: FakeWorkflowService(started: false), namespace: "ns", identity: "me")
        do {
            _ = try await reused.start(StartRequest(workflowType: "T", taskQueue: "q",
                                                    options: StartOptions(id: "w", executionErrorWhenAlreadyStarted: true)))
            XCTFail("expected ALREADY_EXISTS")
        } catch {
            XCTAssertEqual(error.kind, "ALREADY_EXISTS")
        }
        let conflict = WorkflowClient(
            service: FakeWorkflowService(startError: RPCError(code: .alreadyExists, message: "started", method: "Start")),
            namespace: "ns", identity: "me")
        do {
            _ = try await conflict.start(StartRequest(workflowType: "T", taskQueue: "q"))
            XCTFail("expected ALREADY_EXISTS")
        } catch {
            XCTAssertEqual(error.kind, "ALREADY_EXISTS")
            XCTAssertTrue(error.message.contains("already in use"), error.message)
        }
    }

    func testResultFollowsRunsAndMapsCloseEvents() async throws {
        let fake = FakeWorkflowService(closeEvents: [
            "": HistoryEvent(eventId: 5, eventType: 4, attributes: .workflowExecutionFailed(
                failure: nil, retryState: 0, newExecutionRunId: "r2")),
            "r2": HistoryEvent(eventId: 5, eventType: 11, attributes: .workflowExecutionContinuedAsNew(
                newExecutionRunId: "r3", workflowType: "T", input: [])),
            "r3": HistoryEvent(eventId: 5, eventType: 3, attributes: .workflowExecutionCompleted(
                result: [try PayloadCodec.encode(.string("done"))], newExecutionRunId: "")),
        ])
        let client = WorkflowClient(service: fake, namespace: "ns", identity: "me")
        let outcome = try await client.result(workflowId: "w")
        XCTAssertEqual(outcome, .completed(.string("done")))
        let histories = fake.recorded.compactMap { if case .history(let h) = $0 { h } else { nil } }
        XCTAssertEqual(histories.map(\.execution.runId), ["", "r2", "r3"])
        XCTAssertTrue(histories.allSatisfy { $0.waitNewEvent && $0.eventFilter == .closeEvent && $0.skipArchival })

        let terminated = WorkflowClient(service: FakeWorkflowService(closeEvents: [
            "": HistoryEvent(eventId: 3, eventType: 10, attributes: .workflowExecutionTerminated(
                reason: "bye", details: [], identity: "x")),
        ]), namespace: "ns", identity: "me")
        guard case .failed(let error) = try await terminated.result(workflowId: "w") else { return XCTFail() }
        XCTAssertEqual(error.kind, "CANCELED")
        XCTAssertTrue(error.message.contains("bye"))
    }

    func testCancelWithDeadlineTerminatesAnOpenWorkflow() async throws {
        let fake = FakeWorkflowService()   // never closes
        let client = WorkflowClient(service: fake, namespace: "ns", identity: "me")
        try await client.cancel(workflowId: "w", reason: "stop", deadline: .milliseconds(100))
        let kinds = fake.recorded.map { call -> String in
            switch call {
            case .cancel: "cancel"
            case .terminate: "terminate"
            default: "other"
            }
        }
        XCTAssertEqual(kinds.first, "cancel")
        XCTAssertEqual(kinds.last, "terminate")
    }

    func testRPCErrorKinds() {
        let map: [(RPCError.Code, String)] = [(.notFound, "NOT_FOUND"), (.alreadyExists, "ALREADY_EXISTS"),
                                              (.invalidArgument, "INVALID"), (.permissionDenied, "PERMISSION_DENIED"),
                                              (.unavailable, "UNAVAILABLE"), (.resourceExhausted, "RATE_LIMITED"),
                                              (.internalError, "INTERNAL")]
        for (code, kind) in map {
            XCTAssertEqual(ClientError(RPCError(code: code, message: "m", method: "X"), doing: "x").kind, kind)
        }
    }
}
