import XCTest
@testable import Registry

/// The YAML layer over libyaml: YAML 1.1 typing of plain scalars (the rules
/// the registry was written against), values, anchors, errors and marks.
final class YAMLComposerTests: XCTestCase {
    private func tag(_ scalar: String) -> YAMLTag { YAMLScalars.resolve(scalar) }

    func testPlainScalarTypes() {
        for text in ["yes", "No", "TRUE", "false", "on", "OFF"] { XCTAssertEqual(tag(text), .bool, text) }
        for text in ["y", "n", "tRue", "yess"] { XCTAssertEqual(tag(text), .str, text) }
        for text in ["0", "-0", "+12", "1_000", "0x1F", "0b101", "0o17", "017", "1:30", "-1:30:05", "0_"] {
            XCTAssertEqual(tag(text), .int, text)
        }
        for text in ["1.5", "-1.5", "1.", "1e3", "1.5E-3", "6.8523015e+5", ".5", ".5e+3", "+.inf", "-.Inf",
                     ".NaN", "1:30.5", "1_000.5"] {
            XCTAssertEqual(tag(text), .float, text)
        }
        for text in ["", "~", "null", "Null", "NULL"] { XCTAssertEqual(tag(text), .null, text) }
        for text in ["2024-01-31", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
                     "2001-12-15T02:59:43.1Z", "2002-12-14 2:59:43"] {
            XCTAssertEqual(tag(text), .timestamp, text)
        }
        XCTAssertEqual(tag("<<"), .merge)
        XCTAssertEqual(tag("="), .value)
        for text in ["5s", "1h30m", "0x", "0b", "1:60", "1:3:", "1e", ".5e3", "-.5", "nan", "inf", "2024-1-31",
                     "2001-12-14 21:59:43 ", "localhost:7233", "1.2.3", "09.5x", "abc", "0o", "+", "-"] {
            XCTAssertEqual(tag(text), .str, text)
        }
    }

    /// The hand-written matchers against the YAML 1.1 resolver's regular
    /// expressions (as PyYAML and Yams write them), on random strings.
    func testResolutionMatchesTheSpecRegularExpressions() throws {
        let rules: [(YAMLTag, String)] = [
            (.bool, #"yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"#),
            (.int, #"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"#
                + #"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"#),
            (.float, #"[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"#
                + #"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"#),
            (.merge, "<<"),
            (.null, "~|null|Null|NULL|"),
            (.timestamp, #"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"#
                + #"(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"#
                + #"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"#),
            (.value, "="),
        ]
        let regexes = try rules.map { ($0.0, try Regex("^(?:\($0.1))$")) }
        func expected(_ text: String) -> YAMLTag {
            for (tag, regex) in regexes where text.wholeMatch(of: regex) != nil { return tag }
            return .str
        }
        let pieces = ["0", "1", "5", "7", "9", "-", "+", ".", "_", ":", "e", "E", "x", "b", "o", "T", "t", "Z", " ",
                      "\t", "inf", "nan", "NaN", "2024-", "12-", "01", "10:", "<", "=", "~", "a", "F", "true", "on"]
        var generator = SystemRandomNumberGenerator()
        var mismatches: [String] = []
        for _ in 0..<30_000 {
            let text = (0..<Int.random(in: 0...7, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            if YAMLScalars.resolve(text) != expected(text) { mismatches.append(text) }
        }
        XCTAssertEqual(mismatches.prefix(20).map { "\($0.debugDescription): \(YAMLScalars.resolve($0)) vs \(expected($0))" },
                       [])
    }

    func testScalarValues() {
        XCTAssertEqual(YAMLScalars.int("1_000"), 1000)
        XCTAssertEqual(YAMLScalars.int("0x1F"), 31)
        XCTAssertEqual(YAMLScalars.int("-0x1F"), -31)
        XCTAssertEqual(YAMLScalars.int("0b101"), 5)
        XCTAssertEqual(YAMLScalars.int("0o17"), 15)
        XCTAssertEqual(YAMLScalars.int("017"), 15)
        XCTAssertEqual(YAMLScalars.int("1:30"), 90)
        XCTAssertEqual(YAMLScalars.int("-1:30:05"), -5405)
        XCTAssertEqual(YAMLScalars.int("0"), 0)
        XCTAssertEqual(YAMLScalars.int("+42"), 42)
        XCTAssertEqual(YAMLScalars.float("1_000.5"), 1000.5)
        XCTAssertEqual(YAMLScalars.float("1:30.5"), 90.5)
        XCTAssertEqual(YAMLScalars.float("-.inf"), -.infinity)
        XCTAssertTrue(YAMLScalars.float(".NaN")!.isNaN)
        XCTAssertEqual(YAMLScalars.bool("Yes"), true)
        XCTAssertEqual(YAMLScalars.bool("OFF"), false)
        XCTAssertNil(YAMLScalars.bool("y"))
    }

    func testComposesMappingsSequencesAndStyles() throws {
        let root = try XCTUnwrap(YAMLComposer.compose("""
            a: 1
            b: "1"
            c: '2.5'
            d: !!str 3
            e: !!int "4"
            f: [x, 'y', 5]
            g: |
              block
            h:
            i: !custom thing
            """))
        guard case .mapping(let mapping) = root else { return XCTFail("\(root)") }
        XCTAssertEqual(mapping.map { $0.key.string }, ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        let values = Dictionary(uniqueKeysWithValues: mapping.map { ($0.key.string!, $0.value) })
        XCTAssertEqual(values["a"]?.tagName, .int)
        XCTAssertEqual(values["a"]?.int, 1)
        XCTAssertEqual(values["b"]?.tagName, .str)
        XCTAssertNil(values["b"]?.int)                 // quoted: a string, not a number
        XCTAssertEqual(values["c"]?.tagName, .str)
        XCTAssertEqual(values["d"]?.tagName, .str)
        XCTAssertEqual(values["e"]?.tagName, .int)
        XCTAssertEqual(values["g"]?.string, "block\n")
        XCTAssertEqual(values["g"]?.tagName, .str)
        XCTAssertEqual(values["h"]?.tagName, .null)
        XCTAssertEqual(values["i"]?.tagName, .other("!custom"))
        guard case .sequence(let list) = values["f"]! else { return XCTFail() }
        XCTAssertEqual(list.map(\.tagName), [.str, .str, .int])
        XCTAssertEqual(root.tagName, .map)
        XCTAssertEqual(values["f"]?.tagName, .seq)
        XCTAssertEqual(values["f"]?.mark, Mark(line: 6, column: 4))
        XCTAssertEqual(mapping[1].key.mark, Mark(line: 2, column: 1))
    }

    func testAnchorsAndAliases() throws {
        let root = try XCTUnwrap(YAMLComposer.compose("""
            base: &b {x: 1}
            copy: *b
            name: &n hello
            again: *n
            """))
        guard case .mapping(let mapping) = root else { return XCTFail() }
        guard case .mapping(let copy) = mapping[1].value else { return XCTFail("\(mapping[1].value)") }
        XCTAssertEqual(copy[0].key.string, "x")
        XCTAssertEqual(copy[0].value.int, 1)
        XCTAssertEqual(mapping[3].value.string, "hello")

        XCTAssertThrowsError(try YAMLComposer.compose("a: *nope")) { error in
            let e = error as! YAMLError
            XCTAssertEqual(e.kind, .syntax)
            XCTAssertEqual(e.problem, "found undefined alias")
            XCTAssertEqual(e.mark, Mark(line: 1, column: 4))
        }
    }

    func testEmptyAndMultipleDocuments() throws {
        XCTAssertNil(try YAMLComposer.compose(""))
        XCTAssertNil(try YAMLComposer.compose("# only a comment\n"))
        XCTAssertEqual(try YAMLComposer.compose("---\n")?.tagName, .null)
        XCTAssertThrowsError(try YAMLComposer.compose("a: 1\n---\nb: 2\n")) { error in
            let e = error as! YAMLError
            XCTAssertEqual(e.kind, .syntax)
            XCTAssertEqual(e.context?.text, "expected a single document in the stream")
            XCTAssertEqual(e.mark?.line, 2)
        }
    }

    func testDuplicateKeys() {
        XCTAssertThrowsError(try YAMLComposer.compose("a: 1\nb: 2\nb: 3\na: 4\nc: 5\n")) { error in
            let e = error as! YAMLError
            XCTAssertEqual(e.kind, .duplicateKeys(["a", "b"]))
            XCTAssertEqual(e.mark, Mark(line: 1, column: 1))
        }
        // a string "1" and an integer 1 are different keys
        XCTAssertNoThrow(try YAMLComposer.compose("1: a\n\"1\": b\n"))
    }

    func testSyntaxAndReaderErrorsHaveMarks() {
        XCTAssertThrowsError(try YAMLComposer.compose("a: [1, 2\nb: 3\n")) { error in
            let e = error as! YAMLError
            XCTAssertEqual(e.kind, .syntax)
            XCTAssertEqual(e.mark?.line, 2)
            XCTAssertNotNil(e.context)
        }
        XCTAssertThrowsError(try YAMLComposer.compose("a: b\n\tc: d\n")) { error in
            XCTAssertEqual((error as! YAMLError).kind, .syntax)
        }
        XCTAssertThrowsError(try YAMLComposer.compose("a: é\u{1}\n")) { error in
            let e = error as! YAMLError
            XCTAssertEqual(e.kind, .reader)
            XCTAssertEqual(e.mark, Mark(line: 1, column: 5))
        }
    }
}
