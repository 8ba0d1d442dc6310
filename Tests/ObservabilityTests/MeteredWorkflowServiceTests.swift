import Foundation
import Observability
import TemporalModel
import TemporalRPC
import XCTest

/// Request metrics and health signals recorded around a service.
final class MeteredWorkflowServiceTests: XCTestCase {
    func testPollsAreLongRequestsAndFeedHealth() async throws {
        let telemetry = Telemetry()
        telemetry.health.register(worker: "w", namespace: "ns", taskQueue: "q")
        let fake = FakeService()
        let service = MeteredWorkflowService(fake, metrics: telemetry.worker(namespace: "ns", taskQueue: "q"),
                                             health: telemetry.health, workerId: "w")
        let request = PollWorkflowTaskQueueRequest(namespace: "ns", taskQueue: TaskQueue(name: "q"), identity: "me")

        fake.pollFails(with: .unavailable)
        await XCTAssertThrowsErrorAsync(try await service.pollWorkflowTaskQueue(request))
        XCTAssertFalse(telemetry.health.report().healthy, "never succeeded")

        fake.pollFails(with: nil)
        _ = try await service.pollWorkflowTaskQueue(request)
        XCTAssertTrue(telemetry.health.report().healthy)

        try await service.respondWorkflowTaskFailed(RespondWorkflowTaskFailedRequest(
            taskToken: [1], cause: 1, failure: Failure(message: "x"), identity: "me", namespace: "ns"))

        // Cancellation (shutdown) is neither a failure nor unhealthy.
        fake.pollFails(with: .cancelled)
        await XCTAssertThrowsErrorAsync(try await service.pollWorkflowTaskQueue(request))
        XCTAssertTrue(telemetry.health.report().healthy)

        let text = String(decoding: await telemetry.metrics.render(), as: UTF8.self)
        let poll = #"namespace="ns",task_queue="q",operation="PollWorkflowTaskQueue""#
        XCTAssertTrue(text.contains("temporal_long_request{\(poll)} 2\n"), text)
        XCTAssertTrue(text.contains("temporal_long_request_failure{\(poll),status_code=\"UNAVAILABLE\"} 1\n"), text)
        XCTAssertTrue(text.contains("temporal_long_request_latency_count{\(poll)} 2\n"), text)
        XCTAssertTrue(text.contains(#"temporal_request{namespace="ns",task_queue="q",operation="RespondWorkflowTaskFailed"} 1"#), text)
        XCTAssertFalse(text.contains("CANCELLED"), text)
    }
}

func XCTAssertThrowsErrorAsync<T>(_ body: @autoclosure () async throws -> T,
                                  file: StaticString = #filePath, line: UInt = #line) async {
    do {
        _ = try await body()
        XCTFail("no error thrown", file: file, line: line)
    } catch {}
}

/// Answers polls as told; every other call succeeds or is unimplemented.
final class FakeService: WorkflowService, @unchecked Sendable {
    private let lock = NSLock()
    private var pollError: RPCError.Code?

    func pollFails(with code: RPCError.Code?) { lock.withLock { pollError = code } }

    private func unimplemented(_ method: String) -> RPCError {
        RPCError(code: .unimplemented, message: "fake", method: method)
    }

    func pollWorkflowTaskQueue(_ request: PollWorkflowTaskQueueRequest) async throws -> WorkflowTask {
        if let code = lock.withLock({ pollError }) {
            throw RPCError(code: code, message: "fake", method: "PollWorkflowTaskQueue")
        }
        return WorkflowTask()
    }
    func respondWorkflowTaskCompleted(_ request: RespondWorkflowTaskCompletedRequest) async throws
        -> RespondWorkflowTaskCompletedResponse { throw unimplemented("RespondWorkflowTaskCompleted") }
    func respondWorkflowTaskFailed(_ request: RespondWorkflowTaskFailedRequest) async throws {}
    func getWorkflowExecutionHistory(_ request: GetWorkflowExecutionHistoryRequest) async throws
        -> GetWorkflowExecutionHistoryResponse { throw unimplemented("GetWorkflowExecutionHistory") }
    func respondQueryTaskCompleted(_ request: RespondQueryTaskCompletedRequest) async throws {}
    func pollActivityTaskQueue(_ request: PollActivityTaskQueueRequest) async throws -> ActivityTask { ActivityTask() }
    func respondActivityTaskCompleted(_ request: RespondActivityTaskCompletedRequest) async throws {}
    func respondActivityTaskFailed(_ request: RespondActivityTaskFailedRequest) async throws {}
    func respondActivityTaskCanceled(_ request: RespondActivityTaskCanceledRequest) async throws {}
    func recordActivityTaskHeartbeat(_ request: RecordActivityTaskHeartbeatRequest) async throws
        -> RecordActivityTaskHeartbeatResponse { throw unimplemented("RecordActivityTaskHeartbeat") }
    func startWorkflowExecution(_ request: StartWorkflowExecutionRequest) async throws
        -> StartWorkflowExecutionResponse { throw unimplemented("StartWorkflowExecution") }
    func signalWorkflowExecution(_ request: SignalWorkflowExecutionRequest) async throws {}
    func signalWithStartWorkflowExecution(_ request: SignalWithStartWorkflowExecutionRequest) async throws
        -> SignalWithStartWorkflowExecutionResponse { throw unimplemented("SignalWithStartWorkflowExecution") }
    func requestCancelWorkflowExecution(_ request: RequestCancelWorkflowExecutionRequest) async throws {}
    func terminateWorkflowExecution(_ request: TerminateWorkflowExecutionRequest) async throws {}
    func describeNamespace(_ namespace: String) async throws -> NamespaceDescription {
        throw unimplemented("DescribeNamespace")
    }
    func shutdownWorker(_ request: ShutdownWorkerRequest) async throws {}
}
