import Foundation
import XCTest

/// The shipped example registry (`config/example`), unchanged except for the
/// server address and task queue, run by the real daemon against a real
/// Temporal dev server and driven with the `temporal` CLI, as a user would.
final class ExampleOrderWorkflowTests: IntegrationTestCase {
    func testOrderSucceedsFailsWithRefundAndRejectsBadTotal() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("orders")
        let registry = try exampleRegistry(address: server.address, queue: queue, label: "example")
        let daemon = try await startDaemon(registry, label: "example")

        // 1. The happy path, exactly as the README shows it.
        let okId = unique("order-ok")
        let ok = try await cli.run(["workflow", "execute", "--type", "OrderWorkflow", "--task-queue", queue,
                                    "--workflow-id", okId,
                                    "--input", #"{"id":"A1","total":42,"address":"1 Main St"}"#],
                                   timeout: .seconds(60))
        XCTAssertEqual(ok.status, 0, "workflow execute failed\n\(ok.combined)\n\(daemon.describe())")
        let resultLine = ok.stdout.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Result ") }
        XCTAssertEqual(resultLine.map { String($0).trimmingCharacters(in: .whitespaces) }
                        .map { $0.replacingOccurrences(of: #"^Result\s+"#, with: "", options: .regularExpression) },
                       #"{"order_id":"A1","payment_id":"pay-A1","status":"shipped","tracking":"TRK-A1"}"#,
                       "unexpected CLI output:\n\(ok.stdout)")
        XCTAssertTrue(ok.stdout.contains("COMPLETED"), ok.stdout)
        // The payload bytes on the server are the compact, key-sorted JSON.
        let okHistory = try await cli.history(okId)
        XCTAssertEqual(okHistory.closeEvent?.type, "WorkflowExecutionCompleted", okHistory.summary)
        XCTAssertEqual(okHistory.closeEvent?.firstResultPayload,
                       #"{"order_id":"A1","payment_id":"pay-A1","status":"shipped","tracking":"TRK-A1"}"#)
        XCTAssertEqual(okHistory.of("ActivityTaskScheduled").map { $0.activityType ?? "?" }, ["shop:charge", "shop:ship"],
                       okHistory.summary)
        XCTAssertEqual(okHistory.of("TimerStarted").count, 1, okHistory.summary)

        // 2. No address: shipping fails, the payment is refunded, the order fails.
        let noAddrId = unique("order-noaddr")
        let noAddr = try await cli.run(["workflow", "execute", "--type", "OrderWorkflow", "--task-queue", queue,
                                        "--workflow-id", noAddrId, "--input", #"{"id":"A2","total":42}"#,
                                        "--output", "json"], timeout: .seconds(60))
        XCTAssertNotEqual(noAddr.status, 0, "a failed workflow must make `workflow execute` fail\n\(noAddr.combined)")
        let noAddrJSON = try jsonObject(noAddr.stdout)
        XCTAssertEqual(noAddrJSON["status"] as? String, "FAILED", noAddr.stdout)
        let noAddrHistory = try await cli.history(noAddrId)
        let failed = try XCTUnwrap(noAddrHistory.closeEvent, noAddrHistory.summary)
        XCTAssertEqual(failed.type, "WorkflowExecutionFailed", noAddrHistory.summary)
        XCTAssertEqual(failed.failureMessage, "shipping failed, payment refunded: order A2 has no shipping address")
        XCTAssertEqual(failed.failureType, "INVALID")
        XCTAssertEqual(failed.nonRetryable, true)
        XCTAssertEqual(noAddrHistory.of("ActivityTaskScheduled").map { $0.activityType ?? "?" },
                       ["shop:charge", "shop:ship", "shop:refund"], noAddrHistory.summary)
        // The ship failure was non-retryable: exactly one attempt.
        XCTAssertEqual(noAddrHistory.of("ActivityTaskFailed").count, 1, noAddrHistory.summary)
        XCTAssertEqual(noAddrHistory.of("ActivityTaskCompleted").last?.firstResultPayload,
                       #"{"payment_id":"pay-A2","refunded":42}"#, "the refund activity's result")

        // 3. A negative total: charge rejects it, nothing else runs.
        let badId = unique("order-bad")
        let bad = try await cli.run(["workflow", "execute", "--type", "OrderWorkflow", "--task-queue", queue,
                                     "--workflow-id", badId, "--input", #"{"id":"A3","total":-1}"#,
                                     "--output", "json"], timeout: .seconds(60))
        XCTAssertNotEqual(bad.status, 0, bad.combined)
        let badJSON = try jsonObject(bad.stdout)
        XCTAssertEqual(badJSON["status"] as? String, "FAILED", bad.stdout)
        let badHistory = try await cli.history(badId)
        XCTAssertEqual(badHistory.closeEvent?.type, "WorkflowExecutionFailed", badHistory.summary)
        XCTAssertEqual(badHistory.closeEvent?.failureMessage, "order total must be a positive number")
        XCTAssertEqual(badHistory.closeEvent?.failureType, "INVALID")
        XCTAssertEqual(badHistory.of("ActivityTaskScheduled").map { $0.activityType ?? "?" }, ["shop:charge"])
        XCTAssertTrue(badHistory.of("TimerStarted").isEmpty, badHistory.summary)

        try await stopCleanly(daemon)
    }
}

extension IntegrationTestCase {
    /// Copies `config/example` into a temp registry pointing at the dev
    /// server, on `queue`.
    func exampleRegistry(address: String, queue: String, label: String) throws -> TestRegistry {
        let registry = try makeRegistry(label)
        let example = Paths.packageRoot.appendingPathComponent("config/example")
        let files = try FileManager.default.contentsOfDirectory(atPath: example.path)
        XCTAssertTrue(files.contains("shop.yaml"), "config/example has no shop.yaml: \(files)")
        for file in files {
            var text = try String(contentsOf: example.appendingPathComponent(file), encoding: .utf8)
            if file.hasSuffix(".yaml") {
                let addressLine = #"address: "localhost:7233""#
                let queueLine = "task_queue: orders"
                guard text.contains(addressLine), text.contains(queueLine) else {
                    throw IntegrationError("config/example/\(file) no longer has `\(addressLine)` and `\(queueLine)`; update this test")
                }
                text = text.replacingOccurrences(of: addressLine, with: "address: \"\(address)\"")
                    .replacingOccurrences(of: queueLine, with: "task_queue: \"\(queue)\"")
            }
            try registry.write(file, text)
        }
        return registry
    }
}

func jsonObject(_ text: String) throws -> [String: Any] {
    guard let obj = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw IntegrationError("expected a JSON object, got:\n\(text)")
    }
    return obj
}
