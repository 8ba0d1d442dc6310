import XCTest
@testable import Registry

final class DurationParserTests: XCTestCase {
    func testUnits() throws {
        XCTAssertEqual(try DurationParser.parse("500ms"), .milliseconds(500))
        XCTAssertEqual(try DurationParser.parse("5s"), .seconds(5))
        XCTAssertEqual(try DurationParser.parse("24h"), .seconds(86_400))
        XCTAssertEqual(try DurationParser.parse("1h30m"), .seconds(5_400))
        XCTAssertEqual(try DurationParser.parse("1.5s"), .milliseconds(1_500))
        XCTAssertEqual(try DurationParser.parse("10us"), .microseconds(10))
        XCTAssertEqual(try DurationParser.parse("10µs"), .microseconds(10))
        XCTAssertEqual(try DurationParser.parse("7ns"), .nanoseconds(7))
        XCTAssertEqual(try DurationParser.parse("2m3s4ms"), .milliseconds(123_004))
        XCTAssertEqual(try DurationParser.parse(".5m"), .seconds(30))
        XCTAssertEqual(try DurationParser.parse("0"), .zero)
        XCTAssertEqual(try DurationParser.parse(" 3s "), .seconds(3))
    }

    func testRejects() {
        for text in ["", "5", "5x", "-1s", "s", "1..2s", "1h 30m", "abc", "9999999999999h"] {
            XCTAssertThrowsError(try DurationParser.parse(text), "\(text) should not parse")
        }
        XCTAssertThrowsError(try DurationParser.parse("5")) { error in
            XCTAssertTrue("\(error)".contains("missing a unit"), "\(error)")
        }
        XCTAssertThrowsError(try DurationParser.parse("5d")) { error in
            XCTAssertTrue("\(error)".contains("unknown unit \"d\""), "\(error)")
        }
    }

    func testMilliseconds() throws {
        XCTAssertEqual(try DurationParser.fromMilliseconds(Int64(1500)), .milliseconds(1_500))
        XCTAssertEqual(try DurationParser.fromMilliseconds(0.5), .microseconds(500))
        XCTAssertThrowsError(try DurationParser.fromMilliseconds(Int64(-1)))
        XCTAssertThrowsError(try DurationParser.fromMilliseconds(Double.nan))
    }

    func testFormat() throws {
        XCTAssertEqual(DurationParser.format(.seconds(5_400)), "1h30m0s")
        XCTAssertEqual(DurationParser.format(.milliseconds(1_500)), "1.5s")
        XCTAssertEqual(DurationParser.format(.milliseconds(500)), "500ms")
        XCTAssertEqual(DurationParser.format(.zero), "0s")
        XCTAssertEqual(DurationParser.format(.nanoseconds(42)), "42ns")
        XCTAssertEqual(DurationParser.nanoseconds(of: .seconds(2)), 2_000_000_000)
        XCTAssertEqual(try DurationParser.parse(DurationParser.format(.milliseconds(90_061_001))),
                       .milliseconds(90_061_001))
    }
}
