import Foundation
import XCTest

/// `moonflow start | signal | result | cancel | terminate` from a shell.
final class ClientCLITests: IntegrationTestCase {
    func testStartSignalResultFromTheShell() async throws {
        let (registry, daemon, cli) = try await clientFixture("cli")
        let server = try await devServer()
        let dir = registry.dir.path
        let id = unique("cli")

        let start = try await moonflow(["start", "it:echo", "--registry", dir, "--id", id,
                                        "--input", #"{"wait":1,"tag":"cli"}"#])
        XCTAssertEqual(start.status, 0, start.combined)
        XCTAssertEqual(start.stdout.trimmingCharacters(in: .whitespacesAndNewlines), id, start.combined)

        let signal = try await moonflow(["signal", id, "m", "--registry", dir, "--input", #""hi""#])
        XCTAssertEqual(signal.status, 0, signal.combined)

        // `--address` works without a registry.
        let result = try await moonflow(["result", id, "--address", server.address])
        XCTAssertEqual(result.status, 0, "\(result.combined)\n\(daemon.describe())")
        XCTAssertEqual(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                       #"{"ctx":{},"signals":[{"data":"hi","topic":"m"}],"tag":"cli"}"#)

        // --wait prints the result; --option and --message are applied.
        let waited = try await moonflow(["start", "it:echo", "--registry", dir, "--input", #"{"wait":1}"#,
                                         "--message", #"m={"n":1}"#, "--option", "execution_timeout=1m", "--wait"])
        XCTAssertEqual(waited.status, 0, waited.combined)
        XCTAssertEqual(waited.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                       #"{"ctx":{},"signals":[{"data":{"n":1},"topic":"m"}]}"#)

        // A failed workflow: one line, its kind and message, exit 1.
        let failed = try await moonflow(["start", "it:echo", "--registry", dir, "--input", #"{"fail":"CONFLICT"}"#, "--wait"])
        XCTAssertEqual(failed.status, 1, failed.combined)
        XCTAssertEqual(failed.stderr, "moonflow start: CONFLICT: asked to fail\n")

        // cancel, then the result is CANCELED.
        let open = unique("cli-cancel")
        _ = try await moonflow(["start", "it:echo", "--registry", dir, "--id", open, "--input", #"{"wait":1}"#])
        let cancel = try await moonflow(["cancel", open, "--registry", dir, "--deadline", "10s"])
        XCTAssertEqual(cancel.status, 0, cancel.combined)
        let cancelled = try await moonflow(["result", open, "--registry", dir])
        XCTAssertEqual(cancelled.status, 1, cancelled.combined)
        XCTAssertTrue(cancelled.stderr.hasPrefix("moonflow result: CANCELED: "), cancelled.combined)

        // terminate.
        let doomed = unique("cli-term")
        _ = try await moonflow(["start", "it:echo", "--registry", dir, "--id", doomed, "--input", #"{"wait":1}"#])
        let terminate = try await moonflow(["terminate", doomed, "--registry", dir, "--reason", "enough"])
        XCTAssertEqual(terminate.status, 0, terminate.combined)
        let closed = try await cli.waitForClose(doomed, timeout: .seconds(20))
        XCTAssertEqual(closed.closeEvent?.type, "WorkflowExecutionTerminated", closed.summary)
        try await stopCleanly(daemon)
    }

    /// The README's shell session on the example registry, verbatim but for
    /// the address, queue, workflow id and a shorter wait before shipping.
    func testReadmeExampleFlow() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let registry = try exampleRegistry(address: server.address, queue: unique("orders"), label: "cli-example")
        let daemon = try await startDaemon(registry, label: "cli-example")
        let dir = registry.dir.path
        let id = unique("order-A1")
        let start = try await moonflow(["start", "shop:order_workflow", "--registry", dir, "--id", id,
                                        "--input", #"{"id":"A1","total":42,"address":"1 Main St","ship_after":"3s"}"#])
        XCTAssertEqual(start.status, 0, start.combined)
        XCTAssertEqual(start.stdout, id + "\n")
        let signal = try await moonflow(["signal", id, "note", "--registry", dir, "--input", #""gift wrap""#])
        XCTAssertEqual(signal.status, 0, signal.combined)
        let result = try await moonflow(["result", id, "--registry", dir])
        XCTAssertEqual(result.status, 0, "\(result.combined)\n\(daemon.describe())")
        // The note signalled while the order waited goes with the shipment.
        XCTAssertEqual(result.stdout,
                       #"{"notes":["gift wrap"],"order_id":"A1","payment_id":"pay-A1","status":"shipped","tracking":"TRK-A1"}"# + "\n")
        let history = try await cli.history(id)
        XCTAssertEqual(history.of("WorkflowExecutionSignaled").count, 1, history.summary)
        try await stopCleanly(daemon)
    }

    func testErrorsAreOneLineAndExitOne() async throws {
        let (registry, daemon, _) = try await clientFixture("cli-errors")
        let dir = registry.dir.path
        func expectFailure(_ args: [String], _ fragment: String, file: StaticString = #filePath, line: UInt = #line)
            async throws {
            let out = try await moonflow(args)
            XCTAssertEqual(out.status, 1, out.combined, file: file, line: line)
            XCTAssertEqual(out.stderr.filter { $0 == "\n" }.count, 1, "one line: \(out.stderr)", file: file, line: line)
            XCTAssertTrue(out.stderr.contains(fragment), "expected '\(fragment)' in \(out.stderr)", file: file, line: line)
        }
        try await expectFailure(["start", "it:nope", "--registry", dir], "NOT_FOUND: no workflow.lua entry 'it:nope'")
        try await expectFailure(["start", "it:echo", "--registry", dir, "--option", "bogus=1"],
                                "INVALID: unknown workflow option 'bogus'")
        try await expectFailure(["start", "it:echo", "--registry", dir, "--option", "enable_eager_start=maybe"],
                                "INVALID: temporal.workflow.enable_eager_start must be a boolean")
        try await expectFailure(["start", "it:echo", "--registry", dir, "--input", "{bad"], "--input is not valid JSON")
        let id = unique("cli-dup")
        let first = try await moonflow(["start", "it:echo", "--registry", dir, "--id", id, "--input", #"{"wait":1}"#])
        XCTAssertEqual(first.status, 0, first.combined)
        // Default with an explicit id: use_existing, so the same id again succeeds.
        let again = try await moonflow(["start", "it:echo", "--registry", dir, "--id", id])
        XCTAssertEqual(again.status, 0, again.combined)
        try await expectFailure(["start", "it:echo", "--registry", dir, "--id", id, "--option", "id_conflict_policy=fail"],
                                "ALREADY_EXISTS")
        try await expectFailure(["signal", unique("missing"), "m", "--registry", dir], "NOT_FOUND")
        try await expectFailure(["result", "x"], "no connection")
        _ = try await moonflow(["terminate", id, "--registry", dir])
        try await stopCleanly(daemon)
    }
}
