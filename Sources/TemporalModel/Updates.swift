/// Workflow updates (`temporal.api.update.v1`): the request a client sends,
/// and the worker's acceptance, rejection and response, all carried as
/// protocol messages (see notes §6).

/// `update.v1.Request` (its meta and input; callbacks and links are not kept).
public struct UpdateRequest: Sendable, Hashable {
    public var updateId: String
    public var identity: String
    public var name: String
    public var args: [Payload]
    public var header: PayloadMap
    public var requestId: String
    public init(updateId: String, identity: String = "", name: String, args: [Payload] = [],
                header: PayloadMap = [:], requestId: String = "") {
        self.updateId = updateId
        self.identity = identity
        self.name = name
        self.args = args
        self.header = header
        self.requestId = requestId
    }
}

/// `update.v1.Outcome`.
public enum UpdateOutcome: Sendable, Hashable {
    case success([Payload])
    case failure(Failure)
}

/// The body of a `ProtocolMessage`, by its `Any` type URL.
public enum ProtocolMessageBody: Sendable, Hashable {
    /// `update.v1.Request`: a client asks the workflow to run an update.
    case updateRequest(UpdateRequest)
    /// `update.v1.Acceptance`: the validator passed; the handler runs.
    case updateAcceptance(requestMessageId: String, sequencingEventId: Int64, request: UpdateRequest)
    /// `update.v1.Rejection`: the validator refused (no history event).
    case updateRejection(requestMessageId: String, sequencingEventId: Int64, request: UpdateRequest, failure: Failure)
    /// `update.v1.Response`: the handler finished.
    case updateResponse(updateId: String, identity: String, outcome: UpdateOutcome)
    /// Any other message type, kept packed.
    case other(typeUrl: String, value: [UInt8])

    public static let typeUrlPrefix = "type.googleapis.com/"
}
