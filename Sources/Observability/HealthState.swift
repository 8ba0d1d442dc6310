import Synchronization
import TemporalModel

/// Whether the daemon is serving, for `/healthz`.
///
/// Each auto-started worker reports the outcome of its polls (and of one
/// DescribeNamespace at start, so an idle queue's first long poll does not
/// keep a fresh daemon unhealthy for a minute). The daemon is healthy when
/// there is at least one worker and every worker
/// - has succeeded at least once, and
/// - either its last call succeeded, or it has been failing (retrying with
///   backoff) for less than `failureTolerance`, and
/// - its last success is less than `staleAfter` old (a long poll returns,
///   empty, at least once a minute on a reachable server).
/// A stopping (draining) daemon is unhealthy.
public final class HealthState: Sendable {
    /// One worker's state as reported.
    public struct WorkerState: Sendable {
        public let worker: String
        public let namespace: String
        public let taskQueue: String
        public var lastSuccess: ContinuousClock.Instant?
        /// Start of the current run of failures (nil after a success).
        public var failingSince: ContinuousClock.Instant?
        /// The gRPC status name of the last failure (never its message,
        /// which could quote configuration).
        public var lastError: String?
    }

    public let failureTolerance: Duration
    public let staleAfter: Duration
    private let state = Mutex<(workers: [String: WorkerState], stopping: Bool)>(([:], false))

    public init(failureTolerance: Duration = .seconds(30), staleAfter: Duration = .seconds(180)) {
        self.failureTolerance = failureTolerance
        self.staleAfter = staleAfter
    }

    /// Adds a worker (it counts as "starting" until its first success).
    public func register(worker: String, namespace: String, taskQueue: String) {
        state.withLock {
            $0.workers[worker] = WorkerState(worker: worker, namespace: namespace, taskQueue: taskQueue)
        }
    }

    public func succeeded(worker: String, at now: ContinuousClock.Instant = .now) {
        state.withLock { s in
            s.workers[worker]?.lastSuccess = now
            s.workers[worker]?.failingSince = nil
        }
    }

    public func failed(worker: String, code: String, at now: ContinuousClock.Instant = .now) {
        state.withLock { s in
            guard var w = s.workers[worker] else { return }
            if w.failingSince == nil { w.failingSince = now }
            w.lastError = code
            s.workers[worker] = w
        }
    }

    /// The daemon is draining: `/healthz` answers 503 from now on.
    public func markStopping() {
        state.withLock { $0.stopping = true }
    }

    /// The verdict and its JSON body.
    public func report(now: ContinuousClock.Instant = .now) -> HealthReport {
        let (workers, stopping) = state.withLock { ($0.workers, $0.stopping) }
        var entries: [JSONValue] = []
        var healthy = !workers.isEmpty && !stopping
        for w in workers.values.sorted(by: { $0.worker < $1.worker }) {
            let status = self.status(of: w, now: now)
            if status != "ok" && status != "retrying" { healthy = false }
            var entry: [String: JSONValue] = ["worker": .string(w.worker), "namespace": .string(w.namespace),
                                              "task_queue": .string(w.taskQueue), "status": .string(status)]
            if let last = w.lastSuccess { entry["last_success_seconds_ago"] = .double(Self.seconds(now - last)) }
            if let since = w.failingSince { entry["failing_for_seconds"] = .double(Self.seconds(now - since)) }
            if let error = w.lastError { entry["last_error"] = .string(error) }
            entries.append(.object(entry))
        }
        let overall = stopping ? "stopping" : workers.isEmpty ? "no_workers" : healthy ? "ok" : "unhealthy"
        let body = JSONValue.object(["status": .string(overall), "workers": .array(entries)])
        return HealthReport(healthy: healthy, body: (try? body.encode()) ?? [])
    }

    /// `starting`, `ok`, `retrying` (failing, within the tolerance),
    /// `failing` (past it) or `stale` (no success for `staleAfter`).
    private func status(of w: WorkerState, now: ContinuousClock.Instant) -> String {
        guard let last = w.lastSuccess else { return w.failingSince == nil ? "starting" : "failing" }
        if let since = w.failingSince {
            return now - since < failureTolerance ? "retrying" : "failing"
        }
        return now - last < staleAfter ? "ok" : "stale"
    }

    private static func seconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return ((Double(s) + Double(atto) / 1e18) * 1000).rounded() / 1000   // milliseconds precision
    }
}

/// What `/healthz` answers: 200 when `healthy`, else 503, with `body`.
public struct HealthReport: Sendable {
    public let healthy: Bool
    public let body: [UInt8]
}
