import TemporalModel

/// State machine of a marker (side effect or version).
///
/// | state    | input                                   | next     |
/// |----------|-----------------------------------------|----------|
/// | created  | MarkerRecorded with same name and key   | recorded |
///
/// The key is the side-effect id (`side-effect-id`) or the change id
/// (`change-id`); the orchestrator reads it from the recorded details.
final class MarkerMachine: CommandMachine {
    let name: String
    let key: String
    let details: [String: [Payload]]

    init(name: String, key: String, details: [String: [Payload]]) {
        self.name = name
        self.key = key
        self.details = details
    }

    var command: Command? { .recordMarker(markerName: name, details: details, failure: nil) }

    var commandDescription: String { "RecordMarker(\(name) \"\(key)\")" }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        guard case .markerRecorded(let recordedName, let recordedDetails, _) = event.attributes,
              recordedName == name, MarkerKey.of(name: recordedName, details: recordedDetails) == key else {
            return describeCommandEvent(event)
        }
        return nil
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        throw ReplayError(.fatal, "marker \(name) does not handle event \(event.eventId) \(EventType.name(event.eventType))")
    }
}

/// Names and keys of the markers Moonflow writes (Go SDK layout).
public enum MarkerKey {
    public static let sideEffect = "SideEffect"
    public static let version = "Version"

    /// The identifying key of a marker: its side-effect id or change id,
    /// as the JSON text of that detail ("3" or "\"my-change\"").
    public static func of(name: String, details: [String: [Payload]]) -> String {
        let field = name == version ? "change-id" : "side-effect-id"
        guard let payload = details[field]?.first else { return "" }
        return String(decoding: payload.data, as: UTF8.self)
    }
}
