internal import CLua
internal import CLuaShim

extension LuaState {
    /// Creates a Lua function that runs `body`.
    ///
    /// Lua calls a C trampoline which calls `body`; an `.error` result is
    /// raised by the trampoline after `body` has returned, so Lua errors never
    /// unwind Swift frames. `body` may call `call`/`resume` on this state.
    /// The body is kept for the state's lifetime.
    public func makeFunction(_ body: @escaping HostFunction) throws(LuaError) -> LuaRef {
        try ensureStack(L, 2)
        hostFunctions.append(body)
        mfl_pushhostfunction(L, Int32(hostFunctions.count - 1))
        defer { mfl_pop(L, 1) }
        return makeRef(at: -1, on: L)
    }

    /// Stores a host function as `table[name]` (raw set).
    public func registerFunction(in table: LuaRef, name: String,
                                 _ body: @escaping HostFunction) throws(LuaError) {
        let function = try makeFunction(body)
        defer { function.release() }
        try setField(table, name, .ref(function))
    }

    /// Called by the trampoline (through the C dispatcher) on `thread`.
    func dispatch(thread: OpaquePointer, id: Int) -> Int32 {
        guard hostFunctions.indices.contains(id) else {
            return raise("host function #\(id) is not registered", on: thread)
        }
        let body = hostFunctions[id]
        let frame = LuaCallFrame(state: self, thread: thread)
        let top = lua_gettop(thread)
        let result = body(frame)
        if let failure = frame.pushFailure { return raise(failure.message, on: thread) }
        switch result {
        case .results(let n):
            let pushed = lua_gettop(thread) - top
            guard n >= 0, Int32(clamping: n) <= pushed else {
                return raise("host function returned \(n) results but pushed \(pushed)", on: thread)
            }
            return Int32(n)
        case .values(let values):
            for value in values {
                do { try push(value, on: thread) } catch { return raise(error.message, on: thread) }
            }
            return Int32(values.count)
        case .error(let message):
            return raise(message, on: thread)
        case .errorValue(let value):
            do { try push(value, on: thread) } catch { return raise(error.message, on: thread) }
            return Int32(MFL_RAISE)
        }
    }

    private func raise(_ message: String, on thread: OpaquePointer) -> Int32 {
        if lua_checkstack(thread, 2) == 0 { lua_settop(thread, 0) }
        push(string: message, on: thread)
        return Int32(MFL_RAISE_WHERE)
    }
}
