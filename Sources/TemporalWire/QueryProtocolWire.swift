import CTemporalProto
import TemporalModel

// Queries, query results, protocol messages and sticky attributes.

extension Arena {
    func workflowQuery(_ q: WorkflowQuery) -> UnsafeMutablePointer<PbWorkflowQuery> {
        build {
            $0.query_type = string(q.queryType)
            $0.query_args = payloads(q.queryArgs)
            $0.header = header(q.header)
        }
    }

    func queryResult(_ r: WorkflowQueryResult) -> UnsafeMutablePointer<PbWorkflowQueryResult> {
        build {
            $0.result_type = cEnum(r.resultType.rawValue)
            $0.answer = payloads(r.answer)
            $0.error_message = string(r.errorMessage)
            $0.failure = failure(r.failure)
        }
    }

    /// `event_id` is sent only when non-zero (the model has no command_index).
    func protocolMessage(_ p: ProtocolMessage) -> UnsafeMutablePointer<PbMessage> {
        build {
            $0.id = string(p.id)
            $0.protocol_instance_id = string(p.protocolInstanceId)
            if p.eventId != 0 {
                $0.sequencing_id_case = TEMPORAL__API__PROTOCOL__V1__MESSAGE__SEQUENCING_ID_EVENT_ID
                $0.event_id = p.eventId
            }
            let body = protocolBody(p.body)
            $0.body = build { (any: inout PbAny) in
                any.type_url = string(body.typeUrl)
                any.value = body.value
            }
        }
    }

    func stickyAttributes(_ s: StickyExecutionAttributes?) -> UnsafeMutablePointer<PbStickyExecutionAttributes>? {
        guard let s else { return nil }
        return build {
            $0.worker_task_queue = taskQueue(s.workerTaskQueue)
            $0.schedule_to_start_timeout = duration(s.scheduleToStartTimeout)
        }
    }
}

func decodeWorkflowQuery(_ m: PbWorkflowQuery) -> WorkflowQuery {
    WorkflowQuery(queryType: str(m.query_type), queryArgs: decodePayloads(m.query_args),
                  header: decodeHeader(m.header))
}

/// An unspecified result type reads as `.answered`.
func decodeQueryResult(_ m: PbWorkflowQueryResult) -> WorkflowQueryResult {
    WorkflowQueryResult(resultType: WorkflowQueryResult.ResultType(rawValue: int32(m.result_type)) ?? .answered,
                        answer: decodePayloads(m.answer), errorMessage: str(m.error_message),
                        failure: decodeFailure(m.failure))
}

func decodeProtocolMessage(_ m: PbMessage) -> ProtocolMessage {
    let eventId = m.sequencing_id_case == TEMPORAL__API__PROTOCOL__V1__MESSAGE__SEQUENCING_ID_EVENT_ID ? m.event_id : 0
    return ProtocolMessage(id: str(m.id), protocolInstanceId: str(m.protocol_instance_id), eventId: eventId,
                           body: decodeProtocolBody(typeUrl: str(m.body?.pointee.type_url),
                                                    value: m.body.map { bytes($0.pointee.value) } ?? []))
}

func decodeStickyAttributes(_ p: UnsafePointer<PbStickyExecutionAttributes>?) -> StickyExecutionAttributes? {
    guard let p else { return nil }
    return StickyExecutionAttributes(
        workerTaskQueue: p.pointee.worker_task_queue.map { decodeTaskQueue($0) } ?? TaskQueue(name: "", kind: .unspecified),
        scheduleToStartTimeout: decodeDuration(p.pointee.schedule_to_start_timeout) ?? ProtoDuration(nanoseconds: 0))
}
