/// A problem with one field of a proto3 JSON message: `path` names it
/// relative to the event, e.g. `activityTaskFailedEventAttributes.failure.message`.
struct ProtoJSONFieldError: Error, Sendable {
    var path: String
    var message: String
}

/// Read access to one proto3 JSON message (a JSON object) with the rules
/// of proto3 JSON: fields named in lowerCamelCase (the original snake_case
/// name is accepted too), absent or `null` fields read as the default,
/// 64-bit integers as strings or numbers, enums by name or number, bytes as
/// base64. Unknown fields are ignored.
struct ProtoJSONObject {
    let fields: [String: JSONValue]
    /// Where this message sits, for error messages ("" at the root).
    let path: String
    /// Whether a field missing under its lowerCamelCase name is looked up
    /// under its snake_case one: when this object's own keys have an
    /// underscore, or an enclosing message's did (spelling the snake_case
    /// name of every absent optional field cost an allocation each).
    let snake: Bool

    init(_ fields: [String: JSONValue], path: String, snake: Bool) {
        self.fields = fields
        self.path = path
        self.snake = snake || Self.hasSnakeKeys(fields)
    }

    private static func hasSnakeKeys(_ fields: [String: JSONValue]) -> Bool {
        fields.keys.contains { key in
            key.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "_")) } ?? key.contains("_")
        }
    }

    /// Wraps `value`, which must be a JSON object.
    init(_ value: JSONValue, path: String, snake: Bool) throws(ProtoJSONFieldError) {
        guard case .object(let fields) = value else {
            throw ProtoJSONFieldError(path: path, message: "expected an object, found \(value.kindName)")
        }
        self.init(fields, path: path, snake: snake)
    }

    func fieldPath(_ name: String) -> String { path.isEmpty ? name : path + "." + name }

    /// The field's value; nil when absent or `null`. The snake_case
    /// spelling is tried only under `snake` (see there).
    func raw(_ name: String) -> JSONValue? {
        var v = fields[name]
        if v == nil, snake { v = fields[Self.snakeCase(name)] }
        if case .null = v { return nil }
        return v
    }

    func fail(_ name: String, _ message: String) -> ProtoJSONFieldError {
        ProtoJSONFieldError(path: fieldPath(name), message: message)
    }

    func string(_ name: String) throws(ProtoJSONFieldError) -> String {
        guard let v = raw(name) else { return "" }
        guard case .string(let s) = v else { throw fail(name, "expected a string, found \(v.kindName)") }
        return s
    }

    func bool(_ name: String) throws(ProtoJSONFieldError) -> Bool {
        guard let v = raw(name) else { return false }
        guard case .bool(let b) = v else { throw fail(name, "expected true or false, found \(v.kindName)") }
        return b
    }

    func int64(_ name: String) throws(ProtoJSONFieldError) -> Int64 {
        guard let v = raw(name) else { return 0 }
        switch v {
        case .int(let i): return i
        case .string(let s):
            if let i = Int64(s) { return i }
        case .double(let d):
            if d.rounded() == d, let i = Int64(exactly: d) { return i }
        default: break
        }
        throw fail(name, "expected an integer, found \(v.kindName)")
    }

    func int32(_ name: String) throws(ProtoJSONFieldError) -> Int32 {
        let i = try int64(name)
        guard let v = Int32(exactly: i) else { throw fail(name, "integer \(i) does not fit 32 bits") }
        return v
    }

    func double(_ name: String) throws(ProtoJSONFieldError) -> Double {
        guard let v = raw(name) else { return 0 }
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        case .string(let s):
            if let d = Double(s) { return d }
        default: break
        }
        throw fail(name, "expected a number, found \(v.kindName)")
    }

    func enumValue(_ name: String, _ type: ProtoJSONEnum) throws(ProtoJSONFieldError) -> Int32 {
        guard let v = raw(name) else { return 0 }
        switch v {
        case .int(let i):
            if let v = Int32(exactly: i) { return v }
        case .string(let s):
            if let v = type.value(named: s) { return v }
            throw fail(name, "unknown \(type.prefix)* value '\(s)'")
        default: break
        }
        throw fail(name, "expected an enum name or number, found \(v.kindName)")
    }

    func bytes(_ name: String) throws(ProtoJSONFieldError) -> [UInt8] {
        let s = try string(name)
        guard let b = Base64.decode(s) else { throw fail(name, "invalid base64") }
        return b
    }

    /// A nested message; nil when absent.
    func object(_ name: String) throws(ProtoJSONFieldError) -> ProtoJSONObject? {
        guard let v = raw(name) else { return nil }
        return try ProtoJSONObject(v, path: fieldPath(name), snake: snake)
    }

    /// A repeated field; empty when absent.
    func array(_ name: String) throws(ProtoJSONFieldError) -> [JSONValue] {
        guard let v = raw(name) else { return [] }
        guard case .array(let items) = v else { throw fail(name, "expected an array, found \(v.kindName)") }
        return items
    }

    /// A `map<string, V>` field; empty when absent.
    func map(_ name: String) throws(ProtoJSONFieldError) -> [String: JSONValue] {
        guard let v = raw(name) else { return [:] }
        guard case .object(let members) = v else { throw fail(name, "expected an object, found \(v.kindName)") }
        return members
    }

    func duration(_ name: String) throws(ProtoJSONFieldError) -> ProtoDuration? {
        guard let v = raw(name) else { return nil }
        guard case .string(let s) = v, let d = ProtoJSONTime.duration(s) else {
            throw fail(name, "expected a duration like \"1.5s\", found \(v.kindName)")
        }
        return d
    }

    func timestamp(_ name: String) throws(ProtoJSONFieldError) -> Timestamp? {
        guard let v = raw(name) else { return nil }
        guard case .string(let s) = v, let t = ProtoJSONTime.timestamp(s) else {
            throw fail(name, "expected an RFC 3339 timestamp, found \(v.kindName)")
        }
        return t
    }

    /// `helloWorldAgain` → `hello_world_again` (field names are ASCII: a
    /// byte loop, as this runs for every absent field of every event).
    static func snakeCase(_ camel: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(camel.utf8.count + 4)
        for byte in camel.utf8 {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                out.append(UInt8(ascii: "_"))
                out.append(byte + 32)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }}

extension JSONValue {
    /// A short description of the value for error messages: its kind, and
    /// for scalars the value itself.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .int(let i): "number \(i)"
        case .double(let d): "number \(d)"
        case .string(let s): "string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .bytes: "bytes"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
