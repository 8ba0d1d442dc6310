import TemporalModel

/// A `temporal.worker` entry: polls one task queue through a client.
public struct WorkerEntry: Sendable, Hashable {
    /// The entry id, `namespace:name`.
    public var id: String
    /// The `temporal.client` entry this worker polls through (resolved id).
    public var clientId: String
    /// The task queue as written in the entry.
    public var taskQueue: String
    /// The queue actually polled: the client's `tq_prefix` + ``taskQueue``.
    public var effectiveTaskQueue: String
    /// Poller and concurrency settings.
    public var options: WorkerOptions
    /// Whether `moonflow run` starts this worker (`lifecycle.auto_start`, default true).
    public var autoStart: Bool
    /// The level of this worker's log lines (`log_level`); `nil`: not set
    /// (`info`, unless `--log-level` or `MOONFLOW_LOG_LEVEL` says otherwise).
    public var logLevel: LogLevel?
    /// The entry's merged meta.
    public var meta: JSONValue

    /// Creates a worker entry. `effectiveTaskQueue` defaults to `taskQueue`.
    public init(
        id: String,
        clientId: String,
        taskQueue: String,
        effectiveTaskQueue: String? = nil,
        options: WorkerOptions = WorkerOptions(),
        autoStart: Bool = true,
        logLevel: LogLevel? = nil,
        meta: JSONValue = .object([:])
    ) {
        self.id = id
        self.clientId = clientId
        self.taskQueue = taskQueue
        self.effectiveTaskQueue = effectiveTaskQueue ?? taskQueue
        self.options = options
        self.autoStart = autoStart
        self.logLevel = logLevel
        self.meta = meta
    }
}

/// A log level, as `log_level` and `--log-level` spell it (the levels of
/// swift-log, most verbose first).
public enum LogLevel: String, CaseIterable, Sendable, Hashable {
    case trace, debug, info, notice, warning, error, critical
}

/// The `worker_options` block of a worker.
///
/// Defaults are chosen for a small (2+ core) host running Lua: workflow
/// tasks are short CPU bursts, so few run at once; activities mostly wait on
/// I/O, so many may; two pollers per queue keep one long poll always open
/// while a task is handed over.
public struct WorkerOptions: Sendable, Hashable {
    /// Default `max_concurrent_workflow_task_execution_size`: 8.
    public static let defaultMaxConcurrentWorkflowTaskExecutionSize = 8
    /// Default `max_concurrent_activity_execution_size`: 100.
    public static let defaultMaxConcurrentActivityExecutionSize = 100
    /// Default `max_concurrent_workflow_task_pollers`: 2.
    public static let defaultMaxConcurrentWorkflowTaskPollers = 2
    /// Default `max_concurrent_activity_task_pollers`: 2.
    public static let defaultMaxConcurrentActivityTaskPollers = 2
    /// Default `sticky_schedule_to_start_timeout`: 5s.
    public static let defaultStickyScheduleToStartTimeout: Duration = .seconds(5)
    /// Default `max_cached_workflows`: 500 (each cached workflow keeps a Lua state).
    public static let defaultMaxCachedWorkflows = 500

    /// The default identity, `pid@hostname` as the Temporal SDKs use.
    public static var defaultIdentity: String {
        "\(HostProcess.processIdentifier)@\(HostProcess.hostName)"
    }

    /// Workflow tasks processed at once (> 0).
    public var maxConcurrentWorkflowTaskExecutionSize: Int
    /// Activity tasks run at once (> 0).
    public var maxConcurrentActivityExecutionSize: Int
    /// Concurrent workflow task long polls (> 0).
    public var maxConcurrentWorkflowTaskPollers: Int
    /// Concurrent activity task long polls (> 0).
    public var maxConcurrentActivityTaskPollers: Int
    /// How long a sticky task may wait for this worker before going to the normal queue.
    public var stickyScheduleToStartTimeout: Duration
    /// Bound of the sticky workflow cache (0 disables sticky execution).
    public var maxCachedWorkflows: Int
    /// The identity reported to the server (default ``defaultIdentity``).
    public var identity: String
    /// Build id reported with task completions; `nil` leaves it to the worker.
    public var buildId: String?

    /// Creates worker options with the documented defaults.
    public init(
        maxConcurrentWorkflowTaskExecutionSize: Int = WorkerOptions.defaultMaxConcurrentWorkflowTaskExecutionSize,
        maxConcurrentActivityExecutionSize: Int = WorkerOptions.defaultMaxConcurrentActivityExecutionSize,
        maxConcurrentWorkflowTaskPollers: Int = WorkerOptions.defaultMaxConcurrentWorkflowTaskPollers,
        maxConcurrentActivityTaskPollers: Int = WorkerOptions.defaultMaxConcurrentActivityTaskPollers,
        stickyScheduleToStartTimeout: Duration = WorkerOptions.defaultStickyScheduleToStartTimeout,
        maxCachedWorkflows: Int = WorkerOptions.defaultMaxCachedWorkflows,
        identity: String = WorkerOptions.defaultIdentity,
        buildId: String? = nil
    ) {
        self.maxConcurrentWorkflowTaskExecutionSize = maxConcurrentWorkflowTaskExecutionSize
        self.maxConcurrentActivityExecutionSize = maxConcurrentActivityExecutionSize
        self.maxConcurrentWorkflowTaskPollers = maxConcurrentWorkflowTaskPollers
        self.maxConcurrentActivityTaskPollers = maxConcurrentActivityTaskPollers
        self.stickyScheduleToStartTimeout = stickyScheduleToStartTimeout
        self.maxCachedWorkflows = maxCachedWorkflows
        self.identity = identity
        self.buildId = buildId
    }
}
