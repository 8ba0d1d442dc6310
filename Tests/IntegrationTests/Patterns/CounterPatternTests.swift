import Foundation
import XCTest

/// SPEC §2 counter: `process.listen("add")` + `channel.select` with a
/// `time.after` deadline. Two signals are counted, the daemon is SIGKILLed,
/// two more arrive while no worker runs, a new daemon counts them and the
/// deadline ends the workflow with the sum of all four.
final class CounterPatternTests: IntegrationTestCase {
    static let workflow = """
        local time = require("time")

        return function(start)
          local adds, deadline = process.listen("add"), time.after("12s")
          local total, count = start, 0
          while true do
            local r = channel.select({adds:case_receive(), deadline:case_receive()})
            if r.channel == deadline then return {total = total, count = count} end
            total = total + r.value
            count = count + 1
          end
        end
        """

    func testCounterWithSelectAndDeadlineSurvivesKill9() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("counter")
        let registry = try makeRegistry("counter")
        try registry.write("it.yaml", Patterns.yaml(address: server.address, queue: queue, entries: """
              - name: counter
                kind: workflow.lua
                source: file://counter.lua
                modules: [time]
                meta: {temporal: {workflow: {worker: worker, name: CounterWorkflow}}}
            """))
        try registry.write("counter.lua", Self.workflow)

        let first = try await startDaemon(registry, label: "counter-1")
        let id = unique("counter")
        try await cli.start(type: "CounterWorkflow", queue: queue, id: id, input: "100")
        _ = try await cli.waitForHistory(id, "the deadline timer", timeout: .seconds(30),
                                         check: { try first.ensureAlive() }, context: { first.describe() }) {
            !$0.of("TimerStarted").isEmpty && $0.isIdle
        }
        try await cli.signal(id, "add", input: "1")
        try await cli.signal(id, "add", input: "2")
        _ = try await cli.waitForHistory(id, "two adds handled", timeout: .seconds(30),
                                         check: { try first.ensureAlive() }, context: { first.describe() }) {
            $0.of("WorkflowExecutionSignaled").count == 2 && $0.isIdle
        }
        first.kill9()
        try await cli.signal(id, "add", input: "30")
        try await cli.signal(id, "add", input: "400")
        let second = try await crashAndRestart(first, registry: registry, workflowId: id, cli: cli, label: "counter-2")
        let history = try await cli.waitForClose(id, timeout: .seconds(60), context: { self.daemonLogs() })

        XCTAssertEqual(history.closeEvent?.type, "WorkflowExecutionCompleted", history.summary + "\n" + daemonLogs())
        // All four signals precede the deadline in history, so all count.
        let fired = try XCTUnwrap(history.of("TimerFired").first, history.summary)
        XCTAssertTrue(history.of("WorkflowExecutionSignaled").allSatisfy { $0.id < fired.id },
                      "a signal arrived after the deadline (machine too slow?):\(history.summary)")
        XCTAssertEqual(history.closeEvent?.firstResultPayload, #"{"count":4,"total":533}"#, history.summary)
        XCTAssertEqual(history.of("TimerStarted").count, 1, history.summary)
        XCTAssertTrue(history.failedTasks.isEmpty, "replay after the crash must not fail a task:\(history.summary)")

        try await Patterns.record("counter", workflowId: id, registry: registry, serverAddress: server.address, cli: cli)
        try await stopCleanly(second)
    }
}
