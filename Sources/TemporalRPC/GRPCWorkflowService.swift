import TemporalModel
import TemporalWire

/// `WorkflowService` over a `GRPCChannel`.
///
/// Deadlines: polls 70 s, `GetWorkflowExecutionHistory` with `waitNewEvent`
/// 65 s, everything else 10 s (see `Timeouts`). Non-poll calls are retried
/// on transient codes (`RetryBackoff.isRetryable`) with `retry`; polls are
/// not retried here, the worker loop decides. Every error is an `RPCError`.
public struct GRPCWorkflowService: WorkflowService {
    /// Per-kind call deadlines.
    public struct Timeouts: Sendable, Hashable {
        /// `PollWorkflowTaskQueue` / `PollActivityTaskQueue`. The server
        /// answers empty about 1 s before this deadline and rejects deadlines
        /// of about 2 s or less with FAILED_PRECONDITION; use 3 s or more.
        public var poll: Duration
        /// `GetWorkflowExecutionHistory` with `waitNewEvent`.
        public var historyLongPoll: Duration
        /// All other calls (per attempt).
        public var standard: Duration
        public init(poll: Duration = .seconds(70), historyLongPoll: Duration = .seconds(65),
                    standard: Duration = .seconds(10)) {
            self.poll = poll
            self.historyLongPoll = historyLongPoll
            self.standard = standard
        }
    }

    /// The channel all calls go through.
    public let channel: GRPCChannel
    /// Call deadlines.
    public var timeouts: Timeouts
    /// Retry policy for non-poll calls.
    public var retry: RetryBackoff

    public init(channel: GRPCChannel, timeouts: Timeouts = .init(), retry: RetryBackoff = .init()) {
        self.channel = channel
        self.timeouts = timeouts
        self.retry = retry
    }

    /// Creates the channel from `config` as well.
    public init(config: ConnectionConfig, timeouts: Timeouts = .init(), retry: RetryBackoff = .init())
        throws(RPCError) {
        self.init(channel: try GRPCChannel(config: config), timeouts: timeouts, retry: retry)
    }

    // MARK: Workflow tasks

    public func pollWorkflowTaskQueue(_ request: PollWorkflowTaskQueueRequest) async throws -> WorkflowTask {
        let m = Method.pollWorkflowTaskQueue
        let bytes = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .poll)
        return try decode(m) { () throws(WireError) in try WorkflowTask(wireBytes: bytes) }
    }

    public func respondWorkflowTaskCompleted(_ request: RespondWorkflowTaskCompletedRequest) async throws
        -> RespondWorkflowTaskCompletedResponse {
        let m = Method.respondWorkflowTaskCompleted
        let bytes = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
        return try decode(m) { () throws(WireError) in try RespondWorkflowTaskCompletedResponse(wireBytes: bytes) }
    }

    public func respondWorkflowTaskFailed(_ request: RespondWorkflowTaskFailedRequest) async throws {
        let m = Method.respondWorkflowTaskFailed
        _ = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
    }

    public func getWorkflowExecutionHistory(_ request: GetWorkflowExecutionHistoryRequest) async throws
        -> GetWorkflowExecutionHistoryResponse {
        let m = Method.getWorkflowExecutionHistory
        let kind: CallKind = request.waitNewEvent ? .historyLongPoll : .standard
        let bytes = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, kind)
        return try decode(m) { () throws(WireError) in try GetWorkflowExecutionHistoryResponse(wireBytes: bytes) }
    }

    public func respondQueryTaskCompleted(_ request: RespondQueryTaskCompletedRequest) async throws {
        let m = Method.respondQueryTaskCompleted
        _ = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
    }

    // MARK: Activity tasks

    public func pollActivityTaskQueue(_ request: PollActivityTaskQueueRequest) async throws -> ActivityTask {
        let m = Method.pollActivityTaskQueue
        let bytes = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .poll)
        return try decode(m) { () throws(WireError) in try ActivityTask(wireBytes: bytes) }
    }

    public func respondActivityTaskCompleted(_ request: RespondActivityTaskCompletedRequest) async throws {
        let m = Method.respondActivityTaskCompleted
        _ = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
    }

    public func respondActivityTaskFailed(_ request: RespondActivityTaskFailedRequest) async throws {
        let m = Method.respondActivityTaskFailed
        _ = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
    }

    public func respondActivityTaskCanceled(_ request: RespondActivityTaskCanceledRequest) async throws {
        let m = Method.respondActivityTaskCanceled
        _ = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
    }

    public func recordActivityTaskHeartbeat(_ request: RecordActivityTaskHeartbeatRequest) async throws
        -> RecordActivityTaskHeartbeatResponse {
        let m = Method.recordActivityTaskHeartbeat
        let bytes = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
        return try decode(m) { () throws(WireError) in try RecordActivityTaskHeartbeatResponse(wireBytes: bytes) }
    }

    // MARK: Client calls

    public func startWorkflowExecution(_ request: StartWorkflowExecutionRequest) async throws
        -> StartWorkflowExecutionResponse {
        let m = Method.startWorkflowExecution
        let bytes = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
        return try decode(m) { () throws(WireError) in try StartWorkflowExecutionResponse(wireBytes: bytes) }
    }

    public func signalWorkflowExecution(_ request: SignalWorkflowExecutionRequest) async throws {
        let m = Method.signalWorkflowExecution
        _ = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
    }

    public func signalWithStartWorkflowExecution(_ request: SignalWithStartWorkflowExecutionRequest) async throws
        -> SignalWithStartWorkflowExecutionResponse {
        let m = Method.signalWithStartWorkflowExecution
        let bytes = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
        return try decode(m) { () throws(WireError) in try SignalWithStartWorkflowExecutionResponse(wireBytes: bytes) }
    }

    public func requestCancelWorkflowExecution(_ request: RequestCancelWorkflowExecutionRequest) async throws {
        let m = Method.requestCancelWorkflowExecution
        _ = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
    }

    public func terminateWorkflowExecution(_ request: TerminateWorkflowExecutionRequest) async throws {
        let m = Method.terminateWorkflowExecution
        _ = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
    }

    public func describeNamespace(_ namespace: String) async throws -> NamespaceDescription {
        let m = Method.describeNamespace
        let bytes = try await call(m, DescribeNamespaceWire.request(namespace: namespace), .standard)
        return try decode(m) { () throws(WireError) in try NamespaceDescription(wireBytes: bytes) }
    }

    public func shutdownWorker(_ request: ShutdownWorkerRequest) async throws {
        let m = Method.shutdownWorker
        _ = try await call(m, try encode(m) { () throws(WireError) in try request.wireBytes() }, .standard)
    }

    // MARK: Plumbing

    enum CallKind { case poll, historyLongPoll, standard }

    /// Sends one call; non-poll calls retry transient failures within the budget.
    func call(_ method: Method, _ request: [UInt8], _ kind: CallKind) async throws(RPCError) -> [UInt8] {
        switch kind {
        case .poll:
            return try await channel.unary(method: method.path, request: request, timeout: timeouts.poll)
        case .historyLongPoll:
            return try await withRetry(method) { () async throws(RPCError) in
                try await channel.unary(method: method.path, request: request, timeout: timeouts.historyLongPoll)
            }
        case .standard:
            return try await withRetry(method) { () async throws(RPCError) in
                try await channel.unary(method: method.path, request: request, timeout: timeouts.standard)
            }
        }
    }

    private func withRetry(_ method: Method, _ attempt: () async throws(RPCError) -> [UInt8])
        async throws(RPCError) -> [UInt8] {
        let clock = ContinuousClock()
        let start = clock.now
        var retries = 0
        while true {
            do {
                return try await attempt()
            } catch {
                guard RetryBackoff.isRetryable(error.code),
                      let delay = retry.nextDelay(attempt: retries, elapsed: clock.now - start,
                                                  random: Double.random(in: 0..<1))
                else { throw error }
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw RPCError(code: .cancelled, message: "cancelled while waiting to retry", method: method.name)
                }
                retries += 1
            }
        }
    }

    private func encode(_ method: Method, _ body: () throws(WireError) -> [UInt8]) throws(RPCError) -> [UInt8] {
        do { return try body() } catch { throw RPCError(code: .encoding, message: "\(error)", method: method.name) }
    }

    private func decode<T>(_ method: Method, _ body: () throws(WireError) -> T) throws(RPCError) -> T {
        do { return try body() } catch { throw RPCError(code: .encoding, message: "\(error)", method: method.name) }
    }
}
