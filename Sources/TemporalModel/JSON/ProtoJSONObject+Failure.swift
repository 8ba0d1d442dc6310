/// Reader for `temporal.api.failure.v1.Failure`.
extension ProtoJSONObject {
    /// The failure in field `name`; nil when absent. The `cause` chain is
    /// followed as deep as the JSON goes (the JSON decoder bounds nesting).
    func failure(_ name: String) throws(ProtoJSONFieldError) -> Failure? {
        guard let f = try object(name) else { return nil }
        return Failure(message: try f.string("message"), source: try f.string("source"),
                       stackTrace: try f.string("stackTrace"), info: try f.failureInfo(),
                       cause: try f.failure("cause"))
    }

    /// The `failure_info` oneof of this `Failure`; `.none` for kinds the
    /// model does not carry (reset workflow, Nexus).
    private func failureInfo() throws(ProtoJSONFieldError) -> FailureInfo {
        if let i = try object("applicationFailureInfo") {
            return .application(type: try i.string("type"), nonRetryable: try i.bool("nonRetryable"),
                                details: try i.payloads("details"))
        }
        if let i = try object("timeoutFailureInfo") {
            return .timeout(type: try i.timeoutType("timeoutType"),
                            lastHeartbeatDetails: try i.payloads("lastHeartbeatDetails"))
        }
        if let i = try object("canceledFailureInfo") {
            return .canceled(details: try i.payloads("details"))
        }
        if try object("terminatedFailureInfo") != nil {
            return .terminated
        }
        if let i = try object("serverFailureInfo") {
            return .server(nonRetryable: try i.bool("nonRetryable"))
        }
        if let i = try object("activityFailureInfo") {
            return .activity(scheduledEventId: try i.int64("scheduledEventId"),
                             startedEventId: try i.int64("startedEventId"),
                             activityType: try i.typeName("activityType"), activityId: try i.string("activityId"),
                             retryState: try i.enumValue("retryState", .retryState))
        }
        if let i = try object("childWorkflowExecutionFailureInfo") {
            return .childWorkflow(namespace: try i.string("namespace"),
                                  execution: try i.requiredExecution("workflowExecution"),
                                  workflowType: try i.typeName("workflowType"),
                                  initiatedEventId: try i.int64("initiatedEventId"),
                                  startedEventId: try i.int64("startedEventId"),
                                  retryState: try i.enumValue("retryState", .retryState))
        }
        return .none
    }
}
