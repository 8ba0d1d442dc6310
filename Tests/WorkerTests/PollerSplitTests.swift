import XCTest
@testable import Worker

/// Workflow pollers of the normal and sticky queues share the workflow
/// slots; the split must leave the sticky queue polled (a regression: 12
/// normal pollers on 8 slots starved the sticky queue, so every sticky task
/// timed out after 5 s).
final class PollerSplitTests: XCTestCase {
    func testPollersOfBothQueuesFitInTheSlots() {
        for slots in 1...20 {
            for configured in 1...20 {
                let split = TaskQueueWorker.pollerSplit(configured: configured, slots: slots, sticky: true)
                XCTAssertGreaterThanOrEqual(split.normal, 1)
                XCTAssertGreaterThanOrEqual(split.sticky, 1)
                XCTAssertLessThanOrEqual(split.normal, configured)
                if slots >= 3 {
                    XCTAssertLessThan(split.normal + split.sticky, slots, "slots \(slots), configured \(configured)")
                }
            }
        }
        XCTAssertTrue(TaskQueueWorker.pollerSplit(configured: 2, slots: 8, sticky: true) == (2, 2))
        XCTAssertTrue(TaskQueueWorker.pollerSplit(configured: 12, slots: 8, sticky: true) == (3, 3))
        XCTAssertTrue(TaskQueueWorker.pollerSplit(configured: 4, slots: 8, sticky: false) == (4, 0))
    }
}
