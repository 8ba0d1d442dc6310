import XCTest
@testable import TemporalModel

final class JSONEncodeTests: XCTestCase {
    private func text(_ v: JSONValue) throws -> String { try v.encodedString() }

    func testScalars() throws {
        XCTAssertEqual(try text(.null), "null")
        XCTAssertEqual(try text(.bool(true)), "true")
        XCTAssertEqual(try text(.bool(false)), "false")
        XCTAssertEqual(try text(.int(0)), "0")
        XCTAssertEqual(try text(.int(-42)), "-42")
        XCTAssertEqual(try text(.int(.max)), "9223372036854775807")
        XCTAssertEqual(try text(.int(.min)), "-9223372036854775808")
    }

    func testDoublesKeepADecimalPointOrExponent() throws {
        XCTAssertEqual(try text(.double(2.0)), "2.0")
        XCTAssertEqual(try text(.double(-0.0)), "-0.0")
        XCTAssertEqual(try text(.double(0.1)), "0.1")
        XCTAssertEqual(try text(.double(1e16)), "1e+16")
        XCTAssertEqual(try text(.double(1.5e-7)), "1.5e-07")
        XCTAssertEqual(try text(.double(1.0 / 3.0)), "0.3333333333333333")
    }

    func testNonFiniteDoublesAreErrors() {
        for d in [Double.nan, .infinity, -.infinity] {
            XCTAssertThrowsError(try JSONValue.array([.double(d)]).encode()) { error in
                let e = error as! JSONError
                XCTAssertEqual(e.kind, .numberOutOfRange)
                XCTAssertEqual(e.path, "$[0]")
            }
        }
    }

    func testCompactWithSortedKeys() throws {
        let v: JSONValue = .object(["b": .int(2), "a": .array([.int(1), .double(2.5), .bool(true), .null]),
                                    "": .object([:]), "B": .array([])])
        XCTAssertEqual(try text(v), #"{"":{},"B":[],"a":[1,2.5,true,null],"b":2}"#)
    }

    func testKeysSortByUTF8BytesWhichIsCodePointOrder() throws {
        // U+FF61 (EF BD A1) sorts before U+1F600 (F0 9F 98 80) in UTF-8 and in
        // code points, but after it in UTF-16 code units.
        let v: JSONValue = .object(["\u{1F600}": .int(1), "\u{FF61}": .int(2), "z": .int(3), "é": .int(4)])
        XCTAssertEqual(try text(v), "{\"z\":3,\"é\":4,\"\u{FF61}\":2,\"\u{1F600}\":1}")
    }

    func testStringEscapes() throws {
        let s = "q\"b\\s/\u{08}\u{0C}\n\r\t\u{00}\u{01}\u{1F}\u{7F}é😀\u{2028}"
        XCTAssertEqual(try text(.string(s)),
                       "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7F}é😀\u{2028}\"")
    }

    func testBytesAreErrorsNamingThePath() {
        let v: JSONValue = .object(["items": .array([.int(1), .string("x"), .bytes([0xFF])])])
        XCTAssertThrowsError(try v.encode()) { error in
            let e = error as! JSONError
            XCTAssertEqual(e.kind, .bytesNotEncodable)
            XCTAssertEqual(e.path, "$.items[2]")
            XCTAssertTrue(e.description.contains("$.items[2]"), e.description)
        }
        XCTAssertThrowsError(try JSONValue.object(["a b": .object(["c": .bytes([])])]).encode()) { error in
            XCTAssertEqual((error as! JSONError).path, #"$["a b"].c"#)
        }
        XCTAssertThrowsError(try JSONValue.bytes([1]).encode()) { error in
            XCTAssertEqual((error as! JSONError).path, "$")
        }
    }

    func testEncodeDepthLimit() throws {
        var v: JSONValue = .int(1)
        for _ in 0..<10 { v = .array([v]) }
        XCTAssertNoThrow(try v.encode(maxDepth: 10))
        XCTAssertThrowsError(try v.encode(maxDepth: 9)) { error in
            XCTAssertEqual((error as! JSONError).kind, .depthLimit)
        }
    }

    func testRoundTrips() throws {
        let values: [JSONValue] = [
            .int(7), .double(2.0), .double(-0.5), .double(1e300), .double(.leastNonzeroMagnitude), .string(""),
            .string("ünï ✓ 😀 \u{0} \"\\"), .array([]), .object([:]),
            .object(["n": .int(.min), "d": .double(9007199254740993.0), "list": .array([.null, .bool(false)]),
                     "nested": .object(["x": .array([.array([.object(["y": .string("z")])])])])]),
        ]
        for v in values {
            let bytes = try v.encode()
            XCTAssertEqual(try JSONValue.decode(bytes), v, String(decoding: bytes, as: UTF8.self))
        }
    }

    func testIntsStayIntsAndIntegralDoublesStayDoubles() throws {
        XCTAssertEqual(try JSONValue.decode(JSONValue.int(2).encode()), .int(2))
        XCTAssertEqual(try JSONValue.decode(JSONValue.double(2).encode()), .double(2))
        XCTAssertEqual(try JSONValue.decode(JSONValue.double(1e20).encode()), .double(1e20))
    }
}
