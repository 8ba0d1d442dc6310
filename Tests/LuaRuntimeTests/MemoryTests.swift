import LuaRuntime
import TemporalModel
import XCTest

final class MemoryTests: XCTestCase {
    func testMemoryLimitRaisesMemoryErrorAndStateSurvives() throws {
        let state = try LuaState()
        state.memoryLimit = state.memoryInUse + 4 * 1024 * 1024
        let error = luaError { _ = try runLua(state, "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(100) .. i end") }
        XCTAssertEqual(error?.kind, .memory)
        XCTAssertEqual(try runLua(state, "collectgarbage() return 1 + 1"), [.int(2)])
        XCTAssertLessThan(state.memoryInUse, state.memoryLimit!)
    }

    func testPcallInsideLuaSeesMemoryErrors() throws {
        let state = try LuaState()
        state.memoryLimit = state.memoryInUse + 1024 * 1024
        XCTAssertEqual(try runLua(state, """
            local ok, e = pcall(function() local s = ('x'):rep(10 * 1024 * 1024) end)
            return ok, e
            """), [.bool(false), .string("not enough memory")])
    }
}
