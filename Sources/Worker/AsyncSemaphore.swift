import Synchronization

/// A counting semaphore for async code: bounds how many tasks of one kind
/// (workflow tasks, activities) a worker runs at once.
final class AsyncSemaphore: Sendable {
    private struct State {
        var available: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state: Mutex<State>

    init(_ permits: Int) { state = Mutex(State(available: max(1, permits))) }

    func acquire() async {
        // A free permit is taken without suspending (a suspension costs a
        // trip through the executor).
        if tryAcquire() { return }
        await withCheckedContinuation { (cont: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { s -> Bool in
                if s.available > 0 { s.available -= 1; return true }
                s.waiters.append(cont)
                return false
            }
            if resumeNow { cont.resume() }
        }
    }

    /// Takes a permit if one is free right now.
    func tryAcquire() -> Bool {
        state.withLock { s in
            guard s.available > 0 else { return false }
            s.available -= 1
            return true
        }
    }

    func release() {
        let next = state.withLock { s -> CheckedContinuation<Void, Never>? in
            if s.waiters.isEmpty { s.available += 1; return nil }
            return s.waiters.removeFirst()
        }
        next?.resume()
    }

    /// Permits in use right now (for logs and metrics).
    func inUse(of total: Int) -> Int { total - state.withLock { $0.available } }
}
