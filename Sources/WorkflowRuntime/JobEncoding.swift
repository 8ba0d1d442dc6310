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
        var sideEffects: [String: JSONValue] = [:]
        var versions: [String: JSONValue] = [:]
        for marker in activation.markers {
            switch marker.name {
            case MarkerKey.sideEffect:
                let id = MarkerKey.of(name: marker.name, details: marker.details)
                sideEffects[id] = try decode(marker.details["data"] ?? [], what: "side effect \(id)").first ?? .null
            case MarkerKey.version:
                let change = try decode(marker.details["change-id"] ?? [], what: "version marker").first
                let version = try decode(marker.details["version"] ?? [], what: "version marker").first
                guard case .string(let changeId)? = change, let version else {
                    throw WorkflowRuntimeError("version marker of workflow \(execution.workflowId) lacks change-id or version")
                }
                versions[changeId] = version
            default:
                continue
            }
        }
        return .object([
            "now_ns": .int(activation.time.unixNanos),
            "replaying": .bool(activation.isReplaying),
            "history_length": .int(activation.historyLength),
            "history_size": .int(activation.historySizeBytes),
            "jobs": .array(jobs),
            "side_effects": .object(sideEffects),
            "versions": .object(versions),
        ])
    }

    private func encode(_ job: Job) throws(WorkflowRuntimeError) -> JSONValue {
        switch job {
        case .start(let started, let seed, let startTime):
            let args = try decode(started.input, what: "workflow input")
            return .object([
                "type": .string("start"), "args": .array(args), "nargs": .int(Int64(args.count)),
                "seed": .int(Int64(bitPattern: seed)), "info": info(started, startTime: startTime),
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
        case .signal(let name, let input, let header):
            let args = try decode(input, what: "signal \(name)")
            var o: [String: JSONValue] = ["type": .string("signal"), "name": .string(name), "args": .array(args),
                                          "nargs": .int(Int64(args.count))]
            if let from = header[Headers.from], case .string(let pid)? = try? PayloadCodec.decode(from) {
                o["from"] = .string(pid)
            }
            return .object(o)
        case .cancelWorkflow(let reason):
            return .object(["type": .string("cancel"), "reason": .string(reason)])
        case .resolveSignalExternal(let seq, let failure):
            return resolution("signal_external", seq, failure)
        case .resolveCancelExternal(let seq, let failure):
            return resolution("cancel_external", seq, failure)
        case .childStarted(let seq, let runId):
            return .object(["type": .string("child_started"), "seq": .int(Int64(seq)), "run_id": .string(runId)])
        case .childStartFailed(let seq, let failure):
            return .object(["type": .string("child_start_failed"), "seq": .int(Int64(seq)),
                            "error": ErrorValue(failure: failure).json])
        case .resolveChild(let seq, .completed(let result)):
            let values = try decode(result, what: "result of child workflow \(seq)")
            return .object(["type": .string("child"), "seq": .int(Int64(seq)), "ok": .bool(true),
                            "value": values.first ?? .null])
        case .resolveChild(let seq, .failed(let failure)):
            return .object(["type": .string("child"), "seq": .int(Int64(seq)), "ok": .bool(false),
                            "error": ErrorValue(failure: failure).json])
        case .update(let update):
            return updateJob(update)
        }
    }

    /// An update whose arguments do not decode is rejected by the prelude
    /// (`invalid`), not a task failure: the workflow itself is fine.
    private func updateJob(_ update: UpdateJob) -> JSONValue {
        let request = update.request
        var o: [String: JSONValue] = ["type": .string("update"), "id": .string(request.updateId),
                                      "name": .string(request.name), "validate": .bool(update.validate)]
        do throws(WorkflowRuntimeError) {
            let args = try decode(request.args, what: "update \(request.name) (id \(request.updateId)) input")
            o["args"] = .array(args)
            o["nargs"] = .int(Int64(args.count))
        } catch {
            o["args"] = .array([])
            o["nargs"] = .int(0)
            o["invalid"] = .string(error.message)
        }
        return .object(o)
    }

    private func resolution(_ type: String, _ seq: Int, _ failure: Failure?) -> JSONValue {
        var o: [String: JSONValue] = ["type": .string(type), "seq": .int(Int64(seq)), "ok": .bool(failure == nil)]
        if let failure { o["error"] = ErrorValue(failure: failure).json }
        return .object(o)
    }

    private func info(_ s: WorkflowExecutionStarted, startTime: Timestamp) -> JSONValue {
        var o: [String: JSONValue] = [
            "start_time": .int(startTime.unixNanos / 1_000_000_000),
            "workflow_id": .string(execution.workflowId), "run_id": .string(execution.runId),
            "workflow_type": .string(s.workflowType), "task_queue": .string(s.taskQueue),
            "namespace": .string(namespace), "attempt": .int(Int64(s.attempt)),
            "cron_schedule": .string(s.cronSchedule), "continued_run_id": .string(s.continuedExecutionRunId),
        ]
        if let parent = s.parentWorkflowExecution, !parent.workflowId.isEmpty {
            o["parent"] = .object(["workflow_id": .string(parent.workflowId), "run_id": .string(parent.runId)])
        }
        o["memo"] = .object(s.memo.compactMapValues { try? PayloadCodec.decode($0) })
        o["search_attributes"] = .object(s.searchAttributes.compactMapValues { try? PayloadCodec.decode($0) })
        if let context = s.header[Headers.context], let value = try? PayloadCodec.decode(context) {
            o["context"] = value
        }
        return .object(o)
    }

    // `what` is an autoclosure: the message is built only for an error.
    private func decode(_ payloads: [Payload], what: @autoclosure () -> String) throws(WorkflowRuntimeError) -> [JSONValue] {
        do throws(PayloadError) {
            return try PayloadCodec.decode(payloads)
        } catch {
            throw WorkflowRuntimeError("cannot decode \(what()) of workflow \(execution.workflowId): \(error)")
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
