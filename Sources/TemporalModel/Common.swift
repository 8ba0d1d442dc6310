/// Plain Swift mirrors of the Temporal API messages the worker uses.
/// Field names follow the proto names in lowerCamelCase. Nothing here knows
/// about protobuf-c; `TemporalWire` converts these to and from bytes.

/// `temporal.api.common.v1.Payload`.
public struct Payload: Sendable, Hashable {
    public var metadata: [String: [UInt8]]
    public var data: [UInt8]
    public init(metadata: [String: [UInt8]] = [:], data: [UInt8] = []) {
        self.metadata = metadata
        self.data = data
    }
    /// The `encoding` metadata entry as a string, if present.
    public var encoding: String? {
        metadata["encoding"].map { String(decoding: $0, as: UTF8.self) }
    }
}

/// `google.protobuf.Timestamp`.
public struct Timestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanos: Int32
    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }
    public var unixNanos: Int64 { seconds &* 1_000_000_000 &+ Int64(nanos) }
    public init(unixNanos: Int64) {
        var s = unixNanos / 1_000_000_000
        var n = unixNanos % 1_000_000_000
        if n < 0 { n += 1_000_000_000; s -= 1 }
        self.init(seconds: s, nanos: Int32(n))
    }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.unixNanos < b.unixNanos }
}

/// `google.protobuf.Duration`, kept as whole nanoseconds.
public struct ProtoDuration: Sendable, Hashable {
    public var nanoseconds: Int64
    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }
    public static func milliseconds(_ ms: Int64) -> ProtoDuration { .init(nanoseconds: ms &* 1_000_000) }
    public static func seconds(_ s: Int64) -> ProtoDuration { .init(nanoseconds: s &* 1_000_000_000) }
    public var seconds: Int64 { nanoseconds / 1_000_000_000 }
    public var nanos: Int32 { Int32(nanoseconds % 1_000_000_000) }

    /// From a Swift `Duration` (sub-nanosecond parts dropped).
    public init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self.init(nanoseconds: seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000)
    }
}

/// `temporal.api.common.v1.WorkflowExecution`.
public struct WorkflowExecution: Sendable, Hashable {
    public var workflowId: String
    public var runId: String
    public init(workflowId: String, runId: String = "") {
        self.workflowId = workflowId
        self.runId = runId
    }
}

/// `temporal.api.taskqueue.v1.TaskQueue`.
public struct TaskQueue: Sendable, Hashable {
    public enum Kind: Int32, Sendable { case unspecified = 0, normal = 1, sticky = 2 }
    public var name: String
    public var kind: Kind
    public var normalName: String
    public init(name: String, kind: Kind = .normal, normalName: String = "") {
        self.name = name
        self.kind = kind
        self.normalName = normalName
    }
}

/// `temporal.api.common.v1.RetryPolicy`.
public struct RetryPolicy: Sendable, Hashable {
    public var initialInterval: ProtoDuration?
    public var backoffCoefficient: Double
    public var maximumInterval: ProtoDuration?
    public var maximumAttempts: Int32
    public var nonRetryableErrorTypes: [String]
    public init(initialInterval: ProtoDuration? = nil, backoffCoefficient: Double = 0,
                maximumInterval: ProtoDuration? = nil, maximumAttempts: Int32 = 0,
                nonRetryableErrorTypes: [String] = []) {
        self.initialInterval = initialInterval
        self.backoffCoefficient = backoffCoefficient
        self.maximumInterval = maximumInterval
        self.maximumAttempts = maximumAttempts
        self.nonRetryableErrorTypes = nonRetryableErrorTypes
    }
}

/// `temporal.api.common.v1.Header`, `Memo` and `SearchAttributes` all carry
/// a map of named payloads.
public typealias PayloadMap = [String: Payload]

/// `temporal.api.enums.v1.RetryState`.
public typealias RetryState = Int32

/// `temporal.api.enums.v1.TimeoutType`.
public enum TimeoutType: Int32, Sendable {
    case unspecified = 0, startToClose = 1, scheduleToStart = 2, scheduleToClose = 3, heartbeat = 4
}
