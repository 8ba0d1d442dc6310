import Foundation
import XCTest

/// `moonflow check --registry DIR` validates without a server and lists
/// every problem at once, each with `file:line`.
final class CheckCommandTests: IntegrationTestCase {
    /// Line (1-based) of the first line of `text` containing `needle`.
    private func line(of needle: String, in text: String) throws -> Int {
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(needle) }) else {
            throw IntegrationError("fixture has no line containing \(needle)")
        }
        return index + 1
    }

    func testThreeMistakesInTwoFilesAreAllReportedWithFileAndLine() async throws {
        let registry = try makeRegistry("check")
        let yaml = """
            namespace: bad
            entries:
              - name: client
                kind: temporal.client
                address: "127.0.0.1:1"

              - name: worker
                kind: temporal.worker
                client: client
                task_queue: q

              - name: mystery
                kind: temporal.mystery

              - name: orphan_workflow
                kind: workflow.lua
                source: file://ok.lua
                modules: [funcs]
                meta: {temporal: {workflow: {name: Orphan}}}

              - name: broken_fn
                kind: function.lua
                source: file://broken.lua
                meta: {temporal: {activity: {worker: worker}}}
            """
        let lua = """
            local M = {}
            function M.main(x)
              return x +
            end
            return M
            """
        try registry.write("bad.yaml", yaml)
        try registry.write("ok.lua", "return function(x) return x end\n")
        try registry.write("broken.lua", lua)

        let out = try await Spawn.run(try Paths.moonflow(), ["check", "--registry", registry.dir.path], timeout: .seconds(30))
        XCTAssertNotEqual(out.status, 0, "check must fail:\n\(out.combined)")
        let report = out.stderr
        let reportLines = report.components(separatedBy: "\n")

        /// A report line naming `file` with a line number in `lines` and containing every word of `mentions`.
        func assertReported(_ what: String, file: String, lines: ClosedRange<Int>, mentions: [String],
                            sourceLine: UInt = #line) {
            let hit = reportLines.contains { l in
                guard let range = l.range(of: #"[^\s:]*"# + NSRegularExpression.escapedPattern(for: file) + #":(\d+)"#,
                                          options: .regularExpression) else { return false }
                let number = Int(l[range].split(separator: ":").last ?? "") ?? -1
                return lines.contains(number) && mentions.allSatisfy { l.localizedCaseInsensitiveContains($0) }
            }
            XCTAssertTrue(hit, "\(what): expected a line with \(file):\(lines) mentioning \(mentions) in:\n\(report)",
                          line: sourceLine)
        }

        let kindLine = try line(of: "kind: temporal.mystery", in: yaml)
        assertReported("unknown kind", file: "bad.yaml", lines: (kindLine - 1)...kindLine, mentions: ["temporal.mystery"])
        let orphanStart = try line(of: "name: orphan_workflow", in: yaml)
        let orphanMeta = try line(of: "name: Orphan}", in: yaml)
        assertReported("workflow without worker", file: "bad.yaml", lines: orphanStart...orphanMeta,
                       mentions: ["orphan_workflow", "worker"])
        let syntaxLine = try line(of: "end", in: lua)   // `return x +` is completed by `end`: the error is there
        assertReported("Lua syntax error", file: "broken.lua", lines: (syntaxLine - 1)...syntaxLine, mentions: [])
        XCTAssertTrue(report.contains("3 problem"), "the report should count three problems:\n\(report)")
    }

    /// `log_level` of a worker is checked with the registry; `--log-level`
    /// and `MOONFLOW_LOG_LEVEL` by `moonflow run` before it loads anything.
    func testUnknownLogLevelsAreOneLineEach() async throws {
        let registry = try makeRegistry("check-log-level")
        try registry.write("app.yaml", TestRegistry.standardYAML(address: "127.0.0.1:1", queue: "q", entries: ""))
        let moonflow = try Paths.moonflow()
        let flag = try await Spawn.run(moonflow, ["run", "--registry", registry.dir.path, "--log-level", "chatty"],
                                       timeout: .seconds(30))
        XCTAssertEqual(flag.status, 1, flag.combined)
        XCTAssertEqual(flag.stderr, "moonflow run: --log-level \"chatty\" is not a log level (expected one of trace,"
                       + " debug, info, notice, warning, error, critical)\n")
        let env = try await Spawn.run(moonflow, ["run", "--registry", registry.dir.path], timeout: .seconds(30),
                                      environment: ["MOONFLOW_LOG_LEVEL": "WARN"])
        XCTAssertEqual(env.status, 1, env.combined)
        XCTAssertTrue(env.stderr.hasPrefix("moonflow run: MOONFLOW_LOG_LEVEL \"WARN\" is not a log level"), env.combined)

        let yaml = TestRegistry.standardYAML(address: "127.0.0.1:1", queue: "q", entries: "")
            .replacingOccurrences(of: "task_queue: \"q\"", with: "task_queue: \"q\"\n    log_level: verbose")
        try registry.write("app.yaml", yaml)
        let check = try await Spawn.run(moonflow, ["check", "--registry", registry.dir.path], timeout: .seconds(30))
        XCTAssertEqual(check.status, 1, check.combined)
        let level = try line(of: "log_level: verbose", in: yaml)
        XCTAssertTrue(check.stderr.contains("app.yaml:\(level):16: it:worker: log_level \"verbose\" is unknown"),
                      check.combined)
    }

    func testExampleRegistryPassesCheck() async throws {
        let example = Paths.packageRoot.appendingPathComponent("config/example").path
        let out = try await Spawn.run(try Paths.moonflow(), ["check", "--registry", example], timeout: .seconds(30))
        XCTAssertEqual(out.status, 0, out.combined)
        XCTAssertTrue(out.stdout.contains("registry OK"), out.combined)
    }
}
