import TemporalModel
import TemporalRPC

/// How a workflow ended, following retries, cron runs and continue-as-new.
public enum WorkflowOutcome: Sendable, Hashable {
    /// Completed with this value (the first result payload; nil as `.null`).
    case completed(JSONValue)
    /// Failed, timed out, was cancelled or terminated: the error Lua sees.
    case failed(ErrorValue)
}

extension WorkflowClient {
    /// Waits for the workflow's result: long-polls its close event
    /// (`GetWorkflowExecutionHistory`, CLOSE_EVENT filter, with the
    /// `follows-next-run-id` feature header every call sends) and follows
    /// `new_execution_run_id` through retries, cron runs and continue-as-new
    /// to the last run. RPC problems throw; the workflow's own failure is
    /// `.failed`.
    public func result(workflowId: String, runId: String = "", namespace: String? = nil)
        async throws(ClientError) -> WorkflowOutcome {
        let ns = namespace ?? self.namespace
        var run = runId
        while true {
            let event = try await closeEvent(workflowId: workflowId, runId: run, namespace: ns)
            switch event.attributes {
            case .workflowExecutionCompleted(let result, let next):
                if !next.isEmpty { run = next; continue }
                guard let first = result.first else { return .completed(.null) }
                do throws(PayloadError) {
                    return .completed(try PayloadCodec.decode(first))
                } catch {
                    throw ClientError(kind: "INVALID", message: "cannot decode the result of \(workflowId): \(error)")
                }
            case .workflowExecutionFailed(let failure, _, let next):
                if !next.isEmpty { run = next; continue }
                return .failed(failure.map(ErrorValue.init(failure:))
                               ?? ErrorValue(kind: "UNKNOWN", message: "workflow \(workflowId) failed", retryable: false))
            case .workflowExecutionTimedOut(_, let next):
                if !next.isEmpty { run = next; continue }
                return .failed(ErrorValue(kind: "TIMEOUT", message: "workflow \(workflowId) timed out", retryable: false))
            case .workflowExecutionContinuedAsNew(let next, _, _):
                run = next
            case .workflowExecutionCanceled:
                return .failed(ErrorValue(kind: "CANCELED", message: "workflow \(workflowId) was cancelled",
                                          retryable: false))
            case .workflowExecutionTerminated(let reason, _, _):
                let why = reason.isEmpty ? "" : ": \(reason)"
                return .failed(ErrorValue(kind: "CANCELED", message: "workflow \(workflowId) was terminated\(why)",
                                          retryable: false))
            default:
                throw ClientError(kind: "INTERNAL",
                                  message: "unexpected close event type \(event.eventType) for \(workflowId)")
            }
        }
    }

    /// The close event of one run (the current run for an empty `runId`),
    /// waiting until there is one.
    func closeEvent(workflowId: String, runId: String, namespace: String) async throws(ClientError) -> HistoryEvent {
        var token: [UInt8] = []
        while true {
            try Self.checkCancelled(workflowId)
            let request = GetWorkflowExecutionHistoryRequest(
                namespace: namespace, execution: WorkflowExecution(workflowId: workflowId, runId: runId),
                nextPageToken: token, waitNewEvent: true, eventFilter: .closeEvent, skipArchival: true)
            let response: GetWorkflowExecutionHistoryResponse
            do {
                response = try await service.getWorkflowExecutionHistory(request)
            } catch let e as RPCError where e.code == .deadlineExceeded {
                continue   // the long poll ran out; ask again
            } catch {
                throw ClientError(error, doing: "wait for the result of \(workflowId)")
            }
            if let event = response.history.events.last(where: { Self.isClose($0.attributes) }) { return event }
            token = response.nextPageToken
        }
    }

    private static func checkCancelled(_ workflowId: String) throws(ClientError) {
        if Task.isCancelled {
            throw ClientError(kind: "CANCELED", message: "stopped waiting for the result of \(workflowId)")
        }
    }

    static func isClose(_ a: EventAttributes) -> Bool {
        switch a {
        case .workflowExecutionCompleted, .workflowExecutionFailed, .workflowExecutionTimedOut,
             .workflowExecutionCanceled, .workflowExecutionTerminated, .workflowExecutionContinuedAsNew:
            return true
        default:
            return false
        }
    }
}
