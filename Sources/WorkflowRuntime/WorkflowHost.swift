import LuaRuntime
import Registry
import TemporalModel

/// One `LuaState` with the workflow prelude loaded. Hosts many workflow
/// instances, each in its own environment table. Confined to one
/// `LuaExecutor`: touched by one job at a time (on the executor's queue
/// or on a lent poller thread), never by two threads at once.
final class WorkflowHost {
    let lua: LuaState
    private let newInstance: LuaRef
    private let activateFunction: LuaRef
    private let queryFunction: LuaRef
    /// Instruction budget of one activation (a runaway loop fails the task).
    static let instructionBudget = 200_000_000

    init() throws(LuaError) {
        lua = try LuaState()
        let base = try lua.makeWorkflowSandbox(clock: { 0 })
        defer { base.release() }
        let common = try lua.loadCommonModules()
        defer { common.release() }
        let json = try lua.makeJSONModule()
        defer { json.release() }
        let shared = try lua.newTable()
        defer { shared.release() }
        try lua.setField(shared, "common", .ref(common))
        try lua.setField(shared, "base", .ref(base))
        try lua.setField(shared, "json", .ref(json))
        let host = try lua.newTable()
        defer { host.release() }
        try lua.registerFunction(in: host, name: "random_bytes") { frame in
            let n = max(0, min(frame.int(at: 1) ?? 0, 1 << 20))
            var generator = SystemRandomNumberGenerator()
            return .values([.bytes((0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) })])
        }
        try lua.setField(shared, "host", .ref(host))
        for part in WorkflowPreludeParts.all {
            let chunk = try lua.load(source: part.source, chunkName: "=moonflow/workflow/\(part.name).lua",
                                     stripDebugInfo: true)
            defer { chunk.release() }
            _ = try lua.call(chunk, [.ref(shared)])
        }
        guard let create = try lua.field(shared, "new_instance").ref,
              let activate = try lua.field(shared, "activate").ref,
              let query = try lua.field(shared, "query").ref else {
            throw LuaError(kind: .runtime, message: "internal: workflow prelude lacks new_instance/activate/query")
        }
        newInstance = create
        activateFunction = activate
        queryFunction = query
        lua.setInstructionBudget(Self.instructionBudget)
    }

    /// Each entry's spec table, built once and shared by its instances.
    private var specs: [String: LuaRef] = [:]

    /// Creates an instance of `entry`; its code runs at the first activation.
    func makeInstance(of entry: WorkflowEntry, registry: Registry) throws(LuaError) -> LuaRef {
        let spec: LuaRef
        if let cached = specs[entry.id] {
            spec = cached
        } else {
            spec = try makeSpec(of: entry, registry: registry)
            specs[entry.id] = spec
        }
        guard let instance = try lua.call(newInstance, [.ref(spec)]).first?.ref else {
            throw LuaError(kind: .runtime, message: "internal: new_instance returned nothing")
        }
        return instance
    }

    private func makeSpec(of entry: WorkflowEntry, registry: Registry) throws(LuaError) -> LuaRef {
        var spec = registry.luaSpec(for: entry, method: entry.method)
        spec["namespace"] = .string(entry.namespace)
        spec["workflow_types"] = .object(registry.workflows.mapValues { .string($0.temporalName) })
        spec["worker_queues"] = .object(registry.workers.mapValues { .string($0.effectiveTaskQueue) })
        let table = try lua.newTable()
        for (key, value) in spec.sorted(by: { $0.key < $1.key }) { try lua.setField(table, key, .json(value)) }
        return table
    }

    /// Answers a query from `instance`'s current state; returns the
    /// prelude's `{ok, value | message}`.
    func query(_ instance: LuaRef, name: String, args: [JSONValue]) throws(LuaError) -> JSONValue {
        try lua.callJSON(queryFunction, [.ref(instance), .string(name), .json(.array(args)), .integer(Int64(args.count))],
                         path: "query result")
    }

    /// Runs one activation of `instance`; returns the prelude's answer.
    func activate(_ instance: LuaRef, _ activation: JSONValue) throws(LuaError) -> JSONValue {
        try lua.callJSON(activateFunction, [.ref(instance), .json(activation)], path: "activation")
    }
}
