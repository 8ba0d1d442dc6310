import TemporalModel
import TemporalRPC

/// The one error type of the Client module: an error kind of SPEC §2
/// (`NOT_FOUND`, `INVALID`, `ALREADY_EXISTS`, …), a message, and whether a
/// retry may succeed. Lua code and the CLI see it as an `ErrorValue`.
public struct ClientError: Error, Sendable, Hashable, CustomStringConvertible {
    public var kind: String
    public var message: String
    public var retryable: Bool

    public init(kind: String, message: String, retryable: Bool = false) {
        self.kind = kind
        self.message = message
        self.retryable = retryable
    }

    /// A bad option, argument or value given by the caller.
    public static func invalid(_ message: String) -> ClientError { ClientError(kind: "INVALID", message: message) }

    /// `KIND: message`, as `tostring(err)` prints it in Lua.
    public var description: String { "\(kind): \(message)" }

    /// The error as Lua sees it.
    public var errorValue: ErrorValue { ErrorValue(kind: kind, message: message, retryable: retryable) }

    /// Maps a failed call: gRPC status codes onto error kinds.
    public init(_ error: any Error, doing what: String) {
        if let e = error as? ClientError {
            self = e
            return
        }
        guard let rpc = error as? RPCError else {
            if error is CancellationError {
                self.init(kind: "CANCELED", message: "\(what): cancelled")
            } else {
                self.init(kind: "INTERNAL", message: "\(what): \(error)")
            }
            return
        }
        let message = "\(what): \(rpc.message.isEmpty ? "\(rpc.code)" : rpc.message)"
        switch rpc.code {
        case .notFound: self.init(kind: "NOT_FOUND", message: message)
        case .alreadyExists: self.init(kind: "ALREADY_EXISTS", message: message)
        case .invalidArgument, .outOfRange, .encoding: self.init(kind: "INVALID", message: message)
        case .permissionDenied, .unauthenticated: self.init(kind: "PERMISSION_DENIED", message: message)
        case .resourceExhausted: self.init(kind: "RATE_LIMITED", message: message, retryable: true)
        case .unavailable, .deadlineExceeded: self.init(kind: "UNAVAILABLE", message: message, retryable: true)
        case .failedPrecondition, .aborted: self.init(kind: "CONFLICT", message: message)
        case .cancelled: self.init(kind: "CANCELED", message: message)
        default: self.init(kind: "INTERNAL", message: message, retryable: rpc.isTransient)
        }
    }
}
