import LuaRuntime
import TemporalModel
import XCTest

final class LoadCallTests: XCTestCase {
    func testCallRoundTrip() throws {
        let state = try LuaState()
        let results = try runLua(state, "local a, b = ...; return a + b, a .. '!', {a, b}", [.int(2), .int(3)])
        XCTAssertEqual(results, [.int(5), .string("2!"), .array([.int(2), .int(3)])])
    }

    func testCallWithLuaValues() throws {
        let state = try LuaState()
        let chunk = try state.load(source: "return function(t, s) return t.x * 2, #s end", chunkName: "f.lua")
        guard let fn = try state.call(chunk).first?.ref else { return XCTFail("no function") }
        XCTAssertEqual(fn.type, .function)
        let results = try state.call(fn, [.json(.object(["x": .double(1.5)])), .bytes([0xff, 0])])
        guard results.count == 2, case .number(let d) = results[0], case .integer(let n) = results[1] else {
            return XCTFail("unexpected \(results)")
        }
        XCTAssertEqual(d, 3.0)
        XCTAssertEqual(n, 2)
    }

    func testTableResultIsRef() throws {
        let state = try LuaState()
        let chunk = try state.load(source: "return {a = 1}", chunkName: "t.lua")
        guard let table = try state.call(chunk).first?.ref else { return XCTFail("no table") }
        XCTAssertEqual(table.type, .table)
        XCTAssertEqual(try state.json(table), .object(["a": .int(1)]))
        table.release()
        XCTAssertTrue(table.isReleased)
        XCTAssertNotNil(luaError { _ = try state.json(table) })
    }

    func testDroppedRefsReleaseTheirValues() throws {
        let state = try LuaState()
        let chunk = try state.load(source: "return {payload = string.rep('x', 100000)}", chunkName: "big.lua")
        _ = try state.call(chunk)
        _ = try runLua(state, "collectgarbage()")
        let baseline = state.memoryInUse
        for _ in 0..<200 { _ = try state.call(chunk) }
        _ = try runLua(state, "collectgarbage()")
        XCTAssertLessThan(state.memoryInUse, baseline + 1_000_000)
    }

    func testSyntaxErrorNamesChunkAndLine() throws {
        let state = try LuaState()
        let error = luaError { _ = try state.load(source: "local x = 1\nx = = 2\n", chunkName: "chunk.lua") }
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertTrue(error?.message.hasPrefix("chunk.lua:2:") ?? false, error?.message ?? "")
    }

    func testAtChunkNameIsAccepted() throws {
        let state = try LuaState()
        let error = luaError { _ = try runLua(state, "\n\nerror('boom')", chunkName: "@order.lua") }
        XCTAssertEqual(error?.message, "order.lua:3: boom")
    }

    func testRuntimeErrorHasTraceback() throws {
        let state = try LuaState()
        let source = "local function inner() error('boom') end\nlocal function outer() inner() end\nouter()"
        let error = luaError { _ = try runLua(state, source, chunkName: "order.lua") }
        XCTAssertEqual(error?.kind, .runtime)
        XCTAssertEqual(error?.message, "order.lua:1: boom")
        XCTAssertTrue(error?.traceback.hasPrefix("stack traceback:") ?? false)
        XCTAssertTrue(error?.traceback.contains("order.lua:2: in") ?? false, error?.traceback ?? "")
    }

    func testStructuredErrorValue() throws {
        let state = try LuaState()
        let error = luaError { _ = try runLua(state, "error({code = 7, message = 'bad input'})") }
        XCTAssertEqual(error?.message, "bad input")
        XCTAssertEqual(error?.value, .object(["code": .int(7), "message": .string("bad input")]))
    }

    func testEnvIsTheChunkGlobals() throws {
        let state = try LuaState()
        let env = try state.newTable()
        try state.setField(env, "y", .integer(41))
        _ = try runLua(state, "x = y + 1", env: env)
        guard case .integer(let x) = try state.field(env, "x") else { return XCTFail("x not set") }
        XCTAssertEqual(x, 42)
        let globals = try state.globals()
        guard case .nil = try state.field(globals, "x") else { return XCTFail("leaked into _G") }
    }

    func testBinaryChunkIsRefused() throws {
        let state = try LuaState()
        let error = luaError { _ = try state.load(source: "\u{1B}Lua", chunkName: "bin.lua") }
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertTrue(error?.message.contains("binary chunk") ?? false, error?.message ?? "")
    }

    func testStackIsBalanced() throws {
        let state = try LuaState()
        let chunk = try state.load(source: "return 1, 2, 3", chunkName: "s.lua")
        let before = state.memoryInUse
        for _ in 0..<10_000 { _ = try state.callJSON(chunk) }
        _ = luaError { _ = try runLua(state, "error('x')") }
        XCTAssertLessThan(state.memoryInUse, before + 64 * 1024)
    }
}
