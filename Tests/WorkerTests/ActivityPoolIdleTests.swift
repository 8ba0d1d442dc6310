import Registry
import TemporalModel
import XCTest
@testable import ActivityRuntime

/// A burst of concurrent activities leaves at most `maxIdleExecutors` Lua
/// states behind, and a kept one is reused (its loaded module state too).
final class ActivityPoolIdleTests: XCTestCase {
    func testBurstKeepsAtMostTheBoundOfExecutors() async throws {
        let source = """
        local time = require('time')
        local calls = 0
        return function(ms)
          calls = calls + 1
          time.sleep(ms .. "ms")
          return calls
        end
        """
        let registry = Registry(functions: [FunctionEntry(
            id: "t:slow", namespace: "t", name: "slow",
            source: LuaSource(text: source, chunkName: "slow.lua", path: "slow.lua"),
            modules: ["time"], activityWorkerId: "t:worker")])
        let pool = ActivityPool(registry: registry, workerId: "t:worker", maxIdleExecutors: 2)
        func task(_ ms: Int) throws -> ActivityTask {
            ActivityTask(activityType: "t:slow", input: [try PayloadCodec.encode(.int(Int64(ms)))], attempt: 1)
        }
        let burst = try (0..<6).map { _ in try task(200) }
        let answers = await withTaskGroup(of: ActivityTaskAnswer.self) { group in
            for t in burst { group.addTask { await pool.run(t) } }
            var all: [ActivityTaskAnswer] = []
            for await answer in group { all.append(answer) }
            return all
        }
        XCTAssertEqual(answers.count, 6)
        for answer in answers {
            guard case .completed(let payloads) = answer else { return XCTFail("\(answer)") }
            XCTAssertEqual(try PayloadCodec.decode(payloads[0]), .int(1))   // six states, one call each
        }
        XCTAssertEqual(pool.idleExecutors, 2)
        // The next activity reuses a kept state: its module-level counter goes on.
        guard case .completed(let payloads) = await pool.run(try task(1)) else { return XCTFail() }
        XCTAssertEqual(try PayloadCodec.decode(payloads[0]), .int(2))
        XCTAssertEqual(pool.idleExecutors, 2)
    }
}
