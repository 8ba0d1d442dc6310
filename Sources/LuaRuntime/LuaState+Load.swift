internal import CLua
internal import CLuaShim

extension LuaState {
    /// Compiles `source` (text only; binary chunks are refused) into a
    /// function.
    ///
    /// - Parameters:
    ///   - chunkName: how errors name the chunk; `order.lua` or `@order.lua`
    ///     both make errors read `order.lua:12: ...`; `=name` is used verbatim.
    ///   - env: the table the chunk sees as `_ENV` (globals); `nil` means
    ///     the state's real global table.
    ///   - stripDebugInfo: drop line numbers and local names once compiled
    ///     (Moonflow's own preludes: a third of their memory in every
    ///     state; their frames then show no position, and errors raised in
    ///     them no `chunk:line:` prefix). Not for user code.
    /// - Throws: `LuaError` of kind `.syntax` (or `.memory`).
    public func load(source: String, chunkName: String, env: LuaRef? = nil,
                     stripDebugInfo: Bool = false) throws(LuaError) -> LuaRef {
        let name = chunkName.hasPrefix("@") || chunkName.hasPrefix("=") ? chunkName : "@" + chunkName
        if let env { guard env.type == .table else {
            throw LuaError(kind: .runtime, message: "load: env must be a table, got \(env.type)")
        } }
        try ensureStack(L, 3)
        var text = source
        let status = entering(L) {
            text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    luaL_loadbufferx(L, chars.baseAddress, chars.count, name, "t")
                }
            }
        }
        guard status == LUA_OK else {
            let error = makeError(status: status, on: L, traceback: "")
            mfl_pop(L, 1)
            throw error
        }
        if stripDebugInfo {
            let stripped = entering(L) { mfl_stripfunction(L) }
            guard stripped == LUA_OK else {
                let error = makeError(status: stripped, on: L, traceback: "")
                mfl_pop(L, 2)
                throw error
            }
        }
        defer { mfl_pop(L, 1) }
        if let env {
            try push(ref: env, on: L)
            if lua_setupvalue(L, -2, 1) == nil { mfl_pop(L, 1) }
        }
        return makeRef(at: -1, on: L)
    }
}
