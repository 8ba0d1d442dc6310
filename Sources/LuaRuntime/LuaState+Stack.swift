internal import CLua
internal import CLuaShim
import TemporalModel

/// Reading and pushing single values on any thread of the state. None of
/// these raise a Lua error: stack space is checked with `lua_checkstack`,
/// only raw table access is used, and numbers are never converted in place.
extension LuaState {
    func luaType(_ t: Int32) -> LuaType {
        switch t {
        case LUA_TNIL: return .nil
        case LUA_TBOOLEAN: return .boolean
        case LUA_TLIGHTUSERDATA: return .lightUserdata
        case LUA_TNUMBER: return .number
        case LUA_TSTRING: return .string
        case LUA_TTABLE: return .table
        case LUA_TFUNCTION: return .function
        case LUA_TUSERDATA: return .userdata
        case LUA_TTHREAD: return .thread
        default: return .none
        }
    }

    /// Ensures room for `n` more slots on `thread`.
    func ensureStack(_ thread: OpaquePointer, _ n: Int) throws(LuaError) {
        guard n < 1_000_000, lua_checkstack(thread, Int32(n)) != 0 else {
            throw LuaError(kind: .runtime, message: "Lua stack overflow (\(n) more slots needed)")
        }
    }

    /// Anchors the value at `index` of `thread` in the registry (a released
    /// ref if the stack is full).
    func makeRef(at index: Int32, on thread: OpaquePointer) -> LuaRef {
        let type = luaType(lua_type(thread, index))
        return LuaRef(state: self, reference: mfl_refvalue(thread, index), type: type)
    }

    /// Pushes the value behind `ref` onto `thread`.
    func push(ref: LuaRef, on thread: OpaquePointer) throws(LuaError) {
        guard ref.state === self else {
            throw LuaError(kind: .runtime, message: "LuaRef belongs to another LuaState")
        }
        guard !ref.isReleased else {
            throw LuaError(kind: .runtime, message: "LuaRef used after release()")
        }
        try ensureStack(thread, 1)
        mfl_getref(thread, ref.reference)
    }

    func push(bytes: some Collection<UInt8>, on thread: OpaquePointer) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = lua_pushlstring(thread, chars.baseAddress, chars.count)
            }
        }
        if done == nil { push(bytes: Array(bytes), on: thread) }
    }

    func push(string: String, on thread: OpaquePointer) {
        var s = string
        s.withUTF8 { push(bytes: $0, on: thread) }
    }

    /// Pushes one value onto `thread`.
    func push(_ value: LuaValue, on thread: OpaquePointer) throws(LuaError) {
        try ensureStack(thread, 1)
        switch value {
        case .nil: lua_pushnil(thread)
        case .bool(let b): lua_pushboolean(thread, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(thread, lua_Integer(i))
        case .number(let d): lua_pushnumber(thread, d)
        case .string(let s): push(string: s, on: thread)
        case .bytes(let b): push(bytes: b, on: thread)
        case .ref(let r): try push(ref: r, on: thread)
        case .json(let j): try push(json: j, on: thread, depth: 0)
        }
    }

    /// Pushes a JSON-shaped value: arrays and objects become fresh tables,
    /// `.bytes` a string, `.null` nil.
    func push(json: JSONValue, on thread: OpaquePointer, depth: Int) throws(LuaError) {
        guard depth < LuaState.maxNesting else {
            throw LuaError(kind: .conversion, message: "JSON value nested deeper than \(LuaState.maxNesting) levels")
        }
        try ensureStack(thread, 3)
        switch json {
        case .null: lua_pushnil(thread)
        case .bool(let b): lua_pushboolean(thread, b ? 1 : 0)
        case .int(let i): lua_pushinteger(thread, lua_Integer(i))
        case .double(let d): lua_pushnumber(thread, d)
        case .string(let s): push(string: s, on: thread)
        case .bytes(let b): push(bytes: b, on: thread)
        case .array(let items):
            lua_createtable(thread, Int32(clamping: items.count), 0)
            for (i, item) in items.enumerated() {
                try push(json: item, on: thread, depth: depth + 1)
                lua_rawseti(thread, -2, lua_Integer(i + 1))
            }
        case .object(let fields):
            lua_createtable(thread, 0, Int32(clamping: fields.count))
            for (key, item) in fields {
                push(string: key, on: thread)
                try push(json: item, on: thread, depth: depth + 1)
                lua_rawset(thread, -3)
            }
        }
    }

    /// The bytes of the string at `index` (which must be a string).
    func stringBytes(at index: Int32, on thread: OpaquePointer) -> UnsafeRawBufferPointer {
        var length = 0
        let chars = mfl_tolstring(thread, index, &length)
        return UnsafeRawBufferPointer(start: chars, count: length)
    }

    /// The string at `index` as `.string` when valid UTF-8, else `.bytes`.
    func stringValue(at index: Int32, on thread: OpaquePointer) -> LuaValue {
        let bytes = stringBytes(at: index, on: thread)
        if let s = String(validating: bytes, as: UTF8.self) { return .string(s) }
        return .bytes(Array(bytes))
    }

    /// The value at `index`; tables, functions, threads and userdata are
    /// anchored and returned as `.ref`.
    func value(at index: Int32, on thread: OpaquePointer) -> LuaValue {
        switch lua_type(thread, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .bool(lua_toboolean(thread, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(thread, index) != 0 { return .integer(Int64(lua_tointegerx(thread, index, nil))) }
            return .number(lua_tonumberx(thread, index, nil))
        case LUA_TSTRING: return stringValue(at: index, on: thread)
        default: return .ref(makeRef(at: index, on: thread))
        }
    }

    /// Deepest table nesting converted in either direction.
    static let maxNesting = 200
}
