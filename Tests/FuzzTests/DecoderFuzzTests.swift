import Foundation
import XCTest
import TemporalModel
import TemporalWire
import TestSupport

/// Property/fuzz tests of the decoders that read what comes off the wire:
/// random, truncated and mutated input never traps, and each rejection is
/// an error value of the decoder's own type with a message.
/// Seeded (see `Fuzz`); the seed is printed.
final class DecoderFuzzTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/histories")

    static func fixtureJSON() throws -> [(String, [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: fixtures.appendingPathComponent($0)))) }
    }

    // MARK: JSONValue.decode

    func testJSONRoundTripOfRandomValues() {
        var r = Fuzz.rng("testJSONRoundTripOfRandomValues")
        for i in 0..<(2000 * Fuzz.scale) {
            let value = Gen.json(&r)
            Fuzz.trace("testJSONRoundTripOfRandomValues", i, "\(value)")
            do {
                let bytes = try value.encode()
                let back = try JSONValue.decode(bytes)
                XCTAssertEqual(back, value, "seed \(Fuzz.seed) case \(i): \(String(decoding: bytes, as: UTF8.self))")
            } catch {
                XCTFail("seed \(Fuzz.seed) case \(i): \(value) does not round-trip: \(error)")
            }
        }
    }

    func testJSONDecodeOfMutatedAndRandomBytes() throws {
        var r = Fuzz.rng("testJSONDecodeOfMutatedAndRandomBytes")
        var corpus = try Self.fixtureJSON().map(\.1).map { Array($0.prefix(4000)) }
        for _ in 0..<50 { corpus.append((try? Gen.json(&r).encode()) ?? []) }
        var rejected = 0
        for i in 0..<(4000 * Fuzz.scale) {
            let input = r.chance(0.1) ? r.bytes(r.int(0...64)) : Gen.mutate(r.pick(corpus), &r)
            Fuzz.trace("testJSONDecodeOfMutatedAndRandomBytes", i, "\(input)")
            do {
                let value = try JSONValue.decode(input)
                // Whatever parses re-encodes and parses to the same value.
                let again = try JSONValue.decode(try value.encode())
                XCTAssertEqual(again, value, "seed \(Fuzz.seed) case \(i)")
            } catch {
                rejected += 1
                XCTAssertFalse(error.message.isEmpty, "seed \(Fuzz.seed) case \(i): empty message")
                XCTAssertFalse(error.description.isEmpty)
            }
        }
        XCTAssertGreaterThan(rejected, 0, "no mutated input was rejected: the mutator is broken")
    }

    func testJSONDeepNestingIsAnErrorNotAStackOverflow() {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            for depth in [JSONValue.defaultMaxDepth, JSONValue.defaultMaxDepth + 1, 100_000] {
                let text = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
                let result = Result { () throws(JSONError) -> JSONValue in try JSONValue.decode(text) }
                if depth > JSONValue.defaultMaxDepth {
                    XCTAssertThrowsError(try result.get(), "depth \(depth) of \(open) should be rejected")
                }
                // Truncated: always an error, never a trap.
                XCTAssertThrowsError(try JSONValue.decode(String(text.prefix(depth + 1))))
            }
        }
    }

    // MARK: PayloadCodec.decode

    func testPayloadDecodeOfRandomPayloads() {
        var r = Fuzz.rng("testPayloadDecodeOfRandomPayloads")
        var decoded = 0, rejected = 0
        for i in 0..<(4000 * Fuzz.scale) {
            let payloads = (0..<r.int(1...3)).map { _ in Gen.payload(&r) }
            Fuzz.trace("testPayloadDecodeOfRandomPayloads", i, "\(payloads)")
            do {
                let values = try PayloadCodec.decode(payloads)
                decoded += 1
                XCTAssertEqual(values.count, payloads.count)
                // A decoded value encodes again (and decodes to itself).
                for value in values {
                    let again = try PayloadCodec.decode(try PayloadCodec.encode(value))
                    XCTAssertEqual(again, value, "seed \(Fuzz.seed) case \(i)")
                }
            } catch {
                rejected += 1
                XCTAssertFalse(error.message.isEmpty, "seed \(Fuzz.seed) case \(i): empty message")
                XCTAssertNotNil(error.index, "seed \(Fuzz.seed) case \(i): a list error names the payload")
            }
        }
        XCTAssertGreaterThan(decoded, 0)
        XCTAssertGreaterThan(rejected, 0)
    }

    // MARK: History(wireBytes:)

    /// Real histories (the recorded fixtures and builder histories), encoded
    /// to protobuf, then mutated and decoded again.
    func testHistoryWireDecodeOfMutatedBytes() throws {
        var r = Fuzz.rng("testHistoryWireDecodeOfMutatedBytes")
        var corpus: [[UInt8]] = []
        for (name, json) in try Self.fixtureJSON() {
            let history = try HistoryJSON.decode(json)
            let bytes = try history.wireBytes()
            XCTAssertEqual(try History(wireBytes: bytes), history, "\(name) does not round-trip through protobuf")
            corpus.append(bytes)
        }
        // Builder histories; ones with a NUL in a string field cannot be
        // encoded (protobuf-c strings are C strings), which is an error too.
        for _ in 0..<40 {
            if let bytes = try? HistoryFuzz.randomHistory(&r).wireBytes() { corpus.append(bytes) }
        }
        var decoded = 0, rejected = 0
        for i in 0..<(3000 * Fuzz.scale) {
            let input = r.chance(0.05) ? r.bytes(r.int(0...200)) : Gen.mutate(r.pick(corpus), &r)
            Fuzz.trace("testHistoryWireDecodeOfMutatedBytes", i, "\(input.count) bytes")
            do {
                let history = try History(wireBytes: input)
                decoded += 1
                // What decodes encodes again without trapping.
                _ = try? history.wireBytes()
            } catch {
                rejected += 1
                XCTAssertFalse(error.description.isEmpty, "seed \(Fuzz.seed) case \(i)")
            }
        }
        XCTAssertGreaterThan(rejected, 0, "no mutated protobuf was rejected")
        XCTAssertGreaterThan(decoded, 0)
    }

    // MARK: HistoryJSON.decode

    func testHistoryJSONDecodeOfMutatedText() throws {
        var r = Fuzz.rng("testHistoryJSONDecodeOfMutatedText")
        let corpus = try Self.fixtureJSON().map(\.1)
        var rejected = 0
        for i in 0..<(1500 * Fuzz.scale) {
            let input = Gen.mutate(r.pick(corpus), &r)
            Fuzz.trace("testHistoryJSONDecodeOfMutatedText", i, "\(input.count) bytes")
            do {
                _ = try HistoryJSON.decode(input)
            } catch {
                rejected += 1
                XCTAssertFalse(error.description.isEmpty, "seed \(Fuzz.seed) case \(i)")
            }
        }
        XCTAssertGreaterThan(rejected, 0)
    }

    /// Structure-aware: parse a fixture, then replace, drop, retype and
    /// duplicate fields and events (wrong types where numbers, strings,
    /// base64 and enums belong).
    func testHistoryJSONDecodeOfMutatedStructure() throws {
        var r = Fuzz.rng("testHistoryJSONDecodeOfMutatedStructure")
        let corpus = try Self.fixtureJSON().map { try JSONValue.decode($0.1) }
        var decoded = 0, rejected = 0
        for i in 0..<(1500 * Fuzz.scale) {
            let value = Gen.mutateTree(r.pick(corpus), &r, rate: r.pick([0.002, 0.01, 0.05]))
            Fuzz.trace("testHistoryJSONDecodeOfMutatedStructure", i, "")
            do {
                let history = try HistoryJSON.decode(value)
                decoded += 1
                _ = try? history.wireBytes()
            } catch {
                rejected += 1
                XCTAssertFalse(error.description.isEmpty, "seed \(Fuzz.seed) case \(i)")
            }
        }
        XCTAssertGreaterThan(decoded, 0)
        XCTAssertGreaterThan(rejected, 0)
    }
}
