import Foundation
import XCTest

/// Updates through `temporal workflow update execute`: accepted updates
/// whose handlers block on a timer, validator rejections that leave no
/// history, an unknown update name, updates after a kill -9 (the new daemon
/// replays the accepted ones), and an update that finishes the workflow.
final class UpdateCLITests: IntegrationTestCase {
    func testUpdatesThroughTheCLISurviveKill9AndReplay() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("update")
        let registry = try makeRegistry("update")
        try registry.write("it.yaml", TestRegistry.standardYAML(address: server.address, queue: queue, entries: """
              - name: cart
                kind: workflow.lua
                source: file://cart.lua
                modules: [workflow, time]
                meta: {temporal: {workflow: {worker: worker, name: UpdateCart}}}
            """))
        try registry.write("cart.lua", """
            local workflow, time = require("workflow"), require("time")
            return function()
              local items, total = {}, 0
              local checkout = channel.new(1)
              workflow.on_update("add", function(item)
                time.sleep("200ms")
                items[#items + 1] = item.name
                total = total + item.price
                return {count = #items, total = total}
              end, function(item)
                if type(item) ~= "table" or type(item.price) ~= "number" then
                  return nil, errors.new{kind = "INVALID", message = "an item needs a numeric price"}
                end
                if item.price <= 0 then error("price must be positive, got " .. item.price) end
              end, "adds an item to the cart")
              workflow.on_update("checkout", function(coupon)
                checkout:send(coupon or "none")
                return "checking out " .. #items .. " items"
              end)
              workflow.on_query("items", function() return items end)
              local coupon = checkout:receive()
              return {items = items, total = total, coupon = coupon}
            end
            """)
        var daemon = try await startDaemon(registry, label: "update-1")
        let id = unique("cart")
        try await cli.start(type: "UpdateCart", queue: queue, id: id, input: nil)
        func update(_ name: String, _ input: String) async throws -> Spawn.Output {
            try await cli.run(["workflow", "update", "execute", "--workflow-id", id, "--name", name, "--input", input],
                              timeout: .seconds(40))
        }

        let first = try await update("add", #"{"name":"tea","price":3}"#)
        XCTAssertEqual(first.status, 0, first.combined + daemon.describe())
        XCTAssertTrue(first.stdout.contains("map[count:1 total:3]"), first.combined)  // the CLI prints JSON objects as Go maps

        let invalid = try await update("add", #"{"name":"air"}"#)
        XCTAssertNotEqual(invalid.status, 0)
        XCTAssertTrue(invalid.combined.contains("an item needs a numeric price"), invalid.combined)
        let negative = try await update("add", #"{"name":"refund","price":-2}"#)
        XCTAssertNotEqual(negative.status, 0)
        XCTAssertTrue(negative.combined.contains("price must be positive, got -2"), negative.combined)
        let unknown = try await update("remove", #""tea""#)
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.combined.contains("unknown update type remove") && unknown.combined.contains("checkout"),
                      unknown.combined)

        // A new daemon after kill -9 rebuilds the cart by replaying the accepted update.
        daemon.kill9()
        daemon = try await startDaemon(registry, label: "update-2")
        let second = try await update("add", #"{"name":"cake","price":4}"#)
        XCTAssertEqual(second.status, 0, second.combined + daemon.describe())
        XCTAssertTrue(second.stdout.contains("map[count:2 total:7]"), second.combined)

        let metadata = try await cli.ok(["workflow", "metadata", "--workflow-id", id])
        XCTAssertTrue(metadata.contains("adds an item to the cart") && metadata.contains("checkout"), metadata)

        let done = try await update("checkout", #""SPRING""#)
        XCTAssertEqual(done.status, 0, done.combined + daemon.describe())
        XCTAssertTrue(done.stdout.contains("checking out 2 items"), done.combined)
        let closed = try await cli.waitForClose(id, timeout: .seconds(30), context: { daemon.describe() })
        XCTAssertEqual(closed.closeEvent?.type, "WorkflowExecutionCompleted", closed.summary)
        XCTAssertEqual(closed.closeEvent?.firstResultPayload, #"{"coupon":"SPRING","items":["tea","cake"],"total":7}"#)
        // Three accepted and completed updates; rejections left no trace.
        XCTAssertEqual(closed.of("WorkflowExecutionUpdateAccepted").count, 3, closed.summary)
        XCTAssertEqual(closed.of("WorkflowExecutionUpdateCompleted").count, 3, closed.summary)

        // The closed history replays cleanly offline against the registry.
        let replay = try await Spawn.run(try Paths.moonflow(), ["replay", "--registry", registry.dir.path,
                                                                "--workflow-id", id], timeout: .seconds(30))
        XCTAssertEqual(replay.status, 0, replay.combined)
        XCTAssertTrue(replay.stdout.hasPrefix("OK   workflow \(id) (UpdateCart"), replay.combined)
        try await stopCleanly(daemon)
    }
}
