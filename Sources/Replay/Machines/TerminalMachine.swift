import TemporalModel

/// State machine of a command that closes the execution: complete, fail,
/// cancel or continue-as-new.
///
/// | state    | input                                  | next     |
/// |----------|----------------------------------------|----------|
/// | created  | the matching WorkflowExecution* event  | recorded |
final class TerminalMachine: CommandMachine {
    let terminal: Command
    private let expectedEventType: Int32
    private(set) var recorded = false

    init(_ command: WorkflowCommand) {
        switch command {
        case .completeWorkflow(let result):
            terminal = .completeWorkflowExecution(result: result)
            expectedEventType = EventType.workflowExecutionCompleted
        case .failWorkflow(let failure):
            terminal = .failWorkflowExecution(failure: failure)
            expectedEventType = EventType.workflowExecutionFailed
        case .cancelWorkflow(let details):
            terminal = .cancelWorkflowExecution(details: details)
            expectedEventType = EventType.workflowExecutionCanceled
        case .continueAsNew(let attributes):
            terminal = .continueAsNewWorkflowExecution(attributes)
            expectedEventType = EventType.workflowExecutionContinuedAsNew
        default:
            preconditionFailure("TerminalMachine built from a non-terminal command")
        }
    }

    var command: Command? { terminal }

    var commandDescription: String {
        switch terminal {
        case .completeWorkflowExecution: "CompleteWorkflowExecution"
        case .failWorkflowExecution: "FailWorkflowExecution"
        case .cancelWorkflowExecution: "CancelWorkflowExecution"
        default: "ContinueAsNewWorkflowExecution"
        }
    }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        guard event.eventType == expectedEventType else { return describeCommandEvent(event) }
        recorded = true
        return nil
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        throw ReplayError(.fatal, "\(commandDescription) does not handle event \(event.eventId) \(EventType.name(event.eventType))")
    }
}
