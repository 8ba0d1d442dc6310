import LuaRuntime
import TemporalModel
import XCTest

/// Counts deinitialisations so tests can see Swift cleanup ran.
final class DeinitCounter {
    nonisolated(unsafe) static var count = 0
    deinit { DeinitCounter.count += 1 }
}

final class HostFunctionTests: XCTestCase {
    private func hostTable(_ state: LuaState) throws -> LuaRef {
        let host = try state.newTable()
        try state.setField(try state.globals(), "__host", .ref(host))
        return host
    }

    func testHostFunctionReturnsValues() throws {
        let state = try LuaState()
        let host = try hostTable(state)
        try state.registerFunction(in: host, name: "add") { frame in
            guard let a = frame.integer(at: 1), let b = frame.integer(at: 2) else {
                return frame.argumentError(1, "add", "integers expected")
            }
            frame.push(.integer(a + b))
            frame.push(json: .object(["sum": .int(a + b)]))
            return .results(2)
        }
        try state.registerFunction(in: host, name: "info") { frame in
            .values([.integer(Int64(frame.argumentCount)), .string(frame.string(at: 1) ?? "-"),
                     .number(frame.double(at: 2) ?? -1), .bool(frame.bool(at: 3) ?? false)])
        }
        let results = try runLua(state, """
        local s, t = __host.add(40, 2)
        return s, t.sum, __host.info("x", 2.5, true)
        """)
        XCTAssertEqual(results, [.int(42), .int(42), .int(3), .string("x"), .double(2.5), .bool(true)])
    }

    func testArgumentAccessorsDoNotConvert() throws {
        let state = try LuaState()
        let host = try hostTable(state)
        var seen: [String] = []
        try state.registerFunction(in: host, name: "probe") { frame in
            seen.append("\(frame.integer(at: 1) as Any)|\(frame.string(at: 1) as Any)|\(frame.type(at: 1))")
            seen.append("\(frame.integer(at: 2) as Any)|\(frame.double(at: 2) as Any)")
            seen.append("\(frame.bytes(at: 3) ?? [])|\(frame.string(at: 3) as Any)")
            seen.append("\(frame.type(at: 9))|\(frame.isTruthy(at: 9))")
            return .results(0)
        }
        _ = try runLua(state, "local n = 7; __host.probe(n, 1.5, '\\255'); return n .. ''")
        XCTAssertEqual(seen, ["Optional(7)|nil|number", "nil|Optional(1.5)", "[255]|nil", "none|false"])
    }

    func testHostErrorIsRaisedWithPosition() throws {
        let state = try LuaState()
        let host = try hostTable(state)
        try state.registerFunction(in: host, name: "fail") { _ in .error("nope") }
        let error = luaError { _ = try runLua(state, "\n__host.fail()", chunkName: "host.lua") }
        XCTAssertEqual(error?.kind, .runtime)
        XCTAssertEqual(error?.message, "host.lua:2: nope")
        XCTAssertEqual(try runLua(state, "local ok, e = pcall(__host.fail); return ok, e"),
                       [.bool(false), .string("nope")])
    }

    func testHostErrorValue() throws {
        let state = try LuaState()
        let host = try hostTable(state)
        try state.registerFunction(in: host, name: "fail") { _ in .errorValue(.json(.object(["code": .int(3)]))) }
        XCTAssertEqual(try runLua(state, "local ok, e = pcall(__host.fail); return e.code"), [.int(3)])
        XCTAssertEqual(luaError { _ = try runLua(state, "__host.fail()") }?.value, .object(["code": .int(3)]))
    }

    func testSwiftFrameIsCleanedUpWhenRaising() throws {
        let state = try LuaState()
        let host = try hostTable(state)
        DeinitCounter.count = 0
        try state.registerFunction(in: host, name: "fail") { _ in
            let counter = DeinitCounter()
            defer { withExtendedLifetime(counter) {} }
            return .error("boom")
        }
        _ = luaError { _ = try runLua(state, "__host.fail()") }
        XCTAssertEqual(DeinitCounter.count, 1)
        _ = try runLua(state, "for i = 1, 10 do pcall(__host.fail) end")
        XCTAssertEqual(DeinitCounter.count, 11)
    }

    func testHostFunctionInCoroutineSeesThreadArguments() throws {
        let state = try LuaState()
        let host = try hostTable(state)
        var next: Int64 = 0
        try state.registerFunction(in: host, name: "schedule") { frame in
            guard let name = frame.string(at: 1) else { return frame.argumentError(1, "schedule", "string expected") }
            next += 1
            return .values([.integer(next), .string(name)])
        }
        let chunk = try state.load(source: """
        return function()
          local a = __host.schedule("first")
          coroutine.yield(a)
          local b, name = __host.schedule("second")
          return b, name
        end
        """, chunkName: "co.lua")
        let thread = try state.newThread(try state.call(chunk)[0].ref!)
        guard case .yielded(let y) = try state.resume(thread) else { return XCTFail() }
        XCTAssertEqual(try state.json(y[0]), .int(1))
        guard case .finished(let r) = try state.resume(thread) else { return XCTFail() }
        XCTAssertEqual(try r.map { try state.json($0) }, [.int(2), .string("second")])
        let error = luaError { _ = try runLua(state, "coroutine.wrap(function() __host.schedule(1) end)()", chunkName: "w.lua") }
        XCTAssertTrue(error?.message.contains("bad argument #1 to 'schedule' (string expected)") ?? false,
                      error?.message ?? "")
    }

    func testReentrantCallFromHostFunction() throws {
        let state = try LuaState()
        let host = try hostTable(state)
        let double = try state.load(source: "local x = ...; return x * 2", chunkName: "d.lua")
        try state.registerFunction(in: host, name: "twice") { frame in
            do throws(LuaError) {
                return .values(try frame.state.call(double, [frame.value(at: 1)]))
            } catch {
                return .error(error.message)
            }
        }
        XCTAssertEqual(try runLua(state, "return __host.twice(21)"), [.int(42)])
    }

    func testResumingTheRunningThreadIsAnError() throws {
        let state = try LuaState()
        let host = try hostTable(state)
        var me: LuaRef?
        var seen: [String] = []
        try state.registerFunction(in: host, name: "resumeSelf") { frame in
            do throws(LuaError) {
                seen.append("resumable=\(try frame.state.isResumable(me!))")
                _ = try frame.state.resume(me!)
                return .results(0)
            } catch {
                return .error(error.message)
            }
        }
        let chunk = try state.load(source: "return function() __host.resumeSelf() end", chunkName: "self.lua")
        let thread = try state.newThread(try state.call(chunk)[0].ref!)
        me = thread
        XCTAssertTrue(try state.isResumable(thread))
        let error = luaError { _ = try state.resume(thread) }
        XCTAssertEqual(error?.message, "self.lua:1: cannot resume non-suspended coroutine")
        XCTAssertEqual(seen, ["resumable=false"])
        XCTAssertFalse(try state.isResumable(thread))
    }

    func testFinalizerCallingHostFunctionDuringCloseIsHarmless() throws {
        var calls = 0
        do {
            let state = try LuaState()
            let host = try hostTable(state)
            try state.registerFunction(in: host, name: "note") { _ in calls += 1; return .results(0) }
            _ = try runLua(state, "keep = setmetatable({}, {__gc = function() __host.note() end})")
        }
        XCTAssertEqual(calls, 0)
    }

    func testJSONArgumentErrorsNameTheArgument() throws {
        let state = try LuaState()
        let host = try hostTable(state)
        try state.registerFunction(in: host, name: "encode") { frame in
            do throws(LuaError) {
                return .values([.json(try frame.json(at: 2))])
            } catch {
                return .error(error.message)
            }
        }
        XCTAssertEqual(try runLua(state, "return __host.encode(nil, {a = {1, 2}}).a[2]"), [.int(2)])
        let error = luaError { _ = try runLua(state, "__host.encode(1, {a = {1, print}})", chunkName: "e.lua") }
        XCTAssertEqual(error?.message, "e.lua:1: cannot convert a function value at argument #2.a[2] to JSON")
    }

    func testFunctionArgumentRef() throws {
        let state = try LuaState()
        let host = try hostTable(state)
        var saved: LuaRef?
        try state.registerFunction(in: host, name: "keep") { frame in
            saved = frame.ref(at: 1)
            return .results(0)
        }
        _ = try runLua(state, "__host.keep(function(x) return x + 1 end)")
        let fn = try XCTUnwrap(saved)
        XCTAssertEqual(fn.type, .function)
        XCTAssertEqual(try state.callJSON(fn, [.int(1)]), [.int(2)])
    }
}
