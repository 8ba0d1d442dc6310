/// Why a `JSONValue` could not be encoded to, or decoded from, JSON text.
///
/// Decoding errors carry the byte `offset` of the offending input together
/// with a 1-based `line` and `column` (the column counts bytes). Encoding
/// errors carry the `path` of the offending value, e.g. `$.items[2]`.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in broad strokes.
    public enum Kind: Sendable, Hashable {
        /// The input is not JSON text as RFC 8259 defines it.
        case syntax
        /// A string holds bytes that are not well-formed UTF-8, or a `\u`
        /// escape names a lone surrogate.
        case invalidUTF8
        /// Arrays and objects are nested deeper than the limit allows.
        case depthLimit
        /// A number does not fit a finite `Double` (decoding), or a double
        /// is NaN or infinite (encoding).
        case numberOutOfRange
        /// A `.bytes` value appears where only JSON values can go.
        case bytesNotEncodable
    }

    public var kind: Kind
    /// A one-line explanation, without the position.
    public var message: String
    /// Byte offset into the decoded input (decoding only).
    public var offset: Int?
    /// 1-based line of `offset` (decoding only).
    public var line: Int?
    /// 1-based column of `offset`, counted in bytes (decoding only).
    public var column: Int?
    /// Path of the offending value, e.g. `$.a[0]` (encoding only).
    public var path: String?

    public init(kind: Kind, message: String, offset: Int? = nil, line: Int? = nil, column: Int? = nil,
                path: String? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
        self.path = path
    }

    public var description: String {
        if let offset, let line, let column {
            return "JSON error at line \(line), column \(column) (byte \(offset)): \(message)"
        }
        if let path { return "JSON error at \(path): \(message)" }
        return "JSON error: \(message)"
    }
}
