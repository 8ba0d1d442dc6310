import TemporalModel

/// State machine of UpsertWorkflowSearchAttributes or
/// ModifyWorkflowProperties (memo).
///
/// | state    | input                                                | next     |
/// |----------|------------------------------------------------------|----------|
/// | created  | UpsertWorkflowSearchAttributes / WorkflowPropertiesModified | recorded |
final class UpsertMachine: CommandMachine {
    let command: Command?
    private let expected: Int32

    init(searchAttributes: PayloadMap) {
        command = .upsertWorkflowSearchAttributes(searchAttributes: searchAttributes)
        expected = EventType.upsertWorkflowSearchAttributes
    }

    init(memo: PayloadMap) {
        command = .modifyWorkflowProperties(upsertedMemo: memo)
        expected = EventType.workflowPropertiesModified
    }

    var commandDescription: String {
        expected == EventType.upsertWorkflowSearchAttributes ? "UpsertWorkflowSearchAttributes" : "ModifyWorkflowProperties"
    }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        event.eventType == expected ? nil : describeCommandEvent(event)
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        throw ReplayError(.fatal, "\(commandDescription) does not handle event \(event.eventId) \(EventType.name(event.eventType))")
    }
}
