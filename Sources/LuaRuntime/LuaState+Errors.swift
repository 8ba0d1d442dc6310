internal import CLua
internal import CLuaShim
import TemporalModel

/// The one place Lua status codes become `LuaError`s.
extension LuaState {
    /// Builds the error for `status` from the error value on top of
    /// `thread` (left in place).
    func makeError(status: Int32, on thread: OpaquePointer, traceback: String) -> LuaError {
        let kind: LuaError.Kind
        if runtime.pointee.budgetExceeded != 0 {
            kind = .budgetExceeded
        } else {
            switch status {
            case LUA_ERRSYNTAX: kind = .syntax
            case LUA_ERRMEM: kind = .memory
            default: kind = .runtime
            }
        }
        let type = lua_type(thread, -1)
        switch type {
        case LUA_TSTRING:
            let bytes = stringBytes(at: -1, on: thread)
            return LuaError(kind: kind, message: String(decoding: bytes, as: UTF8.self), traceback: traceback)
        case LUA_TNUMBER:
            let number = json(at: -1, on: thread)
            let text: String
            switch number {
            case .int(let i)?: text = String(i)
            case .double(let d)?: text = String(d)
            default: text = "(error object is a number value)"
            }
            return LuaError(kind: kind, message: text, traceback: traceback, value: number)
        default:
            let typeName = String(cString: lua_typename(thread, type))
            let value = json(at: -1, on: thread)
            var message = "(error object is a \(typeName) value)"
            if case .object(let fields)? = value, case .string(let text)? = fields["message"] {
                message = text
            }
            return LuaError(kind: kind, message: message, traceback: traceback, value: value)
        }
    }

    private func json(at index: Int32, on thread: OpaquePointer) -> JSONValue? {
        do {
            return try json(at: index, on: thread, path: "error")
        } catch {
            return nil
        }
    }

    /// Pops the string (or nil) on top of `thread` and returns it.
    func popString(_ thread: OpaquePointer) -> String {
        defer { mfl_pop(thread, 1) }
        guard lua_type(thread, -1) == LUA_TSTRING else { return "" }
        return String(decoding: stringBytes(at: -1, on: thread), as: UTF8.self)
    }
}
