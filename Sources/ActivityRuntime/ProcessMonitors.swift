import Client
import TemporalModel

/// The monitors and links of one running activity and the events they
/// produce (`process.events()`). Each watched workflow has a background
/// task waiting on its result; `receive` blocks the activity's executor
/// thread until an event arrives. `reset` (when the activity ends) cancels
/// every watch and drops undelivered events.
final class ProcessMonitors: @unchecked Sendable {
    // @unchecked: every field is guarded by `condition`.
    private let condition = Condition()
    private var queue: [JSONValue] = []
    private var watches: [String: Task<Void, Never>] = [:]

    /// `kind` is "monitor" (EXIT on any end) or "link" (LINK_DOWN when the
    /// workflow ends with an error). Watching twice is a no-op.
    func watch(_ kind: String, pid: String, client: WorkflowClient) {
        let key = kind + "\u{0}" + pid
        condition.lock()
        defer { condition.unlock() }
        guard watches[key] == nil else { return }
        watches[key] = Task { [weak self] in
            let outcome: WorkflowOutcome
            do throws(ClientError) {
                outcome = try await client.result(workflowId: pid)
            } catch {
                if Task.isCancelled { return }
                outcome = .failed(error.errorValue)
            }
            self?.deliver(key: key, event: Self.event(kind, pid: pid, outcome))
        }
    }

    /// Stops a watch; its event, if not yet delivered, never is.
    func unwatch(_ kind: String, pid: String) {
        condition.lock()
        defer { condition.unlock() }
        watches.removeValue(forKey: kind + "\u{0}" + pid)?.cancel()
    }

    /// The next event, waiting up to `timeout` (forever when nil).
    func receive(timeout: Duration?) -> JSONValue? {
        let deadline = timeout.map { Condition.deadline(after: max($0, .zero)) }
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if let deadline {
                if !condition.wait(until: deadline) && queue.isEmpty { return nil }
            } else {
                condition.wait()
            }
        }
        return queue.removeFirst()
    }

    /// Cancels every watch and forgets pending events.
    func reset() {
        condition.lock()
        defer { condition.unlock() }
        for task in watches.values { task.cancel() }
        watches = [:]
        queue = []
    }

    private func deliver(key: String, event: JSONValue?) {
        condition.lock()
        defer { condition.unlock() }
        guard watches.removeValue(forKey: key) != nil else { return }   // unwatched meanwhile
        if let event {
            queue.append(event)
            condition.broadcast()
        }
    }

    /// The event of a watch: EXIT with `{value}` or `{error}`; LINK_DOWN
    /// only for an error end (nil otherwise).
    private static func event(_ kind: String, pid: String, _ outcome: WorkflowOutcome) -> JSONValue? {
        var result: [String: JSONValue] = [:]
        switch outcome {
        case .completed(let value):
            if kind == "link" { return nil }
            result["value"] = value
        case .failed(let error):
            result["error"] = error.json
        }
        return .object(["kind": .string(kind == "link" ? "pid.link.down" : "pid.exit"), "from": .string(pid),
                        "result": .object(result)])
    }
}
