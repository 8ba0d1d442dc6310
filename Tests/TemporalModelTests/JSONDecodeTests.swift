import XCTest
@testable import TemporalModel

final class JSONDecodeTests: XCTestCase {
    private func decode(_ s: String) throws -> JSONValue { try JSONValue.decode(s) }

    private func decodeError(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> JSONError? {
        decodeError(Array(s.utf8), file: file, line: line)
    }

    private func decodeError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> JSONError? {
        do {
            let v = try JSONValue.decode(bytes)
            XCTFail("expected an error, got \(v)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testScalarsAndWhitespace() throws {
        XCTAssertEqual(try decode(" \t\r\n null \n"), .null)
        XCTAssertEqual(try decode("true"), .bool(true))
        XCTAssertEqual(try decode("false"), .bool(false))
        XCTAssertEqual(try decode(#""hi""#), .string("hi"))
    }

    func testNumbers() throws {
        XCTAssertEqual(try decode("0"), .int(0))
        XCTAssertEqual(try decode("-0"), .int(0))
        XCTAssertEqual(try decode("42"), .int(42))
        XCTAssertEqual(try decode("9223372036854775807"), .int(.max))
        XCTAssertEqual(try decode("-9223372036854775808"), .int(.min))
        XCTAssertEqual(try decode("9223372036854775808"), .double(9223372036854775808.0))
        XCTAssertEqual(try decode("-9223372036854775809"), .double(-9223372036854775809.0))
        XCTAssertEqual(try decode("2.0"), .double(2))
        XCTAssertEqual(try decode("1e2"), .double(100))
        XCTAssertEqual(try decode("1E+2"), .double(100))
        XCTAssertEqual(try decode("-2.5e-3"), .double(-0.0025))
        XCTAssertEqual(try decode("-0.0"), .double(-0.0))
        XCTAssertEqual(try decode("1e-400"), .double(0))
    }

    func testContainers() throws {
        XCTAssertEqual(try decode("[]"), .array([]))
        XCTAssertEqual(try decode("{}"), .object([:]))
        XCTAssertEqual(try decode(#" { "a" : [ 1 , { "b" : null } ] , "c" : "d" } "#),
                       .object(["a": .array([.int(1), .object(["b": .null])]), "c": .string("d")]))
    }

    func testRepeatedKeyKeepsTheLastValue() throws {
        XCTAssertEqual(try decode(#"{"a":1,"a":2}"#), .object(["a": .int(2)]))
        XCTAssertEqual(try decode(#"{"a":1,"b":{"c":2,"c":3},"a":4}"#),
                       .object(["a": .int(4), "b": .object(["c": .int(3)])]))
    }

    /// Objects inside objects and arrays each get exactly their own members.
    func testNestedObjectsKeepTheirOwnMembers() throws {
        let text = #"{"x":{"y":{"z":1},"w":2},"v":[{"p":1},{},{"q":{"r":[{"s":3}]},"t":4}],"u":5}"#
        XCTAssertEqual(try decode(text), .object([
            "x": .object(["y": .object(["z": .int(1)]), "w": .int(2)]),
            "v": .array([.object(["p": .int(1)]), .object([:]),
                         .object(["q": .object(["r": .array([.object(["s": .int(3)])])]), "t": .int(4)])]),
            "u": .int(5),
        ]))
    }

    func testEscapes() throws {
        XCTAssertEqual(try decode(#""\"\\\/\b\f\n\r\t""#), .string("\"\\/\u{08}\u{0C}\n\r\t"))
        XCTAssertEqual(try decode(#""\u0041\u00e9\u2713\u0000""#), .string("Aé✓\u{0}"))
        XCTAssertEqual(try decode(#""\uD83D\uDE00 \ud83d\ude00""#), .string("😀 😀"))
        XCTAssertEqual(try decode(#""a\nb\u00fcc""#), .string("a\nbüc"))
    }

    func testRawUTF8() throws {
        XCTAssertEqual(try decode("\"ünï ✓ 😀\""), .string("ünï ✓ 😀"))
        XCTAssertEqual(try JSONValue.decode([0x22, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]), .string("\u{10FFFF}"))
    }

    func testAcceptsAnyByteCollection() throws {
        let bytes = Array(#"{"k":[1]}"#.utf8)
        XCTAssertEqual(try JSONValue.decode(bytes[...]), .object(["k": .array([.int(1)])]))
        XCTAssertEqual(try JSONValue.decode(AnyCollection(bytes)), .object(["k": .array([.int(1)])]))
    }

    func testMalformedInputsReportOffsets() {
        let cases: [(String, Int)] = [
            ("", 0), ("   ", 3), ("nul", 0), ("tru", 0), ("nulll", 4), ("[1,]", 3), ("[1 2]", 3),
            (#"{"a" 1}"#, 5), (#"{"a":1,}"#, 7), ("{a:1}", 1), ("{'a':1}", 1), ("[1", 2), (#"{"a":1"#, 6),
            ("01", 1), ("-", 1), ("1.", 2), (".5", 0), ("1e", 2), ("+1", 0), ("NaN", 0), ("Infinity", 0),
            (#""abc"#, 0), (#""a\x""#, 2), (#""\u12g4""#, 5), ("\"a\tb\"", 2), ("[1] x", 4), ("//c\n1", 0),
            ("\u{FEFF}1", 0), ("1e999", 0), ("-1e999", 0),
        ]
        for (input, offset) in cases {
            guard let e = decodeError(input) else { continue }
            XCTAssertEqual(e.offset, offset, "\(input.debugDescription): \(e)")
            XCTAssertNotNil(e.line)
            XCTAssertNotNil(e.column)
        }
    }

    func testErrorKinds() {
        XCTAssertEqual(decodeError("1e999")?.kind, .numberOutOfRange)
        XCTAssertEqual(decodeError("[1,]")?.kind, .syntax)
        XCTAssertEqual(decodeError(#""\uD83D""#)?.kind, .invalidUTF8)
        XCTAssertEqual(decodeError(#""\uDE00""#)?.kind, .invalidUTF8)
        XCTAssertEqual(decodeError(#""\uD83D\u0041""#)?.kind, .invalidUTF8)
    }

    func testLineAndColumn() {
        let e = decodeError("{\n  \"a\": 1,\n  \"b\": ?\n}")
        XCTAssertEqual(e?.line, 3)
        XCTAssertEqual(e?.column, 8)
        XCTAssertEqual(e?.offset, 19)
        XCTAssertEqual(e?.description, "JSON error at line 3, column 8 (byte 19): unexpected '?', expected a value")
    }

    func testInvalidUTF8IsRejected() {
        let bad: [[UInt8]] = [
            [0xFF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0x80], [0xC3], [0xE2, 0x9C], [0xF0, 0x9F, 0x98],
        ]
        for seq in bad {
            let input = [0x22, 0x61] + seq + [0x22]
            let e = decodeError(input)
            XCTAssertEqual(e?.kind, .invalidUTF8, "\(seq)")
            XCTAssertEqual(e?.offset, 2, "\(seq)")
        }
        // Outside strings any non-ASCII byte is a syntax error.
        XCTAssertEqual(decodeError([0xC3, 0xA9])?.kind, .syntax)
    }

    func testDepthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertNoThrow(try decode(ok))
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let e = decodeError(deep)
        XCTAssertEqual(e?.kind, .depthLimit)
        XCTAssertEqual(e?.offset, 512)
        // Hostile input far deeper than the limit fails fast, without recursion.
        XCTAssertEqual(decodeError(String(repeating: "{\"a\":", count: 100_000))?.kind, .depthLimit)
        XCTAssertEqual(try JSONValue.decode("[[1]]", maxDepth: 2), .array([.array([.int(1)])]))
        XCTAssertThrowsError(try JSONValue.decode("[[1]]", maxDepth: 1))
    }
}
