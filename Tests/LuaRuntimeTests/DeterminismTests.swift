import Foundation
import LuaRuntime
import TemporalModel
import XCTest

final class DeterminismTests: XCTestCase {
    static let pairsSource = """
    local t = {}
    for i = 1, 200 do t["key" .. ((i * 7919) % 1000) .. "_" .. i] = i end
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    return table.concat(keys, ",")
    """

    static func pairsOrder(in state: LuaState) throws -> String {
        let result = try runLua(state, pairsSource, env: try workflowEnv(state))
        guard case .string(let s)? = result.first else { throw LuaError(kind: .runtime, message: "no string") }
        return s
    }

    func testPairsOrderIsSortedAndEqualAcrossStates() throws {
        let first = try LuaState()
        let ballast = [UInt8](repeating: 1, count: 3_000_017)
        let second = try LuaState()
        let order = try Self.pairsOrder(in: first)
        XCTAssertEqual(order, try Self.pairsOrder(in: second))
        withExtendedLifetime(ballast) {}
        let keys = order.split(separator: ",").map(String.init)
        XCTAssertEqual(keys.count, 200)
        XCTAssertEqual(keys, keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        // The two states really do hash strings differently.
        let raw = Self.pairsSource.replacingOccurrences(of: "in pairs(t)", with: "in next, t")
        XCTAssertNotEqual(try runLua(first, raw), try runLua(second, raw))
    }

    /// Shows what the deterministic pairs fixes: raw `next` order depends on
    /// the per-state string hash seed.
    func testRawNextOrderDependsOnTheState() throws {
        let source = Self.pairsSource.replacingOccurrences(of: "in pairs(t)", with: "in next, t")
        // All alive at once, so they live at different addresses (part of the seed).
        let states = try (0..<4).map { _ in try LuaState() }
        let orders = try states.map { try runLua($0, source).first }
        XCTAssertGreaterThan(Set(orders.compactMap { $0 }).count, 1)
    }

    /// The helper half of `testPairsOrderIsEqualInChildProcess`.
    func testEmitPairsOrderForParentProcess() throws {
        guard let path = ProcessInfo.processInfo.environment["MOONFLOW_PAIRS_ORDER_OUT"] else { return }
        let ballast = [UInt8](repeating: 1, count: 12_345)
        try Self.pairsOrder(in: try LuaState()).write(toFile: path, atomically: true, encoding: .utf8)
        withExtendedLifetime(ballast) {}
    }

    func testPairsOrderIsEqualInChildProcess() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0])
        guard binary.lastPathComponent.hasSuffix(".xctest") else {
            throw XCTSkip("not running inside an .xctest binary: \(binary.path)")
        }
        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("moonflow-pairs-\(ProcessInfo.processInfo.processIdentifier).txt")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["LuaRuntimeTests.DeterminismTests/testEmitPairsOrderForParentProcess"]
        var environment = ProcessInfo.processInfo.environment
        environment["MOONFLOW_PAIRS_ORDER_OUT"] = out.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let child = try String(contentsOf: out, encoding: .utf8)
        XCTAssertEqual(child, try Self.pairsOrder(in: try LuaState()))
    }

    func testPairsOrderOverMixedKeys() throws {
        let state = try LuaState()
        let env = try workflowEnv(state)
        let result = try runLua(state, """
        local t = {10, 20, 30, b = 1, a = 2, ["a\\0"] = 3, [false] = 4, [true] = 5, [-1] = 6, [2.5] = 7, [""] = 8}
        local out = {}
        for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. v end
        return table.concat(out, " ")
        """, env: env)
        XCTAssertEqual(result, [.string("-1=6 1=10 2=20 2.5=7 3=30 =8 a=2 a\0=3 b=1 false=4 true=5")])
    }

    func testPairsRejectsTableKeysAndHonoursMetamethod() throws {
        let state = try LuaState()
        let env = try workflowEnv(state)
        let error = luaError { _ = try runLua(state, "for k in pairs({[{}] = 1}) do end", chunkName: "wf.lua", env: env) }
        XCTAssertTrue(error?.message.hasPrefix("wf.lua:1: pairs cannot iterate a table with a key of type 'table'")
                      ?? false, error?.message ?? "")
        XCTAssertEqual(try runLua(state, """
            local p = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
            local out = {}
            for k, v in pairs(p) do out[#out + 1] = v end
            return out[1]
            """, env: env), [.string("one")])
        XCTAssertEqual(try runLua(state, """
            local t = {a = 1, b = 2, c = 3}
            local seen = {}
            for k in pairs(t) do seen[#seen + 1] = k; t.b = nil end
            return table.concat(seen)
            """, env: env), [.string("ac")])
    }

    func testRandomIsReproducibleAndSeedDependent() throws {
        let source = "local t = {}; for i = 1, 20 do t[i] = math.random(1, 1000000) end; return table.concat(t, ',')"
        func sequence(seed: UInt64) throws -> JSONValue? {
            let state = try LuaState()
            state.seedRandom(seed)
            return try runLua(state, source, env: try workflowEnv(state)).first
        }
        XCTAssertEqual(try sequence(seed: 42), try sequence(seed: 42))
        XCTAssertNotEqual(try sequence(seed: 42), try sequence(seed: 43))

        let state = try LuaState()
        let env = try workflowEnv(state)
        state.seedRandom(7)
        let saved = state.randomState
        let a = try runLua(state, source, env: env)
        state.randomState = saved
        XCTAssertEqual(try runLua(state, source, env: env), a)
        XCTAssertEqual(try runLua(state, "math.randomseed(7); " + source, env: env), a)
        XCTAssertEqual(try runLua(state, """
            for i = 1, 1000 do
              local f, n = math.random(), math.random(3, 5)
              assert(f >= 0 and f < 1 and n >= 3 and n <= 5 and math.type(n) == "integer")
            end
            return math.type(math.random(0))
            """, env: env), [.string("integer")])
        let error = luaError { _ = try runLua(state, "math.randomseed()", env: env) }
        XCTAssertTrue(error?.message.contains("math.randomseed() without a seed is not available") ?? false)
    }
}
