import LuaRuntime
import Registry
import Replay
import TemporalModel

/// How to answer one workflow task.
public enum WorkflowTaskAnswer: Sendable {
    /// RespondWorkflowTaskCompleted with these commands, the answers to
    /// the queries the task carried (`queries`), by query id, and protocol
    /// messages (update acceptances, rejections, responses).
    case completed([Command], queryResults: [String: WorkflowQueryResult] = [:], messages: [ProtocolMessage] = [])
    /// RespondWorkflowTaskFailed with this cause (`WorkflowTaskFailedCause`).
    case failed(cause: Int32, failure: Failure)
    /// The events were a sticky task's partial history for a run this pool
    /// does not hold (a cache miss): fetch the history from event 1 and run
    /// the task again with it.
    case needsFullHistory
}

/// How to answer a query task.
public enum QueryAnswer: Sendable {
    case result(WorkflowQueryResult)
    /// A sticky query for a run not in the cache: fetch the history.
    case needsFullHistory
}

/// Runs the workflow tasks of one `temporal.worker` on a few Lua executors
/// (one `lua_State` each). A run always lands on the same executor, so the
/// tasks of one workflow never run in parallel, and its cached instance
/// (the sticky cache) lives on that executor.
public final class WorkflowPool: Sendable {
    private let registry: Registry
    private let namespace: String
    private let entries: [String: WorkflowEntry]
    private let executors: [LuaExecutor<WorkflowExecutorState>]

    /// - Parameters:
    ///   - workerId: the `temporal.worker` whose workflows this pool runs.
    ///   - threads: Lua executors (parallel workflow tasks).
    ///   - maxCachedWorkflows: live instances kept between tasks, over all
    ///     executors (0: replay every task from event 1).
    public init(registry: Registry, workerId: String, namespace: String, threads: Int, maxCachedWorkflows: Int = 0) {
        self.registry = registry
        self.namespace = namespace
        var entries: [String: WorkflowEntry] = [:]
        for entry in registry.workflows(forWorker: workerId) { entries[entry.temporalName] = entry }
        self.entries = entries
        let count = max(1, threads)
        let perExecutor = maxCachedWorkflows <= 0 ? 0 : max(1, (maxCachedWorkflows + count - 1) / count)
        executors = (0..<count).map {
            LuaExecutor(label: "moonflow.workflow.\(workerId).\($0)",
                        context: WorkflowExecutorState(host: nil, cache: RunCache(capacity: perExecutor)))
        }
    }

    /// Live instances in the cache (all executors).
    public func cachedRuns() async -> Int {
        var total = 0
        for executor in executors { total += await executor.run { $0.cache.count } }
        return total
    }

    /// Drops a run's cached instance (after its completion was rejected, or
    /// the server reset its history).
    public func evict(runId: String) async {
        await executor(for: runId).run { $0.cache.evict(runId) }
    }

    /// Drops every cached instance (shutdown).
    public func evictAll() async {
        for executor in executors { await executor.run { $0.cache.evictAll() } }
    }

    /// Answers a query task (`task.query`): from the cached instance when
    /// the task carries no history (sticky), else from a fresh replay of
    /// `events` (the whole history) that leaves the cache alone.
    public func query(_ task: WorkflowTask, events: [HistoryEvent]) async -> QueryAnswer {
        guard let query = task.query else { return .result(LuaWorkflowCode.queryFailure("internal: not a query task")) }
        guard let entry = entries[task.workflowType] else {
            return .result(LuaWorkflowCode.queryFailure("workflow type \(task.workflowType) is not registered by this Moonflow daemon"))
        }
        let registry = self.registry
        let namespace = self.namespace
        return await executor(for: task.workflowExecution.runId).run { state in
            let runId = task.workflowExecution.runId
            if events.first?.eventId != 1 {
                guard let cached = state.cache.take(runId) else { return .needsFullHistory }
                state.cache.put(runId, code: cached.code, machines: cached.machines)
                return .result(cached.code.query(query))
            }
            do throws(LuaError) {
                if state.host == nil { state.host = try WorkflowHost() }
                guard let host = state.host else { return .result(LuaWorkflowCode.queryFailure("internal: no Lua host")) }
                let code = LuaWorkflowCode(host: host, instance: try host.makeInstance(of: entry, registry: registry),
                                           jobs: JobEncoding(namespace: namespace, execution: task.workflowExecution))
                defer { code.close() }
                let machines = WorkflowMachines(execution: task.workflowExecution, workflowType: task.workflowType,
                                                code: code)
                let lastStarted = events.last { $0.eventType == EventType.workflowTaskStarted }?.eventId ?? 0
                do throws(ReplayError) {
                    if case .taskFailure(let message, _) = try machines.handleTask(events: events,
                                                                                   previousStartedEventId: lastStarted) {
                        return .result(LuaWorkflowCode.queryFailure("the workflow's code fails on replay: \(message)"))
                    }
                } catch {
                    return .result(LuaWorkflowCode.queryFailure(error.message))
                }
                return .result(code.query(query))
            } catch {
                return .result(LuaWorkflowCode.queryFailure(error.message))
            }
        }
    }

    private func executor(for runId: String) -> LuaExecutor<WorkflowExecutorState> {
        executors[Int(fnv1a64(runId) % UInt64(executors.count))]
    }

    /// The Temporal workflow types this pool runs.
    public var workflowTypes: [String] { entries.keys.sorted() }

    /// Applies `events` and answers the task: the whole history up to this
    /// task's WorkflowTaskStarted (a fresh instance replays it), or a sticky
    /// task's new events (applied to the cached instance; `needsFullHistory`
    /// when there is none).
    public func run(_ task: WorkflowTask, events: [HistoryEvent]) async -> WorkflowTaskAnswer {
        guard let entry = entries[task.workflowType] else {
            return .failed(cause: WorkflowTaskFailedCause.unhandledFailure, failure: Failure(
                message: "workflow type \(task.workflowType) is not registered by this Moonflow daemon; it runs \(workflowTypes) on this task queue (another daemon version may know it)",
                source: "Moonflow", info: .application(type: "NOT_FOUND", nonRetryable: false, details: [])))
        }
        let registry = self.registry
        let namespace = self.namespace
        return await executor(for: task.workflowExecution.runId).run { state in
            Self.handle(task, events: events, entry: entry, registry: registry, namespace: namespace, state: &state)
        }
    }

    private static func handle(_ task: WorkflowTask, events: [HistoryEvent], entry: WorkflowEntry,
                               registry: Registry, namespace: String,
                               state: inout WorkflowExecutorState) -> WorkflowTaskAnswer {
        let runId = task.workflowExecution.runId
        let fromStart = events.first?.eventId == 1
        var cached = state.cache.take(runId)
        if let run = cached, fromStart || !run.machines.canContinue(with: events) {
            run.code.close()
            cached = nil
        }
        let code: LuaWorkflowCode
        let machines: WorkflowMachines
        if let cached {
            code = cached.code
            machines = cached.machines
        } else {
            guard fromStart else { return .needsFullHistory }
            do throws(LuaError) {
                if state.host == nil { state.host = try WorkflowHost() }
                guard let host = state.host else {
                    return failed(WorkflowTaskFailedCause.unhandledFailure, "internal: no Lua host", "")
                }
                let instance = try host.makeInstance(of: entry, registry: registry)
                code = LuaWorkflowCode(host: host, instance: instance,
                                       jobs: JobEncoding(namespace: namespace, execution: task.workflowExecution))
            } catch {
                return failed(WorkflowTaskFailedCause.unhandledFailure, error.message, error.traceback)
            }
            machines = WorkflowMachines(execution: task.workflowExecution, workflowType: task.workflowType, code: code)
        }
        let answer: WorkflowTaskAnswer
        do throws(ReplayError) {
            switch try machines.handleTask(events: events, previousStartedEventId: task.previousStartedEventId,
                                           messages: task.messages) {
            case .commands(let commands, let messages):
                // Queries buffered while the task was pending see the state
                // after this task's events.
                answer = .completed(commands, queryResults: task.queries.mapValues { code.query($0) }, messages: messages)
            case .taskFailure(let message, let stackTrace):
                answer = failed(WorkflowTaskFailedCause.unhandledFailure, message, stackTrace)
            }
        } catch {
            let cause = error.kind == .nonDeterminism ? WorkflowTaskFailedCause.nonDeterministicError
                : WorkflowTaskFailedCause.unhandledFailure
            answer = failed(cause, error.message, "")
        }
        // Keep a healthy, still-running instance for the next sticky task;
        // anything else is dropped (a failed task replays from event 1).
        if case .completed = answer, !machines.isFinished {
            state.cache.put(runId, code: code, machines: machines)
        } else {
            code.close()
        }
        return answer
    }

    private static func failed(_ cause: Int32, _ message: String, _ stackTrace: String) -> WorkflowTaskAnswer {
        .failed(cause: cause, failure: Failure(message: message.withoutNUL, source: "Moonflow", stackTrace: stackTrace.withoutNUL,
                                               info: .application(type: "INTERNAL", nonRetryable: false, details: [])))
    }
}
