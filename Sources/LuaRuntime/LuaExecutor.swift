import Dispatch
import Handoff
import Synchronization

/// Runs closures one at a time, off the Swift cooperative pool, and owns a
/// context (typically a `LuaState` and what was loaded into it) that only
/// those closures touch.
///
/// This is how a `LuaState` keeps its single owner: every access goes
/// through `run`, so two closures never use the state at once, and Lua
/// work (which may run long) never blocks the threads that drive gRPC.
///
/// Where a closure runs: when `run` is called on a gRPC poller thread that
/// may be lent (`PollerLoan`: another poller stays free) and the executor
/// is idle, right there, without a thread hop. Otherwise on the executor's
/// serial dispatch queue, in the order the closures came.
public final class LuaExecutor<Context>: @unchecked Sendable {
    // @unchecked: `context` is only touched by the closure that owns the
    // executor (`state.running`), on the queue or on a lent poller thread;
    // the Mutex orders one owner's end before the next one's start.
    private let queue: DispatchQueue
    private var context: Context
    private let state = Mutex(State())

    private struct State {
        /// A closure owns the context (running, or about to on the queue).
        var running = false
        /// Closures waiting for the context, oldest first.
        var waiting = FIFO<@Sendable () -> Void>()
    }

    /// - Parameters:
    ///   - label: the queue's name (shows in debuggers and crash logs).
    ///   - context: takes ownership.
    public init(label: String, context: Context) {
        self.queue = DispatchQueue(label: label)
        self.context = context
    }

    /// Runs `body` with exclusive access to the context.
    public func run<T: Sendable>(_ body: @escaping @Sendable (inout Context) -> T) async -> T {
        if let result = PollerLoan.run(when: claim, { runHere(body) }) { return result }
        return await withUnsafeContinuation { (continuation: UnsafeContinuation<T, Never>) in
            enqueue {
                let result = body(&self.context)
                // The caller's steps up to its next wait may run on this
                // thread (see HandoffExecutor); Lua is done by now.
                HandoffZone.resuming { continuation.resume(returning: result) }
            }
        }
    }

    /// Takes the context for a job run on this thread; false when busy.
    private func claim() -> Bool {
        state.withLock { s -> Bool in
            guard !s.running else { return false }
            s.running = true
            return true
        }
    }

    /// Runs `body` on this thread (after `claim()`), then gives the context
    /// up, or hands it to the queue when jobs came meanwhile: this thread
    /// is a poller, lent for one job.
    private func runHere<T>(_ body: (inout Context) -> T) -> T {
        let result = body(&context)
        let more = state.withLock { s -> Bool in
            if s.waiting.count > 0 { return true }
            s.running = false
            return false
        }
        if more { queue.async { self.drain() } }
        return result
    }

    /// Closures waiting for the context (tests).
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        let start = state.withLock { s -> Bool in
            s.waiting.push(job)
            guard !s.running else { return false }
            s.running = true
            return true
        }
        if start { queue.async { self.drain() } }
    }

    /// Runs waiting closures until none is left, then gives the context up.
    private func drain() {
        while let job = state.withLock({ s -> (@Sendable () -> Void)? in
            guard let job = s.waiting.pop() else {
                s.running = false
                return nil
            }
            return job
        }) {
            job()
        }
    }
}
