import CTemporalProto
import TemporalModel

// Client requests: `wireBytes()` encodes, `init(wireBytes:)` decodes.

extension StartWorkflowExecutionRequest {
    /// Encodes as `temporal.api.workflowservice.v1.StartWorkflowExecutionRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbStartWorkflowExecutionRequest.self) { a, m in
            m.pointee.namespace_ = a.string(namespace)
            m.pointee.workflow_id = a.string(workflowId)
            m.pointee.workflow_type = a.workflowType(workflowType)
            m.pointee.task_queue = a.taskQueue(named: taskQueue)
            m.pointee.input = a.payloads(input)
            m.pointee.workflow_execution_timeout = a.duration(workflowExecutionTimeout)
            m.pointee.workflow_run_timeout = a.duration(workflowRunTimeout)
            m.pointee.workflow_task_timeout = a.duration(workflowTaskTimeout)
            m.pointee.identity = a.string(identity)
            m.pointee.request_id = a.string(requestId)
            m.pointee.workflow_id_reuse_policy = cEnum(workflowIdReusePolicy)
            m.pointee.workflow_id_conflict_policy = cEnum(workflowIdConflictPolicy)
            m.pointee.retry_policy = a.retryPolicy(retryPolicy)
            m.pointee.cron_schedule = a.string(cronSchedule)
            m.pointee.memo = a.memo(memo)
            m.pointee.search_attributes = a.searchAttributes(searchAttributes)
            m.pointee.header = a.header(header)
            m.pointee.request_eager_execution = requestEagerExecution ? 1 : 0
            m.pointee.workflow_start_delay = a.duration(workflowStartDelay)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.StartWorkflowExecutionRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbStartWorkflowExecutionRequest.self, wireBytes) { m in
            StartWorkflowExecutionRequest(
                namespace: str(m.namespace_), workflowId: str(m.workflow_id),
                workflowType: decodeName(m.workflow_type), taskQueue: str(m.task_queue?.pointee.name),
                input: decodePayloads(m.input),
                workflowExecutionTimeout: decodeDuration(m.workflow_execution_timeout),
                workflowRunTimeout: decodeDuration(m.workflow_run_timeout),
                workflowTaskTimeout: decodeDuration(m.workflow_task_timeout),
                identity: str(m.identity), requestId: str(m.request_id),
                workflowIdReusePolicy: int32(m.workflow_id_reuse_policy),
                workflowIdConflictPolicy: int32(m.workflow_id_conflict_policy),
                retryPolicy: decodeRetryPolicy(m.retry_policy), cronSchedule: str(m.cron_schedule),
                memo: decodeMemo(m.memo), searchAttributes: decodeSearchAttributes(m.search_attributes),
                header: decodeHeader(m.header), requestEagerExecution: m.request_eager_execution != 0,
                workflowStartDelay: decodeDuration(m.workflow_start_delay))
        }
    }
}

extension SignalWorkflowExecutionRequest {
    /// Encodes as `temporal.api.workflowservice.v1.SignalWorkflowExecutionRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbSignalWorkflowExecutionRequest.self) { a, m in
            m.pointee.namespace_ = a.string(namespace)
            m.pointee.workflow_execution = a.workflowExecution(execution)
            m.pointee.signal_name = a.string(signalName)
            m.pointee.input = a.payloads(input)
            m.pointee.identity = a.string(identity)
            m.pointee.request_id = a.string(requestId)
            m.pointee.header = a.header(header)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.SignalWorkflowExecutionRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbSignalWorkflowExecutionRequest.self, wireBytes) { m in
            SignalWorkflowExecutionRequest(
                namespace: str(m.namespace_), execution: decodeExecution(m.workflow_execution),
                signalName: str(m.signal_name), input: decodePayloads(m.input), identity: str(m.identity),
                requestId: str(m.request_id), header: decodeHeader(m.header))
        }
    }
}

extension RequestCancelWorkflowExecutionRequest {
    /// Encodes as `temporal.api.workflowservice.v1.RequestCancelWorkflowExecutionRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbRequestCancelWorkflowExecutionRequest.self) { a, m in
            m.pointee.namespace_ = a.string(namespace)
            m.pointee.workflow_execution = a.workflowExecution(execution)
            m.pointee.identity = a.string(identity)
            m.pointee.request_id = a.string(requestId)
            m.pointee.reason = a.string(reason)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.RequestCancelWorkflowExecutionRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbRequestCancelWorkflowExecutionRequest.self, wireBytes) { m in
            RequestCancelWorkflowExecutionRequest(
                namespace: str(m.namespace_), execution: decodeExecution(m.workflow_execution),
                identity: str(m.identity), requestId: str(m.request_id), reason: str(m.reason))
        }
    }
}

extension TerminateWorkflowExecutionRequest {
    /// Encodes as `temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbTerminateWorkflowExecutionRequest.self) { a, m in
            m.pointee.namespace_ = a.string(namespace)
            m.pointee.workflow_execution = a.workflowExecution(execution)
            m.pointee.reason = a.string(reason)
            m.pointee.identity = a.string(identity)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbTerminateWorkflowExecutionRequest.self, wireBytes) { m in
            TerminateWorkflowExecutionRequest(namespace: str(m.namespace_),
                                              execution: decodeExecution(m.workflow_execution),
                                              reason: str(m.reason), identity: str(m.identity))
        }
    }
}

/// `DescribeNamespace` request encoding (the model has no request struct).
public enum DescribeNamespaceWire {
    /// `temporal.api.workflowservice.v1.DescribeNamespaceRequest{namespace}`.
    /// A namespace name containing a NUL byte is sent truncated at the NUL.
    public static func request(namespace: String) -> [UInt8] {
        let name = namespace.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false).first
            .map(String.init) ?? ""
        // Cannot fail: the only encode error is an embedded NUL, removed above.
        return (try? encodeMessage(PbDescribeNamespaceRequest.self) { a, m in
            m.pointee.namespace_ = a.string(name)
        }) ?? []
    }

    /// Decodes a `DescribeNamespaceRequest`, returning its namespace name.
    public static func namespace(fromRequest bytes: [UInt8]) throws(WireError) -> String {
        try decodeMessage(PbDescribeNamespaceRequest.self, bytes) { m in str(m.namespace_) }
    }
}

extension NamespaceDescription {
    /// Decodes `temporal.api.workflowservice.v1.DescribeNamespaceResponse`
    /// (`namespace_info.name` / `namespace_info.id`).
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbDescribeNamespaceResponse.self, wireBytes) { m in
            NamespaceDescription(name: str(m.namespace_info?.pointee.name), id: str(m.namespace_info?.pointee.id))
        }
    }

    /// Encodes as a `DescribeNamespaceResponse` with state REGISTERED.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbDescribeNamespaceResponse.self) { a, m in
            m.pointee.namespace_info = a.build {
                $0.name = a.string(name)
                $0.id = a.string(id)
                $0.state = TEMPORAL__API__ENUMS__V1__NAMESPACE_STATE__NAMESPACE_STATE_REGISTERED
            }
        }
    }
}
