import Dispatch

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
/// those crossings. Lua never runs on the gRPC thread: the Lua executors
/// are still reached with an `await` that suspends.
///
/// Jobs run inline must not block the thread (`Blocking.run` asserts it).
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
        if HandoffZone.enterInline() {
            job.runSynchronously(on: asUnownedTaskExecutor())
            HandoffZone.leaveInline()
            return
        }
        let executor = asUnownedTaskExecutor()
        DispatchQueue.global().async { job.runSynchronously(on: executor) }
    }
}
