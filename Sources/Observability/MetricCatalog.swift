/// The metrics the daemon exports. Names are the Temporal SDKs' (the Go
/// SDK's where one exists) so dashboards written for other workers work;
/// durations are histograms in seconds, as the Go SDK reports them.
///
/// Every family always has the same label names in the same order, and one
/// help text: the registry refuses (with a crash) a second help text for
/// a name, so help lives here and nowhere else.
public struct MetricDefinition: Sendable, Hashable {
    /// Counter, gauge or histogram.
    public enum Kind: String, Sendable {
        case counter, gauge, histogram
    }

    public let name: String
    public let kind: Kind
    public let help: String
    /// Histogram upper bounds in seconds (empty for counters and gauges).
    public let buckets: [Double]

    init(_ name: String, _ kind: Kind, _ help: String, buckets: [Double] = []) {
        self.name = name
        self.kind = kind
        self.help = help
        self.buckets = buckets
    }
}

/// The catalog (see the README's "Metrics" section).
public enum MetricCatalog {
    /// Short operations: RPCs, workflow tasks.
    static let shortBuckets: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// Long polls (the server holds them up to about a minute).
    static let longBuckets: [Double] = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 90]
    /// Activities and schedule-to-start waits: milliseconds to minutes.
    static let taskBuckets: [Double] = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 600]

    // MARK: Worker

    public static let workerStart = MetricDefinition(
        "temporal_worker_start", .counter, "Workers started (per worker type).")
    public static let pollerStart = MetricDefinition(
        "temporal_poller_start", .counter, "Poll loops started (per poller type).")
    public static let slotsAvailable = MetricDefinition(
        "temporal_worker_task_slots_available", .gauge,
        "Free task slots (a poller waiting for a task holds a slot).")
    public static let slotsUsed = MetricDefinition(
        "temporal_worker_task_slots_used", .gauge, "Task slots in use, by running tasks and waiting pollers.")

    // MARK: Workflow tasks

    public static let workflowPollSucceed = MetricDefinition(
        "temporal_workflow_task_queue_poll_succeed", .counter, "Workflow task polls that returned a task.")
    public static let workflowPollEmpty = MetricDefinition(
        "temporal_workflow_task_queue_poll_empty", .counter, "Workflow task polls that expired without a task.")
    public static let workflowTaskScheduleToStart = MetricDefinition(
        "temporal_workflow_task_schedule_to_start_latency", .histogram,
        "Seconds from WorkflowTaskScheduled to WorkflowTaskStarted (server clock).", buckets: taskBuckets)
    public static let workflowTaskExecution = MetricDefinition(
        "temporal_workflow_task_execution_latency", .histogram,
        "Seconds from receiving a workflow task to its answer (history pages and code run; not the response RPC).",
        buckets: shortBuckets)
    public static let workflowTaskReplay = MetricDefinition(
        "temporal_workflow_task_replay_latency", .histogram,
        "Seconds spent replaying a run's full history after a sticky cache miss.", buckets: shortBuckets)
    public static let workflowTaskFailed = MetricDefinition(
        "temporal_workflow_task_execution_failed", .counter,
        "Workflow tasks that failed (failure_reason: NonDeterminismError or WorkflowError).")
    public static let workflowCompleted = MetricDefinition(
        "temporal_workflow_completed", .counter, "Workflow executions this worker completed.")
    public static let workflowFailed = MetricDefinition(
        "temporal_workflow_failed", .counter, "Workflow executions this worker failed.")
    public static let workflowCanceled = MetricDefinition(
        "temporal_workflow_canceled", .counter, "Workflow executions this worker closed as canceled.")
    public static let workflowContinueAsNew = MetricDefinition(
        "temporal_workflow_continue_as_new", .counter, "Workflow executions that continued as new.")

    // MARK: Sticky cache

    public static let stickyCacheSize = MetricDefinition(
        "temporal_sticky_cache_size", .gauge, "Workflow runs held in the sticky cache.")
    public static let stickyCacheHit = MetricDefinition(
        "temporal_sticky_cache_hit", .counter, "Workflow tasks with partial history applied to a cached run.")
    public static let stickyCacheMiss = MetricDefinition(
        "temporal_sticky_cache_miss", .counter,
        "Workflow tasks with partial history whose run was not cached (full history fetched and replayed).")

    // MARK: Activities

    public static let activityPollNoTask = MetricDefinition(
        "temporal_activity_poll_no_task", .counter, "Activity task polls that expired without a task.")
    public static let activityScheduleToStart = MetricDefinition(
        "temporal_activity_schedule_to_start_latency", .histogram,
        "Seconds from scheduling to start of an activity's first attempt (server clock).", buckets: taskBuckets)
    public static let activityExecution = MetricDefinition(
        "temporal_activity_execution_latency", .histogram,
        "Seconds an activity attempt ran on this worker, whatever its outcome.", buckets: taskBuckets)
    public static let activityEndToEnd = MetricDefinition(
        "temporal_activity_succeed_endtoend_latency", .histogram,
        "Seconds from the activity's first scheduling to its successful completion.", buckets: taskBuckets)
    public static let activityFailed = MetricDefinition(
        "temporal_activity_execution_failed", .counter, "Activity attempts that failed.")
    public static let activityCanceled = MetricDefinition(
        "temporal_activity_execution_cancelled", .counter, "Activity attempts that ended canceled.")

    // MARK: Requests to the server

    public static let request = MetricDefinition(
        "temporal_request", .counter, "Requests to the Temporal frontend (polls excluded).")
    public static let requestFailure = MetricDefinition(
        "temporal_request_failure", .counter, "Requests that failed (status_code: the gRPC status).")
    public static let requestLatency = MetricDefinition(
        "temporal_request_latency", .histogram, "Seconds per request, failed ones included.",
        buckets: shortBuckets)
    public static let longRequest = MetricDefinition(
        "temporal_long_request", .counter, "Long polls to the Temporal frontend.")
    public static let longRequestFailure = MetricDefinition(
        "temporal_long_request_failure", .counter, "Long polls that failed (status_code: the gRPC status).")
    public static let longRequestLatency = MetricDefinition(
        "temporal_long_request_latency", .histogram, "Seconds per long poll, failed ones included.",
        buckets: longBuckets)

    /// Every definition, for documentation and tests.
    public static let all: [MetricDefinition] = [
        workerStart, pollerStart, slotsAvailable, slotsUsed,
        workflowPollSucceed, workflowPollEmpty, workflowTaskScheduleToStart, workflowTaskExecution,
        workflowTaskReplay, workflowTaskFailed, workflowCompleted, workflowFailed, workflowCanceled,
        workflowContinueAsNew, stickyCacheSize, stickyCacheHit, stickyCacheMiss,
        activityPollNoTask, activityScheduleToStart, activityExecution, activityEndToEnd, activityFailed,
        activityCanceled, request, requestFailure, requestLatency, longRequest, longRequestFailure,
        longRequestLatency,
    ]
}
