import ActivityRuntime
import TemporalModel
import WorkflowRuntime

/// What the worker loop needs from the workflow runtime: run one workflow
/// task (history already complete) and say how to answer it. A protocol so
/// unit tests of the loop can use a fake.
public protocol WorkflowTaskRunner: Sendable {
    /// The Temporal workflow types this runner knows.
    var workflowTypes: [String] { get }
    func run(_ task: WorkflowTask, events: [HistoryEvent]) async -> WorkflowTaskAnswer
    /// Answers a query task (`task.query`).
    func query(_ task: WorkflowTask, events: [HistoryEvent]) async -> QueryAnswer
    /// Drops a run's cached instance.
    func evict(runId: String) async
    /// Drops every cached instance.
    func evictAll() async
}

/// What the worker loop needs from the activity runtime.
public protocol ActivityTaskRunner: Sendable {
    /// Activity types this runner executes; others fail with NOT_FOUND.
    func handles(activityType: String) -> Bool
    func run(_ task: ActivityTask) async -> ActivityTaskAnswer
    /// Tells running activities the daemon is stopping; `interrupt` also
    /// cuts their waits short.
    func cancelRunning(reason: String, interrupt: Bool)
}

extension WorkflowPool: WorkflowTaskRunner {}
extension ActivityPool: ActivityTaskRunner {}
