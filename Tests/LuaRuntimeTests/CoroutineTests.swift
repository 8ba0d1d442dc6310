import LuaRuntime
import TemporalModel
import XCTest

final class CoroutineTests: XCTestCase {
    private func function(_ state: LuaState, _ source: String) throws -> LuaRef {
        let chunk = try state.load(source: source, chunkName: "co.lua")
        guard let fn = try state.call(chunk).first?.ref else { throw LuaError(kind: .runtime, message: "no fn") }
        return fn
    }

    func testYieldResumeRoundTrip() throws {
        let state = try LuaState()
        let fn = try function(state, """
        return function(input)
          local r = coroutine.yield({kind = "activity", arg = input})
          local a, b = coroutine.yield("timer", 5)
          return "done:" .. r .. ":" .. a + b
        end
        """)
        let thread = try state.newThread(fn)
        XCTAssertEqual(thread.type, .thread)
        XCTAssertFalse(try state.isFinished(thread))

        guard case .yielded(let first) = try state.resume(thread, [.string("world")]) else { return XCTFail() }
        XCTAssertEqual(try state.json(first[0]), .object(["kind": .string("activity"), "arg": .string("world")]))
        guard case .yielded(let second) = try state.resume(thread, [.string("hello")]) else { return XCTFail() }
        XCTAssertEqual(try second.map { try state.json($0) }, [.string("timer"), .int(5)])
        guard case .finished(let last) = try state.resume(thread, [.integer(40), .integer(2)]) else { return XCTFail() }
        XCTAssertEqual(try last.map { try state.json($0) }, [.string("done:hello:42")])
        XCTAssertTrue(try state.isFinished(thread))
        XCTAssertEqual(luaError { _ = try state.resume(thread) }?.message, "cannot resume dead coroutine")
    }

    func testErrorInCoroutineCarriesItsTraceback() throws {
        let state = try LuaState()
        let fn = try function(state, """
        local function fail(x)
          error("bad " .. x)
        end
        return function()
          coroutine.yield(1)
          fail("step")
        end
        """)
        let thread = try state.newThread(fn)
        _ = try state.resume(thread)
        let error = luaError { _ = try state.resume(thread) }
        XCTAssertEqual(error?.kind, .runtime)
        XCTAssertEqual(error?.message, "co.lua:2: bad step")
        XCTAssertTrue(error?.traceback.contains("in upvalue 'fail'") ?? false
                      || error?.traceback.contains("fail") ?? false, error?.traceback ?? "")
        XCTAssertTrue(error?.traceback.contains("co.lua:6") ?? false, error?.traceback ?? "")
        XCTAssertTrue(try state.isFinished(thread))
    }

    func testToBeClosedVariablesCloseOnError() throws {
        let state = try LuaState()
        let env = try state.globals()
        let fn = try function(state, """
        return function()
          local guard <close> = setmetatable({}, {__close = function() closed = true end})
          coroutine.yield()
          error("late")
        end
        """)
        let thread = try state.newThread(fn)
        _ = try state.resume(thread)
        _ = luaError { _ = try state.resume(thread) }
        guard case .bool(true) = try state.field(env, "closed") else { return XCTFail("not closed") }
    }

    func testManyThreadsInterleave() throws {
        let state = try LuaState()
        let fn = try function(state, "return function(n) for i = 1, 3 do n = n + coroutine.yield(n) end return n end")
        let threads = try (0..<50).map { _ in try state.newThread(fn) }
        for (i, t) in threads.enumerated() { _ = try state.resume(t, [.integer(Int64(i))]) }
        for _ in 0..<2 { for t in threads { _ = try state.resume(t, [.integer(1)]) } }
        for (i, t) in threads.enumerated() {
            guard case .finished(let r) = try state.resume(t, [.integer(1)]) else { return XCTFail() }
            XCTAssertEqual(try state.json(r[0]), .int(Int64(i + 3)))
        }
    }
}
