/// A history document read event by event: each event's JSON is converted
/// as soon as it is parsed and then dropped, so a long history never has
/// its whole JSON tree in memory at once (for 12,000 events that tree was
/// several times the file's size, and building it a good part of replay).
extension JSONParser {
    /// What the document turned out to be.
    enum EventsDocument {
        /// Its events went to `each` (none when it has no `events`).
        case streamed
        /// Not a `History`: a top-level value other than an array or an
        /// object, or an object whose (last) `events` is not an array.
        case other(JSONValue)
    }

    /// Parses a document that is a bare array of events or an object with
    /// an `events` array, handing each event to `each` (its value and
    /// index). Other members are parsed and dropped. A repeated `events`
    /// member replaces the earlier one, as in a parsed object: `restart` is
    /// called before it.
    mutating func parseEvents(restart: () -> Void,
                              each: (JSONValue, Int) -> Void) throws(JSONError) -> EventsDocument {
        skipWhitespace()
        let shape: EventsDocument
        switch peek {
        case UInt8(ascii: "["):
            try streamArray(each)
            shape = .streamed
        case UInt8(ascii: "{"):
            shape = try streamObject(restart: restart, each: each)
        default:
            return .other(try parseDocument())
        }
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected \(describe(bytes[index])) after the JSON value")
        }
        return shape
    }

    /// The top-level object.
    private mutating func streamObject(restart: () -> Void,
                                       each: (JSONValue, Int) -> Void) throws(JSONError) -> EventsDocument {
        guard try openContainer(close: UInt8(ascii: "}")) else { return .streamed }
        var notAnArray: JSONValue?
        repeat {
            let key = try memberKey()
            if key == "events" && peek == UInt8(ascii: "[") {
                restart()
                notAnArray = nil
                try streamArray(each)
            } else {
                let value = try parseValue()
                if key == "events" {
                    restart()
                    if case .null = value { notAnArray = nil } else { notAnArray = .object(["events": value]) }
                }
            }
        } while try !nextOrClose(UInt8(ascii: "}"))
        return notAnArray.map { .other($0) } ?? .streamed
    }

    /// An array whose elements go to `each`.
    private mutating func streamArray(_ each: (JSONValue, Int) -> Void) throws(JSONError) {
        guard try openContainer(close: UInt8(ascii: "]")) else { return }
        var count = 0
        repeat {
            skipWhitespace()
            each(try parseValue(), count)
            count += 1
        } while try !nextOrClose(UInt8(ascii: "]"))
    }
}
