import Foundation
import XCTest

/// `moonflow replay` the way a CI pipeline uses it before a deploy: a
/// recorded history (the saga fixture, exported with `temporal workflow
/// show --output json`) passes against the code that recorded it, and a
/// deliberately incompatible change to that code fails with a non-zero
/// exit naming the event and both sides.
final class ReplayCLITests: XCTestCase {
    static let fixtures = Paths.packageRoot.appendingPathComponent("Tests/Fixtures/histories")

    /// A scratch copy of the saga fixture's registry, with `edit` applied
    /// to every Lua file.
    func registryCopy(_ edit: (String) -> String = { $0 }) throws -> URL {
        let fm = FileManager.default
        let source = Self.fixtures.appendingPathComponent("saga/registry")
        let dir = fm.temporaryDirectory.appendingPathComponent("moonflow-replay-cli-\(UUID().uuidString.prefix(8))")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for name in try fm.contentsOfDirectory(atPath: source.path) {
            var text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            if name.hasSuffix(".lua") { text = edit(text) }
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func replay(_ registry: URL) async throws -> Spawn.Output {
        try await Spawn.run(try Paths.moonflow(), ["replay", "--registry", registry.path,
                                                   Self.fixtures.appendingPathComponent("saga.json").path],
                            timeout: .seconds(30))
    }

    func testReplayPassesOnTheRecordingCodeAndFailsOnAnIncompatibleChange() async throws {
        let unchanged = try await replay(try registryCopy())
        XCTAssertEqual(unchanged.status, 0, unchanged.combined)
        XCTAssertTrue(unchanged.stdout.hasPrefix("OK "), unchanged.combined)

        var changedFiles = 0
        let changed = try await replay(try registryCopy { text in
            guard text.contains(#""it:charge""#) else { return text }
            changedFiles += 1
            return text.replacingOccurrences(of: #""it:charge""#, with: #""it:refund""#)
        })
        XCTAssertEqual(changedFiles, 1, "the saga code should call it:charge in one file")
        XCTAssertNotEqual(changed.status, 0, changed.combined)
        XCTAssertTrue(changed.combined.contains("non-deterministic"), changed.combined)
        XCTAssertTrue(changed.combined.contains("it:charge") && changed.combined.contains("it:refund"), changed.combined)
        XCTAssertTrue(changed.combined.range(of: #"event \d+ "#, options: .regularExpression) != nil, changed.combined)
    }
}
