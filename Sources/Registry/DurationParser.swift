/// Why a duration could not be parsed.
public struct DurationParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong and what was expected.
    public let message: String

    /// Creates an error with the given message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Parses the durations used throughout registry files and option tables.
///
/// Strings follow Go's `time.ParseDuration`: one or more decimal numbers,
/// each with an optional fraction and a unit, e.g. `"500ms"`, `"5s"`,
/// `"1.5s"`, `"1h30m"`, `"24h"`. Units: `ns`, `us` (or `µs`), `ms`, `s`,
/// `m`, `h`. `"0"` is accepted without a unit. Negative durations are
/// rejected. Numbers given where a duration is expected in an option table
/// mean milliseconds (see ``fromMilliseconds(_:)-(Double)``).
///
/// All functions are pure; results are exact to the nanosecond.
public enum DurationParser {
    private static let units: [(suffix: String, nanoseconds: Int64)] = [
        // Longest suffixes first so "ms" wins over "m" and "s".
        ("ns", 1),
        ("us", 1_000),
        ("µs", 1_000),
        ("μs", 1_000),
        ("ms", 1_000_000),
        ("s", 1_000_000_000),
        ("m", 60_000_000_000),
        ("h", 3_600_000_000_000),
    ]

    /// Parses a duration string such as `"1h30m"` or `"1.5s"`.
    public static func parse(_ text: String) throws(DurationParseError) -> Duration {
        .nanoseconds(try parseNanoseconds(text))
    }

    /// Parses a duration string into a whole number of nanoseconds.
    public static func parseNanoseconds(_ text: String) throws(DurationParseError) -> Int64 {
        let original = text
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty {
            throw DurationParseError("empty duration (expected e.g. \"500ms\", \"5s\", \"1h30m\")")
        }
        if trimmed == "0" { return 0 }
        if trimmed.hasPrefix("-") {
            throw DurationParseError("duration \"\(original)\" is negative")
        }
        var rest = Substring(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed)
        var total: Int64 = 0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            if number.isEmpty || number == "." || number.filter({ $0 == "." }).count > 1 {
                throw invalid(original)
            }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            if unitText.isEmpty {
                throw DurationParseError(
                    "duration \"\(original)\" is missing a unit (one of ns, us, ms, s, m, h)")
            }
            guard let unit = units.first(where: { $0.suffix == unitText }) else {
                throw DurationParseError(
                    "duration \"\(original)\" has unknown unit \"\(unitText)\" (expected one of ns, us, ms, s, m, h)")
            }
            rest = rest.dropFirst(unitText.count)
            let part = try scaled(number, by: unit.nanoseconds, original: original)
            let (sum, overflow) = total.addingReportingOverflow(part)
            if overflow { throw tooLarge(original) }
            total = sum
        }
        return total
    }

    /// Converts a number of milliseconds (an option-table number) to a duration.
    /// Fractions are kept to the nanosecond; negative or non-finite values are rejected.
    public static func fromMilliseconds(_ value: Double) throws(DurationParseError) -> Duration {
        guard value.isFinite else {
            throw DurationParseError("duration \(value) is not a finite number of milliseconds")
        }
        guard value >= 0 else {
            throw DurationParseError("duration \(value) is negative")
        }
        let nanos = (value * 1_000_000).rounded()
        guard nanos < 9.2e18 else { throw tooLarge("\(value)ms") }
        return .nanoseconds(Int64(nanos))
    }

    /// Converts a whole number of milliseconds to a duration; negative values are rejected.
    public static func fromMilliseconds(_ value: Int64) throws(DurationParseError) -> Duration {
        guard value >= 0 else {
            throw DurationParseError("duration \(value) is negative")
        }
        let (nanos, overflow) = value.multipliedReportingOverflow(by: 1_000_000)
        if overflow { throw tooLarge("\(value)ms") }
        return .nanoseconds(nanos)
    }

    /// The whole number of nanoseconds in `duration` (truncating; saturating at `Int64` bounds).
    public static func nanoseconds(of duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (secNanos, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = secNanos.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow2 { return seconds < 0 ? .min : .max }
        return sum
    }

    /// Formats a duration the way Go prints one (`"1h30m0s"`, `"1.5s"`, `"500ms"`, `"0s"`).
    public static func format(_ duration: Duration) -> String {
        var nanos = nanoseconds(of: duration)
        if nanos == 0 { return "0s" }
        let negative = nanos < 0
        if negative { nanos = nanos == .min ? .max : -nanos }
        let sign = negative ? "-" : ""
        if nanos < 1_000 { return "\(sign)\(nanos)ns" }
        if nanos < 1_000_000 { return sign + decimal(nanos, scale: 1_000) + "µs" }
        if nanos < 1_000_000_000 { return sign + decimal(nanos, scale: 1_000_000) + "ms" }
        let hours = nanos / 3_600_000_000_000
        let minutes = (nanos / 60_000_000_000) % 60
        let secondsPart = nanos % 60_000_000_000
        var text = sign
        if hours > 0 { text += "\(hours)h" }
        if hours > 0 || minutes > 0 { text += "\(minutes)m" }
        text += decimal(secondsPart, scale: 1_000_000_000) + "s"
        return text
    }

    // MARK: - Helpers

    private static func decimal(_ value: Int64, scale: Int64) -> String {
        let whole = value / scale
        let fraction = value % scale
        if fraction == 0 { return "\(whole)" }
        var digits = String(fraction)
        let width = String(scale).count - 1
        digits = String(repeating: "0", count: width - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    private static func scaled(
        _ number: Substring, by unit: Int64, original: String
    ) throws(DurationParseError) -> Int64 {
        let pieces = number.split(separator: ".", omittingEmptySubsequences: false)
        let wholeText = pieces[0]
        let fractionText = pieces.count > 1 ? pieces[1] : ""
        var whole: Int64 = 0
        for digit in wholeText {
            let (times, o1) = whole.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(digit.wholeNumberValue ?? 0))
            if o1 || o2 { throw tooLarge(original) }
            whole = plus
        }
        let (wholeNanos, overflow) = whole.multipliedReportingOverflow(by: unit)
        if overflow { throw tooLarge(original) }
        // Fraction: accumulate digits while they still matter at nanosecond precision.
        var fractionNanos: Int64 = 0
        var place = unit
        for digit in fractionText {
            place /= 10
            if place == 0 { break }
            fractionNanos += Int64(digit.wholeNumberValue ?? 0) * place
        }
        let (sum, overflow2) = wholeNanos.addingReportingOverflow(fractionNanos)
        if overflow2 { throw tooLarge(original) }
        return sum
    }

    private static func invalid(_ text: String) -> DurationParseError {
        DurationParseError("invalid duration \"\(text)\" (expected e.g. \"500ms\", \"5s\", \"1.5s\", \"1h30m\")")
    }

    private static func tooLarge(_ text: String) -> DurationParseError {
        DurationParseError("duration \"\(text)\" is too large")
    }
}

extension String {
    /// Without leading and trailing whitespace (newlines included).
    public func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
