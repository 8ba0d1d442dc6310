import Foundation
import XCTest

/// SIGTERM while an activity runs: the daemon stops polling, lets the
/// activity finish, reports its result, and exits 0. The workflow then
/// completes on the next daemon without the activity running again.
final class GracefulShutdownTests: IntegrationTestCase {
    func testSigtermLetsRunningActivityFinishAndReport() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("graceful")
        let registry = try makeRegistry("graceful")
        try registry.write("it.yaml", TestRegistry.standardYAML(address: server.address, queue: queue, entries: """
              - name: graceful_workflow
                kind: workflow.lua
                source: file://graceful_workflow.lua
                modules: [funcs]
                meta: {temporal: {workflow: {worker: worker, name: GracefulWorkflow}}}
              - name: slow
                kind: function.lua
                source: file://slow.lua
                modules: [time]
                meta: {temporal: {activity: {worker: worker}}}
            """))
        try registry.write("graceful_workflow.lua", """
            local funcs = require("funcs")
            local function main(x)
              local r, err = funcs.new():with_options({
                ["activity.start_to_close_timeout"] = "60s",
                ["activity.retry_policy"] = { maximum_attempts = 5, initial_interval = "1s" },
              }):call("it:slow", x)
              if err then return nil, err end
              return r
            end
            return { main = main }
            """)
        try registry.write("slow.lua", """
            local time = require("time")
            return { main = function(x)
              time.sleep("3s")
              return { input = x, attempt = activity.info().attempt }
            end }
            """)

        let first = try await startDaemon(registry, label: "graceful-1")
        let id = unique("graceful")
        try await cli.start(type: "GracefulWorkflow", queue: queue, id: id, input: #""g""#)

        // Wait until the activity is running (a pending activity in state STARTED).
        var lastDescribe = ""
        _ = try await eventually("activity it:slow to be running", timeout: .seconds(30), every: .milliseconds(100),
                                 message: { "last describe: \(lastDescribe)\n\(first.describe())" }) { () -> Bool? in
            try first.ensureAlive()
            let info = try await cli.describe(id)
            let pending = info["pendingActivities"] as? [[String: Any]] ?? []
            lastDescribe = String(describing: pending)
            return pending.contains { ($0["state"] as? String ?? "").hasSuffix("STARTED") } ? true : nil
        }

        let sigtermAt = Date()
        try await stopCleanly(first, timeout: .seconds(20))

        // The first daemon reported the activity result before exiting.
        let afterStop = try await cli.history(id)
        let completed = afterStop.of("ActivityTaskCompleted")
        XCTAssertEqual(completed.count, 1, "the activity result was not reported before exit:\(afterStop.summary)\n\(first.describe())")
        XCTAssertEqual(completed.first?.identity?.hasPrefix("\(first.pid)@"), true,
                       "completed by \(completed.first?.identity ?? "nil"), expected the first daemon (pid \(first.pid))")
        // ... and the activity was still running when SIGTERM arrived (else
        // this test proved nothing).
        let completedAt = try XCTUnwrap(completed.first?.time, "no eventTime")
        XCTAssertGreaterThan(completedAt, sigtermAt, "the activity finished before SIGTERM was sent; the test raced")
        XCTAssertNil(afterStop.closeEvent)

        let second = try await startDaemon(registry, label: "graceful-2")
        let done = try await cli.waitForClose(id, timeout: .seconds(60), context: { self.daemonLogs() })
        XCTAssertEqual(done.closeEvent?.type, "WorkflowExecutionCompleted", done.summary + "\n" + daemonLogs())
        XCTAssertEqual(done.closeEvent?.firstResultPayload, #"{"attempt":1,"input":"g"}"#)
        XCTAssertEqual(done.of("ActivityTaskScheduled").count, 1, done.summary)
        XCTAssertEqual(done.of("ActivityTaskStarted").map { $0.attempt ?? -1 }, [1], done.summary)
        XCTAssertTrue(done.of("ActivityTaskFailed").isEmpty && done.of("ActivityTaskTimedOut").isEmpty, done.summary)
        try await stopCleanly(second)
    }
}
