import Registry
import TemporalModel

extension StartOptions {
    /// The option names, without the `temporal.workflow.` prefix.
    public static let knownKeys: [String] = [
        "id", "task_queue", "execution_timeout", "run_timeout", "task_timeout", "id_conflict_policy",
        "id_reuse_policy", "execution_error_when_already_started", "retry_policy", "cron_schedule", "memo",
        "search_attributes", "enable_eager_start", "start_delay", "namespace", "parent_close_policy",
        "wait_for_cancellation",
    ]

    /// Parses an option table: keys `temporal.workflow.NAME` (or
    /// `workflow.NAME`, or bare `NAME`), values as SPEC §2 says — durations
    /// as strings (`"30s"`, `"1h30m"`) or numbers of milliseconds, policies
    /// as lower-case names. Unknown keys and wrong types are `INVALID`
    /// errors naming the key and what was expected. Shared by Lua
    /// (`process.with_options`) and the CLI (`--option`).
    public static func parse(_ table: JSONValue) throws(ClientError) -> StartOptions {
        guard case .object(let entries) = table else {
            throw .invalid("workflow options must be a table of option = value, got \(typeName(table))")
        }
        var options = StartOptions()
        for key in entries.keys.sorted() {
            try options.apply(key: key, value: entries[key]!)
        }
        return options
    }

    /// Parses `--option key=value` arguments: the value is read as JSON when
    /// it is valid JSON (`true`, `5000`, `{"a":1}`, `"x"`), else as a string
    /// (`1h`, `use_existing`).
    public static func parse(keyValues: [String]) throws(ClientError) -> StartOptions {
        var table: [String: JSONValue] = [:]
        for item in keyValues {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw .invalid("option '\(item)' must look like key=value")
            }
            let key = String(item[..<eq])
            let text = String(item[item.index(after: eq)...])
            table[key] = (try? JSONValue.decode(text)) ?? .string(text)
        }
        return try parse(.object(table))
    }

    /// A duration argument outside an option table (`process.cancel`'s
    /// deadline): a duration string or a number of milliseconds.
    public static func parseDuration(_ value: JSONValue, name: String) throws(ClientError) -> ProtoDuration {
        try duration(value, name)
    }

    /// The option name without its `temporal.` / `workflow.` prefixes.
    static func shortKey(_ key: String) -> String {
        var k = Substring(key)
        if k.hasPrefix("temporal.") { k = k.dropFirst("temporal.".count) }
        if k.hasPrefix("workflow.") { k = k.dropFirst("workflow.".count) }
        return String(k)
    }

    mutating func apply(key: String, value: JSONValue) throws(ClientError) {
        let name = "temporal.workflow." + Self.shortKey(key)
        switch Self.shortKey(key) {
        case "id": id = try Self.nonEmptyString(value, name)
        case "task_queue": taskQueue = try Self.nonEmptyString(value, name)
        case "execution_timeout": executionTimeout = try Self.duration(value, name)
        case "run_timeout": runTimeout = try Self.duration(value, name)
        case "task_timeout": taskTimeout = try Self.duration(value, name)
        case "id_conflict_policy": idConflictPolicy = try Self.enumValue(value, name, ConflictPolicy.self)
        case "id_reuse_policy": idReusePolicy = try Self.enumValue(value, name, ReusePolicy.self)
        case "parent_close_policy": parentClosePolicy = try Self.enumValue(value, name, ParentClosePolicy.self)
        case "execution_error_when_already_started": executionErrorWhenAlreadyStarted = try Self.bool(value, name)
        case "enable_eager_start": enableEagerStart = try Self.bool(value, name)
        case "wait_for_cancellation": waitForCancellation = try Self.bool(value, name)
        case "retry_policy": retryPolicy = try Self.retryPolicy(value, name)
        case "cron_schedule": cronSchedule = try Self.nonEmptyString(value, name)
        case "memo": memo = try Self.table(value, name)
        case "search_attributes": searchAttributes = try Self.searchAttributes(value, name)
        case "start_delay": startDelay = try Self.duration(value, name)
        case "namespace": namespace = try Self.nonEmptyString(value, name)
        default:
            throw .invalid("unknown workflow option '\(key)' (known: "
                           + Self.knownKeys.map { "temporal.workflow.\($0)" }.joined(separator: ", ") + ")")
        }
    }

    static func typeName(_ v: JSONValue) -> String {
        switch v {
        case .null: "nil"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string, .bytes: "string"
        case .array, .object: "table"
        }
    }

    private static func nonEmptyString(_ v: JSONValue, _ name: String) throws(ClientError) -> String {
        guard case .string(let s) = v, !s.isEmpty else {
            throw .invalid("\(name) must be a non-empty string, got \(typeName(v))")
        }
        return s
    }

    private static func bool(_ v: JSONValue, _ name: String) throws(ClientError) -> Bool {
        guard case .bool(let b) = v else { throw .invalid("\(name) must be a boolean, got \(typeName(v))") }
        return b
    }

    /// A duration string or a number of milliseconds; negative is invalid.
    static func duration(_ v: JSONValue, _ name: String) throws(ClientError) -> ProtoDuration {
        do throws(DurationParseError) {
            switch v {
            case .string(let s): return ProtoDuration(try DurationParser.parse(s))
            case .int(let ms): return ProtoDuration(try DurationParser.fromMilliseconds(ms))
            case .double(let ms): return ProtoDuration(try DurationParser.fromMilliseconds(ms))
            default: break
            }
        } catch {
            throw .invalid("\(name): \(error.message)")
        }
        throw .invalid("\(name) must be a duration string (\"30s\", \"1h30m\") or a number of milliseconds, "
                       + "got \(typeName(v))")
    }

    private static func enumValue<E: RawRepresentable & CaseIterable>(_ v: JSONValue, _ name: String, _: E.Type)
        throws(ClientError) -> E where E.RawValue == String {
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .string(let s) = v else { throw .invalid("\(name) must be one of \(allowed), got \(typeName(v))") }
        guard let e = E(rawValue: String(s.lowercased().map { $0 == "-" ? "_" : $0 })) else {
            throw .invalid("\(name): unknown value '\(s)' (one of \(allowed))")
        }
        return e
    }

    private static func table(_ v: JSONValue, _ name: String) throws(ClientError) -> [String: JSONValue] {
        switch v {
        case .object(let o): return o
        case .array(let a) where a.isEmpty: return [:]   // an empty Lua table
        default: throw .invalid("\(name) must be a table of name = value, got \(typeName(v))")
        }
    }

    private static func searchAttributes(_ v: JSONValue, _ name: String) throws(ClientError) -> [String: JSONValue] {
        let o = try table(v, name)
        for (key, value) in o {
            _ = try SearchAttributeEncoding.type(of: value, what: "\(name).\(key)")
        }
        return o
    }

    private static func retryPolicy(_ v: JSONValue, _ name: String) throws(ClientError) -> RetryPolicy {
        let o = try table(v, name)
        var policy = RetryPolicy()
        for key in o.keys.sorted() {
            let value = o[key]!
            let field = "\(name).\(key)"
            switch key {
            case "initial_interval": policy.initialInterval = try duration(value, field)
            case "maximum_interval": policy.maximumInterval = try duration(value, field)
            case "backoff_coefficient":
                switch value {
                case .int(let i) where i >= 1: policy.backoffCoefficient = Double(i)
                case .double(let d) where d >= 1: policy.backoffCoefficient = d
                default: throw .invalid("\(field) must be a number >= 1, got \(typeName(value))")
                }
            case "maximum_attempts":
                guard case .int(let i) = value, i >= 0, i <= Int64(Int32.max) else {
                    throw .invalid("\(field) must be a non-negative integer, got \(typeName(value))")
                }
                policy.maximumAttempts = Int32(i)
            case "non_retryable_error_types":
                var types: [String] = []
                if case .array(let items) = value {
                    for item in items {
                        guard case .string(let s) = item else {
                            throw .invalid("\(field) must be a list of strings")
                        }
                        types.append(s)
                    }
                } else if value != .object([:]) {
                    throw .invalid("\(field) must be a list of strings, got \(typeName(value))")
                }
                policy.nonRetryableErrorTypes = types
            default:
                throw .invalid("unknown retry policy field '\(key)' in \(name) (known: initial_interval, "
                               + "backoff_coefficient, maximum_interval, maximum_attempts, non_retryable_error_types)")
            }
        }
        return policy
    }
}
