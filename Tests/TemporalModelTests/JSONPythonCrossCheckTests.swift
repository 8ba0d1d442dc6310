import XCTest
@testable import TemporalModel

/// Our encoder against Python's
/// `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`,
/// whose output (CPython 3.11) is recorded here as literals.
final class JSONPythonCrossCheckTests: XCTestCase {
    func testMatchesPythonByteForByte() throws {
        let cases: [(JSONValue, String)] = [
            // {"b":2,"a":[1,2.5,True,None]}
            (.object(["b": .int(2), "a": .array([.int(1), .double(2.5), .bool(true), .null])]),
             #"{"a":[1,2.5,true,null],"b":2}"#),
            // {"z":{"y":[],"x":{}},"é":"ünï ✓","A":"q\"uote\\back\nnl\ttab\u0001\u001f\u007f"}
            (.object(["z": .object(["y": .array([]), "x": .object([:])]), "é": .string("ünï ✓"),
                      "A": .string("q\"uote\\back\nnl\ttab\u{01}\u{1F}\u{7F}")]),
             "{\"A\":\"q\\\"uote\\\\back\\nnl\\ttab\\u0001\\u001f\u{7F}\",\"z\":{\"x\":{},\"y\":[]},\"é\":\"ünï ✓\"}"),
            // [0,-1,2**63-1,-2**63,2.0,0.1,1e100,1.5e-7,-0.0,123456789.125]
            (.array([.int(0), .int(-1), .int(.max), .int(.min), .double(2.0), .double(0.1), .double(1e100),
                     .double(1.5e-7), .double(-0.0), .double(123456789.125)]),
             "[0,-1,9223372036854775807,-9223372036854775808,2.0,0.1,1e+100,1.5e-07,-0.0,123456789.125]"),
            // "emoji 😀 and \u2028"
            (.string("emoji 😀 and \u{2028}"), "\"emoji 😀 and \u{2028}\""),
            // {"aa":1,"a":2,"b":3,"B":4,"_":5,"~":6,"a b":7}
            (.object(["aa": .int(1), "a": .int(2), "b": .int(3), "B": .int(4), "_": .int(5), "~": .int(6),
                      "a b": .int(7)]),
             #"{"B":4,"_":5,"a":2,"a b":7,"aa":1,"b":3,"~":6}"#),
        ]
        for (value, python) in cases {
            XCTAssertEqual(try value.encode(), Array(python.utf8), python)
        }
    }

    /// Python's `repr(float)` for doubles, which `json.dumps` uses.
    func testDoubleSpellingMatchesPython() throws {
        let cases: [(Double, String)] = [
            (1e15, "1000000000000000.0"), (1e16, "1e+16"), (12345678901234567.0, "1.2345678901234568e+16"),
            (0.0001, "0.0001"), (0.00001, "1e-05"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (1e22, "1e+22"), (1e23, "1e+23"), (4.35, "4.35"), (2.5e-5, "2.5e-05"),
        ]
        for (d, python) in cases {
            XCTAssertEqual(try JSONValue.double(d).encodedString(), python)
        }
    }
}
