internal import CLuaShim

/// A Lua value anchored in the registry of a `LuaState` so the collector
/// keeps it alive: typically a table, function or thread.
///
/// The anchor is released by `release()` or, at the latest, when the last
/// Swift reference to the `LuaRef` goes away. A `LuaRef` belongs to the
/// thread of its `LuaState` and becomes inert once the state is closed.
public final class LuaRef {
    weak var state: LuaState?
    private(set) var reference: Int32
    /// The type of the referenced value.
    public let type: LuaType

    init(state: LuaState, reference: Int32, type: LuaType) {
        self.state = state
        self.reference = reference
        self.type = type
    }

    /// Whether `release()` was called.
    public var isReleased: Bool { reference == mfl_noref() }

    /// Drops the registry anchor now. Later uses of this handle fail with a
    /// `LuaError` of kind `.runtime`. Calling it twice is harmless.
    public func release() {
        guard !isReleased else { return }
        if let state { mfl_unref(state.L, reference) }
        reference = mfl_noref()
    }

    deinit { release() }
}
