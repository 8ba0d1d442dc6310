/// Minimal protobuf encoding for channel-level tests that must not depend
/// on TemporalWire.
enum RawProto {
    static func varint(_ v: UInt64) -> [UInt8] {
        var v = v, out: [UInt8] = []
        while v >= 0x80 { out.append(UInt8(v & 0x7f) | 0x80); v >>= 7 }
        out.append(UInt8(v))
        return out
    }
    static func bytesField(_ number: UInt64, _ bytes: [UInt8]) -> [UInt8] {
        varint(number << 3 | 2) + varint(UInt64(bytes.count)) + bytes
    }
    static func stringField(_ number: UInt64, _ s: String) -> [UInt8] { bytesField(number, Array(s.utf8)) }
    static func varintField(_ number: UInt64, _ v: UInt64) -> [UInt8] { varint(number << 3) + varint(v) }

    /// `DescribeNamespaceRequest{namespace}`.
    static func describeNamespace(_ ns: String) -> [UInt8] { stringField(1, ns) }

    /// `PollWorkflowTaskQueueRequest{namespace, task_queue{name, kind=NORMAL}, identity}`.
    static func pollWorkflowTaskQueue(namespace: String, taskQueue: String, identity: String) -> [UInt8] {
        stringField(1, namespace) + bytesField(2, stringField(1, taskQueue) + varintField(2, 1))
            + stringField(3, identity)
    }
}

enum Paths {
    static let prefix = "/temporal.api.workflowservice.v1.WorkflowService/"
    static let describeNamespace = prefix + "DescribeNamespace"
    static let pollWorkflowTaskQueue = prefix + "PollWorkflowTaskQueue"
}
