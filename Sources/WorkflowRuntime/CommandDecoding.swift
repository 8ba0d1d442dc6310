import Replay
import TemporalModel

/// Reads the command tables the workflow prelude produced into
/// `WorkflowCommand`s, encoding Lua values as payloads.
struct CommandDecoding {
    /// Registry function entry ids are activity types as they are; other ids
    /// are used verbatim too (activities of other SDKs), so this is identity
    /// today and the place to map custom names later.
    func decode(_ commands: [JSONValue]) throws(WorkflowRuntimeError) -> [WorkflowCommand] {
        var out: [WorkflowCommand] = []
        out.reserveCapacity(commands.count)
        for (index, command) in commands.enumerated() {
            guard case .object(let c) = command, case .string(let type)? = c["type"] else {
                throw WorkflowRuntimeError("internal: command \(index + 1) is not a table with a type")
            }
            switch type {
            case "activity": out.append(try activity(c))
            case "timer":
                out.append(.startTimer(seq: int(c["seq"]), duration: ProtoDuration(nanoseconds: Int64(int(c["ns"])))))
            case "complete":
                out.append(.completeWorkflow(result: [try payload(c["value"] ?? .null, what: "workflow result")]))
            case "fail":
                out.append(.failWorkflow(ErrorValue(json: c["error"] ?? .null).failure()))
            case "cancel_workflow":
                out.append(.cancelWorkflow(details: []))
            case "side_effect":
                let id = int(c["id"])
                out.append(.recordMarker(name: MarkerKey.sideEffect, key: String(id), details: [
                    "side-effect-id": [try payload(.int(Int64(id)), what: "side effect id")],
                    "data": [try payload(c["value"] ?? .null, what: "side effect \(id)")],
                ]))
            case "version":
                let change = try payload(.string(string(c["change_id"])), what: "version change id")
                out.append(.recordMarker(name: MarkerKey.version, key: String(decoding: change.data, as: UTF8.self), details: [
                    "change-id": [change],
                    "version": [try payload(.int(Int64(int(c["version"]))), what: "version")],
                ]))
            case "upsert":
                out.append(.upsertSearchAttributes(try SearchAttributes.encode(c["search"], what: "workflow.attrs search")))
            case "memo":
                out.append(.modifyProperties(memo: try payloadMap(c["memo"], what: "workflow.attrs memo")))
            case "cancel_activity":
                out.append(.requestCancelActivity(seq: int(c["seq"])))
            case "cancel_timer":
                out.append(.cancelTimer(seq: int(c["seq"])))
            case "signal_external":
                let signal = string(c["signal"])
                var header: PayloadMap = [:]
                if let from = c["from"] { header[Headers.from] = try payload(from, what: "sender pid") }
                out.append(.signalExternal(
                    seq: int(c["seq"]), namespace: "",
                    execution: WorkflowExecution(workflowId: string(c["workflow_id"]), runId: string(c["run_id"])),
                    signalName: signal, input: try inputs(c, what: "signal \(signal)"), header: header,
                    childWorkflowOnly: c["child_only"] == .bool(true)))
            case "cancel_external":
                out.append(.cancelExternal(
                    seq: int(c["seq"]), namespace: "",
                    execution: WorkflowExecution(workflowId: string(c["workflow_id"]), runId: string(c["run_id"])),
                    reason: string(c["reason"]), childWorkflowOnly: c["child_only"] == .bool(true)))
            case "child":
                out.append(try child(c))
            case "update_accept":
                out.append(.acceptUpdate(id: string(c["id"])))
            case "update_reject":
                out.append(.rejectUpdate(id: string(c["id"]), ErrorValue(json: c["error"] ?? .null).failure()))
            case "update_complete":
                let id = string(c["id"])
                if let error = c["error"] {
                    out.append(.completeUpdate(id: id, .failure(ErrorValue(json: error).failure())))
                } else {
                    out.append(.completeUpdate(id: id, .success([try payload(c["value"] ?? .null, what: "update \(id) result")])))
                }
            case "continue_as_new":
                out.append(.continueAsNew(ContinueAsNew(
                    workflowType: string(c["workflow_type"]), taskQueue: string(c["task_queue"]),
                    input: try inputs(c, what: "continue_as_new input"), header: try contextHeader(c))))
            default:
                throw WorkflowRuntimeError("internal: unknown command type \(type)")
            }
        }
        return out
    }

    private func activity(_ c: [String: JSONValue]) throws(WorkflowRuntimeError) -> WorkflowCommand {
        let seq = int(c["seq"])
        let activityType = string(c["activity_type"])
        var task = ScheduleActivityTask(activityId: string(c["activity_id"]), activityType: activityType,
                                        taskQueue: string(c["task_queue"]), header: try contextHeader(c),
                                        input: try inputs(c, what: "activity \(activityType)"))
        task.startToCloseTimeout = millis(c["start_to_close_ms"])
        task.scheduleToCloseTimeout = millis(c["schedule_to_close_ms"])
        task.scheduleToStartTimeout = millis(c["schedule_to_start_ms"])
        task.heartbeatTimeout = millis(c["heartbeat_ms"])
        task.retryPolicy = retryPolicy(c["retry_policy"])
        return .scheduleActivity(seq: seq, task)
    }

    private func child(_ c: [String: JSONValue]) throws(WorkflowRuntimeError) -> WorkflowCommand {
        let type = string(c["workflow_type"])
        var attributes = StartChildWorkflowExecution(
            workflowId: string(c["workflow_id"]), workflowType: type, taskQueue: string(c["task_queue"]),
            input: try inputs(c, what: "child workflow \(type)"))
        attributes.workflowExecutionTimeout = millis(c["execution_timeout_ms"])
        attributes.workflowRunTimeout = millis(c["run_timeout_ms"])
        attributes.workflowTaskTimeout = millis(c["task_timeout_ms"])
        attributes.parentClosePolicy = Int32(clamping: int(c["parent_close_policy"]))
        attributes.workflowIdReusePolicy = Int32(clamping: int(c["id_reuse_policy"]))
        attributes.retryPolicy = retryPolicy(c["retry_policy"])
        attributes.cronSchedule = string(c["cron_schedule"])
        attributes.header = try contextHeader(c)
        attributes.memo = try payloadMap(c["memo"], what: "child memo")
        attributes.searchAttributes = try SearchAttributes.encode(c["search"], what: "child search attributes")
        return .startChild(seq: int(c["seq"]), attributes)
    }

    private func retryPolicy(_ value: JSONValue?) -> RetryPolicy? {
        guard case .object(let rp)? = value else { return nil }
        var policy = RetryPolicy()
        policy.initialInterval = millis(rp["initial_interval_ms"])
        policy.maximumInterval = millis(rp["maximum_interval_ms"])
        if case .double(let d)? = rp["backoff_coefficient"] { policy.backoffCoefficient = d }
        if case .int(let i)? = rp["backoff_coefficient"] { policy.backoffCoefficient = Double(i) }
        policy.maximumAttempts = Int32(clamping: int(rp["maximum_attempts"]))
        if case .array(let list)? = rp["non_retryable_error_types"] {
            policy.nonRetryableErrorTypes = list.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        return policy
    }

    /// One payload per argument of `args`/`nargs`.
    /// (`what` names the place in an error; like `payload`'s, it is built
    /// only for one.)
    private func inputs(_ c: [String: JSONValue], what: @autoclosure () -> String) throws(WorkflowRuntimeError) -> [Payload] {
        var input: [Payload] = []
        for (i, arg) in arguments(c["args"], count: int(c["nargs"])).enumerated() {
            input.append(try payload(arg, what: "argument \(i + 1) of \(what())"))
        }
        return input
    }

    /// The `moonflow-context` header when the command carries context.
    private func contextHeader(_ c: [String: JSONValue]) throws(WorkflowRuntimeError) -> PayloadMap {
        guard let context = c["context"], context != .object([:]) else { return [:] }
        return [Headers.context: try payload(context, what: "context")]
    }

    private func payloadMap(_ value: JSONValue?, what: @autoclosure () -> String) throws(WorkflowRuntimeError) -> PayloadMap {
        guard case .object(let o)? = value else { return [:] }
        var map: PayloadMap = [:]
        for (key, v) in o { map[key] = try payload(v, what: "\(what()).\(key)") }
        return map
    }

    private func payload(_ value: JSONValue, what: @autoclosure () -> String) throws(WorkflowRuntimeError) -> Payload {
        do throws(PayloadError) {
            return try PayloadCodec.encode(value)
        } catch {
            throw WorkflowRuntimeError("cannot encode \(what()): \(error)")
        }
    }
}

/// Reads `{n=…, [1]=…}`-style argument lists: an array when there are no
/// holes, otherwise an object keyed by decimal index.
func arguments(_ value: JSONValue?, count: Int) -> [JSONValue] {
    guard count > 0 else { return [] }
    var out = Array(repeating: JSONValue.null, count: count)
    switch value {
    case .array(let a)?:
        for (i, v) in a.enumerated() where i < count { out[i] = v }
    case .object(let o)?:
        for i in 0..<count { out[i] = o[String(i + 1)] ?? .null }
    default:
        break
    }
    return out
}

func int(_ value: JSONValue?) -> Int {
    switch value {
    case .int(let i)?: Int(truncatingIfNeeded: i)
    case .double(let d)?: Int(exactly: d.rounded()) ?? 0
    default: 0
    }
}

func string(_ value: JSONValue?) -> String {
    if case .string(let s)? = value { return s }
    return ""
}

func millis(_ value: JSONValue?) -> ProtoDuration? {
    switch value {
    case .int(let i)?: .milliseconds(i)
    case .double(let d)?: .milliseconds(Int64(d))
    default: nil
    }
}
