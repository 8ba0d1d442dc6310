import Dispatch
import Synchronization

/// Runs async client work from a Lua host function: the calling thread is
/// an activity's `LuaExecutor` queue (never a cooperative-pool thread), and
/// it waits on a semaphore while a `Task` does the work on the pool.
enum Blocking {
    static func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
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
