import CTemporalProto
import TemporalModel

// PollActivityTaskQueueResponse (ActivityTask), RecordActivityTaskHeartbeatResponse
// and StartWorkflowExecutionResponse, both directions.

extension ActivityTask {
    /// Decodes `temporal.api.workflowservice.v1.PollActivityTaskQueueResponse`;
    /// zero bytes give a task with an empty token.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbPollActivityTaskQueueResponse.self, wireBytes) { m in
            ActivityTask(
                taskToken: bytes(m.task_token), workflowNamespace: str(m.workflow_namespace),
                workflowType: decodeName(m.workflow_type), workflowExecution: decodeExecution(m.workflow_execution),
                activityType: decodeName(m.activity_type), activityId: str(m.activity_id),
                header: decodeHeader(m.header), input: decodePayloads(m.input),
                heartbeatDetails: decodePayloads(m.heartbeat_details),
                scheduledTime: decodeTimestamp(m.scheduled_time), startedTime: decodeTimestamp(m.started_time),
                attempt: m.attempt, scheduleToCloseTimeout: decodeDuration(m.schedule_to_close_timeout),
                startToCloseTimeout: decodeDuration(m.start_to_close_timeout),
                heartbeatTimeout: decodeDuration(m.heartbeat_timeout))
        }
    }

    /// Encodes as `PollActivityTaskQueueResponse` (for fakes and fixtures).
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbPollActivityTaskQueueResponse.self) { a, m in
            m.pointee.task_token = a.bytes(taskToken)
            m.pointee.workflow_namespace = a.string(workflowNamespace)
            m.pointee.workflow_type = a.workflowType(workflowType)
            m.pointee.workflow_execution = a.workflowExecution(workflowExecution)
            m.pointee.activity_type = a.activityType(activityType)
            m.pointee.activity_id = a.string(activityId)
            m.pointee.header = a.header(header)
            m.pointee.input = a.payloads(input)
            m.pointee.heartbeat_details = a.payloads(heartbeatDetails)
            m.pointee.scheduled_time = a.timestamp(scheduledTime)
            m.pointee.started_time = a.timestamp(startedTime)
            m.pointee.attempt = attempt
            m.pointee.schedule_to_close_timeout = a.duration(scheduleToCloseTimeout)
            m.pointee.start_to_close_timeout = a.duration(startToCloseTimeout)
            m.pointee.heartbeat_timeout = a.duration(heartbeatTimeout)
        }
    }
}

extension RecordActivityTaskHeartbeatResponse {
    /// Decodes `temporal.api.workflowservice.v1.RecordActivityTaskHeartbeatResponse`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbRecordActivityTaskHeartbeatResponse.self, wireBytes) { m in
            RecordActivityTaskHeartbeatResponse(cancelRequested: m.cancel_requested != 0)
        }
    }

    /// Encodes as `RecordActivityTaskHeartbeatResponse` (for fakes and fixtures).
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbRecordActivityTaskHeartbeatResponse.self) { _, m in
            m.pointee.cancel_requested = cancelRequested ? 1 : 0
        }
    }
}

extension StartWorkflowExecutionResponse {
    /// Decodes `temporal.api.workflowservice.v1.StartWorkflowExecutionResponse`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbStartWorkflowExecutionResponse.self, wireBytes) { m in
            StartWorkflowExecutionResponse(runId: str(m.run_id), started: m.started != 0)
        }
    }

    /// Encodes as `StartWorkflowExecutionResponse` (for fakes and fixtures).
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbStartWorkflowExecutionResponse.self) { a, m in
            m.pointee.run_id = a.string(runId)
            m.pointee.started = started ? 1 : 0
        }
    }
}
