import Foundation
import XCTest

/// activity.heartbeat / activity.is_cancelled on a real server: details
/// survive into the next attempt, and a workflow's cancellation reaches the
/// running activity, which then reports itself cancelled.
final class HeartbeatTests: IntegrationTestCase {
    func registry(_ label: String, queue: String, address: String) throws -> TestRegistry {
        let registry = try makeRegistry(label)
        try registry.write("it.yaml", TestRegistry.standardYAML(address: address, queue: queue, entries: """
              - name: wf
                kind: workflow.lua
                source: file://wf.lua
                modules: [funcs, time]
                meta: {temporal: {workflow: {worker: worker, name: HeartbeatWorkflow}}}
              - name: progress
                kind: function.lua
                source: file://acts.lua
                method: progress
                modules: [time]
                meta: {temporal: {activity: {worker: worker}}}
              - name: endless
                kind: function.lua
                source: file://acts.lua
                method: endless
                modules: [time]
                meta: {temporal: {activity: {worker: worker}}}
            """))
        try registry.write("acts.lua", """
            local time = require("time")
            local M = {}
            -- attempt 1 heartbeats 1..3 and fails; attempt 2 returns what it finds
            function M.progress()
              local info = activity.info()
              if info.attempt == 1 then
                -- heartbeats are throttled: only step 1 goes out at once;
                -- step 3 travels with the failure
                for i = 1, 3 do activity.heartbeat({step = i}) end
                error("crash after step 3")
              end
              return {attempt = info.attempt, resumed_from = info.heartbeat_details}
            end
            -- runs until cancelled, heartbeating
            function M.endless()
              local beats = 0
              while not activity.is_cancelled() do
                beats = beats + 1
                activity.heartbeat(beats)
                time.sleep("100ms")
              end
              return nil, errors.new({kind = errors.CANCELED, message = "stopped after " .. beats .. " beats: " .. activity.cancel_reason()})
            end
            return M
            """)
        try registry.write("wf.lua", """
            local funcs, time = require("funcs"), require("time")
            return function(mode)
              if mode == "retry" then
                return funcs.new():with_options({["activity.retry_policy"] = {maximum_attempts = 2, initial_interval = "100ms"}})
                  :call("it:progress")
              end
              local f = funcs.new():with_options({["activity.heartbeat_timeout"] = "5s"}):async("it:endless")
              time.sleep("1s")
              f:cancel()
              local _, err = f:result()
              return {kind = err:kind()}
            end
            """)
        return registry
    }

    func testHeartbeatDetailsComeBackOnTheNextAttempt() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("hb")
        let daemon = try await startDaemon(try registry("hb", queue: queue, address: server.address), label: "hb")
        let id = unique("hb-retry")
        try await cli.start(type: "HeartbeatWorkflow", queue: queue, id: id, input: #""retry""#)
        let done = try await cli.waitForClose(id, timeout: .seconds(60), context: { daemon.describe() })
        XCTAssertEqual(done.closeEvent?.type, "WorkflowExecutionCompleted", done.summary)
        XCTAssertEqual(done.closeEvent?.firstResultPayload, #"{"attempt":2,"resumed_from":{"step":3}}"#)
        try await stopCleanly(daemon)
    }

    func testWorkflowCancellationReachesTheRunningActivity() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("hbc")
        let daemon = try await startDaemon(try registry("hbc", queue: queue, address: server.address), label: "hbc")
        let id = unique("hb-cancel")
        try await cli.start(type: "HeartbeatWorkflow", queue: queue, id: id, input: #""cancel""#)
        let done = try await cli.waitForClose(id, timeout: .seconds(60), context: { daemon.describe() })
        XCTAssertEqual(done.closeEvent?.firstResultPayload, #"{"kind":"CANCELED"}"#, done.summary)
        XCTAssertEqual(done.of("ActivityTaskCancelRequested").count, 1, done.summary)
        // The activity itself reported the cancellation (not a timeout).
        XCTAssertEqual(done.of("ActivityTaskCanceled").count, 1, done.summary)
        XCTAssertEqual(done.of("ActivityTaskTimedOut").count, 0, done.summary)
        try await stopCleanly(daemon)
    }
}
