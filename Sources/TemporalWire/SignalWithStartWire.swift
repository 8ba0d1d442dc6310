import CTemporalProto
import TemporalModel

// SignalWithStartWorkflowExecution request and response, both directions.

extension SignalWithStartWorkflowExecutionRequest {
    /// Encodes as `temporal.api.workflowservice.v1.SignalWithStartWorkflowExecutionRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        let s = start
        return try encodeMessage(PbSignalWithStartWorkflowExecutionRequest.self) { a, m in
            m.pointee.namespace_ = a.string(s.namespace)
            m.pointee.workflow_id = a.string(s.workflowId)
            m.pointee.workflow_type = a.workflowType(s.workflowType)
            m.pointee.task_queue = a.taskQueue(named: s.taskQueue)
            m.pointee.input = a.payloads(s.input)
            m.pointee.workflow_execution_timeout = a.duration(s.workflowExecutionTimeout)
            m.pointee.workflow_run_timeout = a.duration(s.workflowRunTimeout)
            m.pointee.workflow_task_timeout = a.duration(s.workflowTaskTimeout)
            m.pointee.identity = a.string(s.identity)
            m.pointee.request_id = a.string(s.requestId)
            m.pointee.workflow_id_reuse_policy = cEnum(s.workflowIdReusePolicy)
            m.pointee.workflow_id_conflict_policy = cEnum(s.workflowIdConflictPolicy)
            m.pointee.signal_name = a.string(signalName)
            m.pointee.signal_input = a.payloads(signalInput)
            m.pointee.retry_policy = a.retryPolicy(s.retryPolicy)
            m.pointee.cron_schedule = a.string(s.cronSchedule)
            m.pointee.memo = a.memo(s.memo)
            m.pointee.search_attributes = a.searchAttributes(s.searchAttributes)
            m.pointee.header = a.header(s.header)
            m.pointee.workflow_start_delay = a.duration(s.workflowStartDelay)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.SignalWithStartWorkflowExecutionRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbSignalWithStartWorkflowExecutionRequest.self, wireBytes) { m in
            SignalWithStartWorkflowExecutionRequest(
                start: StartWorkflowExecutionRequest(
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
                    header: decodeHeader(m.header),
                    workflowStartDelay: decodeDuration(m.workflow_start_delay)),
                signalName: str(m.signal_name), signalInput: decodePayloads(m.signal_input))
        }
    }
}

extension SignalWithStartWorkflowExecutionResponse {
    /// Decodes `temporal.api.workflowservice.v1.SignalWithStartWorkflowExecutionResponse`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbSignalWithStartWorkflowExecutionResponse.self, wireBytes) { m in
            SignalWithStartWorkflowExecutionResponse(runId: str(m.run_id), started: m.started != 0)
        }
    }

    /// Encodes as `SignalWithStartWorkflowExecutionResponse` (for fakes and fixtures).
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbSignalWithStartWorkflowExecutionResponse.self) { a, m in
            m.pointee.run_id = a.string(runId)
            m.pointee.started = started ? 1 : 0
        }
    }
}
