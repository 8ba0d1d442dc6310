import Handoff
import Logging
import Observability
import Synchronization
import TemporalModel
import TemporalRPC

/// Polls one task queue for workflow and activity tasks and hands them to
/// the runtimes, with bounded concurrency.
///
/// `run()` returns after `stop()`: polls are cancelled at once, in-flight
/// tasks get `gracePeriod` to finish and are cancelled after that.
public final class TaskQueueWorker: Sendable {
    public let settings: WorkerSettings
    let service: any WorkflowService
    let workflows: (any WorkflowTaskRunner)?
    let activities: (any ActivityTaskRunner)?
    let logger: Logger
    /// What this worker records (`.disabled` when metrics are off).
    let metrics: WorkerMetrics
    private let workflowSlots: AsyncSemaphore
    let activitySlots: AsyncSemaphore
    /// Where handlers of tasks that arrive outside a poll (eager
    /// activities) are submitted while the worker runs.
    let submitter = Mutex<AsyncStream<@Sendable () async -> Void>.Continuation?>(nil)
    /// Activity tasks being run, by task token (reported failed if they
    /// outlive the shutdown).
    let inFlightActivities = Mutex<[[UInt8]: ActivityTask]>([:])
    /// Set once the sticky queue was given up (shutdown): completions stop
    /// asking for sticky execution.
    let stickyReleased = Mutex(false)
    private let stopping = Mutex<(stopped: Bool, polls: [Task<Void, Never>])>((false, []))

    public init(settings: WorkerSettings, service: any WorkflowService, workflows: (any WorkflowTaskRunner)?,
                activities: (any ActivityTaskRunner)?, logger: Logger, metrics: WorkerMetrics = .disabled) {
        self.settings = settings
        self.metrics = metrics
        self.service = service
        self.workflows = workflows
        self.activities = activities
        var logger = logger
        logger[metadataKey: "worker"] = "\(settings.workerId)"
        logger[metadataKey: "task_queue"] = "\(settings.taskQueue)"
        self.logger = logger
        workflowSlots = AsyncSemaphore(settings.maxConcurrentWorkflowTasks)
        activitySlots = AsyncSemaphore(settings.maxConcurrentActivities)
    }

    /// Polls until `stop()`, then drains in-flight tasks.
    public func run() async {
        let (stream, continuation) = AsyncStream<@Sendable () async -> Void>.makeStream()
        submitter.withLock { $0 = continuation }
        var polls: [Task<Void, Never>] = []
        if let workflows {
            logger.info("polling workflow tasks", metadata: ["types": "\(workflows.workflowTypes.sorted())",
                                                             "sticky_queue": "\(settings.stickyQueue ?? "none")"])
            // Every poll holds a workflow slot while it waits, so the pollers
            // of both queues must fit in the slots together: otherwise the
            // normal-queue pollers can take every slot and the sticky queue
            // is never polled (its tasks then time out to the normal queue).
            let (normalPollers, stickyPollers) = Self.pollerSplit(configured: settings.workflowPollers,
                                                                  slots: settings.maxConcurrentWorkflowTasks,
                                                                  sticky: settings.stickyQueue != nil)
            let normal = TaskQueue(name: settings.taskQueue)
            metrics.workerStarted(.workflow)
            for _ in 0..<normalPollers {
                metrics.pollerStarted(.workflowTask)
                polls.append(Self.handoffTask { await self.workflowPollLoop(workflows, queue: normal, submit: continuation) })
            }
            if let sticky = settings.stickyQueue {
                let queue = TaskQueue(name: sticky, kind: .sticky, normalName: settings.taskQueue)
                for _ in 0..<stickyPollers {
                    metrics.pollerStarted(.stickyWorkflowTask)
                    polls.append(Self.handoffTask { await self.workflowPollLoop(workflows, queue: queue, submit: continuation) })
                }
            }
        }
        if let activities {
            metrics.workerStarted(.activity)
            for _ in 0..<max(1, settings.activityPollers) {
                metrics.pollerStarted(.activityTask)
                polls.append(Self.handoffTask { await self.activityPollLoop(activities, submit: continuation) })
            }
        }
        let alreadyStopped = stopping.withLock { s -> Bool in
            s.polls = polls
            return s.stopped
        }
        if alreadyStopped { polls.forEach { $0.cancel() } }
        let handlers = Self.handoffTask {
            await withDiscardingTaskGroup { group in
                for await job in stream {
                    group.addTask { await job() }
                }
            }
        }
        // Poll loops end only after stop().
        for p in polls { await p.value }
        submitter.withLock { $0 = nil }
        continuation.finish()
        // Release the sticky queue now: the server sends this run's next
        // tasks to the normal queue at once instead of waiting for it.
        stickyReleased.withLock { $0 = true }
        await sayShutdown()
        await drain(handlers)
        await workflows?.evictAll()
        logger.info("worker stopped")
    }

    /// Lets in-flight tasks finish within the grace period. Past it, running
    /// activities are interrupted (their sleeps end, `is_cancelled()` is
    /// true); those still running a moment later are reported failed
    /// (retryable) so another worker runs them at once, and the worker stops
    /// waiting for them.
    private func drain(_ handlers: Task<Void, Never>) async {
        if await Self.finished(handlers, within: settings.gracePeriod) { return }
        logger.warning("grace period over: interrupting running activities",
                       metadata: ["grace": "\(settings.gracePeriod)"])
        activities?.cancelRunning(reason: "the daemon is stopping and the grace period is over", interrupt: true)
        if await Self.finished(handlers, within: .seconds(2)) { return }
        let abandoned = inFlightActivities.withLock { Array($0.values) }
        for task in abandoned {
            let failure = ErrorValue(kind: "UNAVAILABLE", message: "the daemon stopped before activity \(task.activityType) finished",
                                     retryable: true).failure()
            try? await service.respondActivityTaskFailed(RespondActivityTaskFailedRequest(
                taskToken: task.taskToken, failure: failure, identity: settings.identity, namespace: settings.namespace))
        }
        logger.warning("stopped without waiting for tasks still running", metadata: [
            "activities_reported_failed": "\(abandoned.count)"])
    }

    /// Whether `task` ends within `limit` (it is not cancelled either way).
    /// Not a task group: a group would wait for its child awaiting `task`.
    private static func finished(_ task: Task<Void, Never>, within limit: Duration) async -> Bool {
        let decision = OneShot()
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            decision.arm(continuation)
            Task { await task.value; decision.resolve(true) }
            Task { try? await Task.sleep(for: limit); decision.resolve(false) }
        }
    }

    /// A task of the worker's own: it prefers `HandoffExecutor`, so a reply
    /// or a finished Lua run continues it on the thread that delivered it.
    static func handoffTask(_ body: sending @escaping @isolated(any) () async -> Void) -> Task<Void, Never> {
        Task(executorPreference: HandoffExecutor.shared, operation: body)
    }

    /// How many pollers each workflow queue gets: `configured` each, but
    /// together at most `slots - 1` (a slot stays free to run a task), and
    /// at least one per queue.
    static func pollerSplit(configured: Int, slots: Int, sticky: Bool) -> (normal: Int, sticky: Int) {
        let wanted = max(1, configured)
        guard sticky else { return (min(wanted, max(1, slots)), 0) }
        let budget = max(2, slots - 1)
        let each = max(1, min(wanted, budget / 2))
        return (each, each)
    }

    /// Stops polling. In-flight tasks keep running for the grace period.
    public func stop() {
        let polls = stopping.withLock { s -> [Task<Void, Never>] in
            s.stopped = true
            return s.polls
        }
        polls.forEach { $0.cancel() }
        activities?.cancelRunning(reason: "the daemon is shutting down", interrupt: false)
    }

    var isStopped: Bool { stopping.withLock { $0.stopped } }

    /// Sets the slot gauges from the semaphores (run before each scrape).
    public func recordSlotMetrics() {
        if workflows != nil {
            let total = max(1, settings.maxConcurrentWorkflowTasks)
            metrics.slots(.workflow, used: workflowSlots.inUse(of: total), total: total)
        }
        if activities != nil {
            let total = max(1, settings.maxConcurrentActivities)
            metrics.slots(.activity, used: activitySlots.inUse(of: total), total: total)
        }
    }

    // MARK: - Poll loops

    private func workflowPollLoop(_ runner: any WorkflowTaskRunner, queue: TaskQueue,
                                  submit: AsyncStream<@Sendable () async -> Void>.Continuation) async {
        var backoff = Backoff()
        let request = PollWorkflowTaskQueueRequest(namespace: settings.namespace, taskQueue: queue,
                                                   identity: settings.identity)
        while !Task.isCancelled {
            await workflowSlots.acquire()
            do {
                let task = try await service.pollWorkflowTaskQueue(request)
                backoff.reset()
                metrics.workflowPolled(gotTask: !task.taskToken.isEmpty)
                if task.taskToken.isEmpty {
                    workflowSlots.release()
                    continue
                }
                submit.yield { [self] in
                    await self.handleWorkflowTask(task, runner: runner)
                    self.workflowSlots.release()
                }
            } catch {
                workflowSlots.release()
                if Task.isCancelled { break }
                await pause(after: error, backoff: &backoff, what: "workflow task poll")
            }
        }
    }

    private func activityPollLoop(_ runner: any ActivityTaskRunner,
                                  submit: AsyncStream<@Sendable () async -> Void>.Continuation) async {
        var backoff = Backoff()
        let request = PollActivityTaskQueueRequest(namespace: settings.namespace,
                                                   taskQueue: TaskQueue(name: settings.taskQueue),
                                                   identity: settings.identity)
        while !Task.isCancelled {
            await activitySlots.acquire()
            do {
                let task = try await service.pollActivityTaskQueue(request)
                backoff.reset()
                metrics.activityPolled(gotTask: !task.taskToken.isEmpty)
                if task.taskToken.isEmpty {
                    activitySlots.release()
                    continue
                }
                submit.yield { [self] in
                    await self.handleActivityTask(task, runner: runner)
                    self.activitySlots.release()
                }
            } catch {
                activitySlots.release()
                if Task.isCancelled { break }
                await pause(after: error, backoff: &backoff, what: "activity task poll")
            }
        }
    }

    /// Tells the server this worker is gone, so its sticky queue's tasks go
    /// to the normal queue at once (ShutdownWorker; UNIMPLEMENTED ignored).
    private func sayShutdown() async {
        guard let sticky = settings.stickyQueue else { return }
        do {
            try await service.shutdownWorker(ShutdownWorkerRequest(
                namespace: settings.namespace, stickyTaskQueue: sticky, identity: settings.identity,
                reason: "graceful shutdown", taskQueue: settings.taskQueue))
        } catch {
            logger.debug("ShutdownWorker failed", metadata: ["error": "\(error)"])
        }
    }

    private func pause(after error: any Error, backoff: inout Backoff, what: String) async {
        let delay = backoff.next()
        if let rpc = error as? RPCError, rpc.code == .cancelled, isStopped { return }
        if let rpc = error as? RPCError, rpc.code == .unauthenticated || rpc.code == .permissionDenied {
            // Retrying does not fix credentials, but a new key or a
            // namespace permission can take a while to become active.
            logger.error("\(what) rejected by the server: check the client's auth (API key, certificate) and namespace; retrying",
                         metadata: ["error": "\(error)", "retry_in": "\(delay)"])
        } else {
            logger.warning("\(what) failed; retrying", metadata: ["error": "\(error)", "retry_in": "\(delay)"])
        }
        try? await Task.sleep(for: delay)
    }
}
