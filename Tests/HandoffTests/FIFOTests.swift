import Handoff
import XCTest

final class FIFOTests: XCTestCase {
    func testOrderCountAndReuseAfterEmpty() {
        var q = FIFO<Int>()
        XCTAssertNil(q.pop())
        for i in 1...3 { q.push(i) }
        XCTAssertEqual(q.count, 3)
        XCTAssertEqual(q.pop(), 1)
        q.push(4)
        XCTAssertEqual([q.pop(), q.pop(), q.pop()], [2, 3, 4])
        XCTAssertEqual(q.count, 0)
        XCTAssertNil(q.pop())
        q.push(5)
        XCTAssertEqual(q.count, 1)
        XCTAssertEqual(q.pop(), 5)
    }

    func testAPoppedItemIsReleasedAtOnce() {
        final class Box {}
        var q = FIFO<Box>()
        weak var first: Box?
        do {
            let a = Box()
            first = a
            q.push(a)
            q.push(Box())
        }
        _ = q.pop()
        XCTAssertNil(first, "the queue no longer holds an item once popped")
        XCTAssertEqual(q.count, 1)
    }
}
