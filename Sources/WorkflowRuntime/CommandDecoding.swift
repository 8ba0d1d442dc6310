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
            default:
                throw WorkflowRuntimeError("internal: unknown command type \(type)")
            }
        }
        return out
    }

    private func activity(_ c: [String: JSONValue]) throws(WorkflowRuntimeError) -> WorkflowCommand {
        let seq = int(c["seq"])
        let activityType = string(c["activity_type"])
        let args = arguments(c["args"], count: int(c["nargs"]))
        var input: [Payload] = []
        for (i, arg) in args.enumerated() {
            input.append(try payload(arg, what: "argument \(i + 1) of activity \(activityType)"))
        }
        var task = ScheduleActivityTask(activityId: string(c["activity_id"]), activityType: activityType,
                                        taskQueue: string(c["task_queue"]), input: input)
        task.startToCloseTimeout = millis(c["start_to_close_ms"])
        task.scheduleToCloseTimeout = millis(c["schedule_to_close_ms"])
        task.scheduleToStartTimeout = millis(c["schedule_to_start_ms"])
        task.heartbeatTimeout = millis(c["heartbeat_ms"])
        if case .object(let rp)? = c["retry_policy"] {
            var policy = RetryPolicy()
            policy.initialInterval = millis(rp["initial_interval_ms"])
            policy.maximumInterval = millis(rp["maximum_interval_ms"])
            if case .double(let d)? = rp["backoff_coefficient"] { policy.backoffCoefficient = d }
            if case .int(let i)? = rp["backoff_coefficient"] { policy.backoffCoefficient = Double(i) }
            policy.maximumAttempts = Int32(clamping: int(rp["maximum_attempts"]))
            if case .array(let list)? = rp["non_retryable_error_types"] {
                policy.nonRetryableErrorTypes = list.compactMap { if case .string(let s) = $0 { s } else { nil } }
            }
            task.retryPolicy = policy
        }
        return .scheduleActivity(seq: seq, task)
    }

    private func payload(_ value: JSONValue, what: String) throws(WorkflowRuntimeError) -> Payload {
        do throws(PayloadError) {
            return try PayloadCodec.encode(value)
        } catch {
            throw WorkflowRuntimeError("cannot encode \(what): \(error)")
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
