import TemporalRPC
import XCTest

final class RetryBackoffTests: XCTestCase {
    let backoff = RetryBackoff(initialDelay: .milliseconds(100), multiplier: 2, maximumDelay: .seconds(1),
                               jitter: 0.2, budget: .seconds(10))

    func testGrowsExponentiallyWithoutJitterAtMidpoint() {
        XCTAssertEqual(backoff.delay(attempt: 0, random: 0.5), .milliseconds(100))
        XCTAssertEqual(backoff.delay(attempt: 1, random: 0.5), .milliseconds(200))
        XCTAssertEqual(backoff.delay(attempt: 3, random: 0.5), .milliseconds(800))
    }

    func testCapsAtMaximum() {
        XCTAssertEqual(backoff.delay(attempt: 4, random: 0.5), .seconds(1))
        XCTAssertEqual(backoff.delay(attempt: 500, random: 0.5), .seconds(1))
    }

    func testJitterBounds() {
        XCTAssertEqual(backoff.delay(attempt: 0, random: 0), .milliseconds(80))
        XCTAssertEqual(backoff.delay(attempt: 0, random: 1), .milliseconds(120))
        for _ in 0..<100 {
            let d = backoff.delay(attempt: 2, random: Double.random(in: 0..<1))
            XCTAssertGreaterThanOrEqual(d, .milliseconds(320))
            XCTAssertLessThanOrEqual(d, .milliseconds(480))
        }
    }

    func testOutOfRangeRandomIsClamped() {
        XCTAssertEqual(backoff.delay(attempt: 0, random: -3), .milliseconds(80))
        XCTAssertEqual(backoff.delay(attempt: 0, random: 7), .milliseconds(120))
        XCTAssertEqual(backoff.delay(attempt: -1, random: 0.5), .milliseconds(100))
    }

    func testBudget() {
        XCTAssertEqual(backoff.nextDelay(attempt: 0, elapsed: .zero, random: 0.5), .milliseconds(100))
        XCTAssertEqual(backoff.nextDelay(attempt: 5, elapsed: .milliseconds(9_700), random: 0.5), .milliseconds(300))
        XCTAssertNil(backoff.nextDelay(attempt: 5, elapsed: .seconds(10), random: 0.5))
        XCTAssertNil(backoff.nextDelay(attempt: 0, elapsed: .seconds(11), random: 0.5))
    }

    func testTotalRetryTimeStaysWithinBudget() {
        let b = RetryBackoff()
        var elapsed = Duration.zero
        var attempt = 0
        while let d = b.nextDelay(attempt: attempt, elapsed: elapsed, random: 0.99) {
            elapsed += d
            attempt += 1
            XCTAssertLessThan(attempt, 100)
        }
        XCTAssertEqual(elapsed, .seconds(10))
        XCTAssertGreaterThan(attempt, 3)
    }

    func testRetryableCodes() {
        for code in [RPCError.Code.unavailable, .resourceExhausted, .aborted, .internalError, .unknown] {
            XCTAssertTrue(RetryBackoff.isRetryable(code), "\(code)")
        }
        for code in [RPCError.Code.ok, .cancelled, .invalidArgument, .deadlineExceeded, .notFound, .alreadyExists,
                     .permissionDenied, .failedPrecondition, .unauthenticated, .unimplemented, .encoding] {
            XCTAssertFalse(RetryBackoff.isRetryable(code), "\(code)")
        }
    }
}
