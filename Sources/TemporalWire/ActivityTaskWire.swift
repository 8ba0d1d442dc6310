import CTemporalProto
import TemporalModel

// PollActivityTaskQueueResponse (ActivityTask), RecordActivityTaskHeartbeatResponse
// and StartWorkflowExecutionResponse, both directions.

func decodeActivityTask(_ m: PbPollActivityTaskQueueResponse) -> ActivityTask {
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

extension Arena {
    func activityTask(_ t: ActivityTask) -> UnsafeMutablePointer<PbPollActivityTaskQueueResponse> {
        build {
            $0.task_token = bytes(t.taskToken)
            $0.workflow_namespace = string(t.workflowNamespace)
            $0.workflow_type = workflowType(t.workflowType)
            $0.workflow_execution = workflowExecution(t.workflowExecution)
            $0.activity_type = activityType(t.activityType)
            $0.activity_id = string(t.activityId)
            $0.header = header(t.header)
            $0.input = payloads(t.input)
            $0.heartbeat_details = payloads(t.heartbeatDetails)
            $0.scheduled_time = timestamp(t.scheduledTime)
            $0.started_time = timestamp(t.startedTime)
            $0.attempt = t.attempt
            $0.schedule_to_close_timeout = duration(t.scheduleToCloseTimeout)
            $0.start_to_close_timeout = duration(t.startToCloseTimeout)
            $0.heartbeat_timeout = duration(t.heartbeatTimeout)
        }
    }
}

extension ActivityTask {
    /// Decodes `temporal.api.workflowservice.v1.PollActivityTaskQueueResponse`;
    /// zero bytes give a task with an empty token.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbPollActivityTaskQueueResponse.self, wireBytes) { m in decodeActivityTask(m) }
    }

    /// Encodes as `PollActivityTaskQueueResponse` (for fakes and fixtures).
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbPollActivityTaskQueueResponse.self) { a, m in
            m.pointee = a.activityTask(self).pointee
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
