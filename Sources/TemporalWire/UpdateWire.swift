import CProtobufC
import CTemporalProto
import TemporalModel

// temporal.api.update.v1 messages, and protocol message bodies packed in
// and unpacked from `google.protobuf.Any` by type URL.

private enum UpdateTypeUrl {
    static let request = ProtocolMessageBody.typeUrlPrefix + "temporal.api.update.v1.Request"
    static let acceptance = ProtocolMessageBody.typeUrlPrefix + "temporal.api.update.v1.Acceptance"
    static let rejection = ProtocolMessageBody.typeUrlPrefix + "temporal.api.update.v1.Rejection"
    static let response = ProtocolMessageBody.typeUrlPrefix + "temporal.api.update.v1.Response"
}

extension Arena {
    func updateRequest(_ r: UpdateRequest) -> UnsafeMutablePointer<PbRequest> {
        build {
            $0.meta = updateMeta(updateId: r.updateId, identity: r.identity)
            $0.input = build { (i: inout PbInput) in
                i.header = header(r.header)
                i.name = string(r.name)
                i.args = payloads(r.args)
            }
            $0.request_id = string(r.requestId)
        }
    }

    func updateMeta(updateId: String, identity: String) -> UnsafeMutablePointer<PbMeta> {
        build {
            $0.update_id = string(updateId)
            $0.identity = string(identity)
        }
    }

    func updateOutcome(_ o: UpdateOutcome?) -> UnsafeMutablePointer<PbOutcome>? {
        guard let o else { return nil }
        return build {
            switch o {
            case .success(let payloads):
                $0.value_case = TEMPORAL__API__UPDATE__V1__OUTCOME__VALUE_SUCCESS
                $0.success = payloadsPresent(payloads)
            case .failure(let f):
                $0.value_case = TEMPORAL__API__UPDATE__V1__OUTCOME__VALUE_FAILURE
                $0.failure = failure(f)
            }
        }
    }

    /// The `Any` body of a protocol message.
    func protocolBody(_ body: ProtocolMessageBody) -> (typeUrl: String, value: ProtobufCBinaryData) {
        switch body {
        case .updateRequest(let r):
            return (UpdateTypeUrl.request, packed(updateRequest(r)))
        case .updateAcceptance(let messageId, let eventId, let request):
            let m: UnsafeMutablePointer<PbAcceptance> = build {
                $0.accepted_request_message_id = string(messageId)
                $0.accepted_request_sequencing_event_id = eventId
                $0.accepted_request = updateRequest(request)
            }
            return (UpdateTypeUrl.acceptance, packed(m))
        case .updateRejection(let messageId, let eventId, let request, let f):
            let m: UnsafeMutablePointer<PbRejection> = build {
                $0.rejected_request_message_id = string(messageId)
                $0.rejected_request_sequencing_event_id = eventId
                $0.rejected_request = updateRequest(request)
                $0.failure = failure(f)
            }
            return (UpdateTypeUrl.rejection, packed(m))
        case .updateResponse(let updateId, let identity, let outcome):
            let m: UnsafeMutablePointer<PbResponse> = build {
                $0.meta = updateMeta(updateId: updateId, identity: identity)
                $0.outcome = updateOutcome(outcome)
            }
            return (UpdateTypeUrl.response, packed(m))
        case .other(let typeUrl, let value):
            return (typeUrl, bytes(value))
        }
    }
}

func decodeUpdateRequest(_ p: UnsafePointer<PbRequest>?) -> UpdateRequest? {
    guard let r = p?.pointee else { return nil }
    let meta = r.meta?.pointee
    let input = r.input?.pointee
    return UpdateRequest(updateId: str(meta?.update_id), identity: str(meta?.identity), name: str(input?.name),
                         args: decodePayloads(input?.args), header: decodeHeader(input?.header),
                         requestId: str(r.request_id))
}

func decodeUpdateOutcome(_ p: UnsafePointer<PbOutcome>?) -> UpdateOutcome? {
    guard let o = p?.pointee else { return nil }
    switch o.value_case {
    case TEMPORAL__API__UPDATE__V1__OUTCOME__VALUE_SUCCESS: return .success(decodePayloads(o.success))
    case TEMPORAL__API__UPDATE__V1__OUTCOME__VALUE_FAILURE: return decodeFailure(o.failure).map { .failure($0) }
    default: return nil
    }
}

/// Unpacks a protocol message's `Any` body; a type Moonflow does not model,
/// or bytes that do not unpack, stay `.other`.
func decodeProtocolBody(typeUrl: String, value: [UInt8]) -> ProtocolMessageBody {
    let other = ProtocolMessageBody.other(typeUrl: typeUrl, value: value)
    do throws(WireError) {
        switch typeUrl {
        case UpdateTypeUrl.request:
            return try decodeMessage(PbRequest.self, value) { m in
                withUnsafePointer(to: m) { decodeUpdateRequest($0) }.map { .updateRequest($0) } ?? other
            }
        case UpdateTypeUrl.acceptance:
            return try decodeMessage(PbAcceptance.self, value) { m in
                .updateAcceptance(requestMessageId: str(m.accepted_request_message_id),
                                  sequencingEventId: m.accepted_request_sequencing_event_id,
                                  request: decodeUpdateRequest(m.accepted_request) ?? UpdateRequest(updateId: "", name: ""))
            }
        case UpdateTypeUrl.rejection:
            return try decodeMessage(PbRejection.self, value) { m in
                .updateRejection(requestMessageId: str(m.rejected_request_message_id),
                                 sequencingEventId: m.rejected_request_sequencing_event_id,
                                 request: decodeUpdateRequest(m.rejected_request) ?? UpdateRequest(updateId: "", name: ""),
                                 failure: decodeFailure(m.failure) ?? Failure(message: ""))
            }
        case UpdateTypeUrl.response:
            return try decodeMessage(PbResponse.self, value) { m in
                .updateResponse(updateId: str(m.meta?.pointee.update_id), identity: str(m.meta?.pointee.identity),
                                outcome: decodeUpdateOutcome(m.outcome) ?? .success([]))
            }
        default:
            return other
        }
    } catch {
        return other
    }
}
