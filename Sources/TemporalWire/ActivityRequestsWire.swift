import CTemporalProto
import TemporalModel

// Activity-task requests and ShutdownWorker: `wireBytes()` encodes and
// `init(wireBytes:)` decodes (for tests, fakes and fixtures).

extension PollActivityTaskQueueRequest {
    /// Encodes as `temporal.api.workflowservice.v1.PollActivityTaskQueueRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbPollActivityTaskQueueRequest.self) { a, m in
            m.pointee.namespace_ = a.string(namespace)
            m.pointee.task_queue = a.taskQueue(taskQueue)
            m.pointee.identity = a.string(identity)
            m.pointee.worker_instance_key = a.string(workerInstanceKey)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.PollActivityTaskQueueRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbPollActivityTaskQueueRequest.self, wireBytes) { m in
            PollActivityTaskQueueRequest(
                namespace: str(m.namespace_),
                taskQueue: m.task_queue.map { decodeTaskQueue($0) } ?? TaskQueue(name: "", kind: .unspecified),
                identity: str(m.identity), workerInstanceKey: str(m.worker_instance_key))
        }
    }
}

extension RespondActivityTaskCompletedRequest {
    /// Encodes as `temporal.api.workflowservice.v1.RespondActivityTaskCompletedRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbRespondActivityTaskCompletedRequest.self) { a, m in
            m.pointee.task_token = a.bytes(taskToken)
            m.pointee.result = a.payloads(result)
            m.pointee.identity = a.string(identity)
            m.pointee.namespace_ = a.string(namespace)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.RespondActivityTaskCompletedRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbRespondActivityTaskCompletedRequest.self, wireBytes) { m in
            RespondActivityTaskCompletedRequest(taskToken: bytes(m.task_token), result: decodePayloads(m.result),
                                                identity: str(m.identity), namespace: str(m.namespace_))
        }
    }
}

extension RespondActivityTaskFailedRequest {
    /// Encodes as `temporal.api.workflowservice.v1.RespondActivityTaskFailedRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbRespondActivityTaskFailedRequest.self) { a, m in
            m.pointee.task_token = a.bytes(taskToken)
            m.pointee.failure = a.failure(failure)
            m.pointee.identity = a.string(identity)
            m.pointee.namespace_ = a.string(namespace)
            m.pointee.last_heartbeat_details = a.payloads(lastHeartbeatDetails)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.RespondActivityTaskFailedRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbRespondActivityTaskFailedRequest.self, wireBytes) { m in
            RespondActivityTaskFailedRequest(
                taskToken: bytes(m.task_token), failure: decodeFailure(m.failure) ?? Failure(message: ""),
                identity: str(m.identity), namespace: str(m.namespace_),
                lastHeartbeatDetails: decodePayloads(m.last_heartbeat_details))
        }
    }
}

extension RespondActivityTaskCanceledRequest {
    /// Encodes as `temporal.api.workflowservice.v1.RespondActivityTaskCanceledRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbRespondActivityTaskCanceledRequest.self) { a, m in
            m.pointee.task_token = a.bytes(taskToken)
            m.pointee.details = a.payloads(details)
            m.pointee.identity = a.string(identity)
            m.pointee.namespace_ = a.string(namespace)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.RespondActivityTaskCanceledRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbRespondActivityTaskCanceledRequest.self, wireBytes) { m in
            RespondActivityTaskCanceledRequest(taskToken: bytes(m.task_token), details: decodePayloads(m.details),
                                               identity: str(m.identity), namespace: str(m.namespace_))
        }
    }
}

extension RecordActivityTaskHeartbeatRequest {
    /// Encodes as `temporal.api.workflowservice.v1.RecordActivityTaskHeartbeatRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbRecordActivityTaskHeartbeatRequest.self) { a, m in
            m.pointee.task_token = a.bytes(taskToken)
            m.pointee.details = a.payloads(details)
            m.pointee.identity = a.string(identity)
            m.pointee.namespace_ = a.string(namespace)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.RecordActivityTaskHeartbeatRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbRecordActivityTaskHeartbeatRequest.self, wireBytes) { m in
            RecordActivityTaskHeartbeatRequest(taskToken: bytes(m.task_token), details: decodePayloads(m.details),
                                               identity: str(m.identity), namespace: str(m.namespace_))
        }
    }
}

extension ShutdownWorkerRequest {
    /// Encodes as `temporal.api.workflowservice.v1.ShutdownWorkerRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbShutdownWorkerRequest.self) { a, m in
            m.pointee.namespace_ = a.string(namespace)
            m.pointee.sticky_task_queue = a.string(stickyTaskQueue)
            m.pointee.identity = a.string(identity)
            m.pointee.reason = a.string(reason)
            m.pointee.worker_instance_key = a.string(workerInstanceKey)
            m.pointee.task_queue = a.string(taskQueue)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.ShutdownWorkerRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbShutdownWorkerRequest.self, wireBytes) { m in
            ShutdownWorkerRequest(namespace: str(m.namespace_), stickyTaskQueue: str(m.sticky_task_queue),
                                  identity: str(m.identity), reason: str(m.reason),
                                  workerInstanceKey: str(m.worker_instance_key), taskQueue: str(m.task_queue))
        }
    }
}
