import Foundation
import XCTest

/// Moonflow speaks plain Temporal: the official Python SDK starts Lua
/// workflows and calls Lua activities, with payloads and errors intact.
/// The checks live in `python/*.py`, which exit non-zero with the mismatch.
final class PythonInteropTests: IntegrationTestCase {
    static let workflowSource = """
        -- A bare function chunk (method defaults to main).
        local funcs = require("funcs")
        local workflow = require("workflow")
        return function(input, extra)
          local r, err = funcs.call("it:transform", input)
          if err then return nil, err end
          local info = workflow.info()
          return {
            transformed = r,
            extra_is_nil = extra == nil,
            second_arg_type = type(extra),
            workflow_type = info.workflow_type,
            task_queue = info.task_queue,
          }
        end
        """

    static let activitySource = """
        local M = {}

        function M.transform(input)
          local sum = 0
          for _, v in ipairs(input.ints) do sum = sum + v end
          local upper = {}
          for _, s in ipairs(input.tags) do upper[#upper + 1] = string.upper(s) end
          return {
            echo = input,
            int_sum = sum,
            int_sum_type = math.type(sum),
            ratio_half = input.ratio / 2,
            ratio_type = math.type(input.ratio),
            flag_negated = not input.flag,
            off_is_false = input.off == false,
            name_bytes = #input.name,
            name_chars = utf8.len(input.name),
            name_upper = string.upper(input.name),
            nothing_is_nil = input.nothing == nil,
            tags_upper = upper,
            deep = input.nested.a.b[2].c[4].deep,
            id_plus_one = input.id + 1,
          }
        end

        function M.echo(x) return x end

        function M.echo_args(...) return { ... } end

        function M.find(key)
          return nil, errors.new({ kind = "NOT_FOUND", message = "no record " .. tostring(key), retryable = false })
        end

        return M
        """

    private func makeRegistry(address: String, queue: String) throws -> TestRegistry {
        let registry = try makeRegistry("py")
        let activity = { (name: String) in
            "  - {name: \(name), kind: function.lua, source: file://lib.lua, method: \(name), modules: [json], meta: {temporal: {activity: {worker: worker}}}}"
        }
        try registry.write("it.yaml", TestRegistry.standardYAML(address: address, queue: queue, entries: """
              - name: interop_workflow
                kind: workflow.lua
                source: file://interop_workflow.lua
                modules: [funcs, workflow]
                meta: {temporal: {workflow: {worker: worker}}}
            \(["transform", "echo", "echo_args", "find"].map(activity).joined(separator: "\n"))
            """))
        try registry.write("interop_workflow.lua", Self.workflowSource)
        try registry.write("lib.lua", Self.activitySource)
        return registry
    }

    /// `python3` with `temporalio` importable, or a clear failure.
    private func python() async throws -> String {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let p = env["PYTHON"], !p.isEmpty { candidates.append(p) }
        for dir in (env["PATH"] ?? "").split(separator: ":") { candidates.append("\(dir)/python3") }
        guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw IntegrationError("python3 not found on PATH (set PYTHON); the interop tests need it with the temporalio SDK")
        }
        let probe = try await Spawn.run(python, ["-c", "import temporalio"], timeout: .seconds(30))
        guard probe.status == 0 else {
            throw IntegrationError("\(python) cannot import temporalio (pip install temporalio):\n\(probe.stderr)")
        }
        return python
    }

    private func runScript(_ script: String, _ args: [String], daemon: DaemonProcess,
                           file: StaticString = #filePath, line: UInt = #line) async throws {
        let python = try await python()
        let path = Paths.pythonDir.appendingPathComponent(script).path
        let out = try await Spawn.run(python, [path] + args, timeout: .seconds(120),
                                      environment: ["PYTHONPATH": Paths.pythonDir.path, "PYTHONUNBUFFERED": "1"])
        XCTAssertEqual(out.status, 0, "\(script) failed:\n\(out.combined)\n\(daemon.describe())", file: file, line: line)
        XCTAssertTrue(out.stdout.contains("OK"), "\(script) did not report OK:\n\(out.combined)", file: file, line: line)
    }

    func testPythonClientRunsLuaWorkflowWithRichInput() async throws {
        let server = try await devServer()
        let queue = unique("py-lua")
        let daemon = try await startDaemon(try makeRegistry(address: server.address, queue: queue), label: "py-a")
        try await runScript("client_runs_lua_workflow.py", [server.address, queue, unique("py-client")], daemon: daemon)
        try await stopCleanly(daemon)
    }

    func testPythonWorkflowCallsLuaActivitiesAndSeesTheirErrors() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("py-lua")
        let pyQueue = unique("py-own")
        let workflowId = unique("py-wf")
        let daemon = try await startDaemon(try makeRegistry(address: server.address, queue: queue), label: "py-b")
        try await runScript("python_workflow_calls_lua.py", [server.address, queue, pyQueue, workflowId], daemon: daemon)

        // Non-retryable really means one attempt: the NOT_FOUND activities
        // failed on attempt 1 and were not retried (the Python retry policy
        // allowed 3 attempts).
        let history = try await cli.history(workflowId)
        let failed = history.of("ActivityTaskFailed")
        XCTAssertEqual(failed.count, 2, history.summary)
        for event in history.of("ActivityTaskStarted") {
            XCTAssertEqual(event.attempt, 1, "activity retried:\(history.summary)")
        }
        XCTAssertEqual(failed.map { $0.failureType ?? "?" }, ["NOT_FOUND", "NOT_FOUND"])
        try await stopCleanly(daemon)
    }
}
