internal import CLua
internal import CLuaShim

/// Bookkeeping around every entry into Lua code (`call`, `resume`, `load`).
extension LuaState {
    /// Runs `body` with the budget armed on `thread` and the memory limit
    /// enforced. The budget's counter restarts at the outermost entry.
    func entering<T>(_ thread: OpaquePointer, _ body: () -> T) -> T {
        if entryDepth == 0 { mfl_resetbudget(L) }
        let enforced = runtime.pointee.enforceLimit
        entryDepth += 1
        mfl_armhook(thread)
        runtime.pointee.enforceLimit = 1
        defer {
            runtime.pointee.enforceLimit = enforced
            entryDepth -= 1
        }
        return body()
    }

    /// Limits the Lua instructions run by each subsequent outermost `call`
    /// or `resume` (`nil`: no limit). When the budget runs out the hook
    /// raises "instruction budget exceeded (N instructions): possible
    /// infinite loop" and keeps raising on every instruction, so `pcall`
    /// inside Lua cannot swallow it; the entry fails with
    /// `LuaError.Kind.budgetExceeded`.
    public func setInstructionBudget(_ budget: Int?) {
        mfl_setbudget(L, Int64(max(0, budget ?? 0)))
    }

    /// The instruction budget (`nil`: none).
    public var instructionBudget: Int? {
        runtime.pointee.budget > 0 ? Int(runtime.pointee.budget) : nil
    }

    /// Instructions counted since the last outermost entry (approximate:
    /// counted in steps of the hook granularity; 0 without a budget).
    public var instructionsExecuted: Int { Int(runtime.pointee.executed) }
}
