#if canImport(Glibc)
import Glibc
#endif
import LuaRuntime
import Registry
import TemporalModel

/// The activity an `ActivityHost` is running (set around each call).
final class CurrentActivity {
    var context: ActivityContext?
}

/// One `LuaState` with the activity prelude; loads each `function.lua`
/// entry once and calls it per task. Confined to one `LuaExecutor`.
final class ActivityHost {
    let lua: LuaState
    private let loadFunction: LuaRef
    private let callFunction: LuaRef
    private var loaded: [String: LuaRef] = [:]
    /// The host side of the `process` global.
    let process: ProcessHost
    /// The running activity's context (heartbeats, cancellation).
    let current = CurrentActivity()

    init(services: ProcessServices?) throws(LuaError) {
        process = ProcessHost(services: services)
        lua = try LuaState()
        let base = try lua.makeActivitySandbox()
        defer { base.release() }
        let common = try lua.loadCommonModules()
        defer { common.release() }
        let json = try lua.makeJSONModule()
        defer { json.release() }
        let host = try Self.makeHostTable(lua, current: current)
        defer { host.release() }
        try process.register(in: host, lua: lua)
        let preludeChunk = try lua.load(source: ActivityPrelude.source, chunkName: "=moonflow/activity.lua",
                                        stripDebugInfo: true)
        defer { preludeChunk.release() }
        guard let prelude = try lua.call(preludeChunk, [.ref(common), .ref(base), .ref(json), .ref(host),
                                                         .string(ActivityProcessPrelude.source)]).first?.ref,
              let load = try lua.field(prelude, "load").ref, let call = try lua.field(prelude, "call").ref else {
            throw LuaError(kind: .runtime, message: "internal: activity prelude lacks load/call")
        }
        prelude.release()
        loadFunction = load
        callFunction = call
    }

    private static func makeHostTable(_ lua: LuaState, current: CurrentActivity) throws(LuaError) -> LuaRef {
        let host = try lua.newTable()
        try lua.registerFunction(in: host, name: "heartbeat") { frame in
            do {
                current.context?.heartbeat(frame.argumentCount >= 1 ? try frame.json(at: 1) : .null)
                return .results(0)
            } catch {
                return .error("activity.heartbeat: details must be JSON-like (\(error))")
            }
        }
        try lua.registerFunction(in: host, name: "cancel_reason") { _ in
            .values([current.context?.cancelReason.map { .string($0) } ?? .nil])
        }
        try lua.registerFunction(in: host, name: "now_ns") { _ in
            var ts = timespec()
            clock_gettime(CLOCK_REALTIME, &ts)
            return .values([.integer(Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec))])
        }
        try lua.registerFunction(in: host, name: "sleep_ns") { frame in
            // Sleeps in slices so a cancellation cuts the sleep short;
            // returns true when it was cut short.
            var left = max(0, frame.integer(at: 1) ?? 0)
            while left > 0 {
                if current.context?.isInterrupted == true { return .values([.bool(true)]) }
                let slice = min(left, 100_000_000)
                var request = timespec(tv_sec: Int(slice / 1_000_000_000), tv_nsec: Int(slice % 1_000_000_000))
                var remaining = timespec()
                while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
                left -= slice
            }
            return .values([.bool(false)])
        }
        try lua.registerFunction(in: host, name: "getenv") { frame in
            guard let name = frame.string(at: 1), let value = HostProcess.environment[name] else {
                return .values([.nil])
            }
            return .values([.string(value)])
        }
        return host
    }

    /// The loaded function of `entry`, loading it on first use.
    func function(for entry: FunctionEntry, registry: Registry) throws(LuaError) -> LuaRef {
        if let fn = loaded[entry.id] { return fn }
        let spec: JSONValue = .object(registry.luaSpec(for: entry, method: entry.method))
        guard let fn = try lua.call(loadFunction, [.json(spec)]).first?.ref else {
            throw LuaError(kind: .runtime, message: "internal: load returned nothing")
        }
        loaded[entry.id] = fn
        return fn
    }

    /// Calls a loaded function; returns the prelude's `{ok, value | error}`.
    func call(_ fn: LuaRef, info: JSONValue, args: [JSONValue]) throws(LuaError) -> JSONValue {
        try lua.callJSON(callFunction, [.ref(fn), .json(info), .json(.array(args)), .integer(Int64(args.count))],
                         path: "activity result")
    }

}
