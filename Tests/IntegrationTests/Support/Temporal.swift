import Foundation
import TestSupport

/// The `temporal` CLI pointed at the dev server, without throwing on a
/// non-zero exit (a failed workflow makes `workflow execute` exit 1).
struct TemporalCLI: Sendable {
    let executable: String
    let address: String

    init(_ server: DevServer) {
        executable = server.executable
        address = server.address
    }

    func run(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> Spawn.Output {
        try await Spawn.run(executable, arguments + ["--address", address], timeout: timeout)
    }

    /// Runs and requires exit 0; returns stdout.
    @discardableResult
    func ok(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> String {
        let out = try await run(arguments, timeout: timeout)
        guard out.status == 0 else {
            throw IntegrationError("`temporal \(arguments.joined(separator: " "))` exited \(out.status)\n\(out.combined)")
        }
        return out.stdout
    }

    /// `workflow start`, returns once the server accepted it.
    func start(type: String, queue: String, id: String, input: String?, extra: [String] = []) async throws {
        var args = ["workflow", "start", "--type", type, "--task-queue", queue, "--workflow-id", id]
        if let input { args += ["--input", input] }
        try await ok(args + extra)
    }

    /// The workflow's history (`workflow show --output json`).
    func history(_ workflowId: String) async throws -> History {
        let json = try await ok(["workflow", "show", "--workflow-id", workflowId, "--output", "json"])
        return try History(json: json)
    }

    /// Polls the history until the execution is closed.
    func waitForClose(_ workflowId: String, timeout: Duration, context: @escaping () -> String = { "" }) async throws -> History {
        var last: History?
        return try await eventually("workflow \(workflowId) to close", timeout: timeout, every: .milliseconds(300),
                                    message: { "last history: \(last?.summary ?? "none")\n\(context())" }) {
            let h = try await history(workflowId)
            last = h
            return h.closeEvent != nil ? h : nil
        }
    }

    /// Polls the history until `predicate` holds; `check` runs first on
    /// every poll (e.g. to stop at once when the daemon died).
    func waitForHistory(_ workflowId: String, _ what: String, timeout: Duration,
                        check: () throws -> Void = {}, context: @escaping () -> String = { "" },
                        _ predicate: (History) -> Bool) async throws -> History {
        var last: History?
        return try await eventually("\(what) in the history of \(workflowId)", timeout: timeout, every: .milliseconds(200),
                                    message: { "last history: \(last?.summary ?? "none")\n\(context())" }) {
            try check()
            let h = try await history(workflowId)
            last = h
            return predicate(h) ? h : nil
        }
    }

    /// `workflow describe --output json`, parsed.
    func describe(_ workflowId: String) async throws -> [String: Any] {
        let json = try await ok(["workflow", "describe", "--workflow-id", workflowId, "--output", "json"])
        guard let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw IntegrationError("workflow describe printed no JSON object:\n\(json)")
        }
        return obj
    }
}

/// One history event, with the fields the tests look at.
struct Event: Sendable, CustomStringConvertible {
    let id: Int
    /// The server's `eventTime`.
    let time: Date?
    /// `ActivityTaskScheduled`, `WorkflowTaskFailed`, … (the CLI's
    /// `EVENT_TYPE_…` in CamelCase).
    let type: String
    /// The event's attributes object, as JSON text.
    let attributesJSON: String
    let activityType: String?
    let attempt: Int?
    let failureMessage: String?
    let failureType: String?
    let nonRetryable: Bool?
    let cause: String?
    let scheduledEventId: Int?
    /// The worker identity (`pid@host` for Moonflow) of started/completed events.
    let identity: String?
    /// The first payload of `result` (or `input`), decoded to its JSON text.
    let firstResultPayload: String?

    var description: String { "\(id) \(type)\(activityType.map { " \($0)" } ?? "")\(attempt.map { " attempt=\($0)" } ?? "")\(failureMessage.map { " failure=\($0)" } ?? "")" }
}

/// A workflow history from `temporal workflow show --output json`.
struct History: Sendable {
    let events: [Event]

    init(json: String) throws {
        guard let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let raw = obj["events"] as? [[String: Any]] else {
            throw IntegrationError("`workflow show --output json` printed no events:\n\(json.prefix(2000))")
        }
        events = raw.map(History.event)
    }

    private static func event(_ e: [String: Any]) -> Event {
        let rawType = e["eventType"] as? String ?? "?"
        let type = rawType.replacingOccurrences(of: "EVENT_TYPE_", with: "").split(separator: "_")
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
        let attrs = e.first { $0.key.hasSuffix("EventAttributes") }?.value as? [String: Any] ?? [:]
        let attrsJSON = (try? JSONSerialization.data(withJSONObject: attrs, options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let failure = attrs["failure"] as? [String: Any]
        let appInfo = failure?["applicationFailureInfo"] as? [String: Any]
        return Event(
            id: int(e["eventId"]) ?? -1, time: (e["eventTime"] as? String).flatMap(date), type: type, attributesJSON: attrsJSON,
            activityType: (attrs["activityType"] as? [String: Any])?["name"] as? String,
            attempt: int(attrs["attempt"]),
            failureMessage: failure?["message"] as? String,
            failureType: appInfo?["type"] as? String,
            nonRetryable: appInfo?["nonRetryable"] as? Bool,
            cause: attrs["cause"] as? String,
            scheduledEventId: int(attrs["scheduledEventId"]),
            identity: attrs["identity"] as? String,
            firstResultPayload: firstPayload(attrs["result"]) ?? firstPayload(attrs["input"]))
    }

    /// `2026-11-22T01:26:51.493121729Z` (any number of fraction digits).
    static func date(_ text: String) -> Date? {
        var base = text
        var fraction = 0.0
        if let dot = text.firstIndex(of: "."), let z = text.lastIndex(of: "Z") {
            base = String(text[..<dot]) + "Z"
            fraction = Double("0" + text[dot..<z]) ?? 0
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: base).map { $0.addingTimeInterval(fraction) }
    }

    private static func int(_ v: Any?) -> Int? {
        if let s = v as? String { return Int(s) }
        if let n = v as? NSNumber { return n.intValue }
        return nil
    }

    /// `{payloads: [{metadata, data: base64}]}` (or already-decoded values) → JSON text.
    private static func firstPayload(_ v: Any?) -> String? {
        guard let container = v as? [String: Any], let payloads = container["payloads"] as? [Any],
              let first = payloads.first else {
            if let list = v as? [Any], let first = list.first, JSONSerialization.isValidJSONObject([first]) {
                return (try? JSONSerialization.data(withJSONObject: first, options: [.sortedKeys, .fragmentsAllowed]))
                    .map { String(decoding: $0, as: UTF8.self) }
            }
            return nil
        }
        if let p = first as? [String: Any], let data = p["data"] as? String, let bytes = Data(base64Encoded: data) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return (try? JSONSerialization.data(withJSONObject: first, options: [.sortedKeys, .fragmentsAllowed]))
            .map { String(decoding: $0, as: UTF8.self) }
    }

    func of(_ type: String) -> [Event] { events.filter { $0.type == type } }

    var closeEvent: Event? {
        events.last.flatMap { e in
            ["WorkflowExecutionCompleted", "WorkflowExecutionFailed", "WorkflowExecutionTimedOut",
             "WorkflowExecutionCanceled", "WorkflowExecutionTerminated", "WorkflowExecutionContinuedAsNew"]
                .contains(e.type) ? e : nil
        }
    }

    /// One line per event, for failure messages.
    var summary: String { "\n" + events.map { "  \($0)" }.joined(separator: "\n") }
}
