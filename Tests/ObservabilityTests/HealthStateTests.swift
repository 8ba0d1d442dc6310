import Foundation
import Observability
import XCTest

/// The `/healthz` verdict over time, with explicit instants.
final class HealthStateTests: XCTestCase {
    private func status(_ report: HealthReport) throws -> (String, [String]) {
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.body)) as? [String: Any])
        let workers = json["workers"] as? [[String: Any]] ?? []
        return (json["status"] as? String ?? "", workers.map { $0["status"] as? String ?? "" })
    }

    func testRetryingWithinToleranceIsHealthyThenFails() throws {
        let health = HealthState(failureTolerance: .seconds(30), staleAfter: .seconds(180))
        let t0 = ContinuousClock.now
        health.register(worker: "a", namespace: "default", taskQueue: "qa")
        health.register(worker: "b", namespace: "default", taskQueue: "qb")
        health.succeeded(worker: "a", at: t0)
        XCTAssertFalse(health.report(now: t0).healthy, "b has not polled yet")
        health.succeeded(worker: "b", at: t0)
        XCTAssertTrue(health.report(now: t0).healthy)

        health.failed(worker: "b", code: "UNAVAILABLE", at: t0 + .seconds(1))
        health.failed(worker: "b", code: "UNAVAILABLE", at: t0 + .seconds(5))   // the streak keeps its start
        let retrying = health.report(now: t0 + .seconds(20))
        XCTAssertTrue(retrying.healthy)
        XCTAssertEqual(try status(retrying).1, ["ok", "retrying"])
        XCTAssertTrue(String(decoding: retrying.body, as: UTF8.self).contains(#""last_error":"UNAVAILABLE""#))

        let failing = health.report(now: t0 + .seconds(32))
        XCTAssertFalse(failing.healthy)
        XCTAssertEqual(try status(failing).0, "unhealthy")
        XCTAssertEqual(try status(failing).1, ["ok", "failing"])

        health.succeeded(worker: "b", at: t0 + .seconds(33))
        XCTAssertTrue(health.report(now: t0 + .seconds(34)).healthy, "recovers on the next success")
    }

    func testNoSuccessForTooLongIsStale() throws {
        let health = HealthState(failureTolerance: .seconds(30), staleAfter: .seconds(180))
        let t0 = ContinuousClock.now
        health.register(worker: "a", namespace: "default", taskQueue: "q")
        health.succeeded(worker: "a", at: t0)
        XCTAssertTrue(health.report(now: t0 + .seconds(179)).healthy)
        let stale = health.report(now: t0 + .seconds(181))
        XCTAssertFalse(stale.healthy)
        XCTAssertEqual(try status(stale).1, ["stale"])
    }

    func testAWorkerThatNeverWorkedIsFailingAtOnce() throws {
        let health = HealthState()
        health.register(worker: "a", namespace: "default", taskQueue: "q")
        health.failed(worker: "a", code: "CLIENT_UNUSABLE")
        let report = health.report()
        XCTAssertFalse(report.healthy)
        XCTAssertEqual(try status(report).1, ["failing"])
    }
}
