import Replay
import TemporalModel

/// Turns an activation into the plain table the workflow prelude's
/// `activate` reads. Payloads are decoded here; a payload that cannot be
/// decoded fails the task with a message naming it.
struct JobEncoding {
    let namespace: String
    let execution: WorkflowExecution

    func encode(_ activation: Activation) throws(WorkflowRuntimeError) -> JSONValue {
        var jobs: [JSONValue] = []
        jobs.reserveCapacity(activation.jobs.count)
        for job in activation.jobs {
            jobs.append(try encode(job))
        }
        return .object([
            "now_ns": .int(activation.time.unixNanos),
            "replaying": .bool(activation.isReplaying),
            "history_length": .int(activation.historyLength),
            "history_size": .int(activation.historySizeBytes),
            "jobs": .array(jobs),
        ])
    }

    private func encode(_ job: Job) throws(WorkflowRuntimeError) -> JSONValue {
        switch job {
        case .start(let started, let seed):
            let args = try decode(started.input, what: "workflow input")
            return .object([
                "type": .string("start"), "args": .array(args), "nargs": .int(Int64(args.count)),
                "seed": .int(Int64(bitPattern: seed)), "info": info(started),
            ])
        case .resolveActivity(let seq, let resolution):
            switch resolution {
            case .completed(let result):
                let values = try decode(result, what: "result of activity \(seq)")
                return .object(["type": .string("activity"), "seq": .int(Int64(seq)), "ok": .bool(true),
                                "value": values.first ?? .null])
            case .failed(let failure), .cancelled(let failure):
                return .object(["type": .string("activity"), "seq": .int(Int64(seq)), "ok": .bool(false),
                                "error": ErrorValue(failure: failure).json])
            }
        case .fireTimer(let seq):
            return .object(["type": .string("timer"), "seq": .int(Int64(seq))])
        case .signal(let name, let input, _):
            let args = try decode(input, what: "signal \(name)")
            return .object(["type": .string("signal"), "name": .string(name), "args": .array(args),
                            "nargs": .int(Int64(args.count))])
        case .cancelWorkflow(let reason):
            return .object(["type": .string("cancel"), "reason": .string(reason)])
        }
    }

    private func info(_ s: WorkflowExecutionStarted) -> JSONValue {
        var o: [String: JSONValue] = [
            "workflow_id": .string(execution.workflowId), "run_id": .string(execution.runId),
            "workflow_type": .string(s.workflowType), "task_queue": .string(s.taskQueue),
            "namespace": .string(namespace), "attempt": .int(Int64(s.attempt)),
            "cron_schedule": .string(s.cronSchedule), "continued_run_id": .string(s.continuedExecutionRunId),
        ]
        if let parent = s.parentWorkflowExecution, !parent.workflowId.isEmpty {
            o["parent"] = .object(["workflow_id": .string(parent.workflowId), "run_id": .string(parent.runId)])
        }
        o["memo"] = .object(s.memo.compactMapValues { try? PayloadCodec.decode($0) })
        return .object(o)
    }

    private func decode(_ payloads: [Payload], what: String) throws(WorkflowRuntimeError) -> [JSONValue] {
        do throws(PayloadError) {
            return try PayloadCodec.decode(payloads)
        } catch {
            throw WorkflowRuntimeError("cannot decode \(what) of workflow \(execution.workflowId): \(error)")
        }
    }
}

/// The one error type of WorkflowRuntime: a message for the task failure.
public struct WorkflowRuntimeError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var traceback: String
    public init(_ message: String, traceback: String = "") {
        self.message = message
        self.traceback = traceback
    }
    public var description: String { message }
}
