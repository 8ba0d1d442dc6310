import XCTest
import TemporalModel
import TemporalWire

final class HistoryWireTests: XCTestCase {
    func testHistoryWithEveryEventAttributesCaseRoundTrips() throws {
        let history = Samples.history
        XCTAssertEqual(history.events.count, 48)
        let bytes = try history.wireBytes()
        XCTAssertGreaterThan(bytes.count, 2000)
        let decoded = try History(wireBytes: bytes)
        XCTAssertEqual(decoded.events.count, history.events.count)
        for (a, b) in zip(decoded.events, history.events) {
            XCTAssertEqual(a, b, "event \(b.eventId) (\(EventType.name(b.eventType)))")
        }
        XCTAssertEqual(decoded, history)
        // Encoding is deterministic (maps are sorted by key).
        XCTAssertEqual(try decoded.wireBytes(), bytes)
    }

    func testEachEventRoundTripsOnItsOwn() throws {
        for event in Samples.history.events {
            XCTAssertEqual(try HistoryEvent(wireBytes: event.wireBytes()), event)
        }
    }

    func testOtherKeepsRawTypeAndWorkerMayIgnore() throws {
        let event = HistoryEvent(eventId: 9, eventTime: Timestamp(seconds: 5, nanos: 6), eventType: 48,
                                 workerMayIgnore: true, attributes: .other)
        let decoded = try HistoryEvent(wireBytes: event.wireBytes())
        XCTAssertEqual(decoded.eventType, 48)
        XCTAssertTrue(decoded.workerMayIgnore)
        XCTAssertEqual(decoded.attributes, .other)
        XCTAssertEqual(decoded.eventTime, Timestamp(seconds: 5, nanos: 6))
    }

    func testEmptyBytesDecodeAsEmptyMessages() throws {
        XCTAssertEqual(try History(wireBytes: []), History())
        let event = try HistoryEvent(wireBytes: [])
        XCTAssertEqual(event.eventId, 0)
        XCTAssertEqual(event.attributes, .other)
        XCTAssertEqual(try [Payload](wireBytes: []), [])
        XCTAssertEqual(try History().wireBytes(), [])
    }

    func testAbsentSubMessagesMapToNilOrEmpty() throws {
        let event = HistoryEvent(eventId: 1, eventType: EventType.activityTaskScheduled,
                                 attributes: .activityTaskScheduled(ActivityTaskScheduled(activityId: "a", activityType: "t")))
        let decoded = try HistoryEvent(wireBytes: event.wireBytes())
        guard case let .activityTaskScheduled(s) = decoded.attributes else { return XCTFail("\(decoded.attributes)") }
        XCTAssertNil(s.retryPolicy)
        XCTAssertNil(s.startToCloseTimeout)
        XCTAssertEqual(s.header, [:])
        XCTAssertEqual(s.input, [])
        XCTAssertEqual(s.taskQueue, "")
    }

    func testGarbageFailsWithNamedMessage() {
        XCTAssertThrowsError(try History(wireBytes: [0x0a, 0x05, 0x01])) { error in
            let e = error as? WireError
            XCTAssertEqual(e?.message, "temporal.api.history.v1.History")
            XCTAssertEqual(e?.reason, "unpack failed (3 bytes)")
            XCTAssertTrue("\(error)".contains("temporal.api.history.v1.History"))
        }
    }

    func testPayloadsAndFailureRoundTrip() throws {
        XCTAssertEqual(try [Payload](wireBytes: Samples.payloads.wireBytes()), Samples.payloads)
        XCTAssertEqual(try Failure(wireBytes: Samples.failure.wireBytes()), Samples.failure)
        XCTAssertEqual(try Failure(wireBytes: Samples.failure.wireBytes()).cause?.cause?.message, "child")
        for info in Samples.failureInfos {
            let f = Failure(message: "m", source: "s", stackTrace: "t", info: info)
            XCTAssertEqual(try Failure(wireBytes: f.wireBytes()), f, "\(info)")
        }
    }

    func testStringWithNulIsRejected() {
        let f = Failure(message: "a\u{0}b")
        XCTAssertThrowsError(try f.wireBytes()) { error in
            XCTAssertEqual((error as? WireError)?.message, "temporal.api.failure.v1.Failure")
        }
    }

    func testLargeHistoryRoundTrips() throws {
        let events = (0..<50_000).map { i in
            HistoryEvent(eventId: Int64(i + 1), eventType: EventType.activityTaskCompleted,
                         attributes: .activityTaskCompleted(scheduledEventId: Int64(i), result: [Samples.json]))
        }
        let history = History(events: events)
        let bytes = try history.wireBytes()
        let decoded = try History(wireBytes: bytes)
        XCTAssertEqual(decoded.events.count, 50_000)
        XCTAssertEqual(decoded.events.last, events.last)
    }
}
