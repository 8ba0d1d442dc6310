/// How one `temporal.worker` polls: its queue and its limits.
public struct WorkerSettings: Sendable {
    public var workerId: String
    public var namespace: String
    public var taskQueue: String
    public var identity: String
    public var workflowPollers: Int
    public var activityPollers: Int
    public var maxConcurrentWorkflowTasks: Int
    public var maxConcurrentActivities: Int
    /// How long a stopping worker lets in-flight tasks finish before it
    /// cancels them.
    public var gracePeriod: Duration
    /// This worker's sticky queue (nil: no sticky execution, every task
    /// carries the full history).
    public var stickyQueue: String?
    public var stickyScheduleToStartTimeout: Duration

    public init(workerId: String, namespace: String, taskQueue: String, identity: String,
                workflowPollers: Int = 2, activityPollers: Int = 2, maxConcurrentWorkflowTasks: Int = 8,
                maxConcurrentActivities: Int = 16, gracePeriod: Duration = .seconds(30),
                stickyQueue: String? = nil, stickyScheduleToStartTimeout: Duration = .seconds(5)) {
        self.workerId = workerId
        self.namespace = namespace
        self.taskQueue = taskQueue
        self.identity = identity
        self.workflowPollers = workflowPollers
        self.activityPollers = activityPollers
        self.maxConcurrentWorkflowTasks = maxConcurrentWorkflowTasks
        self.maxConcurrentActivities = maxConcurrentActivities
        self.gracePeriod = gracePeriod
        self.stickyQueue = stickyQueue
        self.stickyScheduleToStartTimeout = stickyScheduleToStartTimeout
    }
}
