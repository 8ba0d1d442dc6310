/// The one error type of TemporalRPC: a gRPC status code, the server's
/// message, and which call failed.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// gRPC status codes (https://grpc.github.io/grpc/core/md_doc_statuscodes.html).
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let ok = Code(rawValue: 0)
        public static let cancelled = Code(rawValue: 1)
        public static let unknown = Code(rawValue: 2)
        public static let invalidArgument = Code(rawValue: 3)
        public static let deadlineExceeded = Code(rawValue: 4)
        public static let notFound = Code(rawValue: 5)
        public static let alreadyExists = Code(rawValue: 6)
        public static let permissionDenied = Code(rawValue: 7)
        public static let resourceExhausted = Code(rawValue: 8)
        public static let failedPrecondition = Code(rawValue: 9)
        public static let aborted = Code(rawValue: 10)
        public static let outOfRange = Code(rawValue: 11)
        public static let unimplemented = Code(rawValue: 12)
        public static let internalError = Code(rawValue: 13)
        public static let unavailable = Code(rawValue: 14)
        public static let dataLoss = Code(rawValue: 15)
        public static let unauthenticated = Code(rawValue: 16)
        /// Not a gRPC status: the request or response bytes could not be
        /// encoded or decoded.
        public static let encoding = Code(rawValue: 1000)

        public var description: String {
            let names = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
                         "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
                         "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
                         "UNAUTHENTICATED"]
            if rawValue >= 0 && Int(rawValue) < names.count { return names[Int(rawValue)] }
            return rawValue == 1000 ? "ENCODING" : "STATUS_\(rawValue)"
        }
    }

    public var code: Code
    public var message: String
    /// The gRPC method, e.g. `PollWorkflowTaskQueue`.
    public var method: String

    public init(code: Code, message: String, method: String) {
        self.code = code
        self.message = message
        self.method = method
    }

    public var description: String { "\(method): \(code) \(message)" }

    /// Whether retrying the same call may succeed (see `RetryBackoff.isRetryable`).
    public var isTransient: Bool { RetryBackoff.isRetryable(code) }
}
