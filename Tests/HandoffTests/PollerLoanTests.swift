import Dispatch
@testable import Handoff
import Synchronization
import XCTest

/// Lending a poller thread: only from a poller's zone, never the last
/// unlent poller, and the job runs outside the zone.
final class PollerLoanTests: XCTestCase {
    override func setUp() {
        PollerLoan.setPollerThreads(2) // as the shim has; a later call is ignored
    }

    func testNoLoanOutsideAPollerZone() {
        var ran = false
        XCTAssertNil(PollerLoan.run(when: { true }) { () -> Int in ran = true; return 1 })
        HandoffZone.resuming {
            XCTAssertNil(PollerLoan.run(when: { true }) { () -> Int in ran = true; return 1 }, "a Lua executor's zone is not a poller's")
        }
        XCTAssertFalse(ran)
    }

    func testTheJobRunsHereOutsideTheZoneAndTheLoanComesBack() {
        let before = PollerLoan.available
        XCTAssertEqual(before, 1)
        HandoffZone.resuming(onPoller: true) {
            let result = PollerLoan.run(when: { true }) { () -> Int in
                XCTAssertFalse(HandoffZone.isActive, "a lent thread's job may block: no zone")
                XCTAssertEqual(PollerLoan.available, before - 1)
                XCTAssertNil(PollerLoan.run(when: { true }) { 2 }, "a lent thread is not lent twice")
                return 1
            }
            XCTAssertEqual(result, 1)
            XCTAssertTrue(HandoffZone.isActive, "the zone is back once the job is done")
        }
        XCTAssertEqual(PollerLoan.available, before)
    }

    /// With two pollers, while one is lent the other must stay free to
    /// drive gRPC: its loan is refused and its job is not run.
    func testTheLastUnlentPollerIsNotLent() {
        HandoffZone.resuming(onPoller: true) {
            _ = PollerLoan.run(when: { true }) { () -> Int in
                let done = DispatchSemaphore(value: 0)
                let other = Mutex<Int?>(nil)
                DispatchQueue(label: "second-poller").async {
                    HandoffZone.resuming(onPoller: true) {
                        let r = PollerLoan.run(when: { true }) { () -> Int in 7 }
                        other.withLock { $0 = r }
                    }
                    done.signal()
                }
                done.wait()
                XCTAssertNil(other.withLock { $0 })
                return 0
            }
        }
        // Once the first loan is back, the second poller can be lent again.
        let again = Mutex<Int?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue(label: "second-poller").async {
            HandoffZone.resuming(onPoller: true) { again.withLock { $0 = PollerLoan.run(when: { true }) { () -> Int in 7 } } }
            done.signal()
        }
        done.wait()
        XCTAssertEqual(again.withLock { $0 }, 7)
    }

    /// A job that cannot start (its executor is busy) gives the loan back,
    /// runs nothing, and leaves the jobs waiting on the thread where they are.
    func testANotReadyJobReturnsTheLoanAndRunsNothing() {
        var ran = false
        HandoffZone.resuming(onPoller: true) {
            XCTAssertNil(PollerLoan.run(when: { false }) { () -> Int in ran = true; return 1 })
        }
        XCTAssertFalse(ran)
        XCTAssertEqual(PollerLoan.available, 1)
    }
}
