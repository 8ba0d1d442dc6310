internal import CLua
internal import CLuaShim
import TemporalModel

/// Lua → `JSONValue` conversion.
///
/// - integers stay `.int`, floats become `.double`;
/// - strings that are valid UTF-8 become `.string`, others `.bytes`;
/// - a table whose keys are exactly `1...n` becomes `.array`, the empty
///   table `.object([:])`, any other table `.object` with string keys
///   (integer keys become their decimal string);
/// - float, boolean and other non-string keys, functions, threads,
///   userdata and cycles are conversion errors naming the path
///   (`result.items[3]`). Metatables are ignored (raw access).
extension LuaState {
    /// Converts the value behind `ref`.
    public func json(_ ref: LuaRef, path: String = "value") throws(LuaError) -> JSONValue {
        try push(ref: ref, on: L)
        defer { mfl_pop(L, 1) }
        return try json(at: -1, on: L, path: path)
    }

    /// Converts a `LuaValue` (scalars directly, refs through the stack).
    public func json(_ value: LuaValue, path: String = "value") throws(LuaError) -> JSONValue {
        switch value {
        case .nil: return .null
        case .bool(let b): return .bool(b)
        case .integer(let i): return .int(i)
        case .number(let d): return .double(d)
        case .string(let s): return .string(s)
        case .bytes(let b): return .bytes(b)
        case .json(let j): return j
        case .ref(let r): return try json(r, path: path)
        }
    }

    func json(at index: Int32, on thread: OpaquePointer, path: String) throws(LuaError) -> JSONValue {
        // The tables on the current path (a short stack: a linear search
        // costs less than hashing at these depths).
        var visiting: [UnsafeRawPointer] = []
        var where_ = ConversionPath(root: path)
        return try json(at: lua_absindex(thread, index), on: thread, path: &where_, visiting: &visiting)
    }

    private func json(at index: Int32, on thread: OpaquePointer, path: inout ConversionPath,
                      visiting: inout [UnsafeRawPointer]) throws(LuaError) -> JSONValue {
        let type = lua_type(thread, index)
        switch type {
        case LUA_TNIL: return .null
        case LUA_TBOOLEAN: return .bool(lua_toboolean(thread, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(thread, index) != 0 { return .int(Int64(lua_tointegerx(thread, index, nil))) }
            return .double(lua_tonumberx(thread, index, nil))
        case LUA_TSTRING:
            switch stringValue(at: index, on: thread) {
            case .string(let s): return .string(s)
            case .bytes(let b): return .bytes(b)
            default: fatalError("unreachable")
            }
        case LUA_TTABLE:
            return try tableJSON(at: index, on: thread, path: &path, visiting: &visiting)
        default:
            let name = String(cString: lua_typename(thread, type))
            throw LuaError(kind: .conversion, message: "cannot convert a \(name) value at \(path.text) to JSON")
        }
    }

    private func tableJSON(at index: Int32, on thread: OpaquePointer, path: inout ConversionPath,
                           visiting: inout [UnsafeRawPointer]) throws(LuaError) -> JSONValue {
        guard let identity = lua_topointer(thread, index) else { return .null }
        guard !visiting.contains(identity) else {
            throw LuaError(kind: .conversion, message: "cannot convert a table that contains itself at \(path.text) to JSON")
        }
        guard visiting.count < LuaState.maxNesting else {
            throw LuaError(kind: .conversion, message: "table nested deeper than \(LuaState.maxNesting) levels at \(path.text)")
        }
        try ensureStack(thread, 4)
        visiting.append(identity)
        defer { visiting.removeLast() }

        if let count = sequenceLength(at: index, on: thread) {
            if count == 0 { return .object([:]) }
            var items: [JSONValue] = []
            items.reserveCapacity(count)
            for i in 1...count {
                lua_rawgeti(thread, index, lua_Integer(i))
                defer { mfl_pop(thread, 1) }
                path.parts.append(.index(i))
                defer { path.parts.removeLast() }
                items.append(try json(at: lua_gettop(thread), on: thread, path: &path, visiting: &visiting))
            }
            return .array(items)
        }

        var fields: [String: JSONValue] = [:]
        lua_pushnil(thread)
        while lua_next(thread, index) != 0 {
            let key = try objectKey(at: -2, on: thread, path: path)
            if fields[key] != nil {
                mfl_pop(thread, 2)
                throw LuaError(kind: .conversion,
                               message: "cannot convert the table at \(path.text) to JSON: key \"\(key)\" appears as a string and as an integer")
            }
            path.parts.append(.key(key))
            defer { path.parts.removeLast() }
            do {
                fields[key] = try json(at: lua_gettop(thread), on: thread, path: &path, visiting: &visiting)
            } catch {
                mfl_pop(thread, 2)
                throw error
            }
            mfl_pop(thread, 1)
        }
        return .object(fields)
    }

    /// `n` when the table's keys are exactly the integers `1...n` (0 when empty).
    private func sequenceLength(at index: Int32, on thread: OpaquePointer) -> Int? {
        var count = 0
        var maxKey: lua_Integer = 0
        lua_pushnil(thread)
        while lua_next(thread, index) != 0 {
            mfl_pop(thread, 1)
            guard lua_type(thread, -1) == LUA_TNUMBER, lua_isinteger(thread, -1) != 0 else {
                mfl_pop(thread, 1)
                return nil
            }
            let key = lua_tointegerx(thread, -1, nil)
            guard key >= 1 else {
                mfl_pop(thread, 1)
                return nil
            }
            maxKey = max(maxKey, key)
            count += 1
        }
        return maxKey == lua_Integer(count) ? count : nil
    }

    /// The object key for the key at `index` (string or integer).
    private func objectKey(at index: Int32, on thread: OpaquePointer, path: ConversionPath) throws(LuaError) -> String {
        let type = lua_type(thread, index)
        if type == LUA_TSTRING, case .string(let s) = stringValue(at: index, on: thread) { return s }
        if type == LUA_TNUMBER, lua_isinteger(thread, index) != 0 {
            return String(lua_tointegerx(thread, index, nil))
        }
        let description: String
        switch type {
        case LUA_TSTRING: description = "a string key that is not valid UTF-8"
        case LUA_TNUMBER: description = "the float key \(lua_tonumberx(thread, index, nil))"
        case LUA_TBOOLEAN: description = "the boolean key \(lua_toboolean(thread, index) != 0)"
        default: description = "a \(String(cString: lua_typename(thread, type))) key"
        }
        mfl_pop(thread, 2)
        throw LuaError(kind: .conversion, message: "cannot convert the table at \(path.text) to JSON: it has \(description)")
    }

    /// `path.key` for identifier-like keys, `path["key"]` otherwise.
    static func path(_ path: String, key: String) -> String {
        let isIdentifier = key.first.map { $0.isLetter || $0 == "_" } ?? false
            && key.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
        if isIdentifier { return "\(path).\(key)" }
        var escaped = ""
        for c in key {
            if c == "\\" || c == "\"" { escaped.append("\\") }
            escaped.append(c)
        }
        return "\(path)[\"\(escaped)\"]"
    }
}

/// Where a conversion is, kept as parts and spelled out only for an error
/// message (building the text for every key cost more than converting).
struct ConversionPath {
    enum Part { case index(Int), key(String) }
    var root: String
    var parts: [Part] = []

    var text: String {
        var out = root
        for part in parts {
            switch part {
            case .index(let i): out = "\(out)[\(i)]"
            case .key(let k): out = LuaState.path(out, key: k)
            }
        }
        return out
    }
}
