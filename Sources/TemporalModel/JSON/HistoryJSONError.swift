/// Why `HistoryJSON` could not read a history.
public struct HistoryJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed.
    public var message: String
    /// 0-based position of the event in `events`, when the problem is in one.
    public var eventIndex: Int?
    /// The event's `eventId`, when it could be read.
    public var eventId: Int64?
    /// Path of the field within the event, e.g.
    /// `activityTaskFailedEventAttributes.failure.cause.message`.
    public var field: String?
    /// The JSON syntax error, when the text was not JSON at all.
    public var json: JSONError?

    public init(message: String, eventIndex: Int? = nil, eventId: Int64? = nil, field: String? = nil,
                json: JSONError? = nil) {
        self.message = message
        self.eventIndex = eventIndex
        self.eventId = eventId
        self.field = field
        self.json = json
    }

    public var description: String {
        var s = "history JSON"
        if let eventIndex { s += ", event \(eventIndex)" }
        if let eventId { s += " (eventId \(eventId))" }
        if let field { s += ", field \(field)" }
        s += ": " + message
        if let json { s += ": \(json)" }
        return s
    }
}
