import LuaRuntime
import TemporalModel
import XCTest

final class BudgetTests: XCTestCase {
    private func assertBudgetExceeded(_ state: LuaState, _ body: () throws -> Void,
                                      file: StaticString = #filePath, line: UInt = #line) {
        let error = luaError(body, file: file, line: line)
        XCTAssertEqual(error?.kind, .budgetExceeded, file: file, line: line)
        XCTAssertTrue(error?.message.contains("instruction budget exceeded (100000 instructions): possible infinite loop")
                      ?? false, error?.message ?? "", file: file, line: line)
    }

    func testRunawayCoroutineStops() throws {
        let state = try LuaState()
        state.setInstructionBudget(100_000)
        let chunk = try state.load(source: "return function() coroutine.yield(1) while true do end end",
                                   chunkName: "loop.lua")
        let thread = try state.newThread(try state.call(chunk)[0].ref!)
        guard case .yielded = try state.resume(thread) else { return XCTFail() }
        assertBudgetExceeded(state) { _ = try state.resume(thread) }
        XCTAssertTrue(try state.isFinished(thread))
    }

    func testPcallCannotSwallowTheBudget() throws {
        let state = try LuaState()
        state.setInstructionBudget(100_000)
        let env = try workflowEnv(state)
        let sources = [
            "pcall(function() while true do end end) return 'escaped'",
            "while true do pcall(function() while true do end end) end",
            "while true do xpcall(function() while true do end end, function(m) return m end) end",
            "while true do coroutine.resume(coroutine.create(function() while true do end end)) end",
            "while true do pcall(coroutine.wrap(function() while true do end end)) end",
            "local t = setmetatable({}, {__index = function() while true do end end}) while true do pcall(function() return t.x end) end",
        ]
        for source in sources {
            assertBudgetExceeded(state) { _ = try runLua(state, source, chunkName: "loop.lua", env: env) }
        }
    }

    func testThreadCreatedBeforeTheBudgetIsCovered() throws {
        let state = try LuaState()
        let chunk = try state.load(source: "return function() while true do end end", chunkName: "loop.lua")
        let thread = try state.newThread(try state.call(chunk)[0].ref!)
        state.setInstructionBudget(100_000)
        assertBudgetExceeded(state) { _ = try state.resume(thread) }
    }

    func testBudgetErrorNamesTheLoop() throws {
        let state = try LuaState()
        state.setInstructionBudget(100_000)
        let error = luaError { _ = try runLua(state, "local x = 0\nwhile true do x = x + 1 end", chunkName: "spin.lua") }
        XCTAssertTrue(error?.message.hasPrefix("spin.lua:2: instruction budget exceeded") ?? false,
                      error?.message ?? "")
    }

    func testBudgetResetsPerEntryAndCanBeRemoved() throws {
        let state = try LuaState()
        state.setInstructionBudget(100_000)
        XCTAssertEqual(state.instructionBudget, 100_000)
        assertBudgetExceeded(state) { _ = try runLua(state, "while true do end") }
        // A fresh entry gets a fresh budget.
        XCTAssertEqual(try runLua(state, "local s = 0 for i = 1, 1000 do s = s + i end return s"), [.int(500_500)])
        state.setInstructionBudget(nil)
        XCTAssertNil(state.instructionBudget)
        XCTAssertEqual(try runLua(state, "local s = 0 for i = 1, 1000000 do s = s + 1 end return s"), [.int(1_000_000)])
    }

    /// A count hook makes the VM trap on every instruction, so code without
    /// a budget (activities) must run with no hook at all; with a budget
    /// (workflows) the hook is there, and removing the budget removes it.
    func testHookOnlyWhileABudgetIsSet() throws {
        let state = try LuaState()
        let probe = "return debug.gethook() ~= nil"
        XCTAssertEqual(try runLua(state, probe), [.bool(false)])
        state.setInstructionBudget(100_000)
        XCTAssertEqual(try runLua(state, probe), [.bool(true)])
        state.setInstructionBudget(nil)
        XCTAssertEqual(try runLua(state, probe), [.bool(false)])
    }
}
