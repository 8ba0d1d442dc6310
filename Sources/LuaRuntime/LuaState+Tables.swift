internal import CLua
internal import CLuaShim

/// Raw table access for the host (no metamethods, so nothing can raise).
extension LuaState {
    /// A new empty table.
    public func newTable() throws(LuaError) -> LuaRef {
        try ensureStack(L, 1)
        mfl_newtable(L)
        defer { mfl_pop(L, 1) }
        return makeRef(at: -1, on: L)
    }

    /// The state's real global table (not a sandbox).
    public func globals() throws(LuaError) -> LuaRef {
        try ensureStack(L, 1)
        mfl_pushglobaltable(L)
        defer { mfl_pop(L, 1) }
        return makeRef(at: -1, on: L)
    }

    /// `rawset(table, name, value)`.
    public func setField(_ table: LuaRef, _ name: String, _ value: LuaValue) throws(LuaError) {
        try withTable(table) { () throws(LuaError) in
            push(string: name, on: L)
            try push(value, on: L)
            lua_rawset(L, -3)
        }
    }

    /// `rawget(table, name)`.
    public func field(_ table: LuaRef, _ name: String) throws(LuaError) -> LuaValue {
        try withTable(table) { () throws(LuaError) in
            push(string: name, on: L)
            lua_rawget(L, -2)
            return value(at: -1, on: L)
        }
    }

    /// Sets (or with `nil` removes) the metatable of `table`.
    public func setMetatable(_ table: LuaRef, _ metatable: LuaRef?) throws(LuaError) {
        try withTable(table) { () throws(LuaError) in
            if let metatable {
                guard metatable.type == .table else {
                    throw LuaError(kind: .runtime, message: "a metatable must be a table")
                }
                try push(ref: metatable, on: L)
            } else {
                lua_pushnil(L)
            }
            lua_setmetatable(L, -2)
        }
    }

    /// A per-instance environment: a new table whose `_G` is itself and whose
    /// metatable `__index`es `base` (e.g. a sandbox), so globals written by
    /// one instance stay in its own table.
    public func makeEnvironment(base: LuaRef) throws(LuaError) -> LuaRef {
        let env = try newTable()
        let meta = try newTable()
        defer { meta.release() }
        try setField(meta, "__index", .ref(base))
        try setMetatable(env, meta)
        try setField(env, "_G", .ref(env))
        return env
    }

    private func withTable<T>(_ table: LuaRef, _ body: () throws(LuaError) -> T) throws(LuaError) -> T {
        guard table.type == .table else {
            throw LuaError(kind: .runtime, message: "expected a table, got \(table.type)")
        }
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try ensureStack(L, 4)
        try push(ref: table, on: L)
        return try body()
    }
}
