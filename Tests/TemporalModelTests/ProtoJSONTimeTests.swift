import XCTest
@testable import TemporalModel

final class ProtoJSONTimeTests: XCTestCase {
    func testTimestamps() {
        XCTAssertEqual(ProtoJSONTime.timestamp("2026-11-22T01:16:45.717473724Z"),
                       Timestamp(seconds: 1_795_310_205, nanos: 717_473_724))
        XCTAssertEqual(ProtoJSONTime.timestamp("1970-01-01T00:00:00Z"), Timestamp(seconds: 0))
        XCTAssertEqual(ProtoJSONTime.timestamp("1969-12-31T23:59:59Z"), Timestamp(seconds: -1))
        XCTAssertEqual(ProtoJSONTime.timestamp("2000-02-29T12:00:00.5Z"), Timestamp(seconds: 951_825_600, nanos: 500_000_000))
        XCTAssertEqual(ProtoJSONTime.timestamp("2024-01-02T03:04:05+01:00"), Timestamp(seconds: 1_704_161_045))
        XCTAssertEqual(ProtoJSONTime.timestamp("2024-01-02T01:34:05-00:30"), Timestamp(seconds: 1_704_161_045))
        for bad in ["", "2024-01-02", "2024-01-02T03:04:05", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
                    "2024-01-01T24:00:00Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567891Z",
                    "2024-01-01T00:00:00Zx"] {
            XCTAssertNil(ProtoJSONTime.timestamp(bad), bad)
        }
    }

    func testDurations() {
        XCTAssertEqual(ProtoJSONTime.duration("10s"), .seconds(10))
        XCTAssertEqual(ProtoJSONTime.duration("0s"), .seconds(0))
        XCTAssertEqual(ProtoJSONTime.duration("0.001s"), .milliseconds(1))
        XCTAssertEqual(ProtoJSONTime.duration("1.500s"), .milliseconds(1500))
        XCTAssertEqual(ProtoJSONTime.duration("-1.5s"), .milliseconds(-1500))
        XCTAssertEqual(ProtoJSONTime.duration("0.000000001s"), .init(nanoseconds: 1))
        for bad in ["", "s", "10", "1.s", ".5s", "1.0000000001s", "1e3s", "10ms", "99999999999999999999s"] {
            XCTAssertNil(ProtoJSONTime.duration(bad), bad)
        }
    }

    func testBase64() {
        XCTAssertEqual(Base64.decode("anNvbi9wbGFpbg=="), Array("json/plain".utf8))
        XCTAssertEqual(Base64.decode("anNvbi9wbGFpbg"), Array("json/plain".utf8))
        XCTAssertEqual(Base64.decode("+//+"), [0xFB, 0xFF, 0xFE])
        XCTAssertEqual(Base64.decode("-__-"), [0xFB, 0xFF, 0xFE])
        XCTAssertEqual(Base64.decode(""), [])
        for bad in ["a", "ab=c", "a b", "abc==", "ab*c"] { XCTAssertNil(Base64.decode(bad), bad) }
        for n in 0..<8 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 * 97 + 200) }
            XCTAssertEqual(Base64.decode(Base64.encode(bytes)), bytes)
        }
        XCTAssertEqual(Base64.encode(Array("json/plain".utf8)), "anNvbi9wbGFpbg==")
    }

    func testEventTypeNames() {
        for t in Int32(1)...47 where !EventType.name(t).hasPrefix("EventType(") {
            let short = EventType.name(t)
            XCTAssertEqual(ProtoJSONEnum.eventType.value(named: short), t, short)
            let long = "EVENT_TYPE_" + ProtoJSONEnum.screamingSnakeCase(short)
            XCTAssertEqual(ProtoJSONEnum.eventType.value(named: long), t, long)
        }
        XCTAssertEqual(ProtoJSONEnum.eventType.value(named: "EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT"), 4)
        XCTAssertEqual(ProtoJSONEnum.eventType.value(named: "EVENT_TYPE_NEXUS_OPERATION_SCHEDULED"), 48)
        XCTAssertEqual(ProtoJSONEnum.eventType.value(named: "EVENT_TYPE_WORKFLOW_EXECUTION_TIME_SKIPPING_TRANSITIONED"), 60)
        XCTAssertEqual(ProtoJSONEnum.retryState.value(named: "RETRY_STATE_NON_RETRYABLE_FAILURE"), 2)
        XCTAssertEqual(ProtoJSONEnum.workflowTaskFailedCause.value(named: "WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR"), 24)
        XCTAssertEqual(ProtoJSONEnum.workflowTaskFailedCause.value(named: "WORKFLOW_TASK_FAILED_CAUSE_REQUEST_TOO_LARGE"), 40)
    }
}
