internal import CLua
internal import CLuaShim
import TemporalModel

extension LuaState {
    /// Calls `function` in protected mode on the main thread.
    ///
    /// Tables, functions, threads and userdata among the results come back
    /// anchored as `.ref`. Errors carry the message and a `stack traceback:`.
    /// A call must not yield across this boundary (use `newThread`/`resume`).
    public func call(_ function: LuaRef, _ arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        try call(function, arguments) { first, count in
            (0..<count).map { value(at: first + $0, on: L) }
        }
    }

    /// Like `call`, converting the arguments from and the results to JSON.
    /// The results are named `result`, `result2`, ... in conversion errors.
    public func callJSON(_ function: LuaRef, _ arguments: [JSONValue] = []) throws(LuaError) -> [JSONValue] {
        try call(function, arguments.map { .json($0) }) { first, count throws(LuaError) in
            var results: [JSONValue] = []
            for i in 0..<count {
                results.append(try json(at: first + i, on: L, path: i == 0 ? "result" : "result\(i + 1)"))
            }
            return results
        }
    }

    /// Calls `function` and converts its first result to JSON where it lies
    /// on the stack (`.null` when there is none), without a reference to it.
    /// `path` names the result in conversion errors.
    public func callJSON(_ function: LuaRef, _ arguments: [LuaValue], path: String) throws(LuaError) -> JSONValue {
        try call(function, arguments) { first, count throws(LuaError) in
            count > 0 ? try json(at: first, on: L, path: path) : .null
        }
    }

    private func call<T>(_ function: LuaRef, _ arguments: [LuaValue],
                         results: (_ first: Int32, _ count: Int32) throws(LuaError) -> T) throws(LuaError) -> T {
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        try ensureStack(L, arguments.count + 2)
        mfl_pushcfunction(L, mfl_msghandler)
        try push(ref: function, on: L)
        for argument in arguments { try push(argument, on: L) }
        let status = entering(L) {
            mfl_pcall(L, Int32(arguments.count), LUA_MULTRET, base + 1)
        }
        guard status == LUA_OK else {
            mfl_taketraceback(L)
            let traceback = popString(L)
            throw makeError(status: status, on: L, traceback: traceback)
        }
        return try results(base + 2, lua_gettop(L) - base - 1)
    }
}
