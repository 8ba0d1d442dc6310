import Foundation
import XCTest

/// Queries through the `temporal` CLI: a registered handler, the built-in
/// stack trace, an unknown query type, and a query after a daemon restart
/// (answered from a fresh replay).
final class QueryCLITests: IntegrationTestCase {
    func testQueryStackAndUnknownTypeThroughTheCLI() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("query")
        let registry = try makeRegistry("query")
        try registry.write("it.yaml", TestRegistry.standardYAML(address: server.address, queue: queue, entries: """
              - name: counter
                kind: workflow.lua
                source: file://counter.lua
                modules: [workflow, time]
                meta: {temporal: {workflow: {worker: worker, name: QueryCounter}}}
            """))
        try registry.write("counter.lua", """
            local workflow, time = require("workflow"), require("time")
            return function()
              local n = 0
              workflow.on_query("count", function(plus) return {n = n + (plus or 0)} end, "signals seen")
              coroutine.spawn(function() time.sleep("1h") end)
              local ch = process.listen("inc")
              while true do
                n = n + ch:receive()
              end
            end
            """)
        var daemon = try await startDaemon(registry, label: "query-1")
        let id = unique("query")
        try await cli.start(type: "QueryCounter", queue: queue, id: id, input: nil)
        try await cli.ok(["workflow", "signal", "--workflow-id", id, "--name", "inc", "--input", "5"])
        try await cli.ok(["workflow", "signal", "--workflow-id", id, "--name", "inc", "--input", "2"])
        let answered = try await eventually("the query to see both signals", timeout: .seconds(20),
                                            message: { daemon.describe() }) { () -> String? in
            let out = try await cli.ok(["workflow", "query", "--workflow-id", id, "--type", "count", "--input", "1"])
            return out.contains(#"{"n":8}"#) ? out : nil
        }
        XCTAssertTrue(answered.contains(#"{"n":8}"#), answered)

        let stack = try await cli.ok(["workflow", "stack", "--workflow-id", id])
        XCTAssertTrue(stack.contains("counter.lua:8"), "main should wait on line 8:\n\(stack)")
        XCTAssertTrue(stack.contains("counter.lua:5"), "the sleeping coroutine waits on line 5:\n\(stack)")
        XCTAssertFalse(stack.contains("moonflow/"), "internal frames leaked:\n\(stack)")

        let metadata = try await cli.ok(["workflow", "metadata", "--workflow-id", id])
        XCTAssertTrue(metadata.contains("count") && metadata.contains("signals seen") && metadata.contains("inc"), metadata)

        let unknown = try await cli.run(["workflow", "query", "--workflow-id", id, "--type", "nope"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.combined.contains("unknown queryType nope") && unknown.combined.contains("count"),
                      unknown.combined)

        // The live history replays cleanly against the registry's code.
        let replay = try await Spawn.run(try Paths.moonflow(), ["replay", "--registry", registry.dir.path,
                                                                "--workflow-id", id], timeout: .seconds(30))
        XCTAssertEqual(replay.status, 0, replay.combined)
        XCTAssertTrue(replay.stdout.hasPrefix("OK   workflow \(id) (QueryCounter"), replay.combined)

        // A new daemon has no cached instance: it replays to answer.
        try await stopCleanly(daemon)
        daemon = try await startDaemon(registry, label: "query-2")
        let replayed = try await cli.ok(["workflow", "query", "--workflow-id", id, "--type", "count"])
        XCTAssertTrue(replayed.contains(#"{"n":7}"#), replayed)
        try await cli.ok(["workflow", "terminate", "--workflow-id", id])
        try await stopCleanly(daemon)
    }
}
