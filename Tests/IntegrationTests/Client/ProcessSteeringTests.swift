import Foundation
import XCTest

/// `process.exec`, context, monitors, links, cancel (with a deadline),
/// terminate, cron, start_delay, memo and search attributes from activities.
final class ProcessSteeringTests: IntegrationTestCase {
    func testExecResultsErrorKindsAndBadInput() async throws {
        let (registry, daemon, _) = try await clientFixture("exec")
        let r = try await scenario(registry, "exec", id: unique("exec"), daemon: daemon)
        XCTAssertEqual(r["r1"] as? String, "plain", "\(r)")
        XCTAssertEqual(r["e2"] as? String, "CONFLICT", "the child's error kind: \(r)")
        XCTAssertEqual(r["e2_message"] as? String, "asked to fail", "\(r)")
        XCTAssertEqual(r["r3"] as? String, "after-can", "result followed continue-as-new: \(r)")
        XCTAssertEqual(r["e4"] as? String, "NOT_FOUND", "\(r)")
        XCTAssertTrue((r["e4_message"] as? String ?? "").contains("no workflow.lua entry 'nope'"), "\(r)")
        XCTAssertEqual(r["e5"] as? String, "INVALID", "\(r)")
        XCTAssertTrue((r["e5_message"] as? String ?? "").contains("unknown workflow option 'bogus'"), "\(r)")
        XCTAssertEqual(r["e6"] as? String, "INVALID", "\(r)")
        XCTAssertTrue((r["e6_message"] as? String ?? "").contains("execution_timeout must be a duration"), "\(r)")
        XCTAssertEqual(r["e7"] as? String, "INVALID", "\(r)")
        XCTAssertEqual(r["e8"] as? String, "INVALID", "\(r)")
        XCTAssertEqual(r["e9"] as? String, "INVALID", "\(r)")
        try await stopCleanly(daemon)
    }

    func testContextReachesTheWorkflowAndItsActivities() async throws {
        let (registry, daemon, _) = try await clientFixture("context")
        let r = try await scenario(registry, "context", id: unique("ctx"), extra: ["--context", #"region="eu""#],
                                   daemon: daemon)
        XCTAssertEqual(r["mine"] as? [String: String], ["region": "eu"], "the activity's own context: \(r)")
        let result = try XCTUnwrap(r["result"] as? [String: Any], "\(r)")
        XCTAssertEqual(result["ctx"] as? [String: String], ["region": "eu", "tenant": "acme"], "\(r)")
        XCTAssertEqual(result["act_ctx"] as? [String: String], ["region": "eu", "tenant": "acme"], "\(r)")
        try await stopCleanly(daemon)
    }

    func testMonitorsLinksCancelTerminate() async throws {
        let (registry, daemon, cli) = try await clientFixture("steer")
        let id = unique("steer")
        let r = try await scenario(registry, "steer", id: id, daemon: daemon)
        XCTAssertEqual(r["ok1"] as? Bool, true, "\(r)")
        XCTAssertEqual(r["ev1_kind"] as? String, "pid.exit", "\(r)")
        XCTAssertEqual(r["ev1_from"] as? String, id + "-c", "\(r)")
        XCTAssertEqual(r["ev1_error"] as? String, "CANCELED", "\(r)")
        XCTAssertEqual(r["ok2"] as? Bool, true, "\(r)")
        XCTAssertEqual(r["ev2_error"] as? String, "CANCELED", "\(r)")
        XCTAssertTrue((r["ev2_message"] as? String ?? "").contains("bye"), "\(r)")
        XCTAssertEqual(r["ok3"] as? Bool, true, "\(r)")
        XCTAssertEqual(r["ev3_kind"] as? String, "pid.link.down", "\(r)")
        XCTAssertEqual(r["ev3_error"] as? String, "CONFLICT", "\(r)")
        XCTAssertEqual(r["ok4"] as? Bool, true, "\(r)")
        XCTAssertEqual(r["got5"] as? Bool, false, "unmonitor: no event: \(r)")
        XCTAssertEqual(r["e6"] as? String, "NOT_FOUND", "\(r)")
        // The workflow that ignored cancellation was terminated at the deadline.
        let deadline = try await runs(cli, id + "-d")
        XCTAssertEqual(deadline.first?.status, "TERMINATED", "\(deadline)")
        let history = try await cli.history(id + "-d")
        XCTAssertFalse(history.of("WorkflowExecutionCancelRequested").isEmpty, history.summary)
        try await stopCleanly(daemon)
    }

    func testCronStartDelayMemoAndSearchAttributes() async throws {
        let (registry, daemon, cli) = try await clientFixture("schedule")
        for (name, type) in [("MoonflowTag", "Keyword"), ("MoonflowCount", "Int")] {
            // Already registered by an earlier test run: fine.
            _ = try await cli.run(["operator", "search-attribute", "create", "--name", name, "--type", type])
        }
        let id = unique("sched")
        let r = try await scenario(registry, "schedule", id: id, daemon: daemon)
        XCTAssertEqual(r["p1"] as? String, id + "-cron", "\(r)")
        XCTAssertEqual(r["p2"] as? String, id + "-delay", "\(r)")
        XCTAssertEqual(r["p3"] as? String, id + "-attrs", "\(r)")

        // cron: a second run follows the first.
        let cronRuns = try await eventually("a second cron run of \(id)-cron", timeout: .seconds(30),
                                            message: { daemon.describe() }) { () -> [(status: String, runId: String)]? in
            let runs = try await self.runs(cli, id + "-cron")
            return runs.count >= 2 ? runs : nil
        }
        XCTAssertTrue(cronRuns.contains { $0.status == "COMPLETED" }, "\(cronRuns)")
        try await cli.ok(["workflow", "terminate", "--workflow-id", id + "-cron", "--reason", "test done"])

        // start_delay: the first workflow task waited for it.
        let delayed = try await cli.waitForClose(id + "-delay", timeout: .seconds(30), context: { daemon.describe() })
        let started = try XCTUnwrap(delayed.events.first)
        XCTAssertTrue(started.attributesJSON.contains(#""firstWorkflowTaskBackoff":"3s""#), started.attributesJSON)
        let firstTask = try XCTUnwrap(delayed.of("WorkflowTaskStarted").first, delayed.summary)
        let waited = firstTask.time!.timeIntervalSince(started.time!)
        XCTAssertGreaterThanOrEqual(waited, 2.9, "first task after \(waited)s")

        // memo and search attributes, as `temporal workflow describe` shows them.
        let describe = try await cli.describe(id + "-attrs")
        let info = try XCTUnwrap(describe["workflowExecutionInfo"] as? [String: Any], "\(describe)")
        let memo = (info["memo"] as? [String: Any])?["fields"] as? [String: Any]
        XCTAssertEqual(memo?["note"] as? String, "hello", "\(info)")
        let indexed = (info["searchAttributes"] as? [String: Any])?["indexedFields"] as? [String: Any] ?? [:]
        XCTAssertEqual(decoded(indexed["MoonflowTag"]), #""kw""#, "\(indexed)")
        XCTAssertEqual(decoded(indexed["MoonflowCount"]), "7", "\(indexed)")
        try await cli.ok(["workflow", "terminate", "--workflow-id", id + "-attrs", "--reason", "test done"])
        try await stopCleanly(daemon)
    }

    /// A search attribute as describe prints it: a payload with base64
    /// data, or an already-decoded value.
    private func decoded(_ value: Any?) -> String? {
        if let p = value as? [String: Any], let data = p["data"] as? String, let bytes = Data(base64Encoded: data) {
            return String(decoding: bytes, as: UTF8.self)
        }
        if let s = value as? String { return "\"\(s)\"" }
        if let n = value as? NSNumber { return n.stringValue }
        return nil
    }
}
