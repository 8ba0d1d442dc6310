/// The YAML 1.1 implicit types of plain scalars (the rules PyYAML and Yams
/// use: `yes`/`on` are booleans, `0o17` and `017` octal, `1:30` the
/// sexagesimal 90, `2024-01-31` a timestamp), and the values of the
/// numeric and boolean ones. Written out by hand as small matchers rather
/// than regular expressions, so resolving a registry pulls in no regex
/// engine.
enum YAMLScalars {
    /// The tag of an untagged plain scalar: the first of bool, int, float,
    /// merge, null, timestamp, value that matches, else `str`.
    static func resolve(_ text: String) -> YAMLTag {
        let b = Array(text.utf8)
        if isBool(b) { return .bool }
        if isInt(b) { return .int }
        if isFloat(b) { return .float }
        if b == [0x3C, 0x3C] { return .merge }                 // <<
        if isNull(b) { return .null }
        if isTimestamp(b) { return .timestamp }
        if b == [0x3D] { return .value }                       // =
        return .str
    }

    // MARK: Values

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    static func int(_ text: String) -> Int? {
        let withSign = text.filter { $0 != "_" }
        if withSign == "0" { return 0 }
        let negative = withSign.hasPrefix("-")
        let hasSign = negative || withSign.hasPrefix("+")
        let digits = withSign.dropFirst(hasSign ? 1 : 0)
        let sign = negative ? "-" : ""
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where digits.hasPrefix(prefix) {
            return Int(sign + digits.dropFirst(prefix.count), radix: radix)
        }
        if digits.contains(":") {
            guard let magnitude = sexagesimal(digits, Int.init) else { return nil }
            return negative ? -magnitude : magnitude
        }
        return Int(withSign)
    }

    static func float(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: break
        }
        let withSign = text.filter { $0 != "_" }
        if withSign.contains(":") {
            let negative = withSign.hasPrefix("-")
            let digits = withSign.dropFirst(negative || withSign.hasPrefix("+") ? 1 : 0)
            guard let magnitude = sexagesimal(digits, Double.init) else { return nil }
            return negative ? -magnitude : magnitude
        }
        return Double(withSign)
    }

    /// `a:b:c` as a*3600 + b*60 + c (parts that do not parse are skipped, as
    /// Yams does).
    private static func sexagesimal<T: Numeric>(_ digits: Substring, _ make: (String) -> T?) -> T? {
        var value: T = 0
        var base: T = 1
        for part in digits.split(separator: ":", omittingEmptySubsequences: false).reversed() {
            guard let n = make(String(part)) else { continue }
            value += n * base
            base *= 60
        }
        return value
    }

    // MARK: Matchers (each matches the whole text)

    private static let bools: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
                                             "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]

    private static func isBool(_ b: [UInt8]) -> Bool {
        b.count <= 5 && bools.contains(String(decoding: b, as: UTF8.self))
    }

    private static func isNull(_ b: [UInt8]) -> Bool {
        switch String(decoding: b, as: UTF8.self) {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isDigitOrUnderscore(_ c: UInt8) -> Bool { isDigit(c) || c == 0x5F }

    /// `[-+]?0b[01_]+ | [-+]?0o?[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
    ///  | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
    private static func isInt(_ b: [UInt8]) -> Bool {
        var s = Scan(b)
        s.sign()
        let start = s.i
        if s.literal("0b"), s.many({ $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }) > 0, s.atEnd { return true }
        s.i = start
        if s.literal("0") {
            _ = s.literal("o")
            if s.many({ ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F }) > 0, s.atEnd { return true }
        }
        s.i = start
        if s.literal("0"), s.atEnd { return true }
        s.i = start
        if s.literal("0x"), s.many({ isDigitOrUnderscore($0) || (0x61...0x66).contains($0 | 0x20) }) > 0,
           s.atEnd { return true }
        s.i = start
        if s.one({ $0 >= 0x31 && $0 <= 0x39 }) {
            s.many(isDigitOrUnderscore)
            if s.atEnd { return true }
            var groups = 0
            while s.sexagesimalGroup() { groups += 1 }
            if groups > 0, s.atEnd { return true }
        }
        return false
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)? | \.[0-9_]+([eE][-+][0-9]+)?
    ///  | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    private static func isFloat(_ b: [UInt8]) -> Bool {
        var s = Scan(b)
        s.sign()
        let afterSign = s.i
        if s.one(isDigit) {
            s.many(isDigitOrUnderscore)
            let integerEnd = s.i
            if s.literal(".") { s.many(isDigitOrUnderscore) }
            if s.exponent(signRequired: false), s.atEnd { return true }
            // the sexagesimal form
            s.i = integerEnd
            var groups = 0
            while s.sexagesimalGroup() { groups += 1 }
            if groups > 0, s.literal(".") {
                s.many(isDigitOrUnderscore)
                if s.atEnd { return true }
            }
        }
        s.i = afterSign
        if s.literal("."), ["inf", "Inf", "INF"].contains(where: { s.literal($0) }), s.atEnd { return true }
        s = Scan(b)
        if s.literal("."), s.many(isDigitOrUnderscore) > 0, s.exponent(signRequired: true), s.atEnd { return true }
        s = Scan(b)
        if s.literal("."), ["nan", "NaN", "NAN"].contains(where: { s.literal($0) }), s.atEnd { return true }
        return false
    }

    /// `YYYY-MM-DD`, or `YYYY-M-D` followed by `T`/`t`/blanks, `h:mm:ss`, an
    /// optional fraction and an optional zone (`Z`, `+h`, `-hh:mm`).
    private static func isTimestamp(_ b: [UInt8]) -> Bool {
        var s = Scan(b)
        guard s.digits(4...4), s.literal("-") else { return false }
        let monthStart = s.i
        if s.digits(2...2), s.literal("-"), s.digits(2...2), s.atEnd { return true }
        s.i = monthStart
        guard s.digits(1...2), s.literal("-"), s.digits(1...2) else { return false }
        if !(s.literal("T") || s.literal("t")) {
            guard s.many({ $0 == 0x20 || $0 == 0x09 }) > 0 else { return false }
        }
        guard s.digits(1...2), s.literal(":"), s.digits(2...2), s.literal(":"), s.digits(2...2) else { return false }
        if s.literal(".") { s.many(isDigit) }
        if s.atEnd { return true }
        s.many({ $0 == 0x20 || $0 == 0x09 })
        if s.literal("Z") { return s.atEnd }
        guard s.one({ $0 == 0x2B || $0 == 0x2D }), s.digits(1...2) else { return false }
        if s.literal(":") { guard s.digits(2...2) else { return false } }
        return s.atEnd
    }

    /// A cursor over bytes for the matchers.
    private struct Scan {
        let b: [UInt8]
        var i = 0
        init(_ b: [UInt8]) { self.b = b }

        var atEnd: Bool { i == b.count }

        mutating func sign() {
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
        }

        mutating func literal(_ text: String) -> Bool {
            let t = Array(text.utf8)
            guard b.count - i >= t.count, Array(b[i..<(i + t.count)]) == t else { return false }
            i += t.count
            return true
        }

        mutating func one(_ ok: (UInt8) -> Bool) -> Bool {
            guard i < b.count, ok(b[i]) else { return false }
            i += 1
            return true
        }

        @discardableResult
        mutating func many(_ ok: (UInt8) -> Bool) -> Int {
            let start = i
            while i < b.count, ok(b[i]) { i += 1 }
            return i - start
        }

        /// Between `range.lowerBound` and `range.upperBound` digits, greedily.
        mutating func digits(_ range: ClosedRange<Int>) -> Bool {
            let start = i
            while i < b.count, i - start < range.upperBound, isDigit(b[i]) { i += 1 }
            if i - start >= range.lowerBound { return true }
            i = start
            return false
        }

        /// `:[0-5]?[0-9]`, moving past it when it is there.
        mutating func sexagesimalGroup() -> Bool {
            guard i < b.count, b[i] == 0x3A else { return false }
            var j = i + 1
            while j < b.count, isDigit(b[j]) { j += 1 }
            let n = j - i - 1
            guard n == 1 || (n == 2 && b[i + 1] <= 0x35) else { return false }
            i = j
            return true
        }

        /// An optional exponent (`[eE][-+]?[0-9]+`; the sign required when
        /// asked): true when there is none or a whole one, false (not
        /// moved) on a partial one.
        mutating func exponent(signRequired: Bool) -> Bool {
            guard i < b.count, b[i] == 0x65 || b[i] == 0x45 else { return true }
            let start = i
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 } else if signRequired { i = start; return false }
            if many(isDigit) == 0 { i = start; return false }
            return true
        }
    }
}
