import XCTest
@testable import Client

final class RandomUUIDTests: XCTestCase {
    func testVersion4Format() {
        var seen = Set<String>()
        for _ in 0..<200 {
            let id = randomUUID()
            XCTAssertNotNil(id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/), id)
            seen.insert(id)
        }
        XCTAssertEqual(seen.count, 200)
    }
}
