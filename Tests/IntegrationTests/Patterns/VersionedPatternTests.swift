import Foundation
import XCTest

/// SPEC §2 versioned rollout with `workflow.version`: an execution started
/// with version-1 code blocks on a signal; the daemon is SIGKILLed; code
/// whose version call allows max 2 (with a new branch) is deployed; a new
/// daemon finishes the old execution on its recorded version-1 path, and a
/// newly started execution takes version 2.
final class VersionedPatternTests: IntegrationTestCase {
    static func workflow(max: Int) -> String {
        let newBranch = max >= 2 ? """
            if v == 2 then
              shipped = funcs.call("it:ship_fast", order.id, go)
            else
            """ : "do"
        return """
            local funcs = require("funcs")
            local workflow = require("workflow")

            return function(order)
              local v = workflow.version("fast-shipping", workflow.DEFAULT_VERSION, \(max))
              local go = process.listen("go"):receive()
              local shipped
              \(newBranch)
                if v == 1 then
                  shipped = funcs.call("it:ship", order.id, go)
                else
                  shipped = "legacy"
                end
              end
              return {version = v, shipped = shipped}
            end
            """
    }

    static let activities = """
        local M = {}
        function M.ship(id, go) return "ship " .. id .. " " .. go end
        function M.ship_fast(id, go) return "fast ship " .. id .. " " .. go end
        return M
        """

    func testRunningExecutionKeepsVersion1AfterDeployOfVersion2AcrossKill9() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("versioned")
        let registry = try makeRegistry("versioned")
        try registry.write("it.yaml", Patterns.yaml(address: server.address, queue: queue, entries: """
              - name: versioned
                kind: workflow.lua
                source: file://versioned.lua
                modules: [funcs, workflow]
                meta: {temporal: {workflow: {worker: worker, name: VersionedWorkflow}}}
              - {name: ship, kind: function.lua, source: file://ship.lua, method: ship, meta: {temporal: {activity: {worker: worker}}}}
              - {name: ship_fast, kind: function.lua, source: file://ship.lua, method: ship_fast, meta: {temporal: {activity: {worker: worker}}}}
            """))
        try registry.write("versioned.lua", Self.workflow(max: 1))
        try registry.write("ship.lua", Self.activities)

        let first = try await startDaemon(registry, label: "versioned-1")
        let old = unique("versioned-old")
        try await cli.start(type: "VersionedWorkflow", queue: queue, id: old, input: #"{"id":"V1"}"#)
        let mid = try await cli.waitForHistory(old, "the version marker and an idle workflow", timeout: .seconds(30),
                                               check: { try first.ensureAlive() }, context: { first.describe() }) {
            !$0.of("MarkerRecorded").isEmpty && $0.isIdle
        }
        XCTAssertTrue(mid.scheduledActivities.isEmpty, mid.summary)

        first.kill9()
        try registry.write("versioned.lua", Self.workflow(max: 2))
        try await cli.signal(old, "go", input: #""now""#)
        let second = try await crashAndRestart(first, registry: registry, workflowId: old, cli: cli, label: "versioned-2")
        let oldHistory = try await cli.waitForClose(old, timeout: .seconds(60), context: { self.daemonLogs() })
        XCTAssertEqual(oldHistory.closeEvent?.type, "WorkflowExecutionCompleted", oldHistory.summary + "\n" + daemonLogs())
        XCTAssertEqual(oldHistory.closeEvent?.firstResultPayload, #"{"shipped":"ship V1 now","version":1}"#, oldHistory.summary)
        XCTAssertEqual(oldHistory.scheduledActivities, ["it:ship"], oldHistory.summary)
        XCTAssertEqual(oldHistory.of("MarkerRecorded").count, 1, oldHistory.summary)
        XCTAssertTrue(oldHistory.failedTasks.isEmpty, "the recorded version must replay with the new code:\(oldHistory.summary)")

        let new = unique("versioned-new")
        try await cli.start(type: "VersionedWorkflow", queue: queue, id: new, input: #"{"id":"V2"}"#)
        _ = try await cli.waitForHistory(new, "the new execution idle", timeout: .seconds(30),
                                         check: { try second.ensureAlive() }, context: { second.describe() }) {
            !$0.of("MarkerRecorded").isEmpty && $0.isIdle
        }
        try await cli.signal(new, "go", input: #""asap""#)
        let newHistory = try await cli.waitForClose(new, timeout: .seconds(60), context: { self.daemonLogs() })
        XCTAssertEqual(newHistory.closeEvent?.type, "WorkflowExecutionCompleted", newHistory.summary + "\n" + daemonLogs())
        XCTAssertEqual(newHistory.closeEvent?.firstResultPayload, #"{"shipped":"fast ship V2 asap","version":2}"#,
                       newHistory.summary)
        XCTAssertEqual(newHistory.scheduledActivities, ["it:ship_fast"], newHistory.summary)
        // The markers record 1 and 2, with the Go SDK's change id field.
        let oldMarker = try XCTUnwrap(oldHistory.of("MarkerRecorded").first).attributesJSON
        let newMarker = try XCTUnwrap(newHistory.of("MarkerRecorded").first).attributesJSON
        XCTAssertTrue(oldMarker.contains(#""markerName":"Version""#), oldMarker)
        XCTAssertTrue(newMarker.contains(#""markerName":"Version""#), newMarker)
        let upserts = newHistory.of("UpsertWorkflowSearchAttributes").map(\.attributesJSON).joined()
        XCTAssertTrue(upserts.contains("TemporalChangeVersion"), newHistory.summary)
        let described = try await cli.describe(new)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: described), as: UTF8.self)
        XCTAssertTrue(text.contains("fast-shipping-2") || text.contains(Data("[\"fast-shipping-2\"]".utf8).base64EncodedString()),
                      "TemporalChangeVersion should hold fast-shipping-2: \(text.prefix(3000))")

        try await Patterns.record("versioned_v1_running", workflowId: old, registry: registry,
                                  serverAddress: server.address, cli: cli)
        try await Patterns.record("versioned_v2_new", workflowId: new, registry: registry,
                                  serverAddress: server.address, cli: cli)
        try await stopCleanly(second)
    }
}
