import LuaRuntime
import TemporalModel
import XCTest

final class SandboxTests: XCTestCase {
    func testRemovedFunctionsNameThemselvesAndSayWhy() throws {
        let state = try LuaState()
        let env = try workflowEnv(state)
        let cases: [(call: String, name: String, why: String)] = [
            ("os.execute('ls')", "os.execute", "do I/O in an activity"),
            ("os.remove('x')", "os.remove", "do I/O in an activity"),
            ("os.rename('x', 'y')", "os.rename", "do I/O in an activity"),
            ("os.tmpname()", "os.tmpname", "do I/O in an activity"),
            ("os.exit(1)", "os.exit", "stop the worker process"),
            ("os.getenv('HOME')", "os.getenv", "pass configuration as workflow input"),
            ("os.setlocale('C')", "os.setlocale", "locale"),
            ("loadfile('x.lua')", "loadfile", "deterministic"),
            ("dofile('x.lua')", "dofile", "deterministic"),
            ("require('socket')", "require", "registry"),
            ("io.open('/etc/passwd')", "io.open", "do I/O in an activity"),
            ("io.write('x')", "io.write", "do I/O in an activity"),
            ("io.stdout:write('x')", "io.stdout", "do I/O in an activity"),
            ("debug.getinfo(1)", "debug.getinfo", "sandbox"),
            ("return package.path", "package.path", "registry"),
        ]
        for c in cases {
            let error = luaError { _ = try runLua(state, "\n" + c.call, chunkName: "wf.lua", env: env) }
            let message = error?.message ?? ""
            XCTAssertTrue(message.hasPrefix("wf.lua:2: \(c.name) is not available in workflows: "), message)
            XCTAssertTrue(message.contains(c.why), message)
        }
        let message = luaError { _ = try runLua(state, "os.execute('ls')", env: env) }?.message ?? ""
        XCTAssertTrue(message.hasSuffix(
            "os.execute is not available in workflows: workflow code must be deterministic; do I/O in an activity"),
            message)
    }

    func testFinalizersAreRefused() throws {
        let state = try LuaState()
        let env = try workflowEnv(state)
        let error = luaError { _ = try runLua(state, "setmetatable({}, {__gc = print})", chunkName: "wf.lua", env: env) }
        XCTAssertTrue(error?.message.hasPrefix("wf.lua:1: setmetatable with a __gc metamethod is not available") ?? false,
                      error?.message ?? "")
        XCTAssertEqual(try runLua(state, "return getmetatable(setmetatable({}, {__index = {a = 1}})).__index.a", env: env),
                       [.int(1)])
    }

    func testOsTimeAndClockUseHostClock() throws {
        let state = try LuaState()
        var now = 1_704_067_200.75 // 2024-01-01T00:00:00.75Z
        let env = try workflowEnv(state, clock: { now })
        XCTAssertEqual(try runLua(state, "return os.time(), os.clock(), os.date('%Y-%m-%d %H:%M:%S')", env: env),
                       [.int(1_704_067_200), .double(1_704_067_200.75), .string("2024-01-01 00:00:00")])
        now += 86_400
        XCTAssertEqual(try runLua(state, "return os.time(), os.date('!*t').day", env: env),
                       [.int(1_704_153_600), .int(2)])
        XCTAssertEqual(try runLua(state, """
            return os.time{year = 2024, month = 1, day = 1, hour = 0},
                   os.time{year = 2023, month = 13, day = 1, hour = 0},
                   os.time{year = 1970, month = 1, day = 1},
                   os.time{year = 2000, month = 3, day = 1, hour = 0}
            """, env: env),
            [.int(1_704_067_200), .int(1_704_067_200), .int(43_200), .int(951_868_800)])
    }

    func testLoadIsTextOnlyAndUsesCallerEnv() throws {
        let state = try LuaState()
        let env = try workflowEnv(state)
        XCTAssertEqual(try runLua(state, "secret = 5; return load('return secret')()", env: env), [.int(5)])
        XCTAssertEqual(try runLua(state, "return load('return x', 'c', 't', {x = 1})()", env: env), [.int(1)])
        let error = luaError { _ = try runLua(state, "load('return 1', 'c', 'b')", env: env) }
        XCTAssertTrue(error?.message.contains("binary chunks") ?? false, error?.message ?? "")
        XCTAssertEqual(try runLua(state, "local f, e = load(string.dump(function() end)); return f, e ~= nil", env: env),
                       [.null, .bool(true)])
    }

    func testCollectgarbageIsLimited() throws {
        let state = try LuaState()
        let env = try workflowEnv(state)
        XCTAssertEqual(try runLua(state, "return type(collectgarbage('count'))", env: env), [.string("number")])
        let error = luaError { _ = try runLua(state, "collectgarbage('stop')", env: env) }
        XCTAssertTrue(error?.message.contains("collectgarbage(\"stop\") is not available in workflows") ?? false)
    }

    func testEnvironmentsAreIsolated() throws {
        let state = try LuaState()
        let base = try state.makeWorkflowSandbox(clock: { 0 })
        let a = try state.makeEnvironment(base: base)
        let b = try state.makeEnvironment(base: base)
        _ = try runLua(state, "counter = 1", env: a)
        XCTAssertEqual(try runLua(state, "return counter, _G == _ENV, type(string.format)", env: b),
                       [.null, .bool(true), .string("function")])
        XCTAssertEqual(try runLua(state, "return counter", env: a), [.int(1)])
        XCTAssertEqual(try runLua(state, "return print ~= nil, io ~= nil, rawget(_G, 'pairs')", env: a),
                       [.bool(true), .bool(true), .null])
    }

    func testActivitySandboxIsFullExceptProcessKillers() throws {
        let state = try LuaState()
        let env = try state.makeEnvironment(base: try state.makeActivitySandbox())
        XCTAssertEqual(try runLua(state, "return type(io.open), type(os.getenv), type(debug.traceback), type(require)",
                               env: env),
                       [.string("function"), .string("function"), .string("function"), .string("function")])
        let error = luaError { _ = try runLua(state, "os.exit(0)", chunkName: "act.lua", env: env) }
        XCTAssertTrue(error?.message.hasPrefix("act.lua:1: os.exit is not available in activities") ?? false,
                      error?.message ?? "")
        // The real os table is untouched.
        XCTAssertEqual(try runLua(state, "return os.exit ~= nil and debug.sethook ~= nil"), [.bool(true)])
    }
}
