import Dispatch
@testable import Handoff
import Synchronization
import XCTest
#if canImport(Glibc)
import Glibc
#endif

private func threadId() -> UInt { UInt(pthread_self()) }

/// Thread ids recorded by index: where each task parked, and where it
/// continued after being resumed.
private final class Seen: Sendable {
    let ids = Mutex<[Int: UInt]>([:])
    let parkedOn = Mutex<[Int: UInt]>([:])

    /// Whether task `index` was resumed before it had suspended (the
    /// resumer won the race with the task's own thread, which then simply
    /// went on): such a run says nothing about hand-offs.
    func raced(_ index: Int) -> Bool {
        let parked = parkedOn.withLock { $0[index] }
        return parked != nil && parked == ids.withLock { $0[index] }
    }
}

/// Starts a task preferring HandoffExecutor that parks in `slot`, records
/// its thread once resumed, then runs `then`.
private func parkedTask(_ slot: Parked, _ index: Int, _ seen: Seen,
                        then: @escaping @Sendable () -> Void = {}) -> Task<Void, Never> {
    Task(executorPreference: HandoffExecutor.shared) {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            seen.parkedOn.withLock { $0[index] = threadId() }
            slot.continuation = c
            slot.parked.signal()
        }
        seen.ids.withLock { $0[index] = threadId() }
        then()
    }
}

/// Resumes `slot` from a private queue's thread, in a HandoffZone or not;
/// returns that thread's id.
private func resume(_ slot: Parked, inZone: Bool) async -> UInt {
    await withCheckedContinuation { (done: CheckedContinuation<UInt, Never>) in
        DispatchQueue(label: "handoff-test").async {
            slot.parked.wait()
            let me = threadId()
            if inZone {
                HandoffZone.resuming { slot.continuation!.resume() }
            } else {
                slot.continuation!.resume()
            }
            done.resume(returning: me)
        }
    }
}

/// A continuation parked by a task.
private final class Parked: @unchecked Sendable {
    // @unchecked: each field is written before the semaphore it is read after.
    var continuation: CheckedContinuation<Void, Never>?
    let parked = DispatchSemaphore(value: 0)
}

final class HandoffExecutorTests: XCTestCase {
    /// Parks a task, resumes it from a private queue's thread (in a zone or
    /// not) and returns (resumer, thread the task continued on). Runs
    /// again when the resume raced the task's suspension.
    private func resumeFromQueue(inZone: Bool) async -> (resumer: UInt, continuedOn: UInt?) {
        for _ in 0..<20 {
            let slot = Parked(), seen = Seen()
            let task = parkedTask(slot, 0, seen)
            let resumer = await resume(slot, inZone: inZone)
            await task.value
            if seen.raced(0) && !inZone { continue }
            if seen.raced(0) && seen.ids.withLock({ $0[0] }) != resumer { continue }
            return (resumer, seen.ids.withLock { $0[0] })
        }
        XCTFail("every attempt raced")
        return (0, nil)
    }

    func testResumeInsideTheZoneContinuesOnTheResumingThread() async {
        let (resumer, continuedOn) = await resumeFromQueue(inZone: true)
        XCTAssertEqual(resumer, continuedOn)
    }

    func testResumeOutsideTheZoneGoesToThePool() async {
        // The resumer's queue thread is not a pool thread, and outside a
        // zone the task must not run on it.
        for _ in 0..<5 {
            let (resumer, continuedOn) = await resumeFromQueue(inZone: false)
            XCTAssertNotNil(continuedOn)
            XCTAssertNotEqual(resumer, continuedOn)
        }
    }

    func testTheMarkEndsWithTheZone() {
        XCTAssertFalse(HandoffZone.isActive)
        HandoffZone.resuming {
            XCTAssertTrue(HandoffZone.isActive)
            HandoffZone.resuming { XCTAssertTrue(HandoffZone.isActive) }
            XCTAssertTrue(HandoffZone.isActive, "a nested zone keeps the outer mark")
        }
        XCTAssertFalse(HandoffZone.isActive)
    }

    /// Starts `count` parked tasks, each of which (once woken) records the
    /// address of a local (how deep its stack is) and wakes the next inside
    /// a zone; wakes the first from a queue thread inside a zone and waits
    /// for all. Returns the waking thread, where each task ran, and the
    /// stack addresses.
    private func chain(_ count: Int) async -> (first: UInt, seen: Seen, stack: [Int: UInt]) {
        let slots = (0..<count).map { _ in Parked() }
        let seen = Seen()
        let stack = Mutex<[Int: UInt]>([:])
        var tasks: [Task<Void, Never>] = []
        for i in 0..<count {
            tasks.append(parkedTask(slots[i], i, seen) {
                var marker = 0
                let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
                stack.withLock { $0[i] = address }
                guard i + 1 < count else { return }
                slots[i + 1].parked.wait()
                HandoffZone.resuming { slots[i + 1].continuation!.resume() }
            })
        }
        let first = await resume(slots[0], inZone: true)
        for t in tasks { await t.value }
        return (first, seen, stack.withLock { $0 })
    }

    /// A chain of tasks each woken by the previous one inside the zone:
    /// all run on the resuming thread, one after another, not nested (the
    /// stack does not grow with the chain), and every task finishes.
    func testAChainRunsOnTheResumingThreadWithoutNesting() async {
        let count = HandoffExecutor.maxDrain
        for attempt in 0..<10 {
            let (first, seen, stack) = await chain(count)
            let ids = seen.ids.withLock { $0 }
            XCTAssertEqual(ids.count, count)
            if (0..<count).contains(where: { seen.raced($0) }) && attempt < 9 { continue }
            XCTAssertEqual((0..<count).filter { ids[$0] == first }.count, count,
                           "every woken task ran on the resuming thread")
            let addresses = Array(stack.values)
            XCTAssertLessThan(addresses.max()! - addresses.min()!, 16 << 10,
                              "the tasks ran one after another, not nested")
            return
        }
    }

    /// Past `maxDrain` jobs, a chain goes on in the pool: the resuming
    /// thread is not held by it for good.
    func testALongChainLeavesTheResumingThread() async {
        let count = HandoffExecutor.maxDrain + 20
        for attempt in 0..<10 {
            let (first, seen, _) = await chain(count)
            let ids = seen.ids.withLock { $0 }
            XCTAssertEqual(ids.count, count)
            if (0...HandoffExecutor.maxDrain).contains(where: { seen.raced($0) }) && attempt < 9 { continue }
            XCTAssertEqual((0..<count).prefix { ids[$0] == first }.count, HandoffExecutor.maxDrain,
                           "the first maxDrain tasks ran on the resuming thread, the next did not")
            return
        }
    }

    /// Jobs waiting on a poller thread go to the pool when the thread is
    /// lent: they do not wait for the lent job.
    func testALoanSendsWaitingJobsAway() async {
        PollerLoan.setPollerThreads(2)
        for attempt in 0..<10 {
            let first = Parked(), second = Parked()
            let seen = Seen()
            let ranDuringLoan = DispatchSemaphore(value: 0)
            let waited = Mutex<Bool?>(nil)
            let t2 = parkedTask(second, 1, seen) { ranDuringLoan.signal() }
            let t1 = parkedTask(first, 0, seen) {
                // Wake the second task (it waits on this thread), then
                // borrow the thread until the second has run elsewhere.
                second.parked.wait()
                HandoffZone.resuming { second.continuation!.resume() }
                let result = PollerLoan.run(when: { true }) { () -> Bool in
                    ranDuringLoan.wait(timeout: .now() + 5) == .success
                }
                waited.withLock { $0 = result }
            }
            let resumer = await withCheckedContinuation { (done: CheckedContinuation<UInt, Never>) in
                DispatchQueue(label: "fake-poller").async {
                    first.parked.wait()
                    HandoffZone.resuming(onPoller: true) { first.continuation!.resume() }
                    done.resume(returning: threadId())
                }
            }
            await t1.value
            await t2.value
            if seen.raced(0) && attempt < 9 { continue } // went on by itself: no zone, no loan
            XCTAssertEqual(seen.ids.withLock { $0[0] }, resumer)
            XCTAssertEqual(waited.withLock { $0 }, true, "the waiting task ran while this thread was lent")
            XCTAssertNotEqual(seen.ids.withLock { $0[1] }, resumer)
            return
        }
    }
}
