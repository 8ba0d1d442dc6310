import TemporalModel

/// One step of the update protocol that history records: accepting an
/// update (WorkflowExecutionUpdateAccepted) or completing it
/// (WorkflowExecutionUpdateCompleted). Each is a PROTOCOL_MESSAGE command
/// whose message travels with it; the command's place among the others
/// fixes where the server writes the event. A rejection has no command or
/// event and is not a machine.
///
/// | state   | input                                                  | next     |
/// |---------|--------------------------------------------------------|----------|
/// | created | UpdateAccepted / UpdateCompleted for the same update id | recorded |
final class UpdateMachine: CommandMachine {
    enum Step: Sendable { case accept, complete }

    let step: Step
    let updateId: String
    /// The protocol message sent with the command.
    let message: ProtocolMessage

    init(accepting job: UpdateJob) {
        step = .accept
        updateId = job.request.updateId
        message = ProtocolMessage(
            id: job.messageId + "/accept", protocolInstanceId: job.request.updateId,
            body: .updateAcceptance(requestMessageId: job.messageId, sequencingEventId: job.sequencingEventId,
                                    request: job.request))
    }

    init(completing job: UpdateJob, outcome: UpdateOutcome) {
        step = .complete
        updateId = job.request.updateId
        message = ProtocolMessage(
            id: job.messageId + "/complete", protocolInstanceId: job.request.updateId,
            body: .updateResponse(updateId: job.request.updateId, identity: job.request.identity, outcome: outcome))
    }

    var command: Command? { .protocolMessage(messageId: message.id) }

    var commandDescription: String {
        step == .accept ? "accepting update \"\(updateId)\"" : "completing update \"\(updateId)\""
    }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        switch (step, event.attributes) {
        case (.accept, .workflowExecutionUpdateAccepted(let instanceId, _, _, _)) where instanceId == updateId:
            return nil
        case (.complete, .workflowExecutionUpdateCompleted(let id, _, _)) where id == updateId:
            return nil
        default:
            return describeCommandEvent(event)
        }
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        throw ReplayError(.fatal, "\(commandDescription) does not handle event \(event.eventId) \(EventType.name(event.eventType))")
    }
}
