import Synchronization
import TemporalModel

/// What one running activity shares with the daemon: its latest heartbeat
/// details and whether it was asked to stop (cancellation requested by the
/// workflow, the activity gone on the server, the daemon shutting down).
/// Lua reads it through `activity.heartbeat` / `activity.is_cancelled`.
public final class ActivityContext: Sendable {
    private struct State {
        var details: JSONValue?
        var pending = false
        var cancelReason: String?
        var cancelledByServer = false
        var interrupted = false
        var waiter: CheckedContinuation<Void, Never>?
        var startSender: (@Sendable () -> Task<Void, Never>)?
        var sender: Task<Void, Never>?
        var finished = false
    }
    private let state = Mutex(State())

    public init(lastDetails: JSONValue? = nil) {
        state.withLock { $0.details = lastDetails }
    }

    /// Records details to send with the next (throttled) heartbeat.
    public func heartbeat(_ details: JSONValue) {
        let (waiter, start) = state.withLock { s -> (CheckedContinuation<Void, Never>?, (@Sendable () -> Task<Void, Never>)?) in
            s.details = details
            s.pending = true
            defer { s.waiter = nil; s.startSender = nil }
            return (s.waiter, s.startSender)
        }
        waiter?.resume()
        if let start {
            let sender = start()
            if state.withLock({ s -> Bool in s.sender = sender; return s.finished }) { sender.cancel() }
        }
    }

    /// How the heartbeat sender starts: at the first heartbeat, since most
    /// activities never heartbeat and a waiting task for each would cost
    /// thread hops on every activity.
    func sendsHeartbeats(_ start: @escaping @Sendable () -> Task<Void, Never>) {
        state.withLock { $0.startSender = start }
    }

    /// The activity ended: stops its heartbeat sender, if one started.
    func finish() {
        state.withLock { s -> Task<Void, Never>? in
            s.finished = true
            s.startSender = nil
            return s.sender
        }?.cancel()
    }

    /// The last details recorded (sent with a failure, read on retry).
    public var lastDetails: JSONValue? { state.withLock { $0.details } }

    /// Waits until a heartbeat is pending (or the waiting task is
    /// cancelled), then returns its details and clears the flag.
    func nextHeartbeat() async -> JSONValue? {
        while !Task.isCancelled {
            if let details = state.withLock({ s -> JSONValue?? in
                guard s.pending else { return .none }
                s.pending = false
                return .some(s.details)
            }) {
                return details ?? .null
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (cont: CheckedContinuation<Void, Never>) in
                    let resumeNow = state.withLock { s -> Bool in
                        if s.pending || s.waiter != nil { return true }
                        s.waiter = cont
                        return false
                    }
                    if resumeNow { cont.resume() }
                }
            } onCancel: {
                let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
                    defer { s.waiter = nil }
                    return s.waiter
                }
                waiter?.resume()
            }
        }
        return nil
    }

    /// Asks the activity to stop; the first reason wins. `byServer`: the
    /// workflow requested the cancellation (the activity may then report
    /// itself cancelled), as opposed to the daemon stopping.
    /// `interrupt`: also cut blocking waits (`time.sleep`) short — for a
    /// requested cancellation or the end of the shutdown grace period, not
    /// at the start of a shutdown (running activities may finish then).
    public func cancel(_ reason: String, byServer: Bool = false, interrupt: Bool = true) {
        state.withLock {
            if $0.cancelReason == nil {
                $0.cancelReason = reason
                $0.cancelledByServer = byServer
            }
            if interrupt { $0.interrupted = true }
        }
    }

    /// True once blocking waits should end early.
    public var isInterrupted: Bool { state.withLock { $0.interrupted } }

    /// True when the cancellation came from the workflow (the server).
    public var cancelledByServer: Bool { state.withLock { $0.cancelledByServer } }

    /// Why the activity was asked to stop, or nil.
    public var cancelReason: String? { state.withLock { $0.cancelReason } }
}
