import TemporalModel
import TemporalRPC

/// One signal sent with a start (`:with_message(topic, data)`).
public struct StartMessage: Sendable, Hashable {
    public var topic: String
    public var data: JSONValue
    public init(topic: String, data: JSONValue) {
        self.topic = topic
        self.data = data
    }
}

/// What to start: a Temporal workflow type on a task queue, its input, the
/// starting options and what travels with it.
public struct StartRequest: Sendable, Hashable {
    public var workflowType: String
    /// The default task queue; `options.taskQueue` wins over it.
    public var taskQueue: String
    public var input: [JSONValue]
    public var options: StartOptions
    /// Values readable with `ctx.get` in the workflow (the `moonflow-context` header).
    public var context: [String: JSONValue]
    /// Signals delivered before any other: the first with SignalWithStart.
    public var messages: [StartMessage]
    /// The sender pid put on the messages (`msg:from()`), if any.
    public var from: String?

    public init(workflowType: String, taskQueue: String, input: [JSONValue] = [], options: StartOptions = .init(),
                context: [String: JSONValue] = [:], messages: [StartMessage] = [], from: String? = nil) {
        self.workflowType = workflowType
        self.taskQueue = taskQueue
        self.input = input
        self.options = options
        self.context = context
        self.messages = messages
        self.from = from
    }
}

/// The execution a start created or reused.
public struct StartedWorkflow: Sendable, Hashable {
    public var workflowId: String
    public var runId: String
    /// false when an open run with the id was reused (`use_existing`).
    public var started: Bool
    public var namespace: String

    public init(workflowId: String, runId: String, started: Bool, namespace: String) {
        self.workflowId = workflowId
        self.runId = runId
        self.started = started
        self.namespace = namespace
    }
}

/// Starts and steers workflows from outside a workflow (activities, the
/// CLI) with the WorkflowService client calls. Every method throws
/// `ClientError`, whose kind is what Lua's `err:kind()` returns.
public struct WorkflowClient: Sendable {
    public let service: any WorkflowService
    /// The namespace of calls whose options name none.
    public let namespace: String
    /// Sent as `identity` on every request.
    public let identity: String

    public init(service: any WorkflowService, namespace: String, identity: String) {
        self.service = service
        self.namespace = namespace
        self.identity = identity
    }

    // MARK: Start

    /// Starts a workflow (or reuses an open run, as the conflict policy
    /// says) and delivers the start messages: the first with
    /// SignalWithStart, so it precedes any other signal, the rest with
    /// SignalWorkflowExecution. Under `fail` (or with
    /// `execution_error_when_already_started`) a plain start is made first
    /// and the messages follow it, since SignalWithStart cannot fail on an
    /// open run.
    public func start(_ request: StartRequest) async throws(ClientError) -> StartedWorkflow {
        let options = request.options
        let namespace = options.namespace ?? self.namespace
        let workflowId = options.id ?? randomUUID()
        let policy = options.effectiveConflictPolicy
        var header: PayloadMap = [:]
        if !request.context.isEmpty {
            header[Headers.context] = try PayloadEncoding.payload(.object(request.context), what: "context")
        }
        var start = StartWorkflowExecutionRequest(
            namespace: namespace, workflowId: workflowId, workflowType: request.workflowType,
            taskQueue: options.taskQueue ?? request.taskQueue,
            input: try PayloadEncoding.payloads(request.input, what: "input"),
            workflowExecutionTimeout: options.executionTimeout, workflowRunTimeout: options.runTimeout,
            workflowTaskTimeout: options.taskTimeout, identity: identity, requestId: randomUUID(),
            workflowIdReusePolicy: options.idReusePolicy?.wireValue ?? 0,
            workflowIdConflictPolicy: policy.wireValue, retryPolicy: options.retryPolicy,
            cronSchedule: options.cronSchedule ?? "", memo: try PayloadEncoding.map(options.memo, what: "memo"),
            searchAttributes: try SearchAttributeEncoding.encode(options.searchAttributes), header: header,
            requestEagerExecution: false, workflowStartDelay: options.startDelay)
        // Eager start needs a worker in this process polling the queue; the
        // server then falls back to a normal start, so the flag is not sent.
        _ = options.enableEagerStart

        let what = "start \(request.workflowType) as \(workflowId)"
        let messages = request.messages
        let fromHeader = try Self.fromHeader(request.from)
        var started: StartedWorkflow
        var sent = 0
        if let first = messages.first, policy != .fail, !options.executionErrorWhenAlreadyStarted {
            start.header.merge(fromHeader) { a, _ in a }
            let sws = SignalWithStartWorkflowExecutionRequest(
                start: start, signalName: first.topic,
                signalInput: [try PayloadEncoding.payload(first.data, what: "message \(first.topic)")])
            do {
                let r = try await service.signalWithStartWorkflowExecution(sws)
                started = StartedWorkflow(workflowId: workflowId, runId: r.runId, started: r.started, namespace: namespace)
            } catch {
                throw Self.startError(error, what: what, policy: policy, workflowId: workflowId)
            }
            sent = 1
        } else {
            do {
                let r = try await service.startWorkflowExecution(start)
                started = StartedWorkflow(workflowId: workflowId, runId: r.runId, started: r.started, namespace: namespace)
            } catch {
                throw Self.startError(error, what: what, policy: policy, workflowId: workflowId)
            }
        }
        if !started.started && options.executionErrorWhenAlreadyStarted {
            throw ClientError(kind: "ALREADY_EXISTS",
                              message: "\(what): workflow \(workflowId) is already running (run \(started.runId))")
        }
        for message in messages.dropFirst(sent) {
            try await signal(workflowId: workflowId, runId: started.runId, topic: message.topic, args: [message.data],
                             from: request.from, namespace: namespace)
        }
        return started
    }

    private static func startError(_ error: any Error, what: String, policy: StartOptions.ConflictPolicy,
                                   workflowId: String) -> ClientError {
        var e = ClientError(error, doing: what)
        if e.kind == "ALREADY_EXISTS" {
            e.message = "\(what): workflow id \(workflowId) is already in use "
                + "(id_conflict_policy \(policy.rawValue), or a closed run the id_reuse_policy does not allow reusing)"
        }
        return e
    }

    static func fromHeader(_ from: String?) throws(ClientError) -> PayloadMap {
        guard let from, !from.isEmpty else { return [:] }
        return [Headers.from: try PayloadEncoding.payload(.string(from), what: "sender pid")]
    }

    // MARK: Signal, cancel, terminate

    /// Signals a workflow's current run (or `runId`); each value of `args`
    /// is one payload. `from` is the sender pid `msg:from()` returns.
    public func signal(workflowId: String, runId: String = "", topic: String, args: [JSONValue],
                       from: String? = nil, namespace: String? = nil) async throws(ClientError) {
        guard !topic.isEmpty else { throw .invalid("signal topic must be a non-empty string") }
        let request = SignalWorkflowExecutionRequest(
            namespace: namespace ?? self.namespace, execution: WorkflowExecution(workflowId: workflowId, runId: runId),
            signalName: topic, input: try PayloadEncoding.payloads(args, what: "signal argument"),
            identity: identity, requestId: randomUUID(), header: try Self.fromHeader(from))
        do {
            try await service.signalWorkflowExecution(request)
        } catch {
            throw ClientError(error, doing: "signal \(topic) to \(workflowId)")
        }
    }

    /// Requests cancellation. With a `deadline`, waits until the workflow
    /// closes and terminates it if it is still open when the deadline passes.
    public func cancel(workflowId: String, runId: String = "", reason: String = "", deadline: Duration? = nil,
                       namespace: String? = nil) async throws(ClientError) {
        let request = RequestCancelWorkflowExecutionRequest(
            namespace: namespace ?? self.namespace, execution: WorkflowExecution(workflowId: workflowId, runId: runId),
            identity: identity, requestId: randomUUID(), reason: reason)
        do {
            try await service.requestCancelWorkflowExecution(request)
        } catch {
            throw ClientError(error, doing: "cancel \(workflowId)")
        }
        guard let deadline else { return }
        let closed = await waitClosed(workflowId: workflowId, runId: runId, timeout: deadline, namespace: namespace)
        if !closed {
            try await terminate(workflowId: workflowId, runId: runId,
                                reason: "not closed within the cancellation deadline of \(deadline)",
                                namespace: namespace)
        }
    }

    /// Terminates a workflow's current run (or `runId`).
    public func terminate(workflowId: String, runId: String = "", reason: String = "",
                          namespace: String? = nil) async throws(ClientError) {
        let request = TerminateWorkflowExecutionRequest(
            namespace: namespace ?? self.namespace, execution: WorkflowExecution(workflowId: workflowId, runId: runId),
            reason: reason, identity: identity)
        do {
            try await service.terminateWorkflowExecution(request)
        } catch {
            throw ClientError(error, doing: "terminate \(workflowId)")
        }
    }

    /// Whether the run closed within `timeout` (any outcome counts).
    func waitClosed(workflowId: String, runId: String, timeout: Duration, namespace: String?) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                do throws(ClientError) {
                    _ = try await self.closeEvent(workflowId: workflowId, runId: runId,
                                                  namespace: namespace ?? self.namespace)
                    return true
                } catch {
                    return error.kind == "NOT_FOUND"
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}

/// A random (version 4) UUID in lowercase, as workflow and request ids.
func randomUUID() -> String {
    var generator = SystemRandomNumberGenerator()
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[6] = bytes[6] & 0x0F | 0x40   // version 4
    bytes[8] = bytes[8] & 0x3F | 0x80   // RFC 4122 variant
    let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
    return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
}
