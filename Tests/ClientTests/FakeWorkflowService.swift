import Synchronization
import TemporalModel
import TemporalRPC

/// Records client calls and answers them as scripted.
final class FakeWorkflowService: WorkflowService {
    enum Call: Sendable {
        case start(StartWorkflowExecutionRequest)
        case signalWithStart(SignalWithStartWorkflowExecutionRequest)
        case signal(SignalWorkflowExecutionRequest)
        case cancel(RequestCancelWorkflowExecutionRequest)
        case terminate(TerminateWorkflowExecutionRequest)
        case history(GetWorkflowExecutionHistoryRequest)
    }

    let calls = Mutex<[Call]>([])
    /// Whether starts report a new run (false: an open run was reused).
    let started: Bool
    /// An error every start throws, if set.
    let startError: RPCError?
    /// Close events returned for history requests, by run id ("" = current).
    let closeEvents: [String: HistoryEvent]

    init(started: Bool = true, startError: RPCError? = nil, closeEvents: [String: HistoryEvent] = [:]) {
        self.started = started
        self.startError = startError
        self.closeEvents = closeEvents
    }

    var recorded: [Call] { calls.withLock { $0 } }

    func startWorkflowExecution(_ request: StartWorkflowExecutionRequest) async throws -> StartWorkflowExecutionResponse {
        calls.withLock { $0.append(.start(request)) }
        if let startError { throw startError }
        return StartWorkflowExecutionResponse(runId: "run-1", started: started)
    }

    func signalWithStartWorkflowExecution(_ request: SignalWithStartWorkflowExecutionRequest) async throws
        -> SignalWithStartWorkflowExecutionResponse {
        calls.withLock { $0.append(.signalWithStart(request)) }
        if let startError { throw startError }
        return SignalWithStartWorkflowExecutionResponse(runId: "run-1", started: started)
    }

    func signalWorkflowExecution(_ request: SignalWorkflowExecutionRequest) async throws {
        calls.withLock { $0.append(.signal(request)) }
    }

    func requestCancelWorkflowExecution(_ request: RequestCancelWorkflowExecutionRequest) async throws {
        calls.withLock { $0.append(.cancel(request)) }
    }

    func terminateWorkflowExecution(_ request: TerminateWorkflowExecutionRequest) async throws {
        calls.withLock { $0.append(.terminate(request)) }
    }

    func getWorkflowExecutionHistory(_ request: GetWorkflowExecutionHistoryRequest) async throws
        -> GetWorkflowExecutionHistoryResponse {
        calls.withLock { $0.append(.history(request)) }
        if let event = closeEvents[request.execution.runId] {
            return GetWorkflowExecutionHistoryResponse(history: History(events: [event]), nextPageToken: [])
        }
        try await Task.sleep(for: .milliseconds(20))
        return GetWorkflowExecutionHistoryResponse(history: History(), nextPageToken: [1])
    }

    // Worker calls: unused by the client.
    func pollWorkflowTaskQueue(_ request: PollWorkflowTaskQueueRequest) async throws -> WorkflowTask { throw unused }
    func respondWorkflowTaskCompleted(_ request: RespondWorkflowTaskCompletedRequest) async throws
        -> RespondWorkflowTaskCompletedResponse { throw unused }
    func respondWorkflowTaskFailed(_ request: RespondWorkflowTaskFailedRequest) async throws { throw unused }
    func respondQueryTaskCompleted(_ request: RespondQueryTaskCompletedRequest) async throws { throw unused }
    func pollActivityTaskQueue(_ request: PollActivityTaskQueueRequest) async throws -> ActivityTask { throw unused }
    func respondActivityTaskCompleted(_ request: RespondActivityTaskCompletedRequest) async throws { throw unused }
    func respondActivityTaskFailed(_ request: RespondActivityTaskFailedRequest) async throws { throw unused }
    func respondActivityTaskCanceled(_ request: RespondActivityTaskCanceledRequest) async throws { throw unused }
    func recordActivityTaskHeartbeat(_ request: RecordActivityTaskHeartbeatRequest) async throws
        -> RecordActivityTaskHeartbeatResponse { throw unused }
    func describeNamespace(_ namespace: String) async throws -> NamespaceDescription { throw unused }
    func shutdownWorker(_ request: ShutdownWorkerRequest) async throws { throw unused }

    private var unused: RPCError { RPCError(code: .unimplemented, message: "not used by the client", method: "fake") }
}
