extension JSONParser {
    /// Parses `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// Integers without fraction or exponent that fit `Int64` become `.int`;
    /// everything else becomes `.double`. A number too large for a finite
    /// `Double` is an error.
    mutating func parseNumber() throws(JSONError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard let first = peek, isDigit(first) else {
            throw error(peek.map { "unexpected \(describe($0)) in a number, expected a digit" }
                        ?? "unexpected end of input in a number")
        }
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = peek, isDigit(next) { throw error("leading zeros are not allowed in a number") }
        } else {
            skipDigits()
        }
        var integral = true
        if peek == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard let d = peek, isDigit(d) else { throw error("expected a digit after '.' in a number") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            integral = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let d = peek, isDigit(d) else { throw error("expected a digit in the exponent of a number") }
            skipDigits()
        }
        let digits = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if integral, let i = int64(digits, negative: negative) {
            return .int(i)
        }
        let text = String(decoding: digits, as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            throw error("number \(text) is out of range for a double", kind: .numberOutOfRange, at: start)
        }
        return .double(d)
    }

    private mutating func skipDigits() {
        while let b = peek, isDigit(b) { index += 1 }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// The integer `text` spells, or nil when it overflows `Int64`.
    private func int64(_ text: UnsafeBufferPointer<UInt8>, negative: Bool) -> Int64? {
        // Accumulate as a negative number so that Int64.min fits.
        var value: Int64 = 0
        for b in text where b != UInt8(ascii: "-") {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.subtractingReportingOverflow(Int64(b - UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            value = s
        }
        if negative { return value }
        return value == .min ? nil : -value
    }
}
