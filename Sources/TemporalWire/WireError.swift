/// A failure converting between TemporalModel values and protobuf wire bytes.
///
/// `message` names the protobuf message type (for example
/// `temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse`) and
/// `reason` says what went wrong.
public struct WireError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Fully qualified protobuf message name.
    public var message: String
    /// What failed, e.g. "unpack failed (123 bytes)".
    public var reason: String

    public init(message: String, reason: String) {
        self.message = message
        self.reason = reason
    }

    public var description: String { "wire error in `\(message)`: \(reason)" }
}
