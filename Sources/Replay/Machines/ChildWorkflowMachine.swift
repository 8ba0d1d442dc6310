import TemporalModel

/// State machine of a child workflow.
///
/// | state     | input                                            | next    | output |
/// |-----------|--------------------------------------------------|---------|--------|
/// | created   | StartChildWorkflowExecutionInitiated (match)     | initiated |      |
/// | initiated | ChildWorkflowExecutionStarted                    | started | childStarted |
/// | initiated | StartChildWorkflowExecutionFailed                | closed  | childStartFailed |
/// | started   | ChildWorkflowExecution{Completed, Failed, Canceled, TimedOut, Terminated} | closed | resolveChild |
final class ChildWorkflowMachine: CommandMachine {
    enum State { case created, initiated, started, closed }
    let seq: Int
    let attributes: StartChildWorkflowExecution
    private(set) var state = State.created
    private var initiatedEventId: Int64 = 0
    private var startedEventId: Int64 = 0
    private var runId = ""

    init(seq: Int, attributes: StartChildWorkflowExecution) {
        self.seq = seq
        self.attributes = attributes
    }

    var command: Command? { .startChildWorkflowExecution(attributes) }

    var commandDescription: String {
        "StartChildWorkflowExecution(workflow type \"\(attributes.workflowType)\", id \"\(attributes.workflowId)\")"
    }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        guard case .startChildWorkflowExecutionInitiated(let a) = event.attributes,
              a.workflowType == attributes.workflowType, a.workflowId == attributes.workflowId else {
            return describeCommandEvent(event)
        }
        state = .initiated
        initiatedEventId = event.eventId
        return nil
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        switch (state, event.attributes) {
        case (.initiated, .childWorkflowExecutionStarted(_, let execution, _)):
            state = .started
            startedEventId = event.eventId
            runId = execution.runId
            return [.childStarted(seq: seq, runId: execution.runId)]
        case (.initiated, .startChildWorkflowExecutionFailed(_, let workflowId, _, let cause)):
            state = .closed
            let kind = cause == 1 ? "ALREADY_EXISTS" : "INTERNAL"
            return [.childStartFailed(seq: seq, Failure(
                message: "child workflow \(workflowId) could not start (cause \(cause))", source: "Moonflow",
                info: .application(type: kind, nonRetryable: true, details: [])))]
        case (.started, .childWorkflowExecutionCompleted(_, _, let result)):
            state = .closed
            return [.resolveChild(seq: seq, .completed(result))]
        case (.started, .childWorkflowExecutionFailed(_, _, let failure, let retryState)):
            return close(failure ?? Failure(message: "child workflow failed"), retryState: retryState)
        case (.started, .childWorkflowExecutionCanceled):
            return close(Failure(message: "child workflow canceled", info: .canceled(details: [])), retryState: 0)
        case (.started, .childWorkflowExecutionTimedOut(_, _, let retryState)):
            return close(Failure(message: "child workflow timed out", info: .timeout(type: .startToClose, lastHeartbeatDetails: [])),
                         retryState: retryState)
        case (.started, .childWorkflowExecutionTerminated):
            return close(Failure(message: "child workflow terminated", info: .terminated), retryState: 0)
        default:
            throw ReplayError(.fatal, "child workflow \(attributes.workflowId) in state \(state) does not handle event \(event.eventId) \(EventType.name(event.eventType))")
        }
    }

    private func close(_ cause: Failure, retryState: RetryState) -> [Job] {
        state = .closed
        let wrapped = Failure(
            message: "Child Workflow execution failed",
            info: .childWorkflow(namespace: attributes.namespace,
                                 execution: WorkflowExecution(workflowId: attributes.workflowId, runId: runId),
                                 workflowType: attributes.workflowType, initiatedEventId: initiatedEventId,
                                 startedEventId: startedEventId, retryState: retryState),
            cause: cause)
        return [.resolveChild(seq: seq, .failed(wrapped))]
    }
}
