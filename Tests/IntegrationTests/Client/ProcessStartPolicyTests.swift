import Foundation
import XCTest

/// Conflict and reuse policies, `with_name` and start messages, through the
/// activity `process` API on a real server.
final class ProcessStartPolicyTests: IntegrationTestCase {
    func testConflictPolicies() async throws {
        let (registry, daemon, cli) = try await clientFixture("conflict")
        let id = unique("conflict")
        let r = try await scenario(registry, "conflict", id: id, daemon: daemon)
        XCTAssertEqual(r["p1"] as? String, id, "\(r)")
        XCTAssertEqual(r["p2"] as? String, id, "use_existing (the default with an explicit id) returns the same pid: \(r)")
        XCTAssertEqual(r["e3"] as? String, "ALREADY_EXISTS", "fail on an open run: \(r)")
        XCTAssertTrue((r["e3_message"] as? String ?? "").contains(id), "\(r)")
        XCTAssertEqual(r["e4"] as? String, "ALREADY_EXISTS", "execution_error_when_already_started: \(r)")
        XCTAssertEqual(r["p5"] as? String, id, "\(r)")
        XCTAssertEqual(r["kind"] as? String, "pid.exit", "\(r)")
        XCTAssertEqual(r["tag"] as? String, "third", "terminate_existing started a new run: \(r)")
        let runs = try await runs(cli, id)
        XCTAssertEqual(runs.map(\.status).sorted(), ["COMPLETED", "TERMINATED"], "\(runs)")
        // The first run kept its own input; the second start was not a new run.
        let first = try await cli.ok(["workflow", "show", "--workflow-id", id, "--run-id", runs.last!.runId,
                                      "--output", "json"])
        XCTAssertTrue(first.contains(base64(#"{"tag":"first","wait":1}"#)), "first run input: \(first.prefix(1500))")
        try await stopCleanly(daemon)
    }

    func testReusePolicies() async throws {
        let (registry, daemon, _) = try await clientFixture("reuse")
        let r = try await scenario(registry, "reuse", id: unique("reuse"), daemon: daemon)
        func outcome(_ key: String) -> String {
            guard let o = r[key] as? [String: Any] else { return "missing" }
            return (o["ok"] as? Bool == true) ? "ok" : (o["kind"] as? String ?? "?")
        }
        XCTAssertEqual(outcome("first"), "ok", "\(r)")
        XCTAssertEqual(outcome("reject"), "ALREADY_EXISTS", "reject_duplicate after a completed run: \(r)")
        XCTAssertEqual(outcome("allow"), "ok", "allow_duplicate: \(r)")
        XCTAssertEqual(outcome("failed_only_after_ok"), "ALREADY_EXISTS", "allow_duplicate_failed_only after success: \(r)")
        XCTAssertEqual(outcome("fail_run"), "INTERNAL", "the failed run's error kind: \(r)")
        XCTAssertEqual(outcome("failed_only_after_fail"), "ok", "allow_duplicate_failed_only after a failure: \(r)")
        try await stopCleanly(daemon)
    }

    func testWithNameTwiceReusesTheExecutionAndDeliversBothMessages() async throws {
        let (registry, daemon, cli) = try await clientFixture("withname")
        let id = unique("named")
        let r = try await scenario(registry, "with_name", id: id, daemon: daemon)
        XCTAssertEqual(r["p1"] as? String, id, "\(r)")
        XCTAssertEqual(r["p2"] as? String, id, "\(r)")
        let result = try XCTUnwrap(r["result"] as? [String: Any], "\(r)")
        XCTAssertEqual(result["tag"] as? String, "first", "the second input is ignored: \(r)")
        let signals = result["signals"] as? [[String: Any]] ?? []
        XCTAssertEqual(signals.map { $0["data"] as? String ?? "?" }, ["one", "two"], "\(r)")
        let runs = try await runs(cli, id)
        XCTAssertEqual(runs.count, 1, "one execution: \(runs)")
        try await stopCleanly(daemon)
    }

    func testStartMessagesComeBeforeLaterSignals() async throws {
        let (registry, daemon, cli) = try await clientFixture("messages")
        let id = unique("msgs")
        let r = try await scenario(registry, "messages", id: id, daemon: daemon)
        let result = try XCTUnwrap(r["result"] as? [String: Any], "\(r)")
        let signals = result["signals"] as? [[String: Any]] ?? []
        XCTAssertEqual(signals.map { ($0["data"] as? NSNumber)?.intValue ?? -1 }, [1, 2, 3, 4], "\(r)")
        XCTAssertEqual(Set(signals.map { $0["topic"] as? String ?? "?" }), ["m"])
        // msg:from() is the workflow whose activity sent them.
        let me = try XCTUnwrap(r["me"] as? String)
        XCTAssertEqual(signals.map { $0["from"] as? String ?? "" }, [me, me, me, me], "\(r)")
        // The first message came with the start (SignalWithStart): event 2.
        let history = try await cli.history(id)
        XCTAssertEqual(history.events.prefix(2).map(\.type), ["WorkflowExecutionStarted", "WorkflowExecutionSignaled"],
                       history.summary)
        try await stopCleanly(daemon)
    }

    private func base64(_ s: String) -> String { Data(s.utf8).base64EncodedString() }
}
