internal import CLua
internal import CLuaShim

extension LuaState {
    /// Builds a base environment for workflow code (share it between
    /// instances through `makeEnvironment(base:)`).
    ///
    /// It holds the basic functions, `string`, `table`, `utf8`, `coroutine`
    /// and `math` (copies), with these differences:
    /// - `pairs` iterates in a deterministic order (numbers ascending, then
    ///   strings by bytes, then booleans; other key types raise) and honours
    ///   `__pairs`. `next` keeps Lua's (process-dependent) order.
    /// - `math.random` / `math.randomseed(n)` use the state's deterministic
    ///   generator (`randomState`); `math.randomseed()` without a seed raises.
    /// - `os.time()` is `floor(clock())`, `os.clock()` is `clock()`,
    ///   `os.date` formats in UTC at the clock's time, `os.time(t)` reads `t`
    ///   as UTC.
    /// - `io`, `debug`, `package`, `os.execute`, `os.remove`, `os.rename`,
    ///   `os.tmpname`, `os.getenv`, `os.exit`, `os.setlocale`, `loadfile`,
    ///   `dofile`, `require` raise an error naming them and saying why.
    /// - `setmetatable` refuses metatables with `__gc` (finalizers run at
    ///   nondeterministic times).
    /// - `load` accepts text only and defaults `env` to the caller's `_ENV`;
    ///   `collectgarbage` only accepts "collect", "step", "count", "isrunning".
    ///
    /// - Parameter clock: the workflow clock in seconds since the Unix epoch,
    ///   called on the state's thread whenever Lua reads the time.
    public func makeWorkflowSandbox(clock: @escaping () -> Double) throws(LuaError) -> LuaRef {
        let clockFunction = try makeFunction { frame in
            frame.push(.number(clock()))
            return .results(1)
        }
        defer { clockFunction.release() }
        return try buildSandbox(kind: "workflow", clock: .ref(clockFunction))
    }

    /// Builds a base environment for activity code: the full standard
    /// library (library tables copied) and standard `pairs`, except
    /// `os.exit`, `os.setlocale` and `debug.sethook`, which raise.
    public func makeActivitySandbox() throws(LuaError) -> LuaRef {
        try buildSandbox(kind: "activity", clock: .nil)
    }

    private func buildSandbox(kind: String, clock: LuaValue) throws(LuaError) -> LuaRef {
        let builder = try load(source: SandboxBuilder.source, chunkName: SandboxBuilder.chunkName, stripDebugInfo: true)
        defer { builder.release() }
        let primitives = try makePrimitives()
        defer { primitives.release() }
        let results = try call(builder, [.ref(primitives), .string(kind), clock])
        guard let env = results.first?.ref, env.type == .table else {
            throw LuaError(kind: .runtime, message: "sandbox builder returned no table")
        }
        return env
    }

    private func makePrimitives() throws(LuaError) -> LuaRef {
        try ensureStack(L, 2)
        let status = mfl_cpcall(L, mfl_openprimitives, 0, 1)
        guard status == LUA_OK else {
            let error = makeError(status: status, on: L, traceback: "")
            mfl_pop(L, 1)
            throw error
        }
        defer { mfl_pop(L, 1) }
        return makeRef(at: -1, on: L)
    }
}
