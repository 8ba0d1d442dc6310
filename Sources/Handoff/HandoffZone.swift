#if canImport(Glibc)
import Glibc
#endif

/// Marks the stretch of code in which the current thread hands a result to
/// a waiting task (resumes its continuation), so that `HandoffExecutor`
/// may run the woken task's next steps right there instead of waking a
/// cooperative-pool thread for them.
///
/// Only the threads that deliver results mark themselves: the gRPC
/// poller threads (`TemporalRPC`, for replies up to 64 KiB) and the Lua
/// executors (`LuaExecutor`), and only around the resume, never around Lua
/// code. While the mark is set, every job enqueued from the thread runs on
/// it: the woken task first, then whatever it woke or started, each once
/// the job before it has suspended (a child task added to a group runs
/// after its parent's step, not inside `addTask`).
///
/// A poller thread's zone also says so (`resuming(onPoller: true)`): a
/// Lua executor reached from there may borrow the thread for its job
/// (`PollerLoan`) while another poller thread keeps driving gRPC.
public enum HandoffZone {
    /// Runs `resume` (which should resume one continuation) with the mark
    /// set; `onPoller` when the thread is a gRPC poller thread. Nests: a
    /// job run here that resumes another keeps the outer marks.
    @inline(__always)
    public static func resuming(onPoller: Bool = false, _ resume: () -> Void) {
        let outer = state
        state = outer | marked | (onPoller ? poller : 0)
        resume()
        state = outer
    }

    /// Whether this thread is inside a zone now (for assertions: code that
    /// blocks its thread must not run in one).
    public static var isActive: Bool { state & marked != 0 }

    /// Whether this thread is a gRPC poller thread inside its zone.
    static var isOnPoller: Bool { state & poller != 0 }

    /// Runs `body` with this thread's marks cleared, as on a thread that
    /// delivers nothing (for a job run on a borrowed poller thread: it may
    /// block, and what it wakes goes to the pool). Jobs waiting on this
    /// thread should have been sent away first (`HandoffExecutor`).
    static func outside<T>(_ body: () -> T) -> T {
        let outer = state
        state = 0
        defer { state = outer }
        return body()
    }

    /// Where a job enqueued now on this thread goes.
    enum Placement { case drainHere, deferHere, pool }

    /// In a zone, the first job enqueued runs here and starts a drain
    /// (`endDrain()` ends it): jobs enqueued while it runs wait on this
    /// thread and run after it, one after another, never nested inside it.
    /// Outside a zone jobs go to the pool.
    static func place() -> Placement {
        let s = state
        if s & marked == 0 { return .pool }
        if s & draining != 0 { return .deferHere }
        state = s | draining
        return .drainHere
    }

    static func endDrain() { state &= ~draining }

    private static let marked = 1
    private static let poller = 2
    private static let draining = 4

    /// Bit 0: marked; bit 1: a poller thread; bit 2: draining jobs. Per
    /// thread.
    private static var state: Int {
        get { Int(bitPattern: pthread_getspecific(key)) }
        set { pthread_setspecific(key, UnsafeRawPointer(bitPattern: newValue)) }
    }
    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        precondition(pthread_key_create(&k, nil) == 0, "pthread_key_create failed")
        return k
    }()
}
