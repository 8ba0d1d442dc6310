/// A Moonflow error as Lua code sees it (`err:kind()`, `err:message()`, …),
/// and its mapping to and from Temporal `Failure`s (SPEC §2 "Errors").
public struct ErrorValue: Sendable, Hashable {
    public var kind: String
    public var message: String
    /// nil when the code did not say; Temporal then retries by policy.
    public var retryable: Bool?
    public var details: JSONValue?
    public var traceback: String

    public init(kind: String, message: String, retryable: Bool? = nil, details: JSONValue? = nil, traceback: String = "") {
        self.kind = kind
        self.message = message
        self.retryable = retryable
        self.details = details
        self.traceback = traceback
    }

    /// The kinds of SPEC §2.
    public static let kinds: Set<String> = [
        "NOT_FOUND", "INVALID", "INTERNAL", "TIMEOUT", "CANCELED", "ALREADY_EXISTS", "PERMISSION_DENIED",
        "UNAVAILABLE", "CONFLICT", "RATE_LIMITED", "UNKNOWN",
    ]

    /// Failure types other SDKs and systems write, mapped onto our kinds.
    private static let aliases: [String: String] = [
        "NotFound": "NOT_FOUND", "Invalid": "INVALID", "Internal": "INTERNAL", "Timeout": "TIMEOUT",
        "Canceled": "CANCELED", "Cancelled": "CANCELED", "AlreadyExists": "ALREADY_EXISTS",
        "PermissionDenied": "PERMISSION_DENIED", "Unavailable": "UNAVAILABLE", "Conflict": "CONFLICT",
        "RateLimited": "RATE_LIMITED", "Unknown": "UNKNOWN",
        "ActivityNotRegisteredError": "NOT_FOUND", "ActivityNotRegistered": "NOT_FOUND",
        "WorkflowNotRegisteredError": "NOT_FOUND", "NamespaceNotFoundError": "NOT_FOUND",
    ]

    /// Maps a failure type to a kind: ours unchanged, known aliases mapped,
    /// an empty type `UNKNOWN`, and any other type (a custom kind, or another
    /// SDK's error class such as `ValueError`) kept as it is.
    public static func kind(forFailureType type: String) -> String {
        if kinds.contains(type) { return type }
        if type.isEmpty { return "UNKNOWN" }
        return aliases[type] ?? type
    }

    /// The error Lua code sees for a failure history recorded. Wrappers
    /// (`activity_failure_info`, `child_workflow_execution_failure_info`)
    /// are unwrapped to the failure that caused them.
    public init(failure: Failure) {
        var f = failure
        while true {
            switch f.info {
            case .activity, .childWorkflow:
                if let cause = f.cause { f = cause; continue }
            default:
                break
            }
            break
        }
        switch f.info {
        case .application(let type, let nonRetryable, let details):
            var decoded: JSONValue?
            if let first = details.first { decoded = try? PayloadCodec.decode(first) }
            self.init(kind: ErrorValue.kind(forFailureType: type), message: f.message, retryable: !nonRetryable,
                      details: decoded, traceback: f.stackTrace)
        case .timeout(let type, _):
            let message = f.message.isEmpty ? "timeout (\(type))" : f.message
            self.init(kind: "TIMEOUT", message: message, retryable: false)
        case .canceled:
            self.init(kind: "CANCELED", message: f.message.isEmpty ? "canceled" : f.message, retryable: false)
        case .terminated:
            self.init(kind: "CANCELED", message: f.message.isEmpty ? "workflow terminated" : f.message, retryable: false)
        case .server(let nonRetryable):
            self.init(kind: "INTERNAL", message: f.message, retryable: !nonRetryable)
        default:
            self.init(kind: "UNKNOWN", message: f.message, traceback: f.stackTrace)
        }
    }

    /// The ApplicationFailure other SDKs and the CLI read: the kind as its
    /// type, `non_retryable` from `retryable == false`, details as one payload.
    public func failure(source: String = "Moonflow") -> Failure {
        var payloads: [Payload] = []
        if let details, let p = try? PayloadCodec.encode(details) { payloads = [p] }
        return Failure(message: message.withoutNUL, source: source, stackTrace: traceback.withoutNUL,
                       info: .application(type: kind.withoutNUL, nonRetryable: retryable == false, details: payloads))
    }

    /// The plain table the Lua preludes turn into an error object.
    public var json: JSONValue {
        var o: [String: JSONValue] = ["kind": .string(kind), "message": .string(message)]
        if let retryable { o["retryable"] = .bool(retryable) }
        if let details { o["details"] = details }
        return .object(o)
    }

    /// Reads the plain table a Lua prelude produced from an error value.
    public init(json: JSONValue) {
        guard case .object(let o) = json else {
            self.init(kind: "UNKNOWN", message: "\(json)")
            return
        }
        func string(_ key: String) -> String? {
            if case .string(let s)? = o[key] { return s }
            return nil
        }
        var retryable: Bool?
        if case .bool(let b)? = o["retryable"] { retryable = b }
        let kind = string("kind").map(ErrorValue.kind(forFailureType:))
        self.init(kind: kind ?? "UNKNOWN", message: string("message") ?? "", retryable: retryable,
                  details: o["details"], traceback: string("traceback") ?? "")
    }
}

extension String {
    /// The string with NUL characters replaced by U+FFFD: protobuf strings
    /// may hold them, but protobuf-c's C strings cannot, so a Lua error
    /// message with a NUL would otherwise make its failure unsendable.
    public var withoutNUL: String {
        guard unicodeScalars.contains("\u{0}") else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars { out.append(scalar == "\u{0}" ? "\u{FFFD}" : scalar) }
        return String(out)
    }
}
