import CGrpcShim
import Synchronization

/// Links a Swift task to one in-flight shim call so that task cancellation can
/// reach it, whichever of "started" and "cancelled" happens first.
///
/// The shim pointer is owned here: `attach` takes it, `finish` releases it
/// (once). `mfg_call_cancel` is only ever called while the pointer is held,
/// under the lock, so it can never race with the release.
final class CallHandle: Sendable {
    /// An `mfg_call *`; grpc's cancel is thread-safe, so sharing it is fine.
    private struct Pointer: @unchecked Sendable { let raw: OpaquePointer }

    private enum Phase {
        case idle
        case running(Pointer)
        case cancelled
        case finished
    }

    private let phase = Mutex<Phase>(.idle)

    /// Whether cancellation was requested before the call could start.
    var isCancelled: Bool {
        phase.withLock { if case .cancelled = $0 { return true } else { return false } }
    }

    /// Takes ownership of a started call. If cancellation already happened,
    /// the call is cancelled at once.
    func attach(_ call: OpaquePointer) {
        phase.withLock { phase in
            switch phase {
            case .idle: phase = .running(Pointer(raw: call))
            case .cancelled:
                mfg_call_cancel(call)
                phase = .running(Pointer(raw: call))
            case .running, .finished: preconditionFailure("CallHandle attached twice")
            }
        }
    }

    /// Called from the task-cancellation handler (any thread).
    func cancel() {
        phase.withLock { phase in
            switch phase {
            case .idle: phase = .cancelled
            case .running(let p): mfg_call_cancel(p.raw)
            case .cancelled, .finished: break
            }
        }
    }

    /// Releases the shim handle after the call completed. Idempotent.
    func finish() {
        let pointer: Pointer? = phase.withLock { phase in
            defer { phase = .finished }
            if case .running(let p) = phase { return p }
            return nil
        }
        if let pointer { mfg_call_release(pointer.raw) }
    }
}
