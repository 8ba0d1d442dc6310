import Dispatch
import Handoff

/// Runs closures one at a time on a serial dispatch queue, off the Swift
/// cooperative pool, and owns a context (typically a `LuaState` and what
/// was loaded into it) that only those closures touch.
///
/// This is how a `LuaState` keeps its single owner: every access goes
/// through `run`, so two closures never use the state at once, and Lua
/// work (which may run long) never blocks the threads that drive gRPC.
public final class LuaExecutor<Context>: @unchecked Sendable {
    // @unchecked: `context` is only read or written inside closures running
    // on `queue`, which is serial.
    private let queue: DispatchQueue
    private var context: Context

    /// - Parameters:
    ///   - label: the queue's name (shows in debuggers and crash logs).
    ///   - context: takes ownership.
    public init(label: String, context: Context) {
        self.queue = DispatchQueue(label: label)
        self.context = context
    }

    /// Runs `body` with exclusive access to the context.
    public func run<T: Sendable>(_ body: @escaping @Sendable (inout Context) -> T) async -> T {
        await withUnsafeContinuation { (continuation: UnsafeContinuation<T, Never>) in
            queue.async {
                let result = body(&self.context)
                // The caller's steps up to its next wait may run on this
                // thread (see HandoffExecutor); Lua is done by now.
                HandoffZone.resuming { continuation.resume(returning: result) }
            }
        }
    }
}
