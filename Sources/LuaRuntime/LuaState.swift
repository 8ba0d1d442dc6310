internal import CLua
internal import CLuaShim
import TemporalModel

/// One Lua 5.4 state with the standard libraries open, the instruction
/// budget hook installed and a table of Swift host functions.
///
/// A `LuaState` is **confined to one thread** (or one actor): neither it nor
/// the `LuaRef`s it hands out may be used from two threads, which is why it
/// is not `Sendable`. `deinit` closes the state; `LuaRef`s that outlive it
/// become inert.
///
/// Lua code runs only through `call` and `resume` (protected mode). Errors
/// raised by Lua, by host functions or by the instruction budget surface as
/// `LuaError`; no Lua error ever unwinds a Swift frame.
public final class LuaState {
    /// The main thread. Borrowed by every helper; owned (closed) by `deinit`.
    let L: OpaquePointer
    /// The runtime record shared with C (allocator, budget, PRNG, dispatcher).
    let runtime: UnsafeMutablePointer<mfl_Runtime>
    /// Host function bodies by id; the trampoline's upvalue is the id.
    var hostFunctions: [HostFunction] = []
    /// Nesting depth of `call`/`resume`; the budget resets at depth 0.
    var entryDepth = 0

    /// Creates a state.
    /// - Parameter memoryLimit: bytes Lua code may allocate in total
    ///   (`nil`: unlimited); see `memoryLimit`.
    public init(memoryLimit: Int? = nil) throws(LuaError) {
        runtime = .allocate(capacity: 1)
        runtime.initialize(to: mfl_Runtime())
        // A capture-free closure, so it converts to a C function pointer.
        let dispatcher: mfl_Dispatcher = { L, context, id in
            guard let L, let context else { return Int32(MFL_RAISE) }
            let state = Unmanaged<LuaState>.fromOpaque(context).takeUnretainedValue()
            return state.dispatch(thread: L, id: Int(id))
        }
        // `self` is not fully initialised yet: install the context afterwards.
        guard let state = mfl_newstate(runtime, dispatcher, nil) else {
            runtime.deinitialize(count: 1)
            runtime.deallocate()
            throw LuaError(kind: .memory, message: "cannot create a Lua state")
        }
        L = state
        runtime.pointee.context = Unmanaged.passUnretained(self).toOpaque()
        self.memoryLimit = memoryLimit
    }

    deinit {
        runtime.pointee.context = nil // finalizers run by lua_close cannot reach Swift
        runtime.pointee.budget = 0
        runtime.pointee.enforceLimit = 0
        lua_close(L)
        runtime.deinitialize(count: 1)
        runtime.deallocate()
    }

    /// Bytes currently allocated by this state.
    public var memoryInUse: Int { Int(runtime.pointee.memoryInUse) }

    /// Upper bound for `memoryInUse` while Lua code runs (`nil`: none).
    /// Exceeding it raises a Lua memory error (`LuaError.Kind.memory`).
    /// Host functions and the host's own pushes are exempt, so an allocation
    /// failure never reaches a Swift frame.
    public var memoryLimit: Int? {
        get { runtime.pointee.memoryLimit == 0 ? nil : Int(runtime.pointee.memoryLimit) }
        set { runtime.pointee.memoryLimit = max(0, newValue ?? 0) }
    }

    /// The registry table's pseudo index.
    var registryIndex: Int32 { mfl_registryindex() }
}
