import LuaRuntime
import Registry
import Synchronization
import TemporalModel
import TemporalRPC
import Client

/// How an activity task ended.
public enum ActivityTaskAnswer: Sendable {
    case completed([Payload])
    case failed(Failure)
    /// A failure of an activity that heartbeated: the last details go with
    /// it, so the next attempt reads them in `info().heartbeat_details`.
    case failedAfterHeartbeat(Failure, lastHeartbeatDetails: [Payload])
    case canceled([Payload])
}

/// Runs the `function.lua` activities of one `temporal.worker`. Each
/// running activity has a Lua executor (its own `lua_State`) to itself,
/// so an activity that blocks (sleeps, waits on I/O) holds up no other.
/// Executors are reused; at most `maxIdleExecutors` are kept between
/// activities (each holds a Lua state of about 100 KiB and more), so a
/// burst of concurrent activities does not keep its states for good.
public final class ActivityPool: Sendable {
    private let registry: Registry
    private let entries: [String: FunctionEntry]
    private let label: String
    private let idle = Mutex<[LuaExecutor<ActivityHost?>]>([])
    private let maxIdleExecutors: Int
    private let services: ProcessServices?
    private let heartbeats: HeartbeatSender?
    /// Contexts of the activities running now (for shutdown).
    private let running = Mutex<[ObjectIdentifier: ActivityContext]>([:])

    /// - Parameters:
    ///   - service: the connection activities use for `process.spawn`,
    ///     `send`, … (nil: those functions return `UNAVAILABLE` errors).
    ///   - namespace: the Temporal namespace of those calls.
    ///   - identity: sent as the requests' identity.
    public init(registry: Registry, workerId: String, service: (any WorkflowService)? = nil,
                namespace: String = "default", identity: String = "moonflow", maxIdleExecutors: Int = 4) {
        self.registry = registry
        self.maxIdleExecutors = max(0, maxIdleExecutors)
        services = service.map {
            ProcessServices(client: WorkflowClient(service: $0, namespace: namespace, identity: identity),
                            registry: registry)
        }
        heartbeats = service.map { HeartbeatSender(service: $0, namespace: namespace, identity: identity) }
        var entries: [String: FunctionEntry] = [:]
        for entry in registry.activities(forWorker: workerId) { entries[entry.id] = entry }
        self.entries = entries
        label = "moonflow.activity.\(workerId)"
    }

    /// The activity types this pool runs (their entry ids).
    public var activityTypes: [String] { entries.keys.sorted() }

    public func handles(activityType: String) -> Bool { entries[activityType] != nil }

    /// Executors kept for the next activities.
    var idleExecutors: Int { idle.withLock { $0.count } }

    public func run(_ task: ActivityTask) async -> ActivityTaskAnswer {
        guard let entry = entries[task.activityType] else {
            return .failed(Failure(message: "activity type \(task.activityType) is not registered", source: "Moonflow",
                                   info: .application(type: "NOT_FOUND", nonRetryable: true, details: [])))
        }
        let args: [JSONValue]
        do throws(PayloadError) {
            args = try PayloadCodec.decode(task.input)
        } catch {
            return .failed(ErrorValue(kind: "INVALID", message: "cannot decode the input of activity \(task.activityType): \(error)",
                                      retryable: false).failure())
        }
        let info = Self.info(task)
        let context = ActivityContext(lastDetails: task.heartbeatDetails.last.flatMap { try? PayloadCodec.decode($0) })
        running.withLock { $0[ObjectIdentifier(context)] = context }
        if let sender = heartbeats {
            context.sendsHeartbeats { Task { await sender.run(for: task, context: context) } }
        }
        defer {
            context.finish()
            running.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(context)) }
        }
        let executor = idle.withLock { $0.popLast() } ?? LuaExecutor(label: label, context: nil)
        defer {
            let maxIdle = maxIdleExecutors
            // Past the bound, the executor (and its Lua state) goes when the last reference does.
            idle.withLock { if $0.count < maxIdle { $0.append(executor) } }
        }
        let registry = self.registry
        let services = self.services
        let answer = await withTaskCancellationHandler {
            await executor.run { host in
                Self.call(entry, args: args, info: info, registry: registry, services: services, context: context,
                          host: &host)
            }
        } onCancel: {
            context.cancel("the daemon stopped waiting for this activity")
        }
        // Asked to stop and ended with an error: cancelled when the workflow
        // asked; when the daemon stopped it, a retryable failure so that
        // another worker runs it again.
        if let reason = context.cancelReason, case .failed(var failure) = answer {
            if context.cancelledByServer, case .application("CANCELED", _, _) = failure.info {
                return .canceled([])
            }
            if !context.cancelledByServer, case .application(let type, _, let details) = failure.info {
                failure.message = "stopped (\(reason)): \(failure.message)"
                failure.info = .application(type: type, nonRetryable: false, details: details)
                return Self.withHeartbeat(.failed(failure), context)
            }
        }
        return Self.withHeartbeat(answer, context)
    }

    private static func withHeartbeat(_ answer: ActivityTaskAnswer, _ context: ActivityContext) -> ActivityTaskAnswer {
        guard case .failed(let failure) = answer, let details = context.lastDetails,
              let payload = try? PayloadCodec.encode(details) else { return answer }
        return .failedAfterHeartbeat(failure, lastHeartbeatDetails: [payload])
    }

    /// Tells every running activity the daemon is stopping: their
    /// `activity.is_cancelled()` turns true; they may still finish within
    /// the grace period, after which their waits are cut short.
    public func cancelRunning(reason: String, interrupt: Bool = false) {
        for context in running.withLock({ Array($0.values) }) { context.cancel(reason, interrupt: interrupt) }
    }

    private static func call(_ entry: FunctionEntry, args: [JSONValue], info: JSONValue, registry: Registry,
                             services: ProcessServices?, context: ActivityContext,
                             host: inout ActivityHost?) -> ActivityTaskAnswer {
        do throws(LuaError) {
            if host == nil { host = try ActivityHost(services: services) }
            guard let host else { return internalError("no Lua host", "") }
            host.current.context = context
            defer { host.current.context = nil }
            host.process.entryNamespace = entry.namespace
            defer { host.process.monitors.reset() }
            let fn = try host.function(for: entry, registry: registry)
            let answer = try host.call(fn, info: info, args: args)
            guard case .object(let o) = answer else { return internalError("activity returned \(answer)", "") }
            if case .bool(true)? = o["ok"] {
                do throws(PayloadError) {
                    let payload = try PayloadCodec.encode(o["value"] ?? .null)
                    if payload.data.count > Self.payloadLimit {
                        return .failed(ErrorValue(kind: "INVALID", message: "the result of \(entry.id) is "
                            + "\(Self.mebibytes(payload.data.count)) MiB, over Temporal's 2 MiB payload limit",
                            retryable: false).failure())
                    }
                    return .completed([payload])
                } catch {
                    return .failed(ErrorValue(kind: "INVALID", message: "cannot encode the result of \(entry.id): \(error)",
                                              retryable: false).failure())
                }
            }
            return .failed(ErrorValue(json: o["error"] ?? .null).failure())
        } catch {
            // Load errors (syntax, missing method) and conversion errors.
            return internalError(error.message, error.traceback)
        }
    }

    /// The server rejects a payload over 2 MiB.
    static let payloadLimit = 2 * 1024 * 1024

    /// `bytes` in MiB with one decimal ("2.5"), as `%.1f` writes it.
    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / 104_857.6).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)"
    }

    private static func internalError(_ message: String, _ traceback: String) -> ActivityTaskAnswer {
        .failed(ErrorValue(kind: "INTERNAL", message: message, traceback: traceback).failure())
    }

    private static func info(_ task: ActivityTask) -> JSONValue {
        var o: [String: JSONValue] = [
            "activity_id": .string(task.activityId), "activity_type": .string(task.activityType),
            "attempt": .int(Int64(task.attempt)), "workflow_id": .string(task.workflowExecution.workflowId),
            "run_id": .string(task.workflowExecution.runId), "workflow_type": .string(task.workflowType),
            "namespace": .string(task.workflowNamespace),
        ]
        if let last = task.heartbeatDetails.last, let value = try? PayloadCodec.decode(last) { o["heartbeat_details"] = value }
        if let context = task.header[Headers.context], let value = try? PayloadCodec.decode(context) {
            o["context"] = value
        }
        return .object(o)
    }
}
