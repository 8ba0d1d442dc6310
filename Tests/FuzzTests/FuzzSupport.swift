import Foundation
import TemporalModel

/// Fuzz settings from the environment:
/// - `MOONFLOW_FUZZ_SEED`: the seed (default: a fresh random one, printed).
/// - `MOONFLOW_FUZZ_SCALE`: multiplies every test's case count (default 1).
/// - `MOONFLOW_FUZZ_VERBOSE=1`: prints each case before running it, so a
///   crash (a trap kills the test process) names the input that caused it.
enum Fuzz {
    static let environment = ProcessInfo.processInfo.environment
    static let seed: UInt64 = {
        if let text = environment["MOONFLOW_FUZZ_SEED"], let value = UInt64(text) { return value }
        return UInt64.random(in: 1...UInt64(UInt32.max))
    }()
    static let scale: Int = max(1, Int(environment["MOONFLOW_FUZZ_SCALE"] ?? "") ?? 1)
    static let verbose = environment["MOONFLOW_FUZZ_VERBOSE"] == "1"

    /// A generator for one test: the run's seed mixed with the test's name,
    /// so each test's cases stay the same when other tests change.
    static func rng(_ test: String) -> SplitMix64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in test.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        print("FuzzTests.\(test): seed \(seed) (rerun with MOONFLOW_FUZZ_SEED=\(seed))")
        return SplitMix64(seed: seed ^ h)
    }

    static func trace(_ test: String, _ index: Int, _ what: @autoclosure () -> String) {
        if verbose { print("FuzzTests.\(test) case \(index): \(what())") }
    }
}

/// Deterministic PRNG (splitmix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }
}

// MARK: - Random values

enum Gen {
    static let tricky = ["", "a", "é", "日本", "\u{0}", "\u{1F600}", "\\", "\"", "null", "true", "1e999", "-0",
                         "\u{FEFF}", "line\nbreak", String(repeating: "x", count: 300)]

    static func string(_ r: inout SplitMix64) -> String {
        if r.chance(0.4) { return r.pick(tricky) }
        let scalars = (0..<r.int(0...12)).compactMap { _ -> Character? in
            let v = r.chance(0.8) ? UInt32(r.int(0x20...0x7e)) : UInt32(r.int(0x80...0x2FFFF))
            return Unicode.Scalar(v).map(Character.init)
        }
        return String(scalars)
    }

    /// A JSON value with no `.bytes` (those only live at a payload's top level).
    static func json(_ r: inout SplitMix64, depth: Int = 0) -> JSONValue {
        let leaf = depth >= 4 || r.chance(0.45)
        if leaf {
            switch r.int(0...5) {
            case 0: return .null
            case 1: return .bool(r.chance(0.5))
            case 2: return .int(r.pick([0, 1, -1, Int64.max, Int64.min, Int64(r.int(-1000...1000))]))
            case 3: return .double(r.pick([0.5, -1.25, 1e300, -1e-300, 3.14159, Double(r.int(-9999...9999)) / 7]))
            default: return .string(string(&r))
            }
        }
        if r.chance(0.5) {
            return .array((0..<r.int(0...5)).map { _ in json(&r, depth: depth + 1) })
        }
        var members: [String: JSONValue] = [:]
        for _ in 0..<r.int(0...5) { members[string(&r)] = json(&r, depth: depth + 1) }
        return .object(members)
    }

    /// Flips, truncates, inserts, deletes or splices bytes of `input`.
    static func mutate(_ input: [UInt8], _ r: inout SplitMix64) -> [UInt8] {
        var b = input
        for _ in 0..<r.int(1...4) {
            switch r.int(0...7) {
            case 0 where !b.isEmpty:            // truncate
                b = Array(b.prefix(r.int(0...b.count - 1)))
            case 1 where !b.isEmpty:            // flip a bit
                let i = r.int(0...b.count - 1)
                b[i] ^= UInt8(1) << UInt8(r.int(0...7))
            case 2 where !b.isEmpty:            // random byte
                b[r.int(0...b.count - 1)] = UInt8(r.int(0...255))
            case 3:                             // insert random bytes
                b.insert(contentsOf: r.bytes(r.int(1...8)), at: r.int(0...b.count))
            case 4 where b.count > 1:           // delete a range
                let start = r.int(0...b.count - 1)
                b.removeSubrange(start..<min(b.count, start + r.int(1...16)))
            case 5 where b.count > 1:           // duplicate a slice
                let start = r.int(0...b.count - 1)
                let slice = b[start..<min(b.count, start + r.int(1...32))]
                b.insert(contentsOf: slice, at: r.int(0...b.count))
            case 6:                             // a "magic" value
                let magic: [[UInt8]] = [[0xff, 0xff, 0xff, 0xff, 0x0f], [0x80, 0x80, 0x80], [0], [0x22], [0x5c],
                                        Array("\\u".utf8), Array("\\ud800".utf8), [0xc0, 0x80], [0xed, 0xa0, 0x80],
                                        Array("[".utf8), Array("{\"".utf8), Array("1e400".utf8)]
                b.insert(contentsOf: r.pick(magic), at: r.int(0...b.count))
            default:                            // swap two bytes
                if b.count > 1 { b.swapAt(r.int(0...b.count - 1), r.int(0...b.count - 1)) }
            }
        }
        return b
    }

    /// A payload that may be valid, odd, or plainly broken.
    static func payload(_ r: inout SplitMix64) -> Payload {
        let json = Array("json/plain".utf8)
        switch r.int(0...7) {
        case 0, 1:
            return (try? PayloadCodec.encode(Gen.json(&r))) ?? Payload(metadata: ["encoding": json], data: [])
        case 2:
            let valid = (try? Gen.json(&r).encode()) ?? []
            return Payload(metadata: ["encoding": json], data: mutate(valid, &r))
        case 3:
            return Payload(metadata: ["encoding": Array("binary/plain".utf8)], data: r.bytes(r.int(0...40)))
        case 4:
            return Payload(metadata: ["encoding": Array("binary/null".utf8)], data: r.bytes(r.int(0...3)))
        case 5:
            return Payload(metadata: [:], data: r.bytes(r.int(0...10)))
        case 6:
            return Payload(metadata: ["encoding": r.bytes(r.int(0...12))], data: r.bytes(r.int(0...10)))
        default:
            return Payload(metadata: ["encoding": Array(r.pick(["json/protobuf", "binary/protobuf", "JSON/PLAIN",
                                                                 "json/plain\u{0}"]).utf8)],
                           data: r.bytes(r.int(0...20)))
        }
    }

    /// Replaces, deletes or retypes random nodes of a parsed JSON document.
    static func mutateTree(_ value: JSONValue, _ r: inout SplitMix64, rate: Double) -> JSONValue {
        if r.chance(rate) {
            switch r.int(0...3) {
            case 0: return json(&r, depth: 3)
            case 1: return .null
            case 2: return .string(string(&r))
            default: return .int(Int64(r.int(-5...1_000_000)))
            }
        }
        switch value {
        case .array(var items):
            if !items.isEmpty && r.chance(rate) { items.remove(at: r.int(0...items.count - 1)) }
            if items.count > 1 && r.chance(rate) { items.swapAt(r.int(0...items.count - 1), r.int(0...items.count - 1)) }
            if !items.isEmpty && r.chance(rate) { items.append(items[r.int(0...items.count - 1)]) }
            return .array(items.map { mutateTree($0, &r, rate: rate) })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for key in members.keys.sorted() {
                if r.chance(rate / 2) { continue }      // drop a field
                out[key] = mutateTree(members[key]!, &r, rate: rate)
            }
            return .object(out)
        default:
            return value
        }
    }
}
