extension JSONValue {
    /// Nesting limit for arrays and objects, both ways. Deeper input is
    /// rejected rather than risking the stack.
    public static let defaultMaxDepth = 512

    /// Encodes the value as compact JSON text in UTF-8.
    ///
    /// - No whitespace between tokens.
    /// - Object keys sorted by their UTF-8 bytes. That is code point order,
    ///   the order of Python's `json.dumps(sort_keys=True)` and Go's
    ///   `encoding/json`, for every key, ASCII or not. (Swift compares
    ///   `String` keys by canonical equivalence, so a dictionary cannot hold
    ///   both `"é"` and `"e\u{301}"`; whichever it holds is written as is,
    ///   without normalization.)
    /// - `.int` as decimal digits; `.double` as the shortest text that reads
    ///   back as the same double, always with a `.` or an exponent (`2.0`,
    ///   `1e+16`, `1.5e-07`), as Python's `repr` spells it. NaN and the
    ///   infinities are an error.
    /// - Strings escape `"`, `\` and U+0000–U+001F (`\b \f \n \r \t`, else
    ///   `\u00xx`); all other characters are written as UTF-8, as Python does
    ///   with `ensure_ascii=False`.
    /// - `.bytes` anywhere, including the top level, is an error naming its
    ///   path (`$.items[2]`); payloads send top-level bytes as `binary/plain`
    ///   instead (see `PayloadCodec`).
    public func encode(maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONError) -> [UInt8] {
        var writer = JSONWriter(maxDepth: maxDepth)
        try writer.write(self)
        return writer.out
    }

    /// `encode(maxDepth:)` as a `String`.
    public func encodedString(maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONError) -> String {
        String(decoding: try encode(maxDepth: maxDepth), as: UTF8.self)
    }

    /// Decodes one JSON value from UTF-8 text, strictly per RFC 8259.
    ///
    /// - Exactly one value, with optional whitespace around it; no byte
    ///   order mark, comments, trailing commas, single quotes, `NaN` or
    ///   leading zeros.
    /// - Numbers without fraction or exponent that fit `Int64` become
    ///   `.int` (`-0` becomes `.int(0)`); all others become `.double`. A
    ///   number beyond the finite `Double` range is an error.
    /// - Strings must be well-formed UTF-8 with control characters escaped;
    ///   `\u` escapes must pair surrogates.
    /// - A repeated object key keeps the last value (as Python and Go do).
    /// - Arrays and objects nest at most `maxDepth` levels.
    ///
    /// Errors carry the byte offset, line and column of the problem.
    public static func decode(_ bytes: some Collection<UInt8>,
                              maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONError) -> JSONValue {
        let parse = { (buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONError> in
            var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
            do throws(JSONError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        let result = bytes.withContiguousStorageIfAvailable(parse)
            ?? Array(bytes).withUnsafeBufferPointer(parse)
        return try result.get()
    }

    /// `decode(_:maxDepth:)` on the UTF-8 of `text`.
    public static func decode(_ text: String,
                              maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONError) -> JSONValue {
        try decode(Array(text.utf8), maxDepth: maxDepth)
    }
}
