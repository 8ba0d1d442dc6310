import Foundation
import XCTest

/// The recorded history of a workflow with 3 coroutines, timers and
/// signals interleaved (`Tests/Fixtures/histories/interleaved.json`)
/// replays to byte-identical command sequences in 5 fresh processes
/// (`moonflow replay --print-commands`).
final class ReplayDeterminismTests: XCTestCase {
    func testInterleavedHistoryReplaysIdenticallyInFiveProcesses() async throws {
        let binary = try Paths.moonflow()
        let history = Patterns.fixturesDir.appendingPathComponent("interleaved.json").path
        let registry = Patterns.fixturesDir.appendingPathComponent("interleaved/registry").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: history), "missing fixture \(history)")

        var outputs: [String] = []
        for run in 1...5 {
            let out = try await Spawn.run(binary, ["replay", "--registry", registry, "--print-commands", history],
                                          timeout: .seconds(30))
            XCTAssertEqual(out.status, 0, "run \(run) failed:\n\(out.combined)")
            outputs.append(out.stdout)
        }
        for (index, output) in outputs.enumerated().dropFirst() {
            XCTAssertEqual(Data(output.utf8), Data(outputs[0].utf8),
                           "run \(index + 1) printed something else than run 1:\n\(output)\n--- run 1:\n\(outputs[0])")
        }
        let first = outputs[0]
        XCTAssertTrue(first.hasPrefix("OK "), first)
        let activations = first.split(separator: "\n").filter { $0.contains("activation ") }
        let withCommands = activations.filter { !$0.contains(": [] ") }
        XCTAssertGreaterThanOrEqual(withCommands.count, 3, "at least 3 activations with commands:\n\(first)")
        // The three coroutines' commands all appear.
        XCTAssertTrue(first.contains("scheduleActivityTask"), first)
        XCTAssertTrue(first.contains("startTimer"), first)
    }
}
