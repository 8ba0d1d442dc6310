import Synchronization
import TemporalModel
import TemporalRPC

/// A scripted WorkflowService for unit tests of the worker loop: tasks are
/// queued per task queue name, polls wait (bounded, cancellable) for one,
/// and every answer the worker sends is recorded.
final class FakeWorkerService: WorkflowService {
    struct State {
        var workflowTasks: [String: [WorkflowTask]] = [:]
        var activityTasks: [String: [ActivityTask]] = [:]
        var histories: [String: [HistoryEvent]] = [:]
        var completed: [RespondWorkflowTaskCompletedRequest] = []
        var failedTasks: [RespondWorkflowTaskFailedRequest] = []
        var queryAnswers: [RespondQueryTaskCompletedRequest] = []
        var activityCompleted: [RespondActivityTaskCompletedRequest] = []
        var activityFailed: [RespondActivityTaskFailedRequest] = []
        var historyRequests: [GetWorkflowExecutionHistoryRequest] = []
        var shutdowns: [ShutdownWorkerRequest] = []
        var workflowPollQueues: Set<String> = []
        /// Completions to reject (by count) with this error.
        var rejectCompletions = 0
        /// Activity tasks handed back on the next completions (eager).
        var eagerAnswer: [ActivityTask] = []
        /// Workflow tasks handed back inline, one per completion that asks
        /// for it (`return_new_workflow_task`).
        var inlineTasks: [WorkflowTask] = []
    }
    let state = Mutex(State())

    func enqueue(_ task: WorkflowTask, on queue: String) {
        state.withLock { $0.workflowTasks[queue, default: []].append(task) }
    }

    func enqueue(_ task: ActivityTask, on queue: String) {
        state.withLock { $0.activityTasks[queue, default: []].append(task) }
    }

    /// Waits (bounded) until `condition` holds on the recorded state.
    func wait(_ what: String, timeout: Duration = .seconds(10), _ condition: (State) -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if state.withLock({ condition($0) }) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        struct Timeout: Error, CustomStringConvertible { let description: String }
        throw Timeout(description: "timed out waiting for \(what)")
    }

    func pollWorkflowTaskQueue(_ request: PollWorkflowTaskQueueRequest) async throws -> WorkflowTask {
        state.withLock { _ = $0.workflowPollQueues.insert(request.taskQueue.name) }
        for _ in 0..<200 {
            if let task = state.withLock({ s -> WorkflowTask? in
                guard var queue = s.workflowTasks[request.taskQueue.name], !queue.isEmpty else { return nil }
                let task = queue.removeFirst()
                s.workflowTasks[request.taskQueue.name] = queue
                return task
            }) { return task }
            try await Task.sleep(for: .milliseconds(5))
        }
        return WorkflowTask()   // an empty poll
    }

    func respondWorkflowTaskCompleted(_ request: RespondWorkflowTaskCompletedRequest) async throws
        -> RespondWorkflowTaskCompletedResponse {
        try state.withLock { s in
            if s.rejectCompletions > 0 {
                s.rejectCompletions -= 1
                throw RPCError(code: .invalidArgument, message: "UnhandledCommand", method: "RespondWorkflowTaskCompleted")
            }
            s.completed.append(request)
            let eager = s.eagerAnswer
            s.eagerAnswer = []
            var inline: WorkflowTask?
            if request.returnNewWorkflowTask, !s.inlineTasks.isEmpty { inline = s.inlineTasks.removeFirst() }
            return RespondWorkflowTaskCompletedResponse(workflowTask: inline, activityTasks: eager)
        }
    }

    func respondWorkflowTaskFailed(_ request: RespondWorkflowTaskFailedRequest) async throws {
        state.withLock { $0.failedTasks.append(request) }
    }

    func getWorkflowExecutionHistory(_ request: GetWorkflowExecutionHistoryRequest) async throws
        -> GetWorkflowExecutionHistoryResponse {
        let events = state.withLock { s -> [HistoryEvent] in
            s.historyRequests.append(request)
            return s.histories[request.execution.runId] ?? []
        }
        return GetWorkflowExecutionHistoryResponse(history: History(events: events), nextPageToken: [])
    }

    func respondQueryTaskCompleted(_ request: RespondQueryTaskCompletedRequest) async throws {
        state.withLock { $0.queryAnswers.append(request) }
    }

    func pollActivityTaskQueue(_ request: PollActivityTaskQueueRequest) async throws -> ActivityTask {
        for _ in 0..<200 {
            if let task = state.withLock({ s -> ActivityTask? in
                guard var queue = s.activityTasks[request.taskQueue.name], !queue.isEmpty else { return nil }
                let task = queue.removeFirst()
                s.activityTasks[request.taskQueue.name] = queue
                return task
            }) { return task }
            try await Task.sleep(for: .milliseconds(5))
        }
        return ActivityTask()
    }

    func respondActivityTaskCompleted(_ request: RespondActivityTaskCompletedRequest) async throws {
        state.withLock { $0.activityCompleted.append(request) }
    }

    func respondActivityTaskFailed(_ request: RespondActivityTaskFailedRequest) async throws {
        state.withLock { $0.activityFailed.append(request) }
    }

    func respondActivityTaskCanceled(_ request: RespondActivityTaskCanceledRequest) async throws {}

    func recordActivityTaskHeartbeat(_ request: RecordActivityTaskHeartbeatRequest) async throws
        -> RecordActivityTaskHeartbeatResponse { RecordActivityTaskHeartbeatResponse(cancelRequested: false) }

    func startWorkflowExecution(_ request: StartWorkflowExecutionRequest) async throws -> StartWorkflowExecutionResponse {
        StartWorkflowExecutionResponse(runId: "r", started: true)
    }

    func signalWithStartWorkflowExecution(_ request: SignalWithStartWorkflowExecutionRequest) async throws
        -> SignalWithStartWorkflowExecutionResponse { SignalWithStartWorkflowExecutionResponse(runId: "r", started: true) }

    func signalWorkflowExecution(_ request: SignalWorkflowExecutionRequest) async throws {}
    func requestCancelWorkflowExecution(_ request: RequestCancelWorkflowExecutionRequest) async throws {}
    func terminateWorkflowExecution(_ request: TerminateWorkflowExecutionRequest) async throws {}
    func describeNamespace(_ namespace: String) async throws -> NamespaceDescription {
        NamespaceDescription(name: namespace, id: "ns")
    }

    func shutdownWorker(_ request: ShutdownWorkerRequest) async throws {
        state.withLock { $0.shutdowns.append(request) }
    }
}
