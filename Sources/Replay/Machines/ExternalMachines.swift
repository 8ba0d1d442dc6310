import TemporalModel

/// State machine of a signal sent to another workflow.
///
/// | state     | input                                               | next      | output |
/// |-----------|-----------------------------------------------------|-----------|--------|
/// | created   | SignalExternalWorkflowExecutionInitiated (match)    | initiated |        |
/// | initiated | ExternalWorkflowExecutionSignaled                   | done      | resolve ok |
/// | initiated | SignalExternalWorkflowExecutionFailed               | done      | resolve NOT_FOUND |
final class SignalExternalMachine: CommandMachine {
    let seq: Int
    let command: Command?
    let signalName: String
    let workflowId: String

    init(seq: Int, command: Command, signalName: String, workflowId: String) {
        self.seq = seq
        self.command = command
        self.signalName = signalName
        self.workflowId = workflowId
    }

    var commandDescription: String {
        "SignalExternalWorkflowExecution(signal \"\(signalName)\" to \"\(workflowId)\")"
    }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        guard case .signalExternalWorkflowExecutionInitiated(let execution, let name, _) = event.attributes,
              name == signalName, execution.workflowId == workflowId else {
            return describeCommandEvent(event)
        }
        return nil
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        switch event.attributes {
        case .externalWorkflowExecutionSignaled:
            return [.resolveSignalExternal(seq: seq, failure: nil)]
        case .signalExternalWorkflowExecutionFailed(_, let execution, _):
            return [.resolveSignalExternal(seq: seq, failure: notFound(execution.workflowId))]
        default:
            throw ReplayError(.fatal, "signal \(signalName) does not handle event \(event.eventId) \(EventType.name(event.eventType))")
        }
    }
}

/// State machine of a cancellation request to another workflow.
///
/// | state     | input                                                   | next | output |
/// |-----------|---------------------------------------------------------|------|--------|
/// | created   | RequestCancelExternalWorkflowExecutionInitiated (match) | initiated | |
/// | initiated | ExternalWorkflowExecutionCancelRequested                | done | resolve ok |
/// | initiated | RequestCancelExternalWorkflowExecutionFailed            | done | resolve NOT_FOUND |
final class CancelExternalMachine: CommandMachine {
    let seq: Int
    let command: Command?
    let workflowId: String

    init(seq: Int, command: Command, workflowId: String) {
        self.seq = seq
        self.command = command
        self.workflowId = workflowId
    }

    var commandDescription: String { "RequestCancelExternalWorkflowExecution(\"\(workflowId)\")" }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        guard case .requestCancelExternalWorkflowExecutionInitiated(let execution) = event.attributes,
              execution.workflowId == workflowId else {
            return describeCommandEvent(event)
        }
        return nil
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        switch event.attributes {
        case .externalWorkflowExecutionCancelRequested:
            return [.resolveCancelExternal(seq: seq, failure: nil)]
        case .requestCancelExternalWorkflowExecutionFailed(_, let execution, _):
            return [.resolveCancelExternal(seq: seq, failure: notFound(execution.workflowId))]
        default:
            throw ReplayError(.fatal, "cancel of \(workflowId) does not handle event \(event.eventId) \(EventType.name(event.eventType))")
        }
    }
}

func notFound(_ workflowId: String) -> Failure {
    Failure(message: "workflow \(workflowId) not found", source: "Moonflow",
            info: .application(type: "NOT_FOUND", nonRetryable: true, details: []))
}
