import CProtobufC
import CTemporalProto
import TemporalModel

// Conversions of the small shared messages (temporal.api.common.v1,
// google.protobuf Duration/Timestamp, TaskQueue). Encoders are Arena
// methods returning nil for "absent"; decoders are free functions that map
// absent sub-messages to nil / empty values.

// MARK: - Scalars

/// A Swift string from a protobuf-c string (NULL reads as "").
@inline(__always)
func str(_ p: UnsafePointer<CChar>?) -> String {
    guard let p else { return "" }
    return String(cString: p)
}

/// The bytes of a protobuf-c `bytes` field.
@inline(__always)
func bytes(_ b: ProtobufCBinaryData) -> [UInt8] {
    guard b.len > 0, let d = b.data else { return [] }
    return Array(UnsafeBufferPointer(start: d, count: b.len))
}

/// A protoc-c enum (imported as a struct over UInt32) from a wire int32.
@inline(__always)
func cEnum<E: RawRepresentable>(_ v: Int32) -> E where E.RawValue == UInt32 {
    E(rawValue: UInt32(bitPattern: v))!
}

/// The wire int32 of a protoc-c enum value.
@inline(__always)
func int32<E: RawRepresentable>(_ e: E) -> Int32 where E.RawValue == UInt32 {
    Int32(bitPattern: e.rawValue)
}

/// Visits the non-NULL elements of a protobuf-c repeated message field.
@inline(__always)
func each<T, R>(_ n: Int, _ items: UnsafeMutablePointer<UnsafeMutablePointer<T>?>?,
                _ body: (T) -> R) -> [R] {
    guard n > 0, let items else { return [] }
    var out: [R] = []
    out.reserveCapacity(n)
    for i in 0..<n {
        if let item = items[i] { out.append(body(item.pointee)) }
    }
    return out
}

// MARK: - Encoding

extension Arena {
    func payload(_ p: Payload) -> UnsafeMutablePointer<PbPayload> {
        let m: UnsafeMutablePointer<PbPayload> = message()
        m.pointee.data = bytes(p.data)
        m.pointee.n_metadata = p.metadata.count
        m.pointee.metadata = array(p.metadata.sorted { $0.key < $1.key }) { entry in
            let e: UnsafeMutablePointer<PbPayload_MetadataEntry> = message()
            e.pointee.key = string(entry.key)
            e.pointee.value = bytes(entry.value)
            return e
        }
        return m
    }

    /// `Payloads`, or nil when there are none.
    func payloads(_ items: [Payload]) -> UnsafeMutablePointer<PbPayloads>? {
        if items.isEmpty { return nil }
        let m: UnsafeMutablePointer<PbPayloads> = message()
        m.pointee.n_payloads = items.count
        m.pointee.payloads = array(items) { payload($0) }
        return m
    }

    /// Always present: an empty list still encodes as an empty `Payloads`
    /// (used for map values, where the value must exist).
    func payloadsPresent(_ items: [Payload]) -> UnsafeMutablePointer<PbPayloads> {
        let m: UnsafeMutablePointer<PbPayloads> = message()
        m.pointee.n_payloads = items.count
        m.pointee.payloads = array(items) { payload($0) }
        return m
    }

    func header(_ fields: PayloadMap) -> UnsafeMutablePointer<PbHeader>? {
        if fields.isEmpty { return nil }
        let m: UnsafeMutablePointer<PbHeader> = message()
        m.pointee.n_fields = fields.count
        m.pointee.fields = array(fields.sorted { $0.key < $1.key }) { entry in
            let e: UnsafeMutablePointer<PbHeader_FieldsEntry> = message()
            e.pointee.key = string(entry.key)
            e.pointee.value = payload(entry.value)
            return e
        }
        return m
    }

    func memo(_ fields: PayloadMap) -> UnsafeMutablePointer<PbMemo>? {
        if fields.isEmpty { return nil }
        let m: UnsafeMutablePointer<PbMemo> = message()
        m.pointee.n_fields = fields.count
        m.pointee.fields = array(fields.sorted { $0.key < $1.key }) { entry in
            let e: UnsafeMutablePointer<PbMemo_FieldsEntry> = message()
            e.pointee.key = string(entry.key)
            e.pointee.value = payload(entry.value)
            return e
        }
        return m
    }

    func searchAttributes(_ fields: PayloadMap) -> UnsafeMutablePointer<PbSearchAttributes>? {
        if fields.isEmpty { return nil }
        let m: UnsafeMutablePointer<PbSearchAttributes> = message()
        m.pointee.n_indexed_fields = fields.count
        m.pointee.indexed_fields = array(fields.sorted { $0.key < $1.key }) { entry in
            let e: UnsafeMutablePointer<PbSearchAttributes_IndexedFieldsEntry> = message()
            e.pointee.key = string(entry.key)
            e.pointee.value = payload(entry.value)
            return e
        }
        return m
    }

    func workflowExecution(_ x: WorkflowExecution) -> UnsafeMutablePointer<PbWorkflowExecution> {
        let m: UnsafeMutablePointer<PbWorkflowExecution> = message()
        m.pointee.workflow_id = string(x.workflowId)
        m.pointee.run_id = string(x.runId)
        return m
    }

    func workflowType(_ name: String) -> UnsafeMutablePointer<PbWorkflowType> {
        let m: UnsafeMutablePointer<PbWorkflowType> = message()
        m.pointee.name = string(name)
        return m
    }

    func activityType(_ name: String) -> UnsafeMutablePointer<PbActivityType> {
        let m: UnsafeMutablePointer<PbActivityType> = message()
        m.pointee.name = string(name)
        return m
    }

    func taskQueue(_ q: TaskQueue) -> UnsafeMutablePointer<PbTaskQueue> {
        let m: UnsafeMutablePointer<PbTaskQueue> = message()
        m.pointee.name = string(q.name)
        m.pointee.kind = cEnum(q.kind.rawValue)
        m.pointee.normal_name = string(q.normalName)
        return m
    }

    /// A task queue given only by name (kind NORMAL), as most requests use.
    func taskQueue(named name: String) -> UnsafeMutablePointer<PbTaskQueue> {
        taskQueue(TaskQueue(name: name, kind: .normal))
    }

    func duration(_ d: ProtoDuration?) -> UnsafeMutablePointer<PbDuration>? {
        guard let d else { return nil }
        let m: UnsafeMutablePointer<PbDuration> = message()
        m.pointee.seconds = d.seconds
        m.pointee.nanos = d.nanos
        return m
    }

    func timestamp(_ t: Timestamp?) -> UnsafeMutablePointer<PbTimestamp>? {
        guard let t else { return nil }
        let m: UnsafeMutablePointer<PbTimestamp> = message()
        m.pointee.seconds = t.seconds
        m.pointee.nanos = t.nanos
        return m
    }

    func retryPolicy(_ r: RetryPolicy?) -> UnsafeMutablePointer<PbRetryPolicy>? {
        guard let r else { return nil }
        let m: UnsafeMutablePointer<PbRetryPolicy> = message()
        m.pointee.initial_interval = duration(r.initialInterval)
        m.pointee.backoff_coefficient = r.backoffCoefficient
        m.pointee.maximum_interval = duration(r.maximumInterval)
        m.pointee.maximum_attempts = r.maximumAttempts
        m.pointee.n_non_retryable_error_types = r.nonRetryableErrorTypes.count
        m.pointee.non_retryable_error_types = array(r.nonRetryableErrorTypes) { string($0) }
        return m
    }
}

// MARK: - Decoding

func decodePayload(_ m: PbPayload) -> Payload {
    var metadata: [String: [UInt8]] = [:]
    if m.n_metadata > 0, let entries = m.metadata {
        metadata.reserveCapacity(m.n_metadata)
        for i in 0..<m.n_metadata {
            if let e = entries[i] { metadata[str(e.pointee.key)] = bytes(e.pointee.value) }
        }
    }
    return Payload(metadata: metadata, data: bytes(m.data))
}

func decodePayloads(_ p: UnsafePointer<PbPayloads>?) -> [Payload] {
    guard let p else { return [] }
    return each(p.pointee.n_payloads, p.pointee.payloads, decodePayload)
}

func decodeHeader(_ p: UnsafePointer<PbHeader>?) -> PayloadMap {
    guard let p, p.pointee.n_fields > 0, let entries = p.pointee.fields else { return [:] }
    var out: PayloadMap = [:]
    for i in 0..<p.pointee.n_fields {
        if let e = entries[i] { out[str(e.pointee.key)] = e.pointee.value.map { decodePayload($0.pointee) } ?? Payload() }
    }
    return out
}

func decodeMemo(_ p: UnsafePointer<PbMemo>?) -> PayloadMap {
    guard let p, p.pointee.n_fields > 0, let entries = p.pointee.fields else { return [:] }
    var out: PayloadMap = [:]
    for i in 0..<p.pointee.n_fields {
        if let e = entries[i] { out[str(e.pointee.key)] = e.pointee.value.map { decodePayload($0.pointee) } ?? Payload() }
    }
    return out
}

func decodeSearchAttributes(_ p: UnsafePointer<PbSearchAttributes>?) -> PayloadMap {
    guard let p, p.pointee.n_indexed_fields > 0, let entries = p.pointee.indexed_fields else { return [:] }
    var out: PayloadMap = [:]
    for i in 0..<p.pointee.n_indexed_fields {
        if let e = entries[i] { out[str(e.pointee.key)] = e.pointee.value.map { decodePayload($0.pointee) } ?? Payload() }
    }
    return out
}

/// An absent execution reads as an empty one.
func decodeExecution(_ p: UnsafePointer<PbWorkflowExecution>?) -> WorkflowExecution {
    guard let p else { return WorkflowExecution(workflowId: "") }
    return WorkflowExecution(workflowId: str(p.pointee.workflow_id), runId: str(p.pointee.run_id))
}

func decodeExecutionIfPresent(_ p: UnsafePointer<PbWorkflowExecution>?) -> WorkflowExecution? {
    p.map { decodeExecution($0) }
}

func decodeName(_ p: UnsafePointer<PbWorkflowType>?) -> String { str(p?.pointee.name) }
func decodeName(_ p: UnsafePointer<PbActivityType>?) -> String { str(p?.pointee.name) }

func decodeTaskQueue(_ p: UnsafePointer<PbTaskQueue>) -> TaskQueue {
    TaskQueue(name: str(p.pointee.name),
              kind: TaskQueue.Kind(rawValue: int32(p.pointee.kind)) ?? .unspecified,
              normalName: str(p.pointee.normal_name))
}

func decodeDuration(_ p: UnsafePointer<PbDuration>?) -> ProtoDuration? {
    guard let p else { return nil }
    return ProtoDuration(nanoseconds: p.pointee.seconds &* 1_000_000_000 &+ Int64(p.pointee.nanos))
}

func decodeTimestamp(_ p: UnsafePointer<PbTimestamp>?) -> Timestamp? {
    guard let p else { return nil }
    return Timestamp(seconds: p.pointee.seconds, nanos: p.pointee.nanos)
}

func decodeRetryPolicy(_ p: UnsafePointer<PbRetryPolicy>?) -> RetryPolicy? {
    guard let p else { return nil }
    let m = p.pointee
    var types: [String] = []
    if m.n_non_retryable_error_types > 0, let list = m.non_retryable_error_types {
        types.reserveCapacity(m.n_non_retryable_error_types)
        for i in 0..<m.n_non_retryable_error_types { types.append(str(list[i])) }
    }
    return RetryPolicy(initialInterval: decodeDuration(m.initial_interval),
                       backoffCoefficient: m.backoff_coefficient,
                       maximumInterval: decodeDuration(m.maximum_interval),
                       maximumAttempts: m.maximum_attempts,
                       nonRetryableErrorTypes: types)
}
