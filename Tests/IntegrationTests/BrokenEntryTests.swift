import Foundation
import XCTest

/// A Lua syntax error in one entry disables that entry (logged with file
/// and line) and the daemon keeps serving the rest; `moonflow check` fails.
final class BrokenEntryTests: IntegrationTestCase {
    func testBrokenEntryIsDisabledAndTheRestServes() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("broken")
        let registry = try makeRegistry("broken")
        try registry.write("it.yaml", TestRegistry.standardYAML(address: server.address, queue: queue, entries: """
              - name: good
                kind: workflow.lua
                source: "return function(x) return {echo = x} end"
                meta: {temporal: {workflow: {worker: worker, name: GoodWorkflow}}}
              - name: broken
                kind: workflow.lua
                source: file://broken.lua
                meta: {temporal: {workflow: {worker: worker, name: BrokenWorkflow}}}
            """))
        try registry.write("broken.lua", "return function()\n  local x = \nend\n")

        let check = try await Spawn.run(try Paths.moonflow(), ["check", "--registry", registry.dir.path], timeout: .seconds(30))
        XCTAssertNotEqual(check.status, 0, check.combined)
        XCTAssertTrue(check.combined.contains("broken.lua:3"), check.combined)

        let daemon = try await startDaemon(registry, label: "broken")
        XCTAssertTrue(daemon.log().contains("entry disabled") && daemon.log().contains("broken.lua:3"), daemon.describe())
        let out = try await cli.ok(["workflow", "execute", "--type", "GoodWorkflow", "--task-queue", queue,
                                    "--input", "7"], timeout: .seconds(30))
        XCTAssertTrue(out.contains(#"{"echo":7}"#), out)
        try await stopCleanly(daemon)
    }
}
