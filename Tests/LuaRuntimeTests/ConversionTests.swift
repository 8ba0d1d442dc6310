import LuaRuntime
import TemporalModel
import XCTest

final class ConversionTests: XCTestCase {
    func testScalars() throws {
        let state = try LuaState()
        XCTAssertEqual(try runLua(state, "return 1, 1.0, 2^53, 3 // 2, 7 / 2, true, nil, 'héllo'"),
                       [.int(1), .double(1.0), .double(9_007_199_254_740_992), .int(1), .double(3.5),
                        .bool(true), .null, .string("héllo")])
    }

    func testArraysObjectsAndEmptyTables() throws {
        let state = try LuaState()
        let results = try runLua(state, """
        return {1, 2, 3}, {}, {a = 1, b = {x = 1.5}}, {[1] = "a", [3] = "c"}, {[1] = 1, n = 2}, {[0] = 1}, {{}}
        """)
        XCTAssertEqual(results, [
            .array([.int(1), .int(2), .int(3)]),
            .object([:]),
            .object(["a": .int(1), "b": .object(["x": .double(1.5)])]),
            .object(["1": .string("a"), "3": .string("c")]),
            .object(["1": .int(1), "n": .int(2)]),
            .object(["0": .int(1)]),
            .array([.object([:])]),
        ])
    }

    func testInvalidUTF8BecomesBytes() throws {
        let state = try LuaState()
        XCTAssertEqual(try runLua(state, "return '\\xff\\x00a', {k = '\\xc3'}"),
                       [.bytes([0xff, 0, 0x61]), .object(["k": .bytes([0xc3])])])
    }

    func testRoundTripFromJSON() throws {
        let state = try LuaState()
        let value: JSONValue = .object([
            "ints": .array([.int(1), .int(-2), .int(Int64.max)]),
            "d": .double(0.25), "s": .string("ü"), "b": .bytes([0xfe]), "t": .bool(false),
            "nested": .object(["empty": .object([:])]),
        ])
        XCTAssertEqual(try runLua(state, "return ...", [value]), [value])
        XCTAssertEqual(try runLua(state, "local v = ...; return math.type(v.ints[3]), #v.b", [value]),
                       [.string("integer"), .int(1)])
    }

    func testErrorsNameThePath() throws {
        let state = try LuaState()
        let cases: [(String, String)] = [
            ("return {items = {1, 2, function() end}}", "cannot convert a function value at result.items[3] to JSON"),
            ("return 1, {['a b'] = {coroutine.create(print)}}", "at result2[\"a b\"][1]"),
            ("local t = {}; t.self = t; return {root = t}", "contains itself at result.root.self"),
            ("return {[1.5] = true}", "the float key 1.5"),
            ("return {x = {[true] = 1}}", "table at result.x to JSON: it has the boolean key true"),
            ("return {['\\xff'] = 1}", "a string key that is not valid UTF-8"),
            ("return {[1] = 1, ['1'] = 2, x = 0}", "key \"1\" appears as a string and as an integer"),
        ]
        for (source, expected) in cases {
            let error = luaError { _ = try runLua(state, source) }
            XCTAssertEqual(error?.kind, .conversion)
            XCTAssertTrue(error?.message.contains(expected) ?? false, "\(error?.message ?? "") vs \(expected)")
        }
        // Shared (acyclic) subtables are fine.
        XCTAssertEqual(try runLua(state, "local s = {1}; return {s, s}"),
                       [.array([.array([.int(1)]), .array([.int(1)])])])
    }

    func testDeepNestingIsAnError() throws {
        let state = try LuaState()
        let error = luaError { _ = try runLua(state, "local t = {} for i = 1, 1000 do t = {t} end return t") }
        XCTAssertEqual(error?.kind, .conversion)
    }
}
