import TemporalModel

/// The WorkflowService calls Moonflow makes, as typed async functions.
///
/// `GRPCWorkflowService` implements it over gRPC; unit tests of the worker
/// loop use a fake. Every call throws `RPCError` on failure.
public protocol WorkflowService: Sendable {
    /// Long-polls a workflow task queue. Returns a task with an empty
    /// `taskToken` when the poll expired without work.
    func pollWorkflowTaskQueue(_ request: PollWorkflowTaskQueueRequest) async throws -> WorkflowTask
    func respondWorkflowTaskCompleted(_ request: RespondWorkflowTaskCompletedRequest) async throws
        -> RespondWorkflowTaskCompletedResponse
    func respondWorkflowTaskFailed(_ request: RespondWorkflowTaskFailedRequest) async throws
    func getWorkflowExecutionHistory(_ request: GetWorkflowExecutionHistoryRequest) async throws
        -> GetWorkflowExecutionHistoryResponse
    func respondQueryTaskCompleted(_ request: RespondQueryTaskCompletedRequest) async throws

    func pollActivityTaskQueue(_ request: PollActivityTaskQueueRequest) async throws -> ActivityTask
    func respondActivityTaskCompleted(_ request: RespondActivityTaskCompletedRequest) async throws
    func respondActivityTaskFailed(_ request: RespondActivityTaskFailedRequest) async throws
    func respondActivityTaskCanceled(_ request: RespondActivityTaskCanceledRequest) async throws
    func recordActivityTaskHeartbeat(_ request: RecordActivityTaskHeartbeatRequest) async throws
        -> RecordActivityTaskHeartbeatResponse

    func startWorkflowExecution(_ request: StartWorkflowExecutionRequest) async throws
        -> StartWorkflowExecutionResponse
    func signalWorkflowExecution(_ request: SignalWorkflowExecutionRequest) async throws
    /// Starts the workflow unless a run is open, and signals it either way.
    func signalWithStartWorkflowExecution(_ request: SignalWithStartWorkflowExecutionRequest) async throws
        -> SignalWithStartWorkflowExecutionResponse
    func requestCancelWorkflowExecution(_ request: RequestCancelWorkflowExecutionRequest) async throws
    func terminateWorkflowExecution(_ request: TerminateWorkflowExecutionRequest) async throws

    func describeNamespace(_ namespace: String) async throws -> NamespaceDescription
    func shutdownWorker(_ request: ShutdownWorkerRequest) async throws
}
