import CTemporalProto
import TemporalModel

// Both directions for the building blocks tests and fixtures round-trip:
// History, HistoryEvent, Command, Failure and [Payload] (as Payloads).

extension History {
    /// Encodes as `temporal.api.history.v1.History`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbHistory.self) { a, m in
            m.pointee.n_events = events.count
            m.pointee.events = a.array(events) { a.historyEvent($0) }
        }
    }

    /// Decodes `temporal.api.history.v1.History`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbHistory.self, wireBytes) { m in
            History(events: each(m.n_events, m.events, decodeHistoryEvent))
        }
    }
}

extension HistoryEvent {
    /// Encodes as `temporal.api.history.v1.HistoryEvent` (`.other` sends no attributes).
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbHistoryEvent.self) { a, m in m.pointee = a.historyEvent(self).pointee }
    }

    /// Decodes `temporal.api.history.v1.HistoryEvent`; unmodelled attributes give `.other`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbHistoryEvent.self, wireBytes) { decodeHistoryEvent($0) }
    }
}

extension Command {
    /// Encodes as `temporal.api.command.v1.Command` (with its `command_type`).
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbCommand.self) { a, m in m.pointee = a.command(self).pointee }
    }

    /// Decodes `temporal.api.command.v1.Command`; throws for commands Moonflow does not model.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbCommand.self, wireBytes) { m throws(WireError) in
            guard let c = decodeCommand(m) else {
                throw WireError(message: PbCommand.protoName,
                                reason: "unsupported attributes (command_type \(int32(m.command_type)))")
            }
            return c
        }
    }
}

extension Failure {
    /// Encodes as `temporal.api.failure.v1.Failure`, including the cause chain.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbFailure.self) { a, m in m.pointee = a.failure(self).pointee }
    }

    /// Decodes `temporal.api.failure.v1.Failure`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbFailure.self, wireBytes) { m in
            withUnsafePointer(to: m) { decodeFailure($0)! }
        }
    }
}

extension Array where Element == Payload {
    /// Encodes as `temporal.api.common.v1.Payloads`.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try encodeMessage(PbPayloads.self) { a, m in
            m.pointee.n_payloads = count
            m.pointee.payloads = a.array(self) { a.payload($0) }
        }
    }

    /// Decodes `temporal.api.common.v1.Payloads`.
    public init(wireBytes: [UInt8]) throws(WireError) {
        self = try decodeMessage(PbPayloads.self, wireBytes) { m in
            each(m.n_payloads, m.payloads, decodePayload)
        }
    }
}
