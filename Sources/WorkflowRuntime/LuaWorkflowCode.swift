import LuaRuntime
import Replay
import TemporalModel

/// A workflow instance living in a `WorkflowHost`: the `WorkflowCode` the
/// replay engine drives. Shaped to stay alive between workflow tasks (the
/// sticky cache keeps these); `close()` releases its Lua state.
final class LuaWorkflowCode: WorkflowCode {
    private let host: WorkflowHost
    private var instance: LuaRef?
    private let jobs: JobEncoding

    init(host: WorkflowHost, instance: LuaRef, jobs: JobEncoding) {
        self.host = host
        self.instance = instance
        self.jobs = jobs
    }

    func activate(_ activation: Activation) -> ActivationOutcome {
        guard let instance else { return .taskFailure(message: "internal: workflow instance was closed", stackTrace: "") }
        do {
            let input = try jobs.encode(activation)
            let answer = try host.activate(instance, input)
            guard case .object(let o) = answer else {
                return .taskFailure(message: "internal: activation returned \(answer)", stackTrace: "")
            }
            if case .object(let failure)? = o["task_failure"] {
                return .taskFailure(message: string(failure["message"]), stackTrace: string(failure["traceback"]))
            }
            var commands: [JSONValue] = []
            switch o["commands"] {
            case .array(let list)?: commands = list
            default: commands = []   // an empty Lua table converts to an object
            }
            return .commands(try CommandDecoding().decode(commands))
        } catch let error as LuaError {
            return .taskFailure(message: error.message, stackTrace: error.traceback)
        } catch let error as WorkflowRuntimeError {
            return .taskFailure(message: error.message, stackTrace: error.traceback)
        } catch {
            return .taskFailure(message: "\(error)", stackTrace: "")
        }
    }

    /// Answers a query from the current state (read-only).
    func query(_ query: WorkflowQuery) -> WorkflowQueryResult {
        guard let instance else { return Self.queryFailure("internal: workflow instance was closed") }
        do {
            let args = try PayloadCodec.decode(query.queryArgs)
            let answer = try host.query(instance, name: query.queryType, args: args)
            guard case .object(let o) = answer else { return Self.queryFailure("internal: query returned \(answer)") }
            if case .bool(true)? = o["ok"] {
                var payload = try PayloadCodec.encode(o["value"] ?? .null)
                if case .string(let messageType)? = o["message_type"] {
                    // A protobuf message as proto3 JSON (built-in queries).
                    payload.metadata = ["encoding": Array(PayloadCodec.jsonProtobuf.utf8),
                                        "messageType": Array(messageType.utf8)]
                }
                return WorkflowQueryResult(resultType: .answered, answer: [payload])
            }
            return Self.queryFailure(string(o["message"]))
        } catch let error as LuaError {
            return Self.queryFailure("\(error.message)\n\(error.traceback)")
        } catch {
            return Self.queryFailure("\(error)")
        }
    }

    static func queryFailure(_ message: String) -> WorkflowQueryResult {
        WorkflowQueryResult(resultType: .failed, errorMessage: message,
                            failure: Failure(message: message, source: "Moonflow",
                                             info: .application(type: "QUERY_FAILED", nonRetryable: true, details: [])))
    }

    /// Releases the instance's Lua objects.
    func close() {
        instance?.release()
        instance = nil
    }
}
