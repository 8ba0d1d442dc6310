import Dispatch
import Handoff
@testable import LuaRuntime
import Synchronization
import XCTest
#if canImport(Glibc)
import Glibc
#endif

private func threadId() -> UInt { UInt(pthread_self()) }

/// A task parked until a "poller" thread wakes it inside a poller zone, the
/// way a gRPC reply wakes a worker task.
private final class Wake: @unchecked Sendable {
    // @unchecked: `continuation` is written before `parked` is signalled and
    // read after waiting on it.
    var continuation: CheckedContinuation<Void, Never>?
    let parked = DispatchSemaphore(value: 0)
    let parkedOn = Mutex<UInt>(0)
}

/// Runs `body` in a task that a dedicated thread wakes inside a poller
/// zone. Returns body's result, the waking thread, and whether the task
/// had already gone on by itself (the wake raced its suspension: such a
/// run says nothing about where the executor ran).
private func fromPoller<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> (T, poller: UInt, raced: Bool) {
    let wake = Wake()
    let resumedOn = Mutex<UInt>(0)
    let task = Task(executorPreference: HandoffExecutor.shared) { () -> T in
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            wake.parkedOn.withLock { $0 = threadId() }
            wake.continuation = c
            wake.parked.signal()
        }
        resumedOn.withLock { $0 = threadId() }
        return await body()
    }
    let poller = await withCheckedContinuation { (done: CheckedContinuation<UInt, Never>) in
        DispatchQueue(label: "fake-poller").async {
            wake.parked.wait()
            HandoffZone.resuming(onPoller: true) { wake.continuation!.resume() }
            done.resume(returning: threadId())
        }
    }
    let result = await task.value
    let raced = resumedOn.withLock { $0 } != poller
    return (result, poller, raced)
}

final class LuaExecutorTests: XCTestCase {
    override func setUp() {
        PollerLoan.setPollerThreads(2) // as the gRPC shim has; later calls are ignored
    }

    /// Repeats `attempt` until one run did not race (it returns true), at
    /// most 20 times.
    private func untilNotRaced(_ attempt: () async -> Bool) async {
        for _ in 0..<20 { if await attempt() { return } }
        XCTFail("every attempt raced")
    }

    func testAnIdleExecutorRunsAPollersJobOnThePoller() async {
        let executor = LuaExecutor(label: "idle", context: 0)
        await untilNotRaced {
            let (ranOn, poller, raced) = await fromPoller { await executor.run { _ in threadId() } }
            if raced { return false }
            XCTAssertEqual(ranOn, poller, "no hop: the job ran where the reply landed")
            return true
        }
    }

    func testOtherCallersGoThroughTheQueue() async {
        let executor = LuaExecutor(label: "queued", context: 0)
        let me = threadId()
        let ranOn = await executor.run { _ in threadId() }
        XCTAssertNotEqual(ranOn, me)
    }

    /// A job from a poller while the executor is busy waits its turn on
    /// the queue: it neither runs on the poller nor overlaps the busy one.
    func testABusyExecutorQueuesThePollersJob() async {
        let executor = LuaExecutor(label: "busy", context: [String]())
        await untilNotRaced {
            let release = DispatchSemaphore(value: 0)
            let started = DispatchSemaphore(value: 0)
            let blocker = Task {
                await executor.run { log in
                    log.append("blocker start")
                    started.signal()
                    release.wait()
                    log.append("blocker end")
                }
            }
            started.wait()
            async let fromPollerRun = fromPoller { await executor.run { log in log.append("poller job"); return threadId() } }
            // Release the blocker only once the poller's job is waiting.
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(10)
            while executor.waitingCount == 0 && clock.now < deadline { try? await Task.sleep(for: .milliseconds(2)) }
            XCTAssertEqual(executor.waitingCount, 1)
            release.signal()
            let (ranOn, poller, raced) = await fromPollerRun
            await blocker.value
            let log = await executor.run { log in let l = log; log.removeAll(); return l }
            XCTAssertEqual(log, ["blocker start", "blocker end", "poller job"])
            if raced { return false }
            XCTAssertNotEqual(ranOn, poller, "the poller was not held while the executor was busy")
            return true
        }
    }

    /// Many jobs from pollers and from ordinary tasks at once: each runs
    /// exactly once and no two overlap.
    func testJobsNeverOverlap() async {
        let executor = LuaExecutor(label: "mixed", context: 0)
        let inside = Atomic<Int>(0)
        let overlaps = Atomic<Int>(0)
        let job: @Sendable (inout Int) -> Void = { count in
            if inside.add(1, ordering: .sequentiallyConsistent).newValue > 1 { overlaps.add(1, ordering: .relaxed) }
            count += 1
            usleep(100)
            inside.subtract(1, ordering: .sequentiallyConsistent)
        }
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<300 {
                group.addTask {
                    if i % 2 == 0 {
                        _ = await fromPoller { await executor.run(job) }
                    } else {
                        await executor.run(job)
                    }
                }
            }
        }
        let total = await executor.run { $0 }
        XCTAssertEqual(total, 300)
        XCTAssertEqual(overlaps.load(ordering: .relaxed), 0)
    }
}
