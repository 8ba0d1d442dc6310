import TemporalModel

/// An error from loading, running or converting Lua values.
public struct LuaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The source text does not compile (message reads `chunk.lua:LINE: ...`).
        case syntax
        /// A Lua runtime error, including errors raised by host functions.
        case runtime
        /// The instruction budget set with `setInstructionBudget` ran out.
        case budgetExceeded
        /// A value cannot be converted (e.g. a function inside a result).
        case conversion
        /// A memory allocation failed or the memory limit was reached.
        case memory
    }

    /// What went wrong.
    public var kind: Kind
    /// The error message; for a non-string error value a description of it.
    public var message: String
    /// `stack traceback:` lines, empty when not available.
    public var traceback: String
    /// The error value when it was not a string (e.g. `error({code = 1})`)
    /// and could be converted; `nil` otherwise.
    public var value: JSONValue?

    /// Creates an error.
    public init(kind: Kind, message: String, traceback: String = "", value: JSONValue? = nil) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
        self.value = value
    }

    public var description: String {
        traceback.isEmpty ? message : message + "\n" + traceback
    }
}
