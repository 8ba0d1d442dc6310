import Foundation
import XCTest

/// Three workflow coroutines interleaving durable timers, signals and
/// activities on a real server. Its recorded history
/// (`Tests/Fixtures/histories/interleaved.json`) is what
/// ``ReplayDeterminismTests`` replays in fresh processes.
final class InterleavedPatternTests: IntegrationTestCase {
    static let workflow = """
        local funcs = require("funcs")
        local time = require("time")

        return function(n)
          local log, done = {}, channel.new()
          local ticks = process.listen("tick")
          coroutine.spawn(function()
            -- (append after blocking: `log[#log + 1] = blocking()` would
            -- compute the index before other coroutines append)
            for i = 1, n do time.sleep("700ms"); log[#log + 1] = "timer-" .. i end
            done:send("timers")
          end)
          coroutine.spawn(function()
            for _ = 1, n do
              local tick = ticks:receive()
              log[#log + 1] = "signal-" .. tick
            end
            done:send("signals")
          end)
          coroutine.spawn(function()
            for i = 1, n do
              local echoed = funcs.call("it:echo", i)
              log[#log + 1] = echoed
              local deadline = time.after("300ms")
              local r = channel.select({ticks:case_receive(), deadline:case_receive()})
              if r.channel == ticks then log[#log + 1] = "stolen-" .. r.value end
            end
            done:send("activities")
          end)
          local finished = {}
          for i = 1, 3 do finished[i] = done:receive() end
          table.sort(log)
          table.sort(finished)
          return {log = log, finished = finished}
        end
        """

    func testThreeCoroutinesWithTimersSignalsAndActivities() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("interleaved")
        let registry = try makeRegistry("interleaved")
        try registry.write("it.yaml", Patterns.yaml(address: server.address, queue: queue, entries: """
              - name: interleaved
                kind: workflow.lua
                source: file://interleaved.lua
                modules: [funcs, time]
                meta: {temporal: {workflow: {worker: worker, name: InterleavedWorkflow}}}
              - name: echo
                kind: function.lua
                source: file://echo.lua
                meta: {temporal: {activity: {worker: worker}}}
            """))
        try registry.write("interleaved.lua", Self.workflow)
        try registry.write("echo.lua", #"return function(i) return "activity-" .. i end"#)

        let daemon = try await startDaemon(registry, label: "interleaved")
        let id = unique("interleaved")
        try await cli.start(type: "InterleavedWorkflow", queue: queue, id: id, input: "3")
        // Ticks spread over the run, each once the previous one was handled,
        // until the workflow ends (the activity coroutine may take some).
        var sent = 0
        while sent < 10 {
            let h = try await cli.waitForHistory(id, "an idle workflow before tick \(sent + 1)", timeout: .seconds(30),
                                                 check: { try daemon.ensureAlive() }, context: { daemon.describe() }) {
                $0.closeEvent != nil || ($0.isIdle && $0.of("WorkflowExecutionSignaled").count == sent)
            }
            if h.closeEvent != nil { break }
            let out = try await cli.run(["workflow", "signal", "--workflow-id", id, "--name", "tick", "--input", "\(sent + 1)"])
            if out.status != 0 {
                // It may have completed since the history was read.
                guard try await cli.history(id).closeEvent != nil else {
                    throw IntegrationError("signal failed: \(out.combined)")
                }
                break
            }
            sent += 1
        }
        let history = try await cli.waitForClose(id, timeout: .seconds(60), context: { daemon.describe() })
        XCTAssertEqual(history.closeEvent?.type, "WorkflowExecutionCompleted", history.summary + "\n" + daemon.describe())
        let result = try XCTUnwrap(history.closeEvent?.firstResultPayload, history.summary)
        // Which coroutine gets which tick depends on timing; every tick is
        // consumed exactly once, by one of the two listeners.
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any], result)
        XCTAssertEqual(obj["finished"] as? [String], ["activities", "signals", "timers"], result)
        let log = try XCTUnwrap(obj["log"] as? [String], result)
        XCTAssertEqual(log.filter { $0.hasPrefix("activity-") }, ["activity-1", "activity-2", "activity-3"], result)
        XCTAssertEqual(log.filter { $0.hasPrefix("timer-") }, ["timer-1", "timer-2", "timer-3"], result)
        let ticks = log.filter { $0.hasPrefix("signal-") || $0.hasPrefix("stolen-") }
            .map { $0.split(separator: "-").last.map(String.init) ?? "?" }.sorted()
        XCTAssertEqual(log.filter { $0.hasPrefix("signal-") }.count, 3, result)
        // No tick delivered twice, none invented (a tick sent after both
        // listeners finished is simply never read).
        XCTAssertEqual(Set(ticks).count, ticks.count, "a tick was delivered twice: \(result)")
        XCTAssertTrue(Set(ticks).isSubset(of: Set((1...max(sent, 1)).map(String.init))), result)
        XCTAssertEqual(history.scheduledActivities, ["it:echo", "it:echo", "it:echo"], history.summary)
        XCTAssertGreaterThanOrEqual(history.of("TimerStarted").count, 6, history.summary)
        XCTAssertTrue(history.failedTasks.isEmpty, history.summary)

        try await Patterns.record("interleaved", workflowId: id, registry: registry, serverAddress: server.address, cli: cli)
        try await stopCleanly(daemon)
    }
}
