import Dispatch
import Handoff
import Synchronization

/// Runs async client work from a Lua host function: the calling thread
/// runs an activity's `LuaExecutor` job (its queue, or a poller thread lent
/// while the other poller drives gRPC; never a cooperative-pool thread),
/// and it waits on a semaphore while a `Task` does the work on the pool.
enum Blocking {
    static func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
        // Never from a hand-off zone: that thread (the gRPC poller, or a
        // Lua executor resuming its caller) may be the one the task needs.
        assert(!HandoffZone.isActive, "Blocking.run inside a HandoffZone")
        let box = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await operation()
            box.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return box.withLock { $0! }
    }
}
