import TemporalModel
import TemporalRPC

/// A `WorkflowService` that records every call of one worker: count,
/// latency and failures by operation (`temporal_request*`, and
/// `temporal_long_request*` for polls), and feeds polls and
/// DescribeNamespace into the worker's health.
public struct MeteredWorkflowService: WorkflowService {
    public let inner: any WorkflowService
    let metrics: WorkerMetrics
    let health: HealthState?
    let workerId: String

    public init(_ inner: any WorkflowService, metrics: WorkerMetrics, health: HealthState?, workerId: String) {
        self.inner = inner
        self.metrics = metrics
        self.health = health
        self.workerId = workerId
    }

    /// Times `body` and records it; `healthSignal` calls also tell
    /// `health` whether the server answered.
    private func call<T>(_ operation: String, long: Bool = false, healthSignal: Bool = false,
                         _ body: () async throws -> T) async throws -> T {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let result = try await body()
            metrics.request(operation: operation, long: long, latency: clock.now - start, failureCode: nil)
            if healthSignal { health?.succeeded(worker: workerId) }
            return result
        } catch {
            let code = (error as? RPCError)?.code
            // A poll cancelled by shutdown is no failure of the server.
            if code != .cancelled {
                let name = code?.description ?? "UNKNOWN"
                metrics.request(operation: operation, long: long, latency: clock.now - start, failureCode: name)
                if healthSignal { health?.failed(worker: workerId, code: name) }
            }
            throw error
        }
    }

    public func pollWorkflowTaskQueue(_ request: PollWorkflowTaskQueueRequest) async throws -> WorkflowTask {
        try await call("PollWorkflowTaskQueue", long: true, healthSignal: true) {
            try await inner.pollWorkflowTaskQueue(request)
        }
    }

    public func respondWorkflowTaskCompleted(_ request: RespondWorkflowTaskCompletedRequest) async throws
        -> RespondWorkflowTaskCompletedResponse {
        try await call("RespondWorkflowTaskCompleted") { try await inner.respondWorkflowTaskCompleted(request) }
    }

    public func respondWorkflowTaskFailed(_ request: RespondWorkflowTaskFailedRequest) async throws {
        try await call("RespondWorkflowTaskFailed") { try await inner.respondWorkflowTaskFailed(request) }
    }

    public func getWorkflowExecutionHistory(_ request: GetWorkflowExecutionHistoryRequest) async throws
        -> GetWorkflowExecutionHistoryResponse {
        try await call("GetWorkflowExecutionHistory") { try await inner.getWorkflowExecutionHistory(request) }
    }

    public func respondQueryTaskCompleted(_ request: RespondQueryTaskCompletedRequest) async throws {
        try await call("RespondQueryTaskCompleted") { try await inner.respondQueryTaskCompleted(request) }
    }

    public func pollActivityTaskQueue(_ request: PollActivityTaskQueueRequest) async throws -> ActivityTask {
        try await call("PollActivityTaskQueue", long: true, healthSignal: true) {
            try await inner.pollActivityTaskQueue(request)
        }
    }

    public func respondActivityTaskCompleted(_ request: RespondActivityTaskCompletedRequest) async throws {
        try await call("RespondActivityTaskCompleted") { try await inner.respondActivityTaskCompleted(request) }
    }

    public func respondActivityTaskFailed(_ request: RespondActivityTaskFailedRequest) async throws {
        try await call("RespondActivityTaskFailed") { try await inner.respondActivityTaskFailed(request) }
    }

    public func respondActivityTaskCanceled(_ request: RespondActivityTaskCanceledRequest) async throws {
        try await call("RespondActivityTaskCanceled") { try await inner.respondActivityTaskCanceled(request) }
    }

    public func recordActivityTaskHeartbeat(_ request: RecordActivityTaskHeartbeatRequest) async throws
        -> RecordActivityTaskHeartbeatResponse {
        try await call("RecordActivityTaskHeartbeat") { try await inner.recordActivityTaskHeartbeat(request) }
    }

    public func startWorkflowExecution(_ request: StartWorkflowExecutionRequest) async throws
        -> StartWorkflowExecutionResponse {
        try await call("StartWorkflowExecution") { try await inner.startWorkflowExecution(request) }
    }

    public func signalWorkflowExecution(_ request: SignalWorkflowExecutionRequest) async throws {
        try await call("SignalWorkflowExecution") { try await inner.signalWorkflowExecution(request) }
    }

    public func signalWithStartWorkflowExecution(_ request: SignalWithStartWorkflowExecutionRequest) async throws
        -> SignalWithStartWorkflowExecutionResponse {
        try await call("SignalWithStartWorkflowExecution") { try await inner.signalWithStartWorkflowExecution(request) }
    }

    public func requestCancelWorkflowExecution(_ request: RequestCancelWorkflowExecutionRequest) async throws {
        try await call("RequestCancelWorkflowExecution") { try await inner.requestCancelWorkflowExecution(request) }
    }

    public func terminateWorkflowExecution(_ request: TerminateWorkflowExecutionRequest) async throws {
        try await call("TerminateWorkflowExecution") { try await inner.terminateWorkflowExecution(request) }
    }

    public func describeNamespace(_ namespace: String) async throws -> NamespaceDescription {
        try await call("DescribeNamespace", healthSignal: true) { try await inner.describeNamespace(namespace) }
    }

    public func shutdownWorker(_ request: ShutdownWorkerRequest) async throws {
        try await call("ShutdownWorker") { try await inner.shutdownWorker(request) }
    }
}
