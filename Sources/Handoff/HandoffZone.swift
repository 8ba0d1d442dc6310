#if canImport(Glibc)
import Glibc
#endif

/// Marks the stretch of code in which the current thread hands a result to
/// a waiting task (resumes its continuation), so that `HandoffExecutor`
/// may run the woken task's next steps right there instead of waking a
/// cooperative-pool thread for them.
///
/// Only the threads that deliver results mark themselves: the gRPC
/// completion thread (`TemporalRPC`, for replies up to 64 KiB) and the Lua
/// executors (`LuaExecutor`), and only around the resume, never around Lua
/// code. While the mark is set, every job enqueued from the thread runs
/// inline: the woken task, and whatever it wakes or starts (a child task
/// added to a group runs until its first suspension before `addTask`
/// returns).
public enum HandoffZone {
    /// Runs `resume` (which should resume one continuation) with the mark
    /// set. Nests: an inline job that resumes another keeps the mark.
    @inline(__always)
    public static func resuming(_ resume: () -> Void) {
        let outer = state
        state = outer | marked
        resume()
        state = outer
    }

    /// Whether this thread is inside a zone now (for assertions: code that
    /// blocks its thread must not run in one).
    public static var isActive: Bool { state & marked != 0 }

    /// Whether a job enqueued now may run inline on this thread, and if so
    /// counts one more level of nesting; `leave()` undoes it.
    static func enterInline() -> Bool {
        let s = state
        guard s & marked != 0, (s >> 1) < maxDepth else { return false }
        state = s + 2
        return true
    }

    static func leaveInline() { state -= 2 }

    /// Nested inline jobs allowed on one thread before jobs go to the pool
    /// (keeps the stack bounded when woken tasks wake others).
    static let maxDepth = 8
    private static let marked = 1

    /// Bit 0: marked; the rest: inline nesting depth. Per thread.
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
