import Client
import LuaRuntime
import Registry
import TemporalModel

/// What the activity `process` global needs from the daemon: the client
/// of the worker's connection and the registry to resolve entry ids.
public struct ProcessServices: Sendable {
    public let client: WorkflowClient
    public let targets: WorkflowTargets

    public init(client: WorkflowClient, registry: Registry) {
        self.client = client
        self.targets = WorkflowTargets(registry: registry)
    }
}

/// The host functions behind the activity `process` global
/// (`ActivityProcessPrelude`). Confined to one activity executor; each
/// call blocks that executor's thread while the client call runs.
final class ProcessHost {
    private let services: ProcessServices?
    let monitors = ProcessMonitors()
    /// The registry namespace of the running entry: unqualified ids resolve there.
    var entryNamespace: String?

    init(services: ProcessServices?) { self.services = services }

    func register(in table: LuaRef, lua: LuaState) throws(LuaError) {
        try lua.registerFunction(in: table, name: "process_start") { [unowned self] frame in
            self.respond { () throws(ClientError) in
                let (services, request) = try self.startRequest(frame)
                let started = try Self.waitFor { () async throws(ClientError) in try await services.client.start(request) }
                return .object(["pid": .string(started.workflowId), "run_id": .string(started.runId),
                                "started": .bool(started.started)])
            }
        }
        try lua.registerFunction(in: table, name: "process_exec") { [unowned self] frame in
            self.respond { () throws(ClientError) in
                let (services, request) = try self.startRequest(frame)
                let outcome = try Self.waitFor { () async throws(ClientError) -> WorkflowOutcome in
                    let started = try await services.client.start(request)
                    return try await services.client.result(workflowId: started.workflowId, runId: started.runId,
                                                            namespace: started.namespace)
                }
                switch outcome {
                case .completed(let value): return value
                case .failed(let error): throw ClientError(kind: error.kind, message: error.message,
                                                           retryable: error.retryable ?? false)
                }
            }
        }
        try lua.registerFunction(in: table, name: "process_send") { [unowned self] frame in
            self.respond { () throws(ClientError) in
                let services = try self.available()
                let pid = frame.string(at: 1) ?? "", topic = frame.string(at: 2) ?? ""
                let from = frame.string(at: 3)
                var args: [JSONValue] = []
                if frame.argumentCount >= 4 {
                    for i in 4...frame.argumentCount { args.append(try Self.json(frame, i, "process.send data")) }
                }
                let payload = args
                try Self.waitFor { () async throws(ClientError) in
                    try await services.client.signal(workflowId: pid, topic: topic, args: payload, from: from)
                }
                return .bool(true)
            }
        }
        try lua.registerFunction(in: table, name: "process_cancel") { [unowned self] frame in
            self.respond { () throws(ClientError) in
                let services = try self.available()
                let pid = frame.string(at: 1) ?? ""
                var deadline: Duration?
                if frame.argumentCount >= 2, frame.type(at: 2) != .nil {
                    let d = try StartOptions.parseDuration(try Self.json(frame, 2, "deadline"), name: "process.cancel deadline")
                    deadline = .nanoseconds(d.nanoseconds)
                }
                let limit = deadline
                try Self.waitFor { () async throws(ClientError) in
                    try await services.client.cancel(workflowId: pid, reason: "cancelled by an activity", deadline: limit)
                }
                return .bool(true)
            }
        }
        try lua.registerFunction(in: table, name: "process_terminate") { [unowned self] frame in
            self.respond { () throws(ClientError) in
                let services = try self.available()
                let pid = frame.string(at: 1) ?? "", reason = frame.string(at: 2) ?? ""
                try Self.waitFor { () async throws(ClientError) in
                    try await services.client.terminate(workflowId: pid, reason: reason)
                }
                return .bool(true)
            }
        }
        try lua.registerFunction(in: table, name: "process_watch") { [unowned self] frame in
            self.respond { () throws(ClientError) in
                let services = try self.available()
                self.monitors.watch(frame.string(at: 1) ?? "monitor", pid: frame.string(at: 2) ?? "",
                                    client: services.client)
                return .bool(true)
            }
        }
        try lua.registerFunction(in: table, name: "process_unwatch") { [unowned self] frame in
            self.respond { () throws(ClientError) in
                self.monitors.unwatch(frame.string(at: 1) ?? "monitor", pid: frame.string(at: 2) ?? "")
                return .bool(true)
            }
        }
        try lua.registerFunction(in: table, name: "process_receive") { [unowned self] frame in
            self.respond { () throws(ClientError) in
                var timeout: Duration?
                if frame.argumentCount >= 1, frame.type(at: 1) != .nil {
                    let d = try StartOptions.parseDuration(try Self.json(frame, 1, "timeout"), name: "events:receive timeout")
                    timeout = .nanoseconds(d.nanoseconds)
                }
                return self.monitors.receive(timeout: timeout) ?? .null
            }
        }
    }

    // MARK: Plumbing

    /// `{ok = true, value = ...}` or `{ok = false, error = {kind, message, retryable}}`.
    private func respond(_ body: () throws(ClientError) -> JSONValue) -> HostResult {
        do throws(ClientError) {
            return .values([.json(.object(["ok": .bool(true), "value": try body()]))])
        } catch {
            return .values([.json(.object(["ok": .bool(false), "error": error.errorValue.json]))])
        }
    }

    private func available() throws(ClientError) -> ProcessServices {
        guard let services else {
            throw ClientError(kind: "UNAVAILABLE", message: "process functions need a Temporal client (none configured)")
        }
        return services
    }

    private static func json(_ frame: LuaCallFrame, _ index: Int, _ what: String) throws(ClientError) -> JSONValue {
        do throws(LuaError) {
            return try frame.json(at: index)
        } catch {
            throw .invalid("\(what) cannot travel as a payload: \(error.message)")
        }
    }

    /// Reads `(spec, args...)` of process_start / process_exec.
    private func startRequest(_ frame: LuaCallFrame) throws(ClientError) -> (ProcessServices, StartRequest) {
        let services = try available()
        guard case .object(let spec) = try Self.json(frame, 1, "start spec") else { throw .invalid("bad start spec") }
        var args: [JSONValue] = []
        if frame.argumentCount >= 2 {
            for i in 2...frame.argumentCount { args.append(try Self.json(frame, i, "input argument \(i - 1)")) }
        }
        func string(_ key: String) -> String? { if case .string(let s)? = spec[key] { s } else { nil } }
        let options = try StartOptions.parse(spec["options"].flatMap { $0 == .array([]) ? nil : $0 } ?? .object([:]))
        let target = try services.targets.resolve(entry: string("entry") ?? "", worker: string("worker"),
                                                  defaultNamespace: entryNamespace)
        var context: [String: JSONValue] = [:]
        if case .object(let c)? = spec["context"] { context = c }
        var messages: [StartMessage] = []
        if case .array(let list)? = spec["messages"] {
            for case .object(let m) in list {
                if case .string(let topic)? = m["topic"] { messages.append(StartMessage(topic: topic, data: m["data"] ?? .null)) }
            }
        }
        let request = StartRequest(workflowType: target.workflowType, taskQueue: target.taskQueue, input: args,
                                   options: options, context: context, messages: messages, from: string("from"))
        return (services, request)
    }

    /// Blocks this (executor) thread until the async client work is done.
    private static func waitFor<T: Sendable>(_ body: @escaping @Sendable () async throws(ClientError) -> T)
        throws(ClientError) -> T {
        let result: Result<T, ClientError> = Blocking.run {
            do throws(ClientError) { return .success(try await body()) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
