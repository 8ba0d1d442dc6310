import Prometheus

/// What one worker (one namespace and task queue) records. Every series
/// carries `namespace` and `task_queue`; `.disabled` records nothing.
public struct WorkerMetrics: Sendable {
    /// The Go SDK's `worker_type` label values.
    public enum WorkerType: String, Sendable {
        case workflow = "WorkflowWorker"
        case activity = "ActivityWorker"
    }

    /// The Go SDK's `poller_type` label values.
    public enum PollerType: String, Sendable {
        case workflowTask = "workflow_task"
        case stickyWorkflowTask = "sticky_workflow_task"
        case activityTask = "activity_task"
    }

    let metrics: MoonflowMetrics?
    public let namespace: String
    public let taskQueue: String

    /// Records nothing (metrics off, unit tests).
    public static let disabled = WorkerMetrics(metrics: nil, namespace: "", taskQueue: "")

    public init(metrics: MoonflowMetrics?, namespace: String, taskQueue: String) {
        self.metrics = metrics
        self.namespace = namespace
        self.taskQueue = taskQueue
    }

    public var isEnabled: Bool { metrics != nil }

    private func labels(_ extra: (String, String)...) -> [(String, String)] {
        [("namespace", namespace), ("task_queue", taskQueue)] + extra
    }

    // The labels are an autoclosure: with metrics off they are never built
    // (these run several times per task).
    private func count(_ definition: MetricDefinition, _ labels: @autoclosure () -> [(String, String)]) {
        metrics?.counter(definition, labels()).increment()
    }

    private func observe(_ definition: MetricDefinition, _ value: Duration,
                         _ labels: @autoclosure () -> [(String, String)]) {
        metrics?.histogram(definition, labels()).record(value)
    }

    // MARK: Worker

    public func workerStarted(_ type: WorkerType) {
        count(MetricCatalog.workerStart, labels(("worker_type", type.rawValue)))
    }

    public func pollerStarted(_ type: PollerType) {
        count(MetricCatalog.pollerStart, labels(("poller_type", type.rawValue)))
    }

    /// Sets the slot gauges of one worker type.
    public func slots(_ type: WorkerType, used: Int, total: Int) {
        guard let metrics else { return }
        let l = labels(("worker_type", type.rawValue))
        metrics.gauge(MetricCatalog.slotsUsed, l).set(Double(used))
        metrics.gauge(MetricCatalog.slotsAvailable, l).set(Double(max(0, total - used)))
    }

    // MARK: Workflow tasks

    public func workflowPolled(gotTask: Bool) {
        count(gotTask ? MetricCatalog.workflowPollSucceed : MetricCatalog.workflowPollEmpty, labels())
    }

    public func workflowTaskScheduleToStart(_ value: Duration, workflowType: String) {
        observe(MetricCatalog.workflowTaskScheduleToStart, value, labels(("workflow_type", workflowType)))
    }

    public func workflowTaskExecuted(_ value: Duration, workflowType: String) {
        observe(MetricCatalog.workflowTaskExecution, value, labels(("workflow_type", workflowType)))
    }

    public func workflowTaskReplayed(_ value: Duration, workflowType: String) {
        observe(MetricCatalog.workflowTaskReplay, value, labels(("workflow_type", workflowType)))
    }

    /// A failed workflow task; `nonDeterminism` picks the `failure_reason`.
    public func workflowTaskFailed(workflowType: String, nonDeterminism: Bool) {
        count(MetricCatalog.workflowTaskFailed, labels(
            ("workflow_type", workflowType),
            ("failure_reason", nonDeterminism ? "NonDeterminismError" : "WorkflowError")))
    }

    public func workflowClosed(_ outcome: WorkflowOutcome, workflowType: String) {
        let definition: MetricDefinition
        switch outcome {
        case .completed: definition = MetricCatalog.workflowCompleted
        case .failed: definition = MetricCatalog.workflowFailed
        case .canceled: definition = MetricCatalog.workflowCanceled
        case .continuedAsNew: definition = MetricCatalog.workflowContinueAsNew
        }
        count(definition, labels(("workflow_type", workflowType)))
    }

    // MARK: Sticky cache

    public func stickyCacheSize(_ runs: Int) {
        metrics?.gauge(MetricCatalog.stickyCacheSize, labels()).set(Double(runs))
    }

    public func stickyCache(hit: Bool, workflowType: String) {
        count(hit ? MetricCatalog.stickyCacheHit : MetricCatalog.stickyCacheMiss, labels(("workflow_type", workflowType)))
    }

    // MARK: Activities

    public func activityPolled(gotTask: Bool) {
        if !gotTask { count(MetricCatalog.activityPollNoTask, labels()) }
    }

    public func activityScheduleToStart(_ value: Duration, activityType: String) {
        observe(MetricCatalog.activityScheduleToStart, value, labels(("activity_type", activityType)))
    }

    /// One attempt's run time and outcome; `endToEnd` (first scheduling to
    /// now) is recorded for a success when known.
    public func activityExecuted(_ value: Duration, activityType: String, outcome: ActivityOutcome,
                                 endToEnd: Duration? = nil) {
        guard metrics != nil else { return }
        let l = labels(("activity_type", activityType))
        observe(MetricCatalog.activityExecution, value, l)
        switch outcome {
        case .completed:
            if let endToEnd { observe(MetricCatalog.activityEndToEnd, endToEnd, l) }
        case .failed:
            count(MetricCatalog.activityFailed, l)
        case .canceled:
            count(MetricCatalog.activityCanceled, l)
        }
    }

    // MARK: Requests

    /// One RPC: `long` for polls; `failureCode` is the gRPC status name of
    /// a failed call (nil for a success).
    public func request(operation: String, long: Bool, latency: Duration, failureCode: String?) {
        guard metrics != nil else { return }
        let l = labels(("operation", operation))
        count(long ? MetricCatalog.longRequest : MetricCatalog.request, l)
        observe(long ? MetricCatalog.longRequestLatency : MetricCatalog.requestLatency, latency, l)
        if let failureCode {
            count(long ? MetricCatalog.longRequestFailure : MetricCatalog.requestFailure,
                  l + [("status_code", failureCode)])
        }
    }
}
