import LuaRuntime
import Registry
import Replay
import TemporalModel

/// How to answer one workflow task.
public enum WorkflowTaskAnswer: Sendable {
    case completed([Command])
    /// RespondWorkflowTaskFailed with this cause (`WorkflowTaskFailedCause`).
    case failed(cause: Int32, failure: Failure)
}

/// Runs the workflow tasks of one `temporal.worker` on a few Lua executors
/// (one `lua_State` each). A run always lands on the same executor, so the
/// tasks of one workflow never run in parallel.
public final class WorkflowPool: Sendable {
    private let registry: Registry
    private let namespace: String
    private let entries: [String: WorkflowEntry]
    private let executors: [LuaExecutor<WorkflowHost?>]

    /// - Parameters:
    ///   - workerId: the `temporal.worker` whose workflows this pool runs.
    ///   - threads: Lua executors (parallel workflow tasks).
    public init(registry: Registry, workerId: String, namespace: String, threads: Int) {
        self.registry = registry
        self.namespace = namespace
        var entries: [String: WorkflowEntry] = [:]
        for entry in registry.workflows(forWorker: workerId) { entries[entry.temporalName] = entry }
        self.entries = entries
        executors = (0..<max(1, threads)).map { LuaExecutor(label: "moonflow.workflow.\(workerId).\($0)", context: nil) }
    }

    /// The Temporal workflow types this pool runs.
    public var workflowTypes: [String] { entries.keys.sorted() }

    /// Replays `events` (the whole history up to this task's
    /// WorkflowTaskStarted) and answers the task.
    public func run(_ task: WorkflowTask, events: [HistoryEvent]) async -> WorkflowTaskAnswer {
        guard let entry = entries[task.workflowType] else {
            return .failed(cause: WorkflowTaskFailedCause.unhandledFailure, failure: Failure(
                message: "workflow type \(task.workflowType) is not registered by this Moonflow daemon; it runs \(workflowTypes) on this task queue (another daemon version may know it)",
                source: "Moonflow", info: .application(type: "NOT_FOUND", nonRetryable: false, details: [])))
        }
        let executor = executors[Int(fnv1a64(task.workflowExecution.runId) % UInt64(executors.count))]
        let registry = self.registry
        let namespace = self.namespace
        return await executor.run { host in
            Self.replay(task, events: events, entry: entry, registry: registry, namespace: namespace, host: &host)
        }
    }

    private static func replay(_ task: WorkflowTask, events: [HistoryEvent], entry: WorkflowEntry,
                               registry: Registry, namespace: String, host: inout WorkflowHost?) -> WorkflowTaskAnswer {
        do throws(LuaError) {
            if host == nil { host = try WorkflowHost() }
        } catch {
            return failed(WorkflowTaskFailedCause.unhandledFailure, "cannot create a Lua state: \(error.message)", "")
        }
        guard let host else { return failed(WorkflowTaskFailedCause.unhandledFailure, "internal: no host", "") }
        let instance: LuaRef
        do throws(LuaError) {
            instance = try host.makeInstance(of: entry, registry: registry)
        } catch {
            return failed(WorkflowTaskFailedCause.unhandledFailure, error.message, error.traceback)
        }
        let code = LuaWorkflowCode(host: host, instance: instance,
                                   jobs: JobEncoding(namespace: namespace, execution: task.workflowExecution))
        defer { code.close() }
        let machines = WorkflowMachines(execution: task.workflowExecution, workflowType: task.workflowType, code: code)
        do throws(ReplayError) {
            switch try machines.handleTask(events: events, previousStartedEventId: task.previousStartedEventId) {
            case .commands(let commands):
                return .completed(commands)
            case .taskFailure(let message, let stackTrace):
                return failed(WorkflowTaskFailedCause.unhandledFailure, message, stackTrace)
            }
        } catch {
            let cause = error.kind == .nonDeterminism ? WorkflowTaskFailedCause.nonDeterministicError
                : WorkflowTaskFailedCause.unhandledFailure
            return failed(cause, error.message, "")
        }
    }

    private static func failed(_ cause: Int32, _ message: String, _ stackTrace: String) -> WorkflowTaskAnswer {
        .failed(cause: cause, failure: Failure(message: message, source: "Moonflow", stackTrace: stackTrace,
                                               info: .application(type: "INTERNAL", nonRetryable: false, details: [])))
    }
}
