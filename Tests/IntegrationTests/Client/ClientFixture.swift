import Foundation
import XCTest

/// A registry for the client tests: `it:echo` (the workflow that activities
/// and the CLI start), `it:ctx_act` (returns its context), `it:act` (runs
/// one `process` scenario from `ProcessScenarios.lua`) and `it:driver` (a
/// workflow that calls `it:act` once, so the scenario runs as an activity).
enum ClientFixture {
    static let echo = """
    local ctx = require("ctx")
    local funcs = require("funcs")
    local workflow = require("workflow")
    return function(input)
      input = input or {}
      if input.can and input.can > 0 then
        return workflow.continue_as_new({can = input.can - 1, tag = input.tag})
      end
      if input.ignore_cancel then process.events() end
      local got = {}
      local inbox = process.inbox()
      for _ = 1, (input.wait or 0) do
        local m = inbox:receive()
        got[#got + 1] = {topic = m:topic(), data = m:payload():data(), from = m:from()}
      end
      if input.fail then return nil, errors.new{kind = input.fail, message = "asked to fail"} end
      local out = {tag = input.tag, signals = got, ctx = ctx.all()}
      if input.call_ctx then out.act_ctx = funcs.call("it:ctx_act") end
      return out
    end
    """

    static let driver = """
    local funcs = require("funcs")
    return function(args)
      return funcs.new():with_options({["activity.start_to_close_timeout"] = "120s",
        ["activity.retry_policy"] = {maximum_attempts = 1}}):call("it:act", args)
    end
    """

    static let entries = """
      - name: echo
        kind: workflow.lua
        source: file://echo.lua
        modules: [ctx, funcs, workflow]
        meta: {temporal: {workflow: {worker: worker, name: Echo}}}
      - name: driver
        kind: workflow.lua
        source: file://driver.lua
        modules: [funcs]
        meta: {temporal: {workflow: {worker: worker}}}
      - name: act
        kind: function.lua
        source: file://act.lua
        modules: [ctx, json, time]
        meta: {temporal: {activity: {worker: worker}}}
      - name: ctx_act
        kind: function.lua
        source: file://ctx_act.lua
        modules: [ctx]
        meta: {temporal: {activity: {worker: worker}}}
    """

    static func write(_ registry: TestRegistry, address: String, queue: String) throws {
        try registry.write("it.yaml", TestRegistry.standardYAML(address: address, queue: queue, entries: entries))
        try registry.write("echo.lua", echo)
        try registry.write("driver.lua", driver)
        try registry.write("act.lua", ProcessScenarios.lua)
        try registry.write("ctx_act.lua", "local ctx = require(\"ctx\")\nreturn function() return ctx.all() end\n")
    }
}

extension IntegrationTestCase {
    /// A running daemon on a fresh queue with the client fixture.
    func clientFixture(_ label: String) async throws -> (TestRegistry, DaemonProcess, TemporalCLI) {
        let server = try await devServer()
        let registry = try makeRegistry(label)
        try ClientFixture.write(registry, address: server.address, queue: unique("client"))
        let daemon = try await startDaemon(registry, label: label)
        return (registry, daemon, TemporalCLI(server))
    }

    /// `moonflow ARGS` with a bounded run time.
    func moonflow(_ arguments: [String], timeout: Duration = .seconds(90)) async throws -> Spawn.Output {
        try await Spawn.run(try Paths.moonflow(), arguments, timeout: timeout)
    }

    /// Runs one scenario of `ProcessScenarios` as an activity (through
    /// `moonflow start it:driver --wait`) and returns what it reported.
    func scenario(_ registry: TestRegistry, _ name: String, id: String, extra: [String] = [],
                  daemon: DaemonProcess) async throws -> [String: Any] {
        let input = #"{"scenario":"\#(name)","id":"\#(id)"}"#
        let out = try await moonflow(["start", "it:driver", "--registry", registry.dir.path, "--input", input, "--wait"]
                                     + extra)
        guard out.status == 0 else {
            throw IntegrationError("scenario \(name) failed: \(out.combined)\n\(daemon.describe())")
        }
        guard let obj = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any] else {
            throw IntegrationError("scenario \(name) printed no JSON object: \(out.stdout)")
        }
        return obj
    }

    /// The runs of a workflow id, newest first: `[(status, runId)]`.
    func runs(_ cli: TemporalCLI, _ workflowId: String) async throws -> [(status: String, runId: String)] {
        let text = try await cli.ok(["workflow", "list", "--query", "WorkflowId='\(workflowId)'", "--output", "json"])
        let data = Data(text.utf8)
        let list: [[String: Any]]
        if let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] {
            list = array
        } else {
            // Older CLIs print one JSON object per line.
            list = text.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
        return list.map { item in
            let execution = item["execution"] as? [String: Any]
            return ((item["status"] as? String ?? "?").replacingOccurrences(of: "WORKFLOW_EXECUTION_STATUS_", with: ""),
                    execution?["runId"] as? String ?? "?")
        }
    }
}
