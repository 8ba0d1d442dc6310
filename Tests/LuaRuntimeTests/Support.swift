import LuaRuntime
import TemporalModel
import XCTest

/// Loads `source` as `chunkName` and calls it with JSON arguments.
func runLua(_ state: LuaState, _ source: String, chunkName: String = "test.lua", env: LuaRef? = nil,
         _ arguments: [JSONValue] = []) throws -> [JSONValue] {
    let chunk = try state.load(source: source, chunkName: chunkName, env: env)
    return try state.callJSON(chunk, arguments)
}

/// The LuaError thrown by `body`, failing the test when none is thrown.
func luaError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> LuaError? {
    do {
        try body()
        XCTFail("expected a LuaError", file: file, line: line)
        return nil
    } catch let error as LuaError {
        return error
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
        return nil
    }
}

/// A workflow environment over a fresh workflow sandbox.
func workflowEnv(_ state: LuaState, clock: @escaping () -> Double = { 1_700_000_000.5 }) throws -> LuaRef {
    let base = try state.makeWorkflowSandbox(clock: clock)
    return try state.makeEnvironment(base: base)
}
