import Foundation
import TemporalModel
import TemporalRPC
import TestSupport
import XCTest

/// GRPCWorkflowService end to end against a real dev server.
final class GRPCWorkflowServiceTests: XCTestCase {
    private func service(poll: Duration = .seconds(3)) async throws -> (GRPCWorkflowService, DevServer) {
        let server = try await DevServer.shared()
        let svc = try GRPCWorkflowService(
            config: ConnectionConfig(address: server.address, identity: "rpc-tests"),
            timeouts: .init(poll: poll))
        return (svc, server)
    }

    private func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8))" }

    func testDescribeDefaultNamespace() async throws {
        let (svc, _) = try await service()
        let ns = try await svc.describeNamespace("default")
        XCTAssertEqual(ns.name, "default")
        XCTAssertFalse(ns.id.isEmpty)
    }

    func testDescribeMissingNamespaceIsNotFound() async throws {
        let (svc, _) = try await service()
        do {
            _ = try await svc.describeNamespace("nope")
            XCTFail("expected NOT_FOUND")
        } catch let error as RPCError {
            XCTAssertEqual(error.code, .notFound)
            XCTAssertEqual(error.method, "DescribeNamespace")
            XCTAssertTrue(error.message.contains("nope"), error.message)
        }
    }

    func testEmptyPollReturnsEmptyTask() async throws {
        // The server rejects deadlines of about 2 s or less ("Context timeout is too short").
        let (svc, _) = try await service(poll: .seconds(3))
        let clock = ContinuousClock()
        let start = clock.now
        let task = try await svc.pollWorkflowTaskQueue(
            .init(namespace: "default", taskQueue: .init(name: unique("empty")), identity: "rpc-tests"))
        XCTAssertTrue(task.taskToken.isEmpty)
        XCTAssertLessThan(clock.now - start, .seconds(3))
    }

    func testCancellingActivityPollReturnsCancelledQuickly() async throws {
        let (svc, _) = try await service(poll: .seconds(70))
        let queue = unique("cancel")
        let clock = ContinuousClock()
        let start = clock.now
        let poll = Task {
            try await svc.pollActivityTaskQueue(
                .init(namespace: "default", taskQueue: .init(name: queue), identity: "rpc-tests"))
        }
        try await Task.sleep(for: .milliseconds(300))
        poll.cancel()
        do {
            _ = try await poll.value
            XCTFail("expected CANCELLED")
        } catch let error as RPCError {
            XCTAssertEqual(error.code, .cancelled)
            XCTAssertEqual(error.method, "PollActivityTaskQueue")
        }
        XCTAssertLessThan(clock.now - start, .seconds(2))
    }

    func testStartWorkflowThenPollReceivesTaskWithHistory() async throws {
        let (svc, server) = try await service(poll: .seconds(10))
        let queue = unique("tq")
        let workflowId = unique("wf")
        let started = try await svc.startWorkflowExecution(
            .init(namespace: "default", workflowId: workflowId, workflowType: "RPCTestWorkflow", taskQueue: queue,
                  input: [Payload(metadata: ["encoding": Array("json/plain".utf8)], data: Array("\"hi\"".utf8))],
                  workflowTaskTimeout: .seconds(10), identity: "rpc-tests", requestId: UUID().uuidString))
        XCTAssertFalse(started.runId.isEmpty)

        let task = try await svc.pollWorkflowTaskQueue(
            .init(namespace: "default", taskQueue: .init(name: queue), identity: "rpc-tests"))
        XCTAssertFalse(task.taskToken.isEmpty)
        XCTAssertEqual(task.workflowExecution.workflowId, workflowId)
        XCTAssertEqual(task.workflowExecution.runId, started.runId)
        XCTAssertEqual(task.workflowType, "RPCTestWorkflow")
        XCTAssertEqual(task.history.events.map(\.eventId), [1, 2, 3])
        XCTAssertEqual(task.history.events.map(\.eventType),
                       [EventType.workflowExecutionStarted, EventType.workflowTaskScheduled,
                        EventType.workflowTaskStarted])
        XCTAssertEqual(task.startedEventId, 3)

        let history = try await svc.getWorkflowExecutionHistory(
            .init(namespace: "default", execution: .init(workflowId: workflowId, runId: started.runId)))
        XCTAssertEqual(history.history.events.map(\.eventId), [1, 2, 3])

        let described = try server.cli(["workflow", "describe", "--workflow-id", workflowId, "--output", "json"])
        XCTAssertTrue(described.contains(workflowId), described)

        try await svc.terminateWorkflowExecution(
            .init(namespace: "default", execution: .init(workflowId: workflowId), reason: "test done",
                  identity: "rpc-tests"))
    }

    func testUnreachableServerIsUnavailableAfterRetryBudget() async throws {
        let svc = try GRPCWorkflowService(
            config: ConnectionConfig(address: "127.0.0.1:1", identity: "rpc-tests"),
            retry: RetryBackoff(initialDelay: .milliseconds(20), budget: .milliseconds(300)))
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try await svc.describeNamespace("default")
            XCTFail("expected UNAVAILABLE")
        } catch let error as RPCError {
            XCTAssertEqual(error.code, .unavailable, "\(error)")
        }
        let elapsed = clock.now - start
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(250))
        XCTAssertLessThan(elapsed, .seconds(3))
    }
}
