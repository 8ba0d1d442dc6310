/// The WorkflowService methods Moonflow calls, with their gRPC paths.
struct Method: Sendable, Hashable {
    /// The bare method name, e.g. `PollWorkflowTaskQueue`.
    let name: String
    /// `/temporal.api.workflowservice.v1.WorkflowService/<name>`, built
    /// once (it is passed on every call).
    let path: String

    init(name: String) {
        self.name = name
        self.path = "/temporal.api.workflowservice.v1.WorkflowService/" + name
    }

    static let pollWorkflowTaskQueue = Method(name: "PollWorkflowTaskQueue")
    static let respondWorkflowTaskCompleted = Method(name: "RespondWorkflowTaskCompleted")
    static let respondWorkflowTaskFailed = Method(name: "RespondWorkflowTaskFailed")
    static let getWorkflowExecutionHistory = Method(name: "GetWorkflowExecutionHistory")
    static let respondQueryTaskCompleted = Method(name: "RespondQueryTaskCompleted")
    static let pollActivityTaskQueue = Method(name: "PollActivityTaskQueue")
    static let respondActivityTaskCompleted = Method(name: "RespondActivityTaskCompleted")
    static let respondActivityTaskFailed = Method(name: "RespondActivityTaskFailed")
    static let respondActivityTaskCanceled = Method(name: "RespondActivityTaskCanceled")
    static let recordActivityTaskHeartbeat = Method(name: "RecordActivityTaskHeartbeat")
    static let startWorkflowExecution = Method(name: "StartWorkflowExecution")
    static let signalWorkflowExecution = Method(name: "SignalWorkflowExecution")
    static let signalWithStartWorkflowExecution = Method(name: "SignalWithStartWorkflowExecution")
    static let requestCancelWorkflowExecution = Method(name: "RequestCancelWorkflowExecution")
    static let terminateWorkflowExecution = Method(name: "TerminateWorkflowExecution")
    static let describeNamespace = Method(name: "DescribeNamespace")
    static let shutdownWorker = Method(name: "ShutdownWorker")
}
