/// The two error classes of replay (STYLE: non-determinism and fatal).
public struct ReplayError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The code issued commands that differ from what history recorded.
        /// The task fails with cause NON_DETERMINISTIC_ERROR; the execution
        /// continues once fixed code is deployed.
        case nonDeterminism
        /// History that this worker cannot process (unknown event type,
        /// an event that points at no command, a malformed batch).
        case fatal
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
