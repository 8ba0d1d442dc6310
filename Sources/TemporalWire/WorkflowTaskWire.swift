import CTemporalProto
import TemporalModel

// PollWorkflowTaskQueueResponse (WorkflowTask), RespondWorkflowTaskCompletedResponse
// and GetWorkflowExecutionHistoryResponse, both directions.

extension Arena {
    func workflowTask(_ t: WorkflowTask) -> UnsafeMutablePointer<PbPollWorkflowTaskQueueResponse> {
        build {
            $0.task_token = bytes(t.taskToken)
            $0.workflow_execution = workflowExecution(t.workflowExecution)
            $0.workflow_type = workflowType(t.workflowType)
            $0.previous_started_event_id = t.previousStartedEventId
            $0.started_event_id = t.startedEventId
            $0.attempt = t.attempt
            $0.history = history(t.history)
            $0.next_page_token = bytes(t.nextPageToken)
            $0.query = t.query.map { workflowQuery($0) }
            $0.workflow_execution_task_queue = t.workflowExecutionTaskQueue.map { taskQueue($0) }
            $0.n_queries = t.queries.count
            $0.queries = array(t.queries.sorted { $0.key < $1.key }) { entry in
                build { (e: inout PbPollWorkflowTaskQueueResponse_QueriesEntry) in
                    e.key = string(entry.key)
                    e.value = workflowQuery(entry.value)
                }
            }
            $0.n_messages = t.messages.count
            $0.messages = array(t.messages) { protocolMessage($0) }
        }
    }

    func history(_ h: History) -> UnsafeMutablePointer<PbHistory> {
        build {
            $0.n_events = h.events.count
            $0.events = array(h.events) { historyEvent($0) }
        }
    }
}

func decodeWorkflowTask(_ m: PbPollWorkflowTaskQueueResponse) -> WorkflowTask {
    var queries: [String: WorkflowQuery] = [:]
    if m.n_queries > 0, let entries = m.queries {
        for i in 0..<m.n_queries {
            guard let e = entries[i] else { continue }
            queries[str(e.pointee.key)] = e.pointee.value.map { decodeWorkflowQuery($0.pointee) }
                ?? WorkflowQuery(queryType: "")
        }
    }
    return WorkflowTask(
        taskToken: bytes(m.task_token), workflowExecution: decodeExecution(m.workflow_execution),
        workflowType: decodeName(m.workflow_type), previousStartedEventId: m.previous_started_event_id,
        startedEventId: m.started_event_id, attempt: m.attempt, history: decodeHistory(m.history),
        nextPageToken: bytes(m.next_page_token), query: m.query.map { decodeWorkflowQuery($0.pointee) },
        workflowExecutionTaskQueue: m.workflow_execution_task_queue.map { decodeTaskQueue($0) },
        queries: queries, messages: each(m.n_messages, m.messages, decodeProtocolMessage))
}

extension WorkflowTask {
    /// Decodes `temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse`;
    /// zero bytes (an expired long poll) give a task with an empty token.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbPollWorkflowTaskQueueResponse.self, wireBytes) { decodeWorkflowTask($0) }
    }

    /// Encodes as `PollWorkflowTaskQueueResponse` (for fakes and fixtures).
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbPollWorkflowTaskQueueResponse.self) { a, m in m.pointee = a.workflowTask(self).pointee }
    }
}

extension RespondWorkflowTaskCompletedResponse {
    /// Decodes `temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedResponse`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbRespondWorkflowTaskCompletedResponse.self, wireBytes) { m in
            RespondWorkflowTaskCompletedResponse(
                workflowTask: m.workflow_task.map { decodeWorkflowTask($0.pointee) },
                activityTasks: (0..<Int(m.n_activity_tasks)).compactMap { i in m.activity_tasks[i].map { decodeActivityTask($0.pointee) } },
                resetHistoryEventId: m.reset_history_event_id)
        }
    }

    /// Encodes as `RespondWorkflowTaskCompletedResponse` (for fakes and fixtures).
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbRespondWorkflowTaskCompletedResponse.self) { a, m in
            m.pointee.workflow_task = workflowTask.map { a.workflowTask($0) }
            m.pointee.n_activity_tasks = activityTasks.count
            m.pointee.activity_tasks = a.array(activityTasks) { a.activityTask($0) }
            m.pointee.reset_history_event_id = resetHistoryEventId
        }
    }
}

extension GetWorkflowExecutionHistoryResponse {
    /// Decodes `temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbGetWorkflowExecutionHistoryResponse.self, wireBytes) { m in
            GetWorkflowExecutionHistoryResponse(history: decodeHistory(m.history),
                                                nextPageToken: bytes(m.next_page_token))
        }
    }

    /// Encodes as `GetWorkflowExecutionHistoryResponse` (for fakes and fixtures).
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbGetWorkflowExecutionHistoryResponse.self) { a, m in
            m.pointee.history = a.history(history)
            m.pointee.next_page_token = a.bytes(nextPageToken)
        }
    }
}
