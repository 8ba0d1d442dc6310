import CTemporalProto
import TemporalModel

// Workflow-task requests of the worker: `wireBytes()` encodes, and
// `init(wireBytes:)` decodes (for tests, fakes and fixtures).

extension PollWorkflowTaskQueueRequest {
    /// Encodes as `temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbPollWorkflowTaskQueueRequest.self) { a, m in
            m.pointee.namespace_ = a.string(namespace)
            m.pointee.task_queue = a.taskQueue(taskQueue)
            m.pointee.identity = a.string(identity)
            m.pointee.worker_instance_key = a.string(workerInstanceKey)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbPollWorkflowTaskQueueRequest.self, wireBytes) { m in
            PollWorkflowTaskQueueRequest(
                namespace: str(m.namespace_),
                taskQueue: m.task_queue.map { decodeTaskQueue($0) } ?? TaskQueue(name: "", kind: .unspecified),
                identity: str(m.identity), workerInstanceKey: str(m.worker_instance_key))
        }
    }
}

extension RespondWorkflowTaskCompletedRequest {
    /// Encodes as `temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest`.
    /// `sdk_metadata` is sent only when `sdkName` or `sdkVersion` is set.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbRespondWorkflowTaskCompletedRequest.self) { a, m in
            m.pointee.task_token = a.bytes(taskToken)
            m.pointee.n_commands = commands.count
            m.pointee.commands = a.array(commands) { a.command($0) }
            m.pointee.identity = a.string(identity)
            m.pointee.namespace_ = a.string(namespace)
            m.pointee.sticky_attributes = a.stickyAttributes(stickyAttributes)
            m.pointee.return_new_workflow_task = returnNewWorkflowTask ? 1 : 0
            m.pointee.force_create_new_workflow_task = forceCreateNewWorkflowTask ? 1 : 0
            m.pointee.n_query_results = queryResults.count
            m.pointee.query_results = a.array(queryResults.sorted { $0.key < $1.key }) { entry in
                a.build { (e: inout PbRespondWorkflowTaskCompletedRequest_QueryResultsEntry) in
                    e.key = a.string(entry.key)
                    e.value = a.queryResult(entry.value)
                }
            }
            m.pointee.n_messages = messages.count
            m.pointee.messages = a.array(messages) { a.protocolMessage($0) }
            if !sdkName.isEmpty || !sdkVersion.isEmpty {
                m.pointee.sdk_metadata = a.build {
                    $0.sdk_name = a.string(sdkName)
                    $0.sdk_version = a.string(sdkVersion)
                }
            }
            m.pointee.worker_instance_key = a.string(workerInstanceKey)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbRespondWorkflowTaskCompletedRequest.self, wireBytes) { m throws(WireError) in
            var results: [String: WorkflowQueryResult] = [:]
            if m.n_query_results > 0, let entries = m.query_results {
                for i in 0..<m.n_query_results {
                    guard let e = entries[i] else { continue }
                    results[str(e.pointee.key)] = e.pointee.value.map { decodeQueryResult($0.pointee) }
                        ?? WorkflowQueryResult(resultType: .answered)
                }
            }
            return RespondWorkflowTaskCompletedRequest(
                taskToken: bytes(m.task_token),
                commands: try decodeCommands(m.n_commands, m.commands, in: PbRespondWorkflowTaskCompletedRequest.protoName),
                identity: str(m.identity), namespace: str(m.namespace_),
                stickyAttributes: decodeStickyAttributes(m.sticky_attributes),
                returnNewWorkflowTask: m.return_new_workflow_task != 0,
                forceCreateNewWorkflowTask: m.force_create_new_workflow_task != 0,
                queryResults: results, messages: each(m.n_messages, m.messages, decodeProtocolMessage),
                sdkName: str(m.sdk_metadata?.pointee.sdk_name), sdkVersion: str(m.sdk_metadata?.pointee.sdk_version),
                workerInstanceKey: str(m.worker_instance_key))
        }
    }
}

extension RespondWorkflowTaskFailedRequest {
    /// Encodes as `temporal.api.workflowservice.v1.RespondWorkflowTaskFailedRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbRespondWorkflowTaskFailedRequest.self) { a, m in
            m.pointee.task_token = a.bytes(taskToken)
            m.pointee.cause = cEnum(cause)
            m.pointee.failure = a.failure(failure)
            m.pointee.identity = a.string(identity)
            m.pointee.namespace_ = a.string(namespace)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.RespondWorkflowTaskFailedRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbRespondWorkflowTaskFailedRequest.self, wireBytes) { m in
            RespondWorkflowTaskFailedRequest(
                taskToken: bytes(m.task_token), cause: int32(m.cause),
                failure: decodeFailure(m.failure) ?? Failure(message: ""),
                identity: str(m.identity), namespace: str(m.namespace_))
        }
    }
}

extension GetWorkflowExecutionHistoryRequest {
    /// Encodes as `temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbGetWorkflowExecutionHistoryRequest.self) { a, m in
            m.pointee.namespace_ = a.string(namespace)
            m.pointee.execution = a.workflowExecution(execution)
            m.pointee.maximum_page_size = maximumPageSize
            m.pointee.next_page_token = a.bytes(nextPageToken)
            m.pointee.wait_new_event = waitNewEvent ? 1 : 0
            m.pointee.history_event_filter_type = cEnum(eventFilter.rawValue)
            m.pointee.skip_archival = skipArchival ? 1 : 0
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbGetWorkflowExecutionHistoryRequest.self, wireBytes) { m in
            GetWorkflowExecutionHistoryRequest(
                namespace: str(m.namespace_), execution: decodeExecution(m.execution),
                maximumPageSize: m.maximum_page_size, nextPageToken: bytes(m.next_page_token),
                waitNewEvent: m.wait_new_event != 0,
                eventFilter: EventFilter(rawValue: int32(m.history_event_filter_type)) ?? .all,
                skipArchival: m.skip_archival != 0)
        }
    }
}

extension RespondQueryTaskCompletedRequest {
    /// Encodes as `temporal.api.workflowservice.v1.RespondQueryTaskCompletedRequest`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbRespondQueryTaskCompletedRequest.self) { a, m in
            m.pointee.task_token = a.bytes(taskToken)
            m.pointee.completed_type = cEnum(result.resultType.rawValue)
            m.pointee.query_result = a.payloads(result.answer)
            m.pointee.error_message = a.string(result.errorMessage)
            m.pointee.failure = a.failure(result.failure)
            m.pointee.namespace_ = a.string(namespace)
        }
    }

    /// Decodes `temporal.api.workflowservice.v1.RespondQueryTaskCompletedRequest`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbRespondQueryTaskCompletedRequest.self, wireBytes) { m in
            RespondQueryTaskCompletedRequest(
                taskToken: bytes(m.task_token),
                result: WorkflowQueryResult(
                    resultType: WorkflowQueryResult.ResultType(rawValue: int32(m.completed_type)) ?? .answered,
                    answer: decodePayloads(m.query_result), errorMessage: str(m.error_message),
                    failure: decodeFailure(m.failure)),
                namespace: str(m.namespace_))
        }
    }
}
