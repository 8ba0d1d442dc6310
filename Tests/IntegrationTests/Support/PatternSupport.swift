import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the SPEC §2 pattern tests (`Tests/IntegrationTests/Patterns/`):
/// a registry with a short sticky timeout (so a killed daemon's sticky
/// queue is abandoned quickly), kill -9 + restart, signals, status, and
/// recording of fixtures for the replay tests.
enum Patterns {
    /// Like ``TestRegistry/standardYAML`` but the worker gives up its
    /// sticky queue after 1 s, so after a `kill -9` the next workflow task
    /// reaches the new daemon on the normal queue quickly.
    static func yaml(address: String, queue: String, entries: String) -> String {
        """
        version: "1.0"
        namespace: it
        entries:
          - name: client
            kind: temporal.client
            address: "\(address)"
            namespace: default

          - name: worker
            kind: temporal.worker
            client: client
            task_queue: "\(queue)"
            worker_options: {sticky_schedule_to_start_timeout: "1s"}

        \(entries)
        """
    }

    /// `Tests/Fixtures/histories`.
    static let fixturesDir: URL = Paths.packageRoot.appendingPathComponent("Tests/Fixtures/histories")

    /// With `MOONFLOW_RECORD_FIXTURES=1`, writes `<name>.json` (the raw
    /// `temporal workflow show --output json`) and `<name>/registry/` (the
    /// registry's YAML and Lua files, the client address replaced by a
    /// constant: the replay tool never connects). Existing fixtures are
    /// never overwritten: recorded fixtures are only ever added.
    static func record(_ name: String, workflowId: String, registry: TestRegistry, serverAddress: String,
                       cli: TemporalCLI) async throws {
        guard ProcessInfo.processInfo.environment["MOONFLOW_RECORD_FIXTURES"] == "1" else { return }
        let fm = FileManager.default
        let historyFile = fixturesDir.appendingPathComponent("\(name).json")
        let registryDir = fixturesDir.appendingPathComponent(name).appendingPathComponent("registry")
        if fm.fileExists(atPath: historyFile.path) || fm.fileExists(atPath: registryDir.path) { return }
        let json = try await cli.ok(["workflow", "show", "--workflow-id", workflowId, "--output", "json"])
        try fm.createDirectory(at: registryDir, withIntermediateDirectories: true)
        for file in try fm.contentsOfDirectory(atPath: registry.dir.path).sorted()
        where file.hasSuffix(".yaml") || file.hasSuffix(".lua") {
            var text = try String(contentsOf: registry.dir.appendingPathComponent(file), encoding: .utf8)
            text = text.replacingOccurrences(of: serverAddress, with: "localhost:7233")
            try text.write(to: registryDir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        try json.write(to: historyFile, atomically: true, encoding: .utf8)
    }
}

extension TemporalCLI {
    /// `temporal workflow signal`.
    func signal(_ workflowId: String, _ name: String, input: String?) async throws {
        var args = ["workflow", "signal", "--workflow-id", workflowId, "--name", name]
        if let input { args += ["--input", input] }
        try await ok(args)
    }

    /// `workflowExecutionInfo.status` of `workflow describe`.
    func status(_ workflowId: String) async throws -> String {
        let info = try await describe(workflowId)["workflowExecutionInfo"] as? [String: Any]
        return info?["status"] as? String ?? "?"
    }
}

extension History {
    /// Activity types of `ActivityTaskScheduled`, in history order.
    var scheduledActivities: [String] { of("ActivityTaskScheduled").map { $0.activityType ?? "?" } }

    /// The (decoded) input of each `ActivityTaskScheduled`, in history order.
    var scheduledInputs: [String] { of("ActivityTaskScheduled").map { $0.firstResultPayload ?? "?" } }

    /// Workflow tasks that failed (a replay problem after the restart shows
    /// here), except the server's own rejections of a completion that
    /// raced a new event (`UNHANDLED_COMMAND`: a signal arrived while the
    /// task that completes the workflow was in flight; the worker then
    /// runs the code again with the signal, as every SDK does).
    var failedTasks: [Event] {
        of("WorkflowTaskFailed").filter { $0.cause != "WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND" }
    }

    /// No workflow task is scheduled or running: the last workflow-task
    /// event is a `WorkflowTaskCompleted` (only the events of its commands
    /// may follow), so the workflow is blocked waiting (for a signal, a
    /// timer, an activity, a child, …).
    var isIdle: Bool { events.last { $0.type.hasPrefix("WorkflowTask") }?.type == "WorkflowTaskCompleted" }

    /// `workflowType.name` of each `StartChildWorkflowExecutionInitiated`.
    var childTypes: [String] {
        of("StartChildWorkflowExecutionInitiated").compactMap { e in
            guard let obj = try? JSONSerialization.jsonObject(with: Data(e.attributesJSON.utf8)) as? [String: Any] else { return nil }
            return (obj["workflowType"] as? [String: Any])?["name"] as? String
        }
    }
}

extension IntegrationTestCase {
    /// SIGKILLs `daemon` (asserting it died of it), checks the execution is
    /// still open, and starts a fresh daemon on the same registry.
    func crashAndRestart(_ daemon: DaemonProcess, registry: TestRegistry, workflowId: String, cli: TemporalCLI,
                         label: String, file: StaticString = #filePath, line: UInt = #line) async throws -> DaemonProcess {
        daemon.kill9()
        XCTAssertEqual(daemon.exitStatus, 128 + SIGKILL, "the daemon should have died of SIGKILL", file: file, line: line)
        let mid = try await cli.history(workflowId)
        XCTAssertNil(mid.closeEvent, "the workflow closed before the kill; the crash tested nothing:\(mid.summary)",
                     file: file, line: line)
        return try await startDaemon(registry, label: label)
    }
}
