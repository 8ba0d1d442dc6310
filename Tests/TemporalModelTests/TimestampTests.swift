import XCTest
@testable import TemporalModel
final class TimestampTests: XCTestCase {
    func testNegativeNanosNormalise() {
        let t = Timestamp(unixNanos: -1)
        XCTAssertEqual(t.seconds, -1)
        XCTAssertEqual(t.nanos, 999_999_999)
        XCTAssertEqual(t.unixNanos, -1)
    }
}
