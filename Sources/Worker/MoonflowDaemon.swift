import ActivityRuntime
import Logging
import Observability
import Registry
import Synchronization
import TemporalModel
import TemporalRPC
import WorkflowRuntime

/// The daemon: one `TaskQueueWorker` per auto-started `temporal.worker` of
/// the registry, each on its client's connection. `run()` serves until
/// `shutdown()` (SIGTERM or SIGINT, see `ShutdownSignals`): polling stops,
/// in-flight tasks finish within the grace period, and `run()` returns.
public final class MoonflowDaemon: Sendable {
    public let workers: [TaskQueueWorker]
    private let logger: Logger
    private let telemetry: Telemetry?
    private let notifier = SystemdNotifier()
    private let stopping = Atomic<Bool>(false)

    /// Builds the workers. A client whose configuration cannot be used is
    /// logged and skipped; the other clients' workers still run. With
    /// `telemetry`, every worker records metrics and reports its health.
    /// Each worker logs at `forcedLogLevel` when given (`--log-level`,
    /// `MOONFLOW_LOG_LEVEL`), else at its `log_level` (see ``LogLevels``).
    public init(registry: Registry, logger: Logger, gracePeriod: Duration = .seconds(30),
                telemetry: Telemetry? = nil, forcedLogLevel: Logger.Level? = nil) throws {
        self.logger = logger
        self.telemetry = telemetry
        var services: [String: any WorkflowService] = [:]
        var workers: [TaskQueueWorker] = []
        for entry in registry.workers.values.sorted(by: { $0.id < $1.id }) where entry.autoStart {
            guard let client = registry.client(entry.clientId) else { continue }
            let identity = entry.options.identity
            let service: any WorkflowService
            if let existing = services[client.id] {
                service = existing
            } else {
                do {
                    let config = try ClientConnection.config(for: client, identity: identity)
                    service = try GRPCWorkflowService(config: config)
                    logger.info("client ready", metadata: ["client": "\(client.id)", "address": "\(client.address)",
                                                          "namespace": "\(client.namespace)"])
                    if let warning = ClientConnection.verificationWarning(config) {
                        logger.warning("\(warning)", metadata: ["client": "\(client.id)",
                                                                "address": "\(client.address)"])
                    }
                } catch {
                    logger.error("client unusable; its workers do not start",
                                 metadata: ["client": "\(client.id)", "error": "\(error)"])
                    telemetry?.health.register(worker: entry.id, namespace: client.namespace,
                                               taskQueue: entry.effectiveTaskQueue)
                    telemetry?.health.failed(worker: entry.id, code: "CLIENT_UNUSABLE")
                    continue
                }
                services[client.id] = service
            }
            let workflows = registry.workflows(forWorker: entry.id)
            let activities = registry.activities(forWorker: entry.id)
            let options = entry.options
            let settings = WorkerSettings(
                workerId: entry.id, namespace: client.namespace, taskQueue: entry.effectiveTaskQueue,
                identity: identity, workflowPollers: options.maxConcurrentWorkflowTaskPollers,
                activityPollers: options.maxConcurrentActivityTaskPollers,
                maxConcurrentWorkflowTasks: options.maxConcurrentWorkflowTaskExecutionSize,
                maxConcurrentActivities: options.maxConcurrentActivityExecutionSize, gracePeriod: gracePeriod,
                stickyQueue: options.maxCachedWorkflows > 0 && !workflows.isEmpty
                    ? "\(identity)-\(Self.stickySuffix())" : nil,
                stickyScheduleToStartTimeout: options.stickyScheduleToStartTimeout)
            // One Lua executor (and state) per core: workflow code never
            // blocks, so more would not run more at once, only hold more
            // Lua states (about 200 KiB each, with their garbage).
            let threads = max(1, min(options.maxConcurrentWorkflowTaskExecutionSize, Self.cores))
            let queue = entry.effectiveTaskQueue
            let metrics = telemetry?.worker(namespace: client.namespace, taskQueue: queue) ?? .disabled
            var workerService = service
            if let telemetry {
                telemetry.health.register(worker: entry.id, namespace: client.namespace, taskQueue: queue)
                workerService = MeteredWorkflowService(service, metrics: metrics, health: telemetry.health,
                                                       workerId: entry.id)
            }
            let pool = workflows.isEmpty ? nil
                : WorkflowPool(registry: registry, workerId: entry.id, namespace: client.namespace, threads: threads,
                               maxCachedWorkflows: options.maxCachedWorkflows)
            var workerLogger = logger
            workerLogger.logLevel = LogLevels.level(of: entry, forced: forcedLogLevel)
            workerLogger[metadataKey: "client"] = "\(client.id)"
            let worker = TaskQueueWorker(
                settings: settings, service: workerService,
                workflows: pool,
                // Activity pollers also run for workflow-only workers: they
                // serve the daemon's system activities (process.terminate).
                activities: activities.isEmpty && workflows.isEmpty ? nil
                    : ActivityPool(registry: registry, workerId: entry.id, service: workerService,
                                   namespace: client.namespace, identity: identity,
                                   maxIdleExecutors: max(4, 2 * Self.cores)),
                logger: workerLogger, metrics: metrics)
            workers.append(worker)
            telemetry?.metrics.addCollector {
                worker.recordSlotMetrics()
                if let pool { metrics.stickyCacheSize(await pool.cachedRuns()) }
            }
        }
        self.workers = workers
    }

    public func run() async {
        if workers.isEmpty {
            logger.warning("no temporal.worker to start (none with auto_start, or every client failed)")
        }
        let notifier = self.notifier
        let watchdog = notifier.watchdogInterval.map { interval in
            Task {
                while !Task.isCancelled {
                    notifier.notify("WATCHDOG=1")
                    try? await Task.sleep(for: interval)
                }
            }
        }
        defer { watchdog?.cancel() }
        if telemetry != nil {
            // One cheap call per worker, so /healthz turns 200 without
            // waiting for an idle queue's first long poll to return.
            for worker in workers {
                Task { _ = try? await worker.service.describeNamespace(worker.settings.namespace) }
            }
        }
        await withDiscardingTaskGroup { group in
            for worker in workers {
                group.addTask { await worker.run() }
            }
            notifier.notify("READY=1\nSTATUS=polling \(workers.count) task queue(s)")
        }
    }

    /// Starts the graceful shutdown (once; later calls do nothing): polling
    /// stops, in-flight tasks get the grace period, then `run()` returns.
    /// Also before `run()`: the workers then stop as soon as they start.
    public func shutdown() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        logger.info("shutting down: polling stops, in-flight tasks finish")
        telemetry?.health.markStopping()
        notifier.notify("STOPPING=1\nSTATUS=draining in-flight tasks")
        for worker in workers { worker.stop() }
    }

    /// A random suffix making this process's sticky queue names unique.
    private static func stickySuffix() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }

    private static var cores: Int { HostProcess.processorCount }
}
