import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Calls a handler when the process gets SIGTERM or SIGINT (instead of
/// dying of them), for as long as the value lives: the daemon's graceful
/// shutdown. A second signal calls the handler again (the daemon's
/// `shutdown()` ignores it).
public final class ShutdownSignals {
    private let sources: [any DispatchSourceSignal]

    public init(_ signals: [Int32] = [SIGTERM, SIGINT], handler: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "moonflow.signals")
        sources = signals.map { number in
            signal(number, SIG_IGN)   // delivered to the dispatch source instead
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
