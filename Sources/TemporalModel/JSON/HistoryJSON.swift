/// Reads a workflow history in proto3 JSON, the form
/// `temporal workflow show --output json` prints and the Web UI downloads:
/// `{"events": [{"eventId": "1", "eventTime": "…Z", "eventType":
/// "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED", "workflowExecutionStartedEventAttributes": {…}}, …]}`.
///
/// - Field names in lowerCamelCase (snake_case accepted too); unknown
///   fields are ignored.
/// - `eventType` as the full enum name, the short name some tools print
///   (`WorkflowExecutionStarted`) or the number. Types the model does not
///   carry become `.other` with their number kept; an unrecognised name
///   becomes `.other` with type 0.
/// - 64-bit integers as strings or numbers, timestamps in RFC 3339,
///   durations like `"1.500s"`, bytes and payload data in base64 (the
///   shorthand payload form is accepted too, see `Payload` reading).
///
/// Errors name the event (index and id) and the field that failed.
public enum HistoryJSON {
    /// Parses UTF-8 JSON text holding a `History` object (or a bare array
    /// of events).
    ///
    /// Each event is converted as soon as its JSON is parsed (see
    /// `JSONParser.parseEvents`); the outcome is what converting the fully
    /// parsed document gives: broken text is reported first, and a bad
    /// event only if its `events` member is the one that counts.
    public static func decode(_ bytes: some Collection<UInt8>) throws(HistoryJSONError) -> History {
        var events: [HistoryEvent] = []
        var failure: HistoryJSONError?
        let parse = { (buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONParser.EventsDocument, JSONError> in
            var parser = JSONParser(bytes: buffer, maxDepth: JSONValue.defaultMaxDepth)
            do throws(JSONError) {
                let restart = {
                    events.removeAll()
                    failure = nil
                }
                return .success(try parser.parseEvents(restart: restart) { value, index in
                    guard failure == nil else { return }  // parse on: the text may still be broken
                    do throws(HistoryJSONError) {
                        events.append(try event(value, index: index))
                    } catch {
                        failure = error
                    }
                })
            } catch {
                return .failure(error)
            }
        }
        let outcome = bytes.withContiguousStorageIfAvailable(parse) ?? Array(bytes).withUnsafeBufferPointer(parse)
        switch outcome {
        case .failure(let error): throw HistoryJSONError(message: "not valid JSON", json: error)
        case .success(.other(let value)): return try decode(value)  // reports what it is instead
        case .success(.streamed):
            if let failure { throw failure }
            return History(events: events)
        }
    }

    /// `decode(_:)` on the UTF-8 of `text`.
    public static func decode(_ text: String) throws(HistoryJSONError) -> History {
        try decode(Array(text.utf8))
    }

    /// Converts an already parsed `History` JSON value.
    public static func decode(_ value: JSONValue) throws(HistoryJSONError) -> History {
        let items: [JSONValue]
        switch value {
        case .array(let a):
            items = a
        case .object(let members):
            switch members["events"] {
            case .array(let a): items = a
            case nil, .null: items = []
            case let other?:
                throw HistoryJSONError(message: "expected an array, found \(other.kindName)", field: "events")
            }
        default:
            throw HistoryJSONError(message: "expected an object with \"events\", found \(value.kindName)")
        }
        var events: [HistoryEvent] = []
        events.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            events.append(try event(item, index: index))
        }
        return History(events: events)
    }

    /// Converts one `HistoryEvent` JSON object; `index` is for errors.
    public static func event(_ value: JSONValue, index: Int = 0) throws(HistoryJSONError) -> HistoryEvent {
        var eventId: Int64?
        do throws(ProtoJSONFieldError) {
            let e = try ProtoJSONObject(value, path: "", snake: false)
            let id = try e.int64("eventId")
            eventId = id
            let type: Int32
            if case .string(let name)? = e.raw("eventType"), ProtoJSONEnum.eventType.value(named: name) == nil {
                type = 0  // a type newer than this table: keep the event as `.other`
            } else {
                type = try e.enumValue("eventType", .eventType)
            }
            return HistoryEvent(eventId: id, eventTime: try e.timestamp("eventTime") ?? Timestamp(seconds: 0),
                                eventType: type, workerMayIgnore: try e.bool("workerMayIgnore"),
                                attributes: try attributes(of: e, type: type))
        } catch {
            throw HistoryJSONError(message: error.message, eventIndex: index, eventId: eventId,
                                   field: error.path.isEmpty ? nil : error.path)
        }
    }

    /// The attributes message of an event of `type`, e.g.
    /// `workflowExecutionStartedEventAttributes`.
    static func attributesKey(for type: Int32) -> String {
        if let known = attributesKeys[type] { return known }
        return makeAttributesKey(for: type)
    }

    private static func makeAttributesKey(for type: Int32) -> String {
        var bytes = Array(EventType.name(type).utf8)
        if let first = bytes.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") { bytes[0] = first + 32 }
        return String(decoding: bytes, as: UTF8.self) + "EventAttributes"
    }

    /// The keys of the known event types, built once.
    private static let attributesKeys: [Int32: String] = {
        var keys: [Int32: String] = [:]
        for type in Int32(1)...Int32(64) { keys[type] = makeAttributesKey(for: type) }
        return keys
    }()
}
