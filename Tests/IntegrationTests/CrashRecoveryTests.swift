import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A daemon killed with SIGKILL in the middle of an order loses nothing: a
/// new daemon replays the history, does not charge twice, and finishes.
final class CrashRecoveryTests: IntegrationTestCase {
    func testKill9DuringTimerThenNewDaemonFinishesWithoutRecharging() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("orders-crash")
        let registry = try exampleRegistry(address: server.address, queue: queue, label: "crash")
        let first = try await startDaemon(registry, label: "crash-1")

        let id = unique("order-crash")
        try await cli.start(type: "OrderWorkflow", queue: queue, id: id,
                            input: #"{"id":"K9","total":7,"address":"2 Side St","ship_after":"5s"}"#)
        // Charged, and sleeping in the durable timer.
        let before = try await cli.waitForHistory(id, "TimerStarted", timeout: .seconds(30),
                                                  check: { try first.ensureAlive() },
                                                  context: { first.describe() }) { !$0.of("TimerStarted").isEmpty }
        XCTAssertEqual(before.of("ActivityTaskCompleted").count, 1, before.summary)
        XCTAssertNil(before.closeEvent)

        first.kill9()
        XCTAssertEqual(first.exitStatus, 128 + SIGKILL, "the daemon should have died of SIGKILL")

        let second = try await startDaemon(registry, label: "crash-2")
        let history = try await cli.waitForClose(id, timeout: .seconds(60), context: { self.daemonLogs() })
        XCTAssertEqual(history.closeEvent?.type, "WorkflowExecutionCompleted", history.summary + "\n" + daemonLogs())
        XCTAssertEqual(history.closeEvent?.firstResultPayload,
                       #"{"order_id":"K9","payment_id":"pay-K9","status":"shipped","tracking":"TRK-K9"}"#)
        let charges = history.of("ActivityTaskScheduled").filter { $0.activityType == "shop:charge" }
        XCTAssertEqual(charges.count, 1, "the customer must be charged exactly once:\(history.summary)")
        XCTAssertEqual(history.of("ActivityTaskScheduled").map { $0.activityType ?? "?" }, ["shop:charge", "shop:ship"])
        XCTAssertEqual(history.of("TimerStarted").count, 1, history.summary)
        XCTAssertEqual(history.of("TimerFired").count, 1, history.summary)
        XCTAssertTrue(history.of("WorkflowTaskFailed").isEmpty, "replay after the crash must not fail:\(history.summary)")
        // The charge ran in the first daemon, shipping in the second (the
        // default identity is `pid@host`).
        let started = history.of("ActivityTaskStarted")
        XCTAssertEqual(started.count, 2, history.summary)
        XCTAssertEqual(started.first?.identity?.hasPrefix("\(first.pid)@"), true, "charge identity: \(started.first?.identity ?? "nil")")
        XCTAssertEqual(started.last?.identity?.hasPrefix("\(second.pid)@"), true, "ship identity: \(started.last?.identity ?? "nil")")

        try await stopCleanly(second)
    }
}
