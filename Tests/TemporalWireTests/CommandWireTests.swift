import XCTest
import TemporalModel
import TemporalWire

final class CommandWireTests: XCTestCase {
    func testEveryCommandCaseRoundTrips() throws {
        XCTAssertEqual(Samples.allCommands.count, 15)
        for command in Samples.allCommands {
            XCTAssertEqual(try Command(wireBytes: command.wireBytes()), command)
        }
    }

    func testCommandListRoundTripsInsideRespondWorkflowTaskCompleted() throws {
        let request = RespondWorkflowTaskCompletedRequest(
            taskToken: [1, 2, 3], commands: Samples.allCommands, identity: "me", namespace: "default",
            stickyAttributes: StickyExecutionAttributes(workerTaskQueue: Samples.queue, scheduleToStartTimeout: .seconds(5)),
            returnNewWorkflowTask: true, forceCreateNewWorkflowTask: true,
            queryResults: ["a": WorkflowQueryResult(resultType: .answered, answer: [Samples.json]),
                           "b": WorkflowQueryResult(resultType: .failed, errorMessage: "boom", failure: Samples.failure)],
            messages: [Samples.protocolMessage] + Samples.updateAnswers, sdkName: "moonflow", sdkVersion: "0.1.0", workerInstanceKey: "wik")
        let decoded = try RespondWorkflowTaskCompletedRequest(wireBytes: request.wireBytes())
        XCTAssertEqual(decoded.commands, Samples.allCommands)
        XCTAssertEqual(decoded, request)
    }

    func testCommandTypeIsSetFromTheCase() throws {
        // command_type is field 1 (varint): 0x08 <type>.
        let bytes = try Command.startTimer(timerId: "t", startToFireTimeout: .seconds(1)).wireBytes()
        XCTAssertEqual(Array(bytes.prefix(2)), [0x08, 3])
        let marker = try Command.recordMarker(markerName: "m", details: [:], failure: nil).wireBytes()
        XCTAssertEqual(Array(marker.prefix(2)), [0x08, 9])
    }

    func testUnknownCommandAttributesFail() {
        // command_type 17 with schedule_nexus_operation attributes (field 18).
        let bytes: [UInt8] = [0x08, 17, 0x92, 0x01, 0x02, 0x0a, 0x00]
        XCTAssertThrowsError(try Command(wireBytes: bytes)) { error in
            XCTAssertEqual((error as? WireError)?.message, "temporal.api.command.v1.Command")
        }
    }
}
