import XCTest
@testable import TemporalModel

final class PayloadCodecTests: XCTestCase {
    private func encoding(_ p: Payload) -> String? { p.encoding }

    func testNullIsBinaryNull() throws {
        let p = try PayloadCodec.encode(.null)
        XCTAssertEqual(p.metadata, ["encoding": Array("binary/null".utf8)])
        XCTAssertEqual(p.data, [])
        XCTAssertEqual(try PayloadCodec.decode(p), .null)
    }

    func testTopLevelBytesAreBinaryPlain() throws {
        let p = try PayloadCodec.encode(.bytes([0xFF, 0x00, 0x41]))
        XCTAssertEqual(p.metadata, ["encoding": Array("binary/plain".utf8)])
        XCTAssertEqual(p.data, [0xFF, 0x00, 0x41])
        XCTAssertEqual(try PayloadCodec.decode(p), .bytes([0xFF, 0x00, 0x41]))
        // Valid UTF-8 stays bytes too.
        XCTAssertEqual(try PayloadCodec.decode(Payload(metadata: ["encoding": Array("binary/plain".utf8)],
                                                       data: Array("hi".utf8))), .bytes(Array("hi".utf8)))
    }

    func testEverythingElseIsCompactSortedJSON() throws {
        let p = try PayloadCodec.encode(.object(["id": .int(1), "a": .array([.double(2.0), .string("x")])]))
        XCTAssertEqual(p.metadata, ["encoding": Array("json/plain".utf8)])
        XCTAssertEqual(String(decoding: p.data, as: UTF8.self), #"{"a":[2.0,"x"],"id":1}"#)
        XCTAssertEqual(try PayloadCodec.decode(p), .object(["id": .int(1), "a": .array([.double(2.0), .string("x")])]))
        XCTAssertEqual(String(decoding: try PayloadCodec.encode(.string("s")).data, as: UTF8.self), #""s""#)
        XCTAssertEqual(String(decoding: try PayloadCodec.encode(.int(7)).data, as: UTF8.self), "7")
    }

    func testJSONProtobufDecodesAsJSON() throws {
        let p = Payload(metadata: ["encoding": Array("json/protobuf".utf8),
                                   "messageType": Array("temporal.api.sdk.v1.WorkflowMetadata".utf8)],
                        data: Array(#"{"definition":{"type":"X"}}"#.utf8))
        XCTAssertEqual(try PayloadCodec.decode(p), .object(["definition": .object(["type": .string("X")])]))
    }

    func testNestedBytesIsAnErrorNamingThePath() {
        XCTAssertThrowsError(try PayloadCodec.encode(.object(["items": .array([.null, .null, .bytes([1])])]))) {
            let e = $0 as! PayloadError
            XCTAssertEqual(e.encoding, "json/plain")
            XCTAssertEqual(e.json?.path, "$.items[2]")
            XCTAssertTrue(e.description.contains("$.items[2]"), e.description)
        }
    }

    func testUnknownAndMissingEncodings() {
        let unknown = Payload(metadata: ["encoding": Array("binary/protobuf".utf8)], data: [1, 2])
        XCTAssertThrowsError(try PayloadCodec.decode(unknown)) {
            let e = $0 as! PayloadError
            XCTAssertEqual(e.encoding, "binary/protobuf")
            XCTAssertTrue(e.description.contains("unknown encoding 'binary/protobuf'"), e.description)
        }
        XCTAssertThrowsError(try PayloadCodec.decode(Payload(data: Array("1".utf8)))) {
            let e = $0 as! PayloadError
            XCTAssertNil(e.encoding)
            XCTAssertTrue(e.description.contains("missing 'encoding'"), e.description)
        }
    }

    func testInvalidJSONNamesEncodingAndOffset() {
        let p = Payload(metadata: ["encoding": Array("json/plain".utf8)], data: Array(#"{"a":}"#.utf8))
        XCTAssertThrowsError(try PayloadCodec.decode(p)) {
            let e = $0 as! PayloadError
            XCTAssertEqual(e.encoding, "json/plain")
            XCTAssertEqual(e.json?.offset, 5)
        }
    }

    func testListsOfPayloads() throws {
        let values: [JSONValue] = [.int(1), .null, .bytes([9]), .string("x")]
        let payloads = try PayloadCodec.encode(values)
        XCTAssertEqual(payloads.map(\.encoding), ["json/plain", "binary/null", "binary/plain", "json/plain"])
        XCTAssertEqual(try PayloadCodec.decode(payloads), values)
        XCTAssertEqual(try PayloadCodec.encode([JSONValue]()), [])

        var broken = payloads
        broken[2].metadata["encoding"] = Array("weird/thing".utf8)
        XCTAssertThrowsError(try PayloadCodec.decode(broken)) {
            let e = $0 as! PayloadError
            XCTAssertEqual(e.index, 2)
            XCTAssertEqual(e.encoding, "weird/thing")
        }
        XCTAssertThrowsError(try PayloadCodec.encode([.int(1), .array([.bytes([])])])) {
            XCTAssertEqual(($0 as! PayloadError).index, 1)
        }
    }
}
