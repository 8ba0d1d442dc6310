internal import CLua
internal import CLuaShim

/// What `resume` observed.
public enum LuaResumeResult {
    /// The coroutine yielded these values; resume it again to continue.
    case yielded([LuaValue])
    /// The coroutine's function returned these values; it is now dead.
    case finished([LuaValue])
}

extension LuaState {
    /// Creates a coroutine (a Lua thread) that will run `function` on its
    /// first `resume`. The count hook of the instruction budget is inherited.
    public func newThread(_ function: LuaRef) throws(LuaError) -> LuaRef {
        guard function.type == .function else {
            throw LuaError(kind: .runtime, message: "newThread needs a function, got \(function.type)")
        }
        try ensureStack(L, 2)
        guard let thread = lua_newthread(L) else {
            throw LuaError(kind: .memory, message: "cannot create a Lua thread")
        }
        defer { mfl_pop(L, 1) }
        try push(ref: function, on: L)
        lua_xmove(L, thread, 1)
        return makeRef(at: -1, on: L)
    }

    /// Whether the coroutine has returned or failed (it cannot be resumed).
    public func isFinished(_ thread: LuaRef) throws(LuaError) -> Bool {
        let co = try threadPointer(thread)
        return mfl_isresumable(co) == 0
    }

    /// Whether `resume` may be called now (suspended at a yield or not
    /// started; not dead, not running, not resuming another coroutine).
    public func isResumable(_ thread: LuaRef) throws(LuaError) -> Bool {
        mfl_isresumable(try threadPointer(thread)) == 1
    }

    /// Resumes the coroutine with `arguments` (passed to its function on the
    /// first resume, returned by `coroutine.yield` afterwards).
    ///
    /// On error the coroutine is reset (to-be-closed variables are closed)
    /// and the `LuaError` carries the coroutine's traceback.
    public func resume(_ thread: LuaRef, _ arguments: [LuaValue] = []) throws(LuaError) -> LuaResumeResult {
        let co = try threadPointer(thread)
        let resumable = mfl_isresumable(co)
        guard resumable == 1 else {
            throw LuaError(kind: .runtime, message: resumable < 0
                ? "cannot resume non-suspended coroutine" : "cannot resume dead coroutine")
        }
        try ensureStack(co, arguments.count + 1)
        let mark = lua_gettop(co)
        for argument in arguments {
            do { try push(argument, on: co) } catch {
                lua_settop(co, mark)
                throw error
            }
        }
        var count: Int32 = 0
        let status = entering(co) {
            lua_resume(co, L, Int32(arguments.count), &count)
        }
        switch status {
        case LUA_OK, LUA_YIELD:
            let first = lua_gettop(co) - count + 1
            let values = (0..<count).map { value(at: first + $0, on: co) }
            mfl_pop(co, count)
            return status == LUA_OK ? .finished(values) : .yielded(values)
        default:
            try ensureStack(L, 1)
            mfl_threadtraceback(L, co)
            let traceback = popString(L)
            let error = makeError(status: status, on: co, traceback: traceback)
            lua_resetthread(co)
            lua_settop(co, 0)
            throw error
        }
    }

    private func threadPointer(_ thread: LuaRef) throws(LuaError) -> OpaquePointer {
        guard thread.type == .thread else {
            throw LuaError(kind: .runtime, message: "expected a thread, got \(thread.type)")
        }
        try push(ref: thread, on: L)
        defer { mfl_pop(L, 1) }
        guard let co = lua_tothread(L, -1) else {
            throw LuaError(kind: .runtime, message: "expected a thread")
        }
        return co
    }
}
