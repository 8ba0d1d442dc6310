import XCTest
import Foundation
import TemporalModel
import TemporalWire
final class TmpDump: XCTestCase {
    func testDump() throws {
        let b = try Samples.workflowTask.wireBytes()
        try b.map { String(format: "%02x", $0) }.joined().write(toFile: "/tmp/ours.hex", atomically: true, encoding: .utf8)
        let c = try RespondWorkflowTaskCompletedRequest(taskToken: [1], commands: Samples.allCommands, identity: "i", namespace: "n").wireBytes()
        try c.map { String(format: "%02x", $0) }.joined().write(toFile: "/tmp/ours2.hex", atomically: true, encoding: .utf8)
    }
}
