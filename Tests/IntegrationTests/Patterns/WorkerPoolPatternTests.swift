import Foundation
import XCTest

/// SPEC §2 worker pool: 3 coroutines (`coroutine.spawn`) take 6 jobs from
/// a channel, each job an activity. The daemon is SIGKILLed once the first
/// job is done (others may be in flight and are retried after their
/// start-to-close timeout); the result lists every job processed exactly
/// once, and every job was scheduled exactly once.
final class WorkerPoolPatternTests: IntegrationTestCase {
    static let workflow = """
        local funcs = require("funcs")

        return function(n)
          local act = funcs.new():with_options({
            ["activity.start_to_close_timeout"] = "3s",
            ["activity.retry_policy"] = {initial_interval = "200ms", maximum_attempts = 10},
          })
          local jobs, done = channel.new(), channel.new()
          local results, by_worker = {}, {}
          for w = 1, 3 do
            coroutine.spawn(function()
              local count = 0
              while true do
                local job, ok = jobs:receive()
                if not ok then break end
                local r, err = act:call("it:process", job)
                results[job] = r or ("error: " .. tostring(err))
                count = count + 1
              end
              done:send(count)
            end)
          end
          for j = 1, n do jobs:send(j) end
          jobs:close()
          local total = 0
          for _ = 1, 3 do total = total + done:receive() end
          return {results = results, processed = total}
        end
        """

    static let activities = """
        local time = require("time")
        local M = {}
        function M.process(job)
          time.sleep("700ms")
          return "job-" .. job .. "-done"
        end
        return M
        """

    func testThreeCoroutinesProcessSixJobsExactlyOnceAcrossKill9() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("pool")
        let registry = try makeRegistry("pool")
        try registry.write("it.yaml", Patterns.yaml(address: server.address, queue: queue, entries: """
              - name: pool
                kind: workflow.lua
                source: file://pool.lua
                modules: [funcs]
                meta: {temporal: {workflow: {worker: worker, name: PoolWorkflow}}}
              - {name: process, kind: function.lua, source: file://jobs.lua, method: process, modules: [time], meta: {temporal: {activity: {worker: worker}}}}
            """))
        try registry.write("pool.lua", Self.workflow)
        try registry.write("jobs.lua", Self.activities)

        let first = try await startDaemon(registry, label: "pool-1")
        let id = unique("pool")
        try await cli.start(type: "PoolWorkflow", queue: queue, id: id, input: "6")
        let mid = try await cli.waitForHistory(id, "the first job done", timeout: .seconds(30),
                                               check: { try first.ensureAlive() }, context: { first.describe() }) {
            !$0.of("ActivityTaskCompleted").isEmpty
        }
        XCTAssertLessThan(mid.of("ActivityTaskCompleted").count, 6, mid.summary)
        let second = try await crashAndRestart(first, registry: registry, workflowId: id, cli: cli, label: "pool-2")
        let history = try await cli.waitForClose(id, timeout: .seconds(60), context: { self.daemonLogs() })

        XCTAssertEqual(history.closeEvent?.type, "WorkflowExecutionCompleted", history.summary + "\n" + daemonLogs())
        XCTAssertEqual(history.closeEvent?.firstResultPayload,
                       #"{"processed":6,"results":["job-1-done","job-2-done","job-3-done","job-4-done","job-5-done","job-6-done"]}"#,
                       history.summary)
        // Every job scheduled exactly once (retries are attempts, not new schedules).
        XCTAssertEqual(history.scheduledActivities, Array(repeating: "it:process", count: 6), history.summary)
        XCTAssertEqual(history.scheduledInputs.sorted(), ["1", "2", "3", "4", "5", "6"], history.summary)
        XCTAssertEqual(history.of("ActivityTaskCompleted").count, 6, history.summary)
        // The first three were handed out before any completed: three workers.
        XCTAssertEqual(Array(history.scheduledInputs.prefix(3)), ["1", "2", "3"], history.summary)
        let thirdScheduled = history.of("ActivityTaskScheduled")[2].id
        XCTAssertLessThan(thirdScheduled, history.of("ActivityTaskCompleted")[0].id,
                          "three jobs should run concurrently:\(history.summary)")
        XCTAssertTrue(history.failedTasks.isEmpty, "replay after the crash must not fail a task:\(history.summary)")

        try await Patterns.record("worker_pool", workflowId: id, registry: registry, serverAddress: server.address, cli: cli)
        try await stopCleanly(second)
    }
}
