import Synchronization

/// Lends a gRPC poller thread to the Lua job its reply leads to, so the
/// job runs where the reply landed instead of waking a Lua executor's
/// thread (and the answer's call is started from there too).
///
/// gRPC's completion queue is drained by several poller threads, and any
/// of them waiting in the queue drives gRPC's I/O. A loan is granted only
/// while at least one poller thread stays unlent, so however long a lent
/// thread's job runs (an activity may sleep or block), replies keep being
/// read. Only a thread inside a poller zone (`HandoffZone.resuming(onPoller:)`)
/// can be lent.
public enum PollerLoan {
    /// Poller threads that may be lent at once (pollers - 1).
    private static let spare = Atomic<Int>(0)
    private static let configured = Atomic<Bool>(false)

    /// Declares how many poller threads drain the queue; called by their
    /// owner (`TemporalRPC`) before its first call. Later calls are ignored.
    public static func setPollerThreads(_ count: Int) {
        guard configured.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        spare.add(max(0, count - 1), ordering: .releasing)
    }

    /// Runs `body` here when this thread is a poller thread in its zone,
    /// another poller stays free, and `ready()` (asked last, with the loan
    /// held) says the job can start now; `body` runs outside the zone (it
    /// may block; what it wakes goes to the pool). `nil`: nothing ran.
    public static func run<T>(when ready: () -> Bool, _ body: () -> T) -> T? {
        guard HandoffZone.isOnPoller, take() else { return nil }
        defer { spare.add(1, ordering: .releasing) }
        guard ready() else { return nil }
        // What this thread was to run after the current job must not wait
        // for a job that may run long.
        HandoffExecutor.releaseDeferred()
        return HandoffZone.outside(body)
    }

    private static func take() -> Bool {
        var n = spare.load(ordering: .relaxed)
        while n > 0 {
            let (done, now) = spare.compareExchange(expected: n, desired: n - 1, ordering: .acquiring)
            if done { return true }
            n = now
        }
        return false
    }

    /// Loans that could be granted now (tests).
    static var available: Int { spare.load(ordering: .relaxed) }
}
