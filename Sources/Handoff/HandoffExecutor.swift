import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The worker's task executor preference: a task woken inside a
/// `HandoffZone` (a gRPC completion, a Lua executor handing back its
/// result) runs its next steps at once on the waking thread, up to the
/// next `await` that suspends it; any other wake-up goes to the global
/// pool as usual.
///
/// Why: a workflow task otherwise crosses threads at every step (gRPC
/// completion thread → pool → Lua executor → pool → gRPC), and each
/// crossing is a futex wake and a context switch. Running the short Swift
/// steps between two waits on the thread that ended the wait removes
/// those crossings.
///
/// Jobs are run one after another, not nested: what the first job wakes or
/// starts waits on the thread (`Deferred`) until that job suspends. So a
/// job never runs inside another task's step, and when a job borrows a
/// poller thread for Lua (`PollerLoan`), no other task is held up beneath
/// it; the jobs still waiting go to the pool first.
///
/// Jobs run here must not block the thread (`Blocking.run` asserts it).
/// Between their waits the worker's tasks decode replies (small ones only
/// on the gRPC thread: see `GRPCChannel`), pick executors, encode, log and
/// start calls.
///
/// The fallback runs jobs on `DispatchQueue.global()` at its default
/// priority: task priorities are not used by the worker.
public final class HandoffExecutor: TaskExecutor {
    public static let shared = HandoffExecutor()

    private init() {}

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        switch HandoffZone.place() {
        case .drainHere:
            job.runSynchronously(on: executor)
            let waiting = Deferred.current
            var ran = 1
            while ran < Self.maxDrain, let next = waiting.jobs.pop() {
                next.runSynchronously(on: executor)
                ran += 1
            }
            Self.sendAway(waiting) // past the cap
            HandoffZone.endDrain()
        case .deferHere:
            Deferred.current.jobs.push(job)
        case .pool:
            Self.toPool(job, executor)
        }
    }

    /// Jobs one drain runs on its thread; later ones go to the pool, so a
    /// chain of tasks waking each other cannot keep a poller thread out of
    /// the completion queue.
    static let maxDrain = 64

    /// Sends the jobs waiting on this thread to the pool (before the
    /// thread is lent for a job that may run long).
    static func releaseDeferred() { sendAway(Deferred.current) }

    private static func sendAway(_ waiting: Deferred) {
        guard waiting.jobs.count > 0 else { return }
        let executor = shared.asUnownedTaskExecutor()
        while let job = waiting.jobs.pop() { toPool(job, executor) }
    }

    private static func toPool(_ job: UnownedJob, _ executor: UnownedTaskExecutor) {
        DispatchQueue.global().async { job.runSynchronously(on: executor) }
    }
}

/// The jobs waiting on one thread for the job it runs to suspend.
/// Per thread; only that thread touches it.
final class Deferred {
    var jobs = FIFO<UnownedJob>()

    /// This thread's queue, made on first use and released with the thread.
    static var current: Deferred {
        if let p = pthread_getspecific(key) { return Unmanaged<Deferred>.fromOpaque(p).takeUnretainedValue() }
        let made = Deferred()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        precondition(pthread_key_create(&k, { p in
            if let p { Unmanaged<Deferred>.fromOpaque(p).release() }
        }) == 0, "pthread_key_create failed")
        return k
    }()
}
