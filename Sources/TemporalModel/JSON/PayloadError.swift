/// Why a value could not become a `Payload`, or a `Payload` a value.
public struct PayloadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `encoding` metadata involved; nil when the payload had none.
    public var encoding: String?
    /// What failed, e.g. "unknown encoding" or "invalid JSON".
    public var message: String
    /// The underlying JSON error, when there is one.
    public var json: JSONError?
    /// Position of the payload in a list of payloads (see `PayloadCodec.decode(_:)`
    /// for lists), when known.
    public var index: Int?

    public init(encoding: String?, message: String, json: JSONError? = nil, index: Int? = nil) {
        self.encoding = encoding
        self.message = message
        self.json = json
        self.index = index
    }

    public var description: String {
        var s = "payload"
        if let index { s += " \(index)" }
        s += encoding.map { " (encoding \($0))" } ?? " (no encoding)"
        s += ": " + message
        if let json { s += ": \(json)" }
        return s
    }
}
